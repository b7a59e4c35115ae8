package io.orgshell.run;

import java.util.List;

/**
 * Asked after each batch when the run is attended. The implementation (a command) shows the report and reads the
 * answer; viewing failures is its own business and ends in one of these decisions.
 */
@FunctionalInterface
public interface BatchControl {

    enum Decision { CONTINUE, ALL_REMAINING, RETRY_FAILED, QUIT }

    /** {@code failures} are the failed rows so far (line, account, reason), for "view failures". */
    record BatchReport(int batch, int batchesLeft, OutcomeCounts batchCounts, OutcomeCounts runCounts,
                       String next, List<String> failures) {
    }

    Decision afterBatch(BatchReport report);

    /** Told once, before the first batch, how many steps the run has and how many already have a result. */
    default void starting(int steps, int alreadyDone) {
    }
}
