package io.orgshell.sandbox;

/** How a throttled (429) answer tells the client when to come back. */
public enum RetryAfterMode {
    /** {@code Retry-After: <integer seconds, at least 1>}. */
    SECONDS,
    /** {@code Retry-After: <RFC 1123 date>}. */
    HTTP_DATE,
    /** No {@code Retry-After}; the client has only {@code X-RateLimit-Reset} to go by. */
    NONE
}
