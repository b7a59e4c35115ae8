package io.orgshell.support;

import io.orgshell.sandbox.SandboxServer;
import java.util.HashMap;
import java.util.Map;

/** The requests a sandbox counts from a moment on: by endpoint ({@code "METHOD /template"}) and in all. */
public final class RequestCounts {

    private final SandboxServer server;
    private final Map<String, Long> before;

    private RequestCounts(SandboxServer server) {
        this.server = server;
        this.before = new HashMap<>(server.stats().requests());
    }

    /** Counting from now. */
    public static RequestCounts from(SandboxServer server) {
        return new RequestCounts(server);
    }

    public long sent(String endpoint) {
        return server.stats().requests(endpoint) - before.getOrDefault(endpoint, 0L);
    }

    public long sentInAll() {
        return server.stats().totalRequests()
                - before.values().stream().mapToLong(Long::longValue).sum();
    }
}
