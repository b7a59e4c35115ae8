package io.orgshell.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code run.json}: what a run is, where it stands ({@link RunState}) and how its rows ended so far. A
 * {@code run.json} without counts reads as none. {@code limits} are the preview's figures the safety limit is
 * checked against, kept so that {@code resume} checks it again; runs of earlier versions have none.
 */
public record RunMeta(String id, String operation, String orgId, String orgName, String source, String created,
                      int rows, int steps, RunState state, OutcomeCounts counts, String updated,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Limits limits) {

    /** The managed accounts the preview saw and the OK rows on org admins. */
    public record Limits(int orgAccounts, int adminRows) {
    }

    public RunMeta {
        counts = counts == null ? OutcomeCounts.none() : counts;
    }

    public boolean unfinished() {
        return state != RunState.FINISHED;
    }

    public RunMeta with(RunState newState, OutcomeCounts newCounts, String at) {
        return new RunMeta(id, operation, orgId, orgName, source, created, rows, steps, newState, newCounts, at,
                limits);
    }
}
