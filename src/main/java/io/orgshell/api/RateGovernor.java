package io.orgshell.api;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * Paces every request of a client so that a run settles just under the server's limit without being told it.
 * Requests are spaced {@code 1/rate} apart, and the rate is learnt from the answers:
 * <ul>
 * <li>the ceiling is {@code X-RateLimit-Limit} per period, the period being the longest wait until
 * {@code X-RateLimit-Reset} seen so far (a token bucket's time to refill, or a fixed window's length: both models
 * give "limit per period"); the rate stays at 95% of it;</li>
 * <li>below the ceiling the rate climbs while {@code X-RateLimit-Remaining} is comfortable, and eases off when it
 * runs low;</li>
 * <li>a 429 halves the rate and holds every request until {@code Retry-After} has passed;</li>
 * <li>without any headers: climb until a 429, then halve (additive-increase, multiplicative-decrease).</li>
 * <li>until the first sign of a limit (a 429, a 5xx, a wait asked for, or Remaining at 30% or below, which also
 * halves the rate) the rate doubles at each step in which it held a request back, instead of climbing by a tenth or
 * a twentieth, as TCP's slow start does: an export's six slices want some 300 requests a second, which a climb of 5%
 * from 20 would reach only after five seconds of holding them back.</li>
 * </ul>
 * The rate changes at most every 100 ms: with many requests in flight, every answer reports the same low Remaining,
 * and reacting to each would cut the rate far below the limit before the first cut could show. Bounded concurrency
 * is the caller's (flatMap); this bounds the rate.
 */
public final class RateGovernor {

    static final double START_RATE = 20;
    static final double MIN_RATE = 0.5;
    static final double MAX_RATE = 1000;
    static final double HEADROOM = 0.95;
    static final double LOW = 0.10;
    static final double HIGH = 0.30;
    static final long ADJUST_EVERY_NANOS = 100_000_000L;
    static final double MAX_PERIOD_SECONDS = 3600;

    private final LongSupplier nanoClock;
    private final Supplier<Instant> wallClock;
    private double rate = START_RATE;
    private double ceiling = MAX_RATE;
    private double period;
    private long nextFree;
    private long lastAdjust;
    private long throttled;
    /** No limit met yet: the rate doubles instead of climbing. */
    private boolean startingUp = true;
    /** A request waited for its turn since the last step: the rate is what holds the requests back. */
    private boolean heldBack;
    /** The rate has doubled at least once: a first low Remaining then means it overshot. */
    private boolean doubled;

    public RateGovernor() {
        this(System::nanoTime, Instant::now);
    }

    RateGovernor(LongSupplier nanoClock, Supplier<Instant> wallClock) {
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        this.nextFree = nanoClock.getAsLong();
        this.lastAdjust = nextFree - ADJUST_EVERY_NANOS;
    }

    /** Waits for this request's turn. */
    Mono<Void> acquire() {
        Duration wait = reserve();
        return wait.isZero() ? Mono.empty() : Mono.delay(wait).then();
    }

    synchronized Duration reserve() {
        long now = nanoClock.getAsLong();
        long start = Math.max(now, nextFree);
        heldBack |= start > now;
        nextFree = start + (long) (1e9 / rate);
        return Duration.ofNanos(start - now);
    }

    public synchronized void observe(int status, HttpHeaders headers, Duration retryAfter) {
        long now = nanoClock.getAsLong();
        if (status == 429) {
            throttled++;
            if (retryAfter != null) {
                nextFree = Math.max(nextFree, now + retryAfter.toNanos());
            }
        }
        long limit = number(headers.getFirst("X-RateLimit-Limit"));
        long remaining = number(headers.getFirst("X-RateLimit-Remaining"));
        Instant reset = RateLimitHeaders.parseInstant(headers.getFirst("X-RateLimit-Reset"));
        if (limit > 0 && reset != null) {
            double untilReset = Duration.between(wallClock.get(), reset).toNanos() / 1e9;
            if (untilReset > period && untilReset <= MAX_PERIOD_SECONDS) {
                period = untilReset;
            }
            if (period > 0) {
                ceiling = Math.min(MAX_RATE, Math.max(MIN_RATE, HEADROOM * limit / period));
            }
        }
        if (startingUp && (status == 429 || status >= 500 || retryAfter != null)) {
            startingUp = false;
        } else if (startingUp && limit > 0 && remaining >= 0 && remaining <= HIGH * limit) {
            startingUp = false;
            if (doubled) {
                // the last doubling may have overshot by as much: back to where it was
                rate = Math.max(MIN_RATE, rate / 2);
            }
        }
        if (now - lastAdjust < ADJUST_EVERY_NANOS) {
            rate = Math.min(rate, ceiling);
            return;
        }
        lastAdjust = now;
        boolean doubling = startingUp && heldBack;
        heldBack = false;
        doubled |= doubling;
        if (status == 429) {
            rate = rate / 2;
        } else if (limit > 0 && remaining >= 0) {
            double left = (double) remaining / limit;
            rate = left < LOW ? rate * 0.9 : left > HIGH ? rate * (doubling ? 2 : 1.10) : rate;
        } else {
            rate = rate * (doubling ? 2 : 1.05);
        }
        rate = Math.max(MIN_RATE, Math.min(rate, ceiling));
    }

    public synchronized double rate() {
        return rate;
    }

    /** 95% of the server's limit per period, as learnt so far. */
    public synchronized double ceiling() {
        return ceiling;
    }

    public synchronized long throttled() {
        return throttled;
    }

    private static long number(String s) {
        if (s == null) {
            return -1;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
