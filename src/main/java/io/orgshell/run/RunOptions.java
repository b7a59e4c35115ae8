package io.orgshell.run;

/**
 * {@code run}/{@code resume} settings: batch size, writes in flight, whether to ask between batches, and whether
 * the safety limit of destructive runs is overridden. The defaults are strings because the commands' option
 * annotations take them as such; {@link #of} applies them to a flag left out. {@code batchSizeGiven} tells a batch
 * size the operator chose from the default: {@code resume} keeps the run's own unless told otherwise.
 * {@code waitForWriter} ({@code --wait}) waits for another process writing to the org instead of refusing.
 */
public record RunOptions(
        int batchSize,
        int concurrency,
        boolean unattended,
        boolean overrideLimit,
        boolean batchSizeGiven,
        boolean waitForWriter) {

    public static final String DEFAULT_BATCH_SIZE = "50";
    public static final String DEFAULT_CONCURRENCY = "16";
    public static final int MAX_CONCURRENCY = 64;

    public RunOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch size must be at least 1, not " + batchSize);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "writes in flight must be 1 to " + MAX_CONCURRENCY + ", not " + concurrency);
        }
    }

    public static RunOptions of(Integer batchSize, Integer concurrency, boolean unattended, boolean overrideLimit) {
        return new RunOptions(
                batchSize == null ? defaultBatchSize() : batchSize,
                concurrency == null ? Integer.parseInt(DEFAULT_CONCURRENCY) : concurrency,
                unattended,
                overrideLimit,
                batchSize != null,
                false);
    }

    /** The same, waiting for another writer of the org ({@code --wait}) or not. */
    public RunOptions waitingForWriter(boolean wait) {
        return new RunOptions(batchSize, concurrency, unattended, overrideLimit, batchSizeGiven, wait);
    }

    public static int defaultBatchSize() {
        return Integer.parseInt(DEFAULT_BATCH_SIZE);
    }

    /** The batch size a run recorded, unless the operator gave one now; a run of an earlier version recorded none. */
    RunOptions resuming(Integer recorded) {
        if (batchSizeGiven || recorded == null || recorded < 1) {
            return this;
        }
        return new RunOptions(recorded, concurrency, unattended, overrideLimit, false, waitForWriter);
    }
}
