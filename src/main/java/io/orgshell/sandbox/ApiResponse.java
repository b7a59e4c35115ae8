package io.orgshell.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer to send. {@link #DROP} is the marker for "close the connection without answering".
 *
 * @param body JSON bytes, or null for no body (e.g. 204)
 */
record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    static final ApiResponse DROP = new ApiResponse(0, Map.of(), null);

    static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, new LinkedHashMap<>(), Json.bytes(value));
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, new LinkedHashMap<>(), null);
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, h, body);
    }

    boolean isDrop() {
        return this == DROP;
    }

    boolean success() {
        return status >= 200 && status < 300;
    }
}
