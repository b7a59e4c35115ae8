package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static SandboxServer start(double rate, RetryAfterMode mode) throws IOException {
        return SandboxServer.start(config(rate, mode));
    }

    private static SandboxConfig config(double rate, RetryAfterMode mode) {
        return SandboxConfig.defaults().withUsers(20).withRatePerSecond(rate).withRetryAfterMode(mode);
    }

    /** The rate limit's time, moved on by the test: waiting out a Retry-After takes no real second. */
    static final class HandClock implements InstantSource {
        private Instant now = Instant.now();

        @Override
        public synchronized Instant instant() {
            return now;
        }

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @Test
    void headersOnEveryAnswerAnd429PastTheLimitWithRetryAfterSeconds() throws IOException {
        try (SandboxServer s = start(5, RetryAfterMode.SECONDS)) {
            SandboxHttp h = new SandboxHttp(s);
            for (int i = 0; i < 5; i++) {
                var r = h.get(h.org(""));
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("X-RateLimit-Limit")).isEqualTo("5");
                assertThat(Integer.parseInt(r.header("X-RateLimit-Remaining"))).isBetween(0, 4 - i + 1);
                Instant reset = Instant.parse(r.header("X-RateLimit-Reset"));
                assertThat(reset)
                        .isBetween(Instant.now().minusSeconds(1), Instant.now().plusSeconds(2));
            }
            var throttled = h.get(h.org(""));
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.body()).isEqualTo("{\"code\":429,\"message\":\"Rate limit exceeded\"}");
            assertThat(throttled.header("Retry-After")).isEqualTo("1");
            assertThat(throttled.header("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(throttled.header("X-RateLimit-Limit")).isEqualTo("5");
            assertThat(s.stats().throttled()).isEqualTo(1);
            // error answers carry the headers too
            assertThat(h.send("GET", "/admin/v1/orgs", null, "wrong").header("X-RateLimit-Reset"))
                    .isNotNull();
        }
    }

    @Test
    void afterWaitingRetryAfterTheNextRequestPasses() throws Exception {
        HandClock clock = new HandClock();
        try (SandboxServer s = SandboxServer.start(config(2, RetryAfterMode.SECONDS), clock)) {
            SandboxHttp h = new SandboxHttp(s);
            SandboxHttp.Resp r;
            do {
                r = h.get(h.org(""));
            } while (r.status() == 200);
            assertThat(r.status()).isEqualTo(429);
            clock.advance(Duration.ofSeconds(Long.parseLong(r.header("Retry-After"))));
            assertThat(h.get(h.org("")).status()).isEqualTo(200);
        }
    }

    @Test
    void retryAfterAsHttpDate() throws IOException {
        try (SandboxServer s = start(2, RetryAfterMode.HTTP_DATE)) {
            SandboxHttp h = new SandboxHttp(s);
            h.get(h.org(""));
            h.get(h.org(""));
            var r = h.get(h.org(""));
            assertThat(r.status()).isEqualTo(429);
            Instant when = ZonedDateTime.parse(r.header("Retry-After"), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            assertThat(when).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(4));
        }
    }

    @Test
    void retryAfterCanBeLeftOut() throws IOException {
        try (SandboxServer s = start(1, RetryAfterMode.NONE)) {
            SandboxHttp h = new SandboxHttp(s);
            assertThat(h.get(h.org("")).status()).isEqualTo(200);
            var r = h.get(h.org(""));
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.header("Retry-After")).isNull();
            assertThat(Instant.parse(r.header("X-RateLimit-Reset")))
                    .isAfter(Instant.now().minusMillis(50));
        }
    }

    @Test
    void unlimitedReportsALargeLimit() throws IOException {
        try (SandboxServer s = start(0, RetryAfterMode.SECONDS)) {
            SandboxHttp h = new SandboxHttp(s);
            for (int i = 0; i < 30; i++) assertThat(h.get(h.org("")).status()).isEqualTo(200);
            assertThat(h.get(h.org("")).header("X-RateLimit-Limit")).isEqualTo("10000");
            assertThat(s.stats().throttled()).isZero();
        }
    }

    @Test
    void aClientPacedJustUnderTheLimitIsNotThrottled() throws Exception {
        double rate = 20;
        HandClock clock = new HandClock();
        try (SandboxServer s = SandboxServer.start(config(rate, RetryAfterMode.SECONDS), clock)) {
            SandboxHttp h = new SandboxHttp(s);
            Instant start = clock.instant();
            Duration interval = Duration.ofNanos((long) (1e9 / (rate * 0.95)));
            int throttled = 0;
            int n = 32;
            for (int i = 0; i < n; i++) {
                if (i > 0) clock.advance(interval);
                if (h.get(h.org("")).status() == 429) throttled++;
            }
            assertThat(Duration.between(start, clock.instant()).toMillis()).isGreaterThan(1600);
            assertThat(throttled).isLessThanOrEqualTo(1);
            assertThat(s.stats().throttled()).isEqualTo(throttled);
        }
    }

    @Test
    void aClientFasterThanTheLimitGetsAboutTheLimit() throws Exception {
        HandClock clock = new HandClock();
        try (SandboxServer s = SandboxServer.start(config(10, RetryAfterMode.SECONDS), clock)) {
            SandboxHttp h = new SandboxHttp(s);
            Instant end = clock.instant().plusSeconds(1);
            int ok = 0;
            // a request every 20 ms of the limit's time: five times the rate
            for (; clock.instant().isBefore(end); clock.advance(Duration.ofMillis(20))) {
                if (h.get(h.org("")).status() == 200) ok++;
            }
            // a full bucket of 10, then 10 per second for 1 s
            assertThat(ok).isBetween(17, 22);
            assertThat(s.stats().throttled()).isPositive();
        }
    }
}
