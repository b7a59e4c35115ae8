package io.orgshell.support;

import io.orgshell.sandbox.SandboxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Queues faults the way a person trying orgshell would: {@code POST /__sandbox/faults} with the JSON docs/sandbox.md shows. */
public final class FaultScripts {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FaultScripts() {}

    public static void post(SandboxServer server, String json) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(server.baseUri() + "/__sandbox/faults"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("the sandbox refused the fault script (" + r.statusCode() + "): " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
