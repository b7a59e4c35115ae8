package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;

/**
 * An add-users task of an authentication policy. The task-status body is not documented: {@code status} and each
 * user's {@code status} are read loosely (a task is done when it says so or when every user has a final outcome).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicyTask(String taskId, String status, List<UserOutcome> users) {

    /** What the add-users request answered (202): the task to poll. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Accepted(String taskId, String taskLink) {}

    /** One user's outcome: {@code user} is the address sent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserOutcome(String user, String status, String reason) {

        public boolean succeeded() {
            return is(status, "SUCCESS", "SUCCEEDED", "COMPLETED", "ADDED", "DONE");
        }

        public boolean failed() {
            return is(status, "FAILED", "FAILURE", "ERROR", "REJECTED");
        }
    }

    public boolean inProgress() {
        boolean everyUserFinal = users != null && users.stream().allMatch(u -> u.succeeded() || u.failed());
        return !(is(status, "COMPLETED", "SUCCESS", "SUCCEEDED", "DONE", "FAILED", "PARTIAL_SUCCESS")
                || (status == null && everyUserFinal));
    }

    /** Whether the whole task failed, leaving users without an outcome of their own. */
    public boolean failed() {
        return is(status, "FAILED", "ERROR");
    }

    private static boolean is(String value, String... any) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        for (String a : any) {
            if (a.equals(v)) {
                return true;
            }
        }
        return false;
    }
}
