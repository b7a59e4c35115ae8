package io.orgshell.api;

import io.orgshell.core.UtcInstants;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;

/** Reads {@code Retry-After} (seconds or HTTP date) and {@code X-RateLimit-*} headers. */
public final class RateLimitHeaders {

    /** What a wait too large to represent is taken as: longer than any bound. */
    static final Duration FOREVER = Duration.ofSeconds(999_999_999_999L);

    private RateLimitHeaders() {}

    /** How long the server asked us to wait, or null: Retry-After first, then X-RateLimit-Reset on a 429. */
    public static Duration waitAskedFor(int status, HttpHeaders headers, Instant now) {
        Duration retryAfter = parseRetryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER), now);
        if (retryAfter != null) {
            return retryAfter;
        }
        if (status == 429) {
            Instant reset = parseInstant(headers.getFirst("X-RateLimit-Reset"));
            if (reset != null) {
                Duration until = Duration.between(now, reset);
                return until.isNegative() ? Duration.ZERO : until;
            }
        }
        return null;
    }

    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            // more digits than a long holds is still "a very long time", not a broken answer
            return v.length() > 12 ? FOREVER : Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(now, at);
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        // one per answer: the usual shape without a formatter
        Instant fast = UtcInstants.parse(v);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            // some gateways send epoch seconds instead of ISO-8601
            return v.chars().allMatch(Character::isDigit) && v.length() <= 12
                    ? Instant.ofEpochSecond(Long.parseLong(v))
                    : null;
        }
    }
}
