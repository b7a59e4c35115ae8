package io.orgshell.run;

import java.util.List;

/**
 * The operator's say in an attended run: asked before the first write and after each batch. The implementation (a
 * command) shows what is next and reads the answer; viewing failures is its own business and ends in one of these
 * decisions.
 */
public interface BatchControl {

    enum Decision {
        CONTINUE,
        ALL_REMAINING,
        RETRY_FAILED,
        QUIT
    }

    /**
     * {@code retry} says the batch was the failed rows sent again; {@code failures} are the failed rows so far
     * (line, account, reason), for "view failures".
     */
    record BatchReport(
            int batch,
            boolean retry,
            int batchesLeft,
            OutcomeCounts batchCounts,
            OutcomeCounts runCounts,
            String next,
            List<String> failures) {}

    /**
     * Before the first write of an attended run or resume: {@code next} says what the first batch writes. Nothing
     * has been sent; the answer is {@link Decision#CONTINUE}, {@link Decision#ALL_REMAINING} or
     * {@link Decision#QUIT}.
     */
    Decision beforeFirstBatch(String next);

    Decision afterBatch(BatchReport report);

    /**
     * Before the first write of a run or a resume that deactivates, deletes or removes: the operator types what is
     * about to happen, or a script said {@code --yes}. Asked after the safety limit, so nobody types a confirmation
     * that is then refused. Throws when not confirmed: nothing has been sent.
     */
    void confirmDestructive(String operation, long writes, String orgName);

    /**
     * {@code resume}, before it checks or sends anything for the run: which run it is, what it does and what is
     * left. Throws when the run must not go on (a script that did not say {@code --yes}): nothing has been sent.
     */
    void resuming(RunMeta run, String file, long rowsLeft, int batchSize);

    /**
     * Told before the first batch, and again after "retry failed", how many steps the run has and how many have a
     * result.
     */
    default void starting(int steps, int alreadyDone) {}

    /**
     * Something the operator must hear before anything is sent: another process's lock taken over or waited for,
     * an unfinished run that holds the same accounts.
     */
    default void note(String line) {}
}
