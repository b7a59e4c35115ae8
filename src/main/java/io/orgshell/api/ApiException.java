package io.orgshell.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Every error the admin APIs answer, whatever body shape it came in, as one type: the HTTP status, the API's own
 * error code ({@code ADMIN-404-2}, {@code forbidden.unclaimedDomain}, ...) and a human message. The message is built
 * from the response body only, never from request headers, and {@link ApiErrorParser} takes out the key a server
 * echoes there, so it can never carry the API key.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String request;
    private final Duration retryAfter;

    /** What is kept of a server's code and message: one row's reason, never a whole body. */
    static final int MAX_CODE = 80;

    static final int MAX_MESSAGE = 300;

    public ApiException(int status, String code, String message, String request, Duration retryAfter) {
        super(bounded(message, MAX_MESSAGE));
        this.status = status;
        this.code = bounded(code, MAX_CODE);
        this.request = request;
        this.retryAfter = retryAfter;
    }

    static String bounded(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    public int status() {
        return status;
    }

    /** The API's error code, or {@code HTTP-<status>} when the body had none. */
    public String code() {
        return code;
    }

    /** {@code METHOD /path} of the request that failed (no query string, no headers). */
    public String request() {
        return request;
    }

    /** The wait the server asked for (Retry-After or X-RateLimit-Reset), if it asked. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isRetryable() {
        return status == 429 || status >= 500;
    }

    @Override
    public String toString() {
        return status + " " + code + ": " + getMessage();
    }
}
