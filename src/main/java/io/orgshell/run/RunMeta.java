package io.orgshell.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code run.json}: what a run is, where it stands ({@link RunState}) and how its rows ended so far. A
 * {@code run.json} without counts reads as none. {@code limits} are the preview's figures the safety limit is
 * checked against, kept so that {@code resume} checks it again; runs of earlier versions have none.
 * {@code journalBytes} is how much of the journal the state, the counts, {@code results.csv} and {@code undo.csv}
 * reflect; a journal longer than that holds what they lack (a process killed between its reports). A
 * {@code run.json} written before it was recorded has none.
 */
public record RunMeta(String id, String operation, String orgId, String orgName, String source, String created,
                      int rows, int steps, RunState state, OutcomeCounts counts, String updated,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Limits limits,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Long journalBytes) {

    /** The managed accounts the preview saw and the OK rows on org admins. */
    public record Limits(int orgAccounts, int adminRows) {
    }

    public RunMeta {
        counts = counts == null ? OutcomeCounts.none() : counts;
    }

    public RunMeta(String id, String operation, String orgId, String orgName, String source, String created,
                   int rows, int steps, RunState state, OutcomeCounts counts, String updated, Limits limits) {
        this(id, operation, orgId, orgName, source, created, rows, steps, state, counts, updated, limits, null);
    }

    public boolean unfinished() {
        return state != RunState.FINISHED;
    }

    public RunMeta with(RunState newState, OutcomeCounts newCounts, String at) {
        return new RunMeta(id, operation, orgId, orgName, source, created, rows, steps, newState, newCounts, at,
                limits, journalBytes);
    }

    /** The same, reflecting the first {@code bytes} of the journal. */
    public RunMeta reflecting(long bytes) {
        return new RunMeta(id, operation, orgId, orgName, source, created, rows, steps, state, counts, updated,
                limits, bytes);
    }
}
