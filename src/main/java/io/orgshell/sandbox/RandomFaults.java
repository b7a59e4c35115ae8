package io.orgshell.sandbox;

import java.util.SplittableRandom;

/**
 * Random faults at the configured rate. The generator is seeded from the sandbox seed, so a given sequence of
 * requests meets the same faults on every run (concurrent requests may of course arrive in another order).
 */
final class RandomFaults {

    enum Kind {
        ERROR_500,
        ERROR_502,
        ERROR_503_RETRY_AFTER,
        ERROR_503,
        /** Close the connection without an answer; the request is not applied. */
        DROP,
        /** Apply the request, then answer {@code slowResponseMs} late. */
        SLOW,
        /** This request and the next {@link #BURST_EXTRA} get 429. */
        BURST_429
    }

    /** Requests after the first that a 429 burst also throttles. */
    static final int BURST_EXTRA = 3;

    private final double rate;
    private final long seed;
    private SplittableRandom random;

    RandomFaults(double rate, long seed) {
        this.rate = rate;
        this.seed = seed;
        reset();
    }

    /** The fault for the next request, or null for none. */
    synchronized Kind next() {
        if (rate <= 0) return null;
        if (random.nextDouble() >= rate) return null;
        Kind[] kinds = Kind.values();
        return kinds[random.nextInt(kinds.length)];
    }

    synchronized void reset() {
        random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }
}
