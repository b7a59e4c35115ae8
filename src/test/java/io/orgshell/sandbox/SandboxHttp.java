package io.orgshell.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for the sandbox tests: bearer key by default, JSON bodies, parsed answers. */
final class SandboxHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Resp(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final SandboxServer server;

    SandboxHttp(SandboxServer server) {
        this.server = server;
    }

    Resp get(String path) {
        return send("GET", path, null, server.apiKey());
    }

    Resp post(String path, String body) {
        return send("POST", path, body, server.apiKey());
    }

    Resp put(String path, String body) {
        return send("PUT", path, body, server.apiKey());
    }

    Resp patch(String path, String body) {
        return send("PATCH", path, body, server.apiKey());
    }

    Resp delete(String path) {
        return send("DELETE", path, null, server.apiKey());
    }

    /** {@code key} null sends no Authorization header. */
    Resp send(String method, String path, String body, String key) {
        try {
            return sendOrThrow(method, path, body, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Resp sendOrThrow(String method, String path, String body, String key) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        if (key != null) b.header("Authorization", "Bearer " + key);
        if (body != null) b.header("Content-Type", "application/json");
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.headers(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Paths relative to the org. */
    String org(String rest) {
        return "/admin/v1/orgs/" + server.orgId() + rest;
    }

    String v2(String rest) {
        return "/admin/v2/orgs/" + server.orgId() + "/directories/"
                + server.org().directory().id() + rest;
    }
}
