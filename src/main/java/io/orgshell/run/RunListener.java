package io.orgshell.run;

/**
 * Told of a run's progress as it happens, for whoever shows it: each write answered, each result, each batch
 * ended, and the end of the run. Called from the run's threads, a batch's several writers among them: an
 * implementation guards its own state.
 */
public interface RunListener {

    /** A step has its result: applied (read back changed), already done, skipped or failed. */
    void result(StepResult result);

    /** A write was answered with success; its result follows once its account reads back changed. */
    default void answered(int step) {}

    /**
     * The writes of batch number {@code batch} are answered, of {@code batches} as the run stands now (the count
     * follows the batch size, which grows once nobody is asked between batches).
     */
    default void batchEnded(int batch, int batches) {}

    /** The run ends, however it ends: nothing more is told. */
    default void ended() {}
}
