package io.orgshell.run;

import java.util.List;

/**
 * Asked after each batch when the run is attended. The implementation (a command) shows the report and reads the
 * answer; viewing failures is its own business and ends in one of these decisions.
 */
public interface BatchControl {

    enum Decision { CONTINUE, ALL_REMAINING, RETRY_FAILED, QUIT }

    /** {@code failures} are the failed rows so far (line, account, reason), for "view failures". */
    record BatchReport(int batch, int batchesLeft, OutcomeCounts batchCounts, OutcomeCounts runCounts,
                       String next, List<String> failures) {
    }

    Decision afterBatch(BatchReport report);

    /**
     * Before the first write of a run or a resume that deactivates, deletes or removes: the operator types what is
     * about to happen, or a script said {@code --yes}. Asked after the safety limit, so nobody types a confirmation
     * that is then refused. Throws when not confirmed: nothing has been sent.
     */
    void confirmDestructive(String operation, long writes, String orgName);

    /** Told once, before the first batch, how many steps the run has and how many already have a result. */
    default void starting(int steps, int alreadyDone) {
    }
}
