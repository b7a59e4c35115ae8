package io.orgshell.run;

/**
 * {@code run}/{@code resume} settings: batch size, writes in flight, whether to ask between batches, and whether
 * the safety limit of destructive runs is overridden.
 */
public record RunOptions(int batchSize, int concurrency, boolean unattended, boolean overrideLimit) {

    public RunOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1");
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("--concurrency must be between 1 and 64");
        }
    }
}
