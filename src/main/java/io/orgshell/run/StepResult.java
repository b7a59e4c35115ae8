package io.orgshell.run;

/**
 * The recorded end of one step: its outcome, the HTTP status and API error code when there was one, and why;
 * {@code skip} says why in a form decisions can use, for a step the executor skipped (null otherwise, and for
 * skips journaled before it was recorded).
 */
public record StepResult(int step, Outcome outcome, int status, String code, String reason, SkipReason skip) {

    public StepResult(int step, Outcome outcome, int status, String code, String reason) {
        this(step, outcome, status, code, reason, null);
    }

    static StepResult skipped(int step, SkipReason why, String reason) {
        return new StepResult(step, Outcome.SKIPPED, 0, null, reason, why);
    }
}
