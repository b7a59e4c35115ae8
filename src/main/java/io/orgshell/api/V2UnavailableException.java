package io.orgshell.api;

/**
 * The org answered 404 to the v2 directory API before it had ever answered it on this connection: what a proxy that
 * allow-lists only {@code /admin/v1}, or a base URL that is not {@code api.atlassian.com}, does. v2 is the only
 * directory API Atlassian serves (the v1 user and group endpoints stopped after 2026-06-30), so there is nothing to
 * fall back to; and as every write reads v2 first, nothing was written.
 */
public final class V2UnavailableException extends ApiException {

    public V2UnavailableException(ApiException cause) {
        super(
                404,
                cause.code(),
                "the org answered 404 to the v2 directory API (" + cause.request() + "): a proxy "
                        + "that allows only /admin/v1, or a base URL that is not api.atlassian.com; nothing was written",
                cause.request(),
                null);
    }
}
