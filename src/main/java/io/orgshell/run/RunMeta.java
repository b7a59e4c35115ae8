package io.orgshell.run;

import java.util.Map;

/**
 * {@code run.json}: what a run is and where it stands. {@code state} is {@code running} while a process works on
 * it, {@code paused} after quit, {@code interrupted} after Ctrl-C or a fatal error, {@code finished} when every
 * step has a result. A process killed outright leaves {@code running} behind; the lock tells that apart from a live one.
 */
public record RunMeta(String id, String operation, String orgId, String orgName, String source, String created,
                      int rows, int steps, String state, Map<String, Long> counts, String updated) {

    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String INTERRUPTED = "interrupted";
    public static final String FINISHED = "finished";

    public boolean unfinished() {
        return !FINISHED.equals(state);
    }

    public RunMeta with(String newState, Map<String, Long> newCounts, String at) {
        return new RunMeta(id, operation, orgId, orgName, source, created, rows, steps, newState, newCounts, at);
    }
}
