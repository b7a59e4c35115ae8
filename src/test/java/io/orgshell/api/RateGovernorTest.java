package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The governor's decisions, on a clock the test moves. */
class RateGovernorTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final Instant wall = Instant.parse("2026-11-27T00:00:00Z");
    final RateGovernor governor = new RateGovernor(now::get, () -> wall.plusNanos(now.get()));

    static HttpHeaders limits(long limit, long remaining) {
        HttpHeaders h = new HttpHeaders();
        h.add("X-RateLimit-Limit", String.valueOf(limit));
        h.add("X-RateLimit-Remaining", String.valueOf(remaining));
        return h;
    }

    @Test
    void requestsAreSpacedByTheRate() {
        assertThat(governor.reserve()).isZero();
        Duration second = governor.reserve();
        assertThat(second.toNanos()).isEqualTo((long) (1e9 / governor.rate()));
    }

    void later() {
        now.addAndGet(RateGovernor.ADJUST_EVERY_NANOS);
    }

    @Test
    void a429HalvesTheRateAndHoldsEveryRequestForRetryAfter() {
        double before = governor.rate();
        governor.observe(429, new HttpHeaders(), Duration.ofSeconds(2));
        assertThat(governor.rate()).isEqualTo(before / 2);
        assertThat(governor.throttled()).isEqualTo(1);
        assertThat(governor.reserve()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theRateFollowsRemaining() {
        double start = governor.rate();
        governor.observe(200, limits(50, 45), null);
        assertThat(governor.rate()).isGreaterThan(start);
        double high = governor.rate();
        later();
        governor.observe(200, limits(50, 10), null);
        assertThat(governor.rate()).as("between 10% and 30%: hold").isEqualTo(high);
        later();
        governor.observe(200, limits(50, 2), null);
        assertThat(governor.rate()).isLessThan(high);
        double low = governor.rate();
        governor.observe(200, limits(50, 1), null);
        governor.observe(200, limits(50, 0), null);
        assertThat(governor.rate()).as("answers arriving together count once").isEqualTo(low);
    }

    @Test
    void theCeilingIsTheLimitPerPeriodLearntFromTheResetHeader() {
        // a bucket of 50 that refills in a second: an almost empty bucket resets one second from now
        HttpHeaders h = limits(50, 1);
        h.add("X-RateLimit-Reset", wall.plusNanos(now.get()).plusMillis(980).toString());
        governor.observe(200, h, null);
        assertThat(governor.ceiling()).isCloseTo(0.95 * 50 / 0.98, org.assertj.core.data.Offset.offset(0.01));
        for (int i = 0; i < 100; i++) {
            later();
            governor.observe(200, limits(50, 50), null);
        }
        assertThat(governor.rate()).isLessThanOrEqualTo(governor.ceiling());
    }

    /** Two requests at once: the second waits for its turn, so the rate is what holds them back. */
    void heldBack() {
        governor.reserve();
        assertThat(governor.reserve()).isPositive();
    }

    @Test
    void untilALimitIsMetTheRateDoublesWhileItHoldsRequestsBackThenItClimbsByAFraction() {
        double start = governor.rate();
        governor.observe(200, new HttpHeaders(), null);
        assertThat(governor.rate())
                .as("nothing waited: a climb, not a doubling")
                .isEqualTo(start * 1.05);
        later();
        heldBack();
        governor.observe(200, new HttpHeaders(), null);
        later();
        heldBack();
        governor.observe(200, limits(1000, 900), null);
        assertThat(governor.rate()).as("doubled twice").isEqualTo(start * 1.05 * 4);

        later();
        heldBack();
        governor.observe(429, new HttpHeaders(), null);
        double halved = governor.rate();
        assertThat(halved).isEqualTo(start * 1.05 * 2);
        later();
        heldBack();
        governor.observe(200, new HttpHeaders(), null);
        assertThat(governor.rate()).as("after a 429: 5% a step").isEqualTo(halved * 1.05);
    }

    @Test
    void aServerErrorOrAWaitAskedForEndsTheDoubling() {
        heldBack();
        governor.observe(503, new HttpHeaders(), null);
        double after = governor.rate();
        later();
        heldBack();
        governor.observe(200, new HttpHeaders(), null);
        assertThat(governor.rate()).isEqualTo(after * 1.05);

        RateGovernor other = new RateGovernor(now::get, () -> wall.plusNanos(now.get()));
        other.observe(403, new HttpHeaders(), Duration.ofSeconds(1));
        double start = other.rate();
        now.addAndGet(RateGovernor.ADJUST_EVERY_NANOS);
        other.reserve();
        other.reserve();
        other.observe(200, new HttpHeaders(), null);
        assertThat(other.rate()).isEqualTo(start * 1.05);
    }

    @Test
    void aLowRemainingAfterADoublingEndsItAndTakesTheDoublingBack() {
        double start = governor.rate();
        heldBack();
        governor.observe(200, limits(100, 90), null);
        assertThat(governor.rate()).isEqualTo(start * 2);
        later();
        governor.observe(200, limits(100, 20), null);
        assertThat(governor.rate()).as("halved, then between 10% and 30%: hold").isEqualTo(start);
        later();
        heldBack();
        governor.observe(200, limits(100, 90), null);
        assertThat(governor.rate()).as("a tenth a step now").isEqualTo(start * 1.10);
    }

    @Test
    void theRateStaysWithinBounds() {
        for (int i = 0; i < 1000; i++) {
            later();
            governor.observe(429, new HttpHeaders(), null);
        }
        assertThat(governor.rate()).isEqualTo(RateGovernor.MIN_RATE);
        for (int i = 0; i < 10_000; i++) {
            later();
            governor.observe(200, limits(10_000, 10_000), null);
        }
        assertThat(governor.rate()).isEqualTo(RateGovernor.MAX_RATE);
    }
}
