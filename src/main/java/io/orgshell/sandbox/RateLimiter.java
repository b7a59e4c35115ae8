package io.orgshell.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
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
    /** The server's own clock, or a test's that it moves on by hand. */
    private final InstantSource clock;

    private double tokens;
    private Instant last;

    RateLimiter(double ratePerSecond, InstantSource clock) {
        this.rate = ratePerSecond;
        this.capacity = Math.max(1.0, ratePerSecond);
        this.clock = clock;
        this.tokens = capacity;
        this.last = clock.instant();
    }

    synchronized Decision acquire() {
        Instant now = clock.instant();
        if (rate <= 0) {
            return new Decision(
                    true, UNLIMITED, UNLIMITED - 1, now.plusSeconds(1).truncatedTo(ChronoUnit.MILLIS), 0);
        }
        // a clock set back refills nothing
        long elapsedNanos = Math.max(0, Duration.between(last, now).toNanos());
        tokens = Math.min(capacity, tokens + elapsedNanos / 1e9 * rate);
        last = now;
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
        last = clock.instant();
    }
}
