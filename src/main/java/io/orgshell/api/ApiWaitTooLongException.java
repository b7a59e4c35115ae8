package io.orgshell.api;

import java.time.Duration;

/**
 * The server asked for a pause ({@code Retry-After}, {@code X-RateLimit-Reset}) longer than
 * {@code orgshell.retry.max-wait}. Nothing is sent until then, so for the user the API is unreachable for now: a
 * listing stops, a run stops cleanly and {@code resume} goes on later.
 */
public class ApiWaitTooLongException extends ApiConnectionException {

    private final Duration asked;

    public ApiWaitTooLongException(Duration asked, Duration maxWait, String request) {
        super(
                "the API asked to wait " + describe(asked) + " before the next request, longer than "
                        + "orgshell.retry.max-wait (" + describe(maxWait) + "); try again later",
                request,
                null);
        this.asked = asked;
    }

    public Duration asked() {
        return asked;
    }

    static String describe(Duration d) {
        long s = d.getSeconds();
        if (s >= 365L * 86_400 * 100) {
            return "more than a century";
        }
        if (s >= 2 * 86_400) {
            return s / 86_400 + " days";
        }
        if (s >= 2 * 3_600) {
            return s / 3_600 + " h";
        }
        if (s >= 120) {
            return s / 60 + " min";
        }
        return Math.max(s, 1) + " s";
    }
}
