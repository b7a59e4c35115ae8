package io.orgshell.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One API request and the answer the sandbox gave, as seen on the wire (see {@link ExchangeRecorder}).
 * A dropped connection is recorded with status 0, no headers and an empty body.
 */
public record RecordedExchange(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> requestHeaders,
        String requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        String responseBody) {

    /** Never show the key: the request headers hold the bearer token. */
    @Override
    public String toString() {
        return "RecordedExchange[" + method + " " + path + (rawQuery == null ? "" : "?" + rawQuery) + " -> " + status
                + " " + responseBody + "]";
    }
}
