package io.orgshell.run;

/**
 * {@code run.json}: what a run is, where it stands ({@link RunState}) and how its rows ended so far. A
 * {@code run.json} without counts reads as none.
 */
public record RunMeta(String id, String operation, String orgId, String orgName, String source, String created,
                      int rows, int steps, RunState state, OutcomeCounts counts, String updated) {

    public RunMeta {
        counts = counts == null ? OutcomeCounts.none() : counts;
    }

    public boolean unfinished() {
        return state != RunState.FINISHED;
    }

    public RunMeta with(RunState newState, OutcomeCounts newCounts, String at) {
        return new RunMeta(id, operation, orgId, orgName, source, created, rows, steps, newState, newCounts, at);
    }
}
