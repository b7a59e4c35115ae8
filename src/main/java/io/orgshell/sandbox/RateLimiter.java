package io.orgshell.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Rate limit of the API key, as a <b>token bucket</b>: it holds at most {@code max(1, rate)} tokens, refills
 * continuously at {@code rate} tokens per second, starts full, and every request takes one token or is refused.
 * A bucket (not fixed one-second windows) is used so that any client pacing itself below the rate never sees
 * a 429, whatever the phase of its requests against the clock.
 *
 * <p>Headers: {@code X-RateLimit-Limit} is the bucket size, {@code X-RateLimit-Remaining} the whole tokens left
 * after this request, {@code X-RateLimit-Reset} the instant the bucket will be full again. A refused request's
 * retry delay is the time until one token is back.
 *
 * <p>Rate 0 means unlimited: every request passes and the headers report a limit of {@value #UNLIMITED}.
 */
final class RateLimiter {

    static final long UNLIMITED = 10_000;

    /** @param retryAfterNanos for a refused request, how long until a token is available; 0 when allowed */
    record Decision(boolean allowed, long limit, long remaining, Instant reset, long retryAfterNanos) {}

    private final double rate;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    RateLimiter(double ratePerSecond) {
        this.rate = ratePerSecond;
        this.capacity = Math.max(1.0, ratePerSecond);
        this.tokens = capacity;
        this.lastNanos = System.nanoTime();
    }

    synchronized Decision acquire() {
        Instant now = Instant.now();
        if (rate <= 0) {
            return new Decision(
                    true, UNLIMITED, UNLIMITED - 1, now.plusSeconds(1).truncatedTo(ChronoUnit.MILLIS), 0);
        }
        long t = System.nanoTime();
        tokens = Math.min(capacity, tokens + (t - lastNanos) / 1e9 * rate);
        lastNanos = t;
        boolean allowed = tokens >= 1.0;
        if (allowed) tokens -= 1.0;
        long toFullNanos = (long) Math.ceil((capacity - tokens) / rate * 1e9);
        long retryNanos = allowed ? 0 : (long) Math.ceil((1.0 - tokens) / rate * 1e9);
        return new Decision(
                allowed,
                (long) Math.floor(capacity),
                (long) Math.floor(tokens),
                now.plusNanos(toFullNanos).truncatedTo(ChronoUnit.MILLIS),
                retryNanos);
    }

    synchronized void reset() {
        tokens = capacity;
        lastNanos = System.nanoTime();
    }
}
