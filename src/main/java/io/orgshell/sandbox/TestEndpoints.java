package io.orgshell.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * The test-only endpoints under {@code /__sandbox/} (no auth, no rate limit, no faults, not recorded):
 * <ul>
 *   <li>{@code GET /__sandbox/users}: every account as
 *       {@code {"account_id","email","name","account_status","access":"active"|"suspended","groups":[names],
 *       "managed_by":"idp"|"org", "product_roles":{product key: role}, "policy":{"id","name"} or null}} (see
 *       {@link AccessUsers}), streamed (a user removed from the directory shows as "suspended", no groups);</li>
 *   <li>{@code GET /__sandbox/tokens}: every API token still there as {@code {"id","account_id","email","label",
 *       "status","created_at","expires_at","last_active_at"}} (last active null: never used);</li>
 *   <li>{@code GET /__sandbox/stats}: see {@link SandboxStats};</li>
 *   <li>{@code POST /__sandbox/reset}: back to the seed (204);</li>
 *   <li>{@code POST /__sandbox/faults}, {@code DELETE /__sandbox/faults}: see {@link FaultScript}.</li>
 * </ul>
 */
final class TestEndpoints {

    private final SandboxServer server;

    TestEndpoints(SandboxServer server) {
        this.server = server;
    }

    void handle(HttpExchange ex, String method, String path, byte[] body) throws IOException {
        String route = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        switch (route) {
            case "/__sandbox/users" -> {
                if (!method.equals("GET")) methodNotAllowed(ex, "GET");
                else streamUsers(ex);
            }
            case "/__sandbox/tokens" -> {
                if (!method.equals("GET")) methodNotAllowed(ex, "GET");
                else send(ex, 200, Json.bytes(tokens()));
            }
            case "/__sandbox/stats" -> {
                if (!method.equals("GET")) methodNotAllowed(ex, "GET");
                else send(ex, 200, Json.bytes(server.stats().toJson()));
            }
            case "/__sandbox/reset" -> {
                if (!method.equals("POST")) methodNotAllowed(ex, "POST");
                else {
                    server.reset();
                    send(ex, 204, null);
                }
            }
            case "/__sandbox/faults" -> {
                if (method.equals("DELETE")) {
                    server.faults().clear();
                    send(ex, 204, null);
                } else if (method.equals("POST")) {
                    try {
                        server.faults().addFromJson(Json.parse(body));
                        send(
                                ex,
                                200,
                                Json.bytes(Json.obj("pending", server.faults().pending())));
                    } catch (IllegalArgumentException e) {
                        send(ex, 400, Json.bytes(Json.obj("error", e.getMessage())));
                    }
                } else {
                    methodNotAllowed(ex, "POST, DELETE");
                }
            }
            default -> send(ex, 404, Json.bytes(Json.obj("error", "unknown sandbox endpoint: " + path)));
        }
    }

    private void streamUsers(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        SandboxOrg org = server.org();
        try (OutputStream out = new BufferedOutputStream(ex.getResponseBody(), 1 << 16);
                JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            g.writeStartArray();
            for (int i = 0; i < org.size(); i++) {
                SandboxUser u = org.userAt(i);
                g.writeStartObject();
                g.writeStringProperty("account_id", u.accountId());
                g.writeStringProperty("email", u.email());
                g.writeStringProperty("name", u.name());
                g.writeStringProperty("account_status", u.accountStatus());
                g.writeStringProperty("access", u.access() == OrgAccess.ACTIVE ? "active" : "suspended");
                g.writeArrayPropertyStart("groups");
                for (SandboxGroup group : org.groupsOf(u.accountId())) g.writeString(group.name());
                g.writeEndArray();
                g.writeStringProperty("managed_by", u.idpSynced() ? "idp" : "org");
                AccessUsers.write(g, server.accessState(), u);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private List<Map<String, Object>> tokens() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SandboxToken t : server.tokens().all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("account_id", t.accountId());
            m.put(
                    "email",
                    server.org().findById(t.accountId()).map(SandboxUser::email).orElse(null));
            m.put("label", t.label());
            m.put("status", t.status());
            m.put("created_at", t.createdAt().toString());
            m.put("expires_at", t.expiresAt().toString());
            m.put(
                    "last_active_at",
                    t.lastActiveAt() == null ? null : t.lastActiveAt().toString());
            out.add(m);
        }
        return out;
    }

    private static void methodNotAllowed(HttpExchange ex, String allow) throws IOException {
        ex.getResponseHeaders().set("Allow", allow);
        send(ex, 405, Json.bytes(Json.obj("error", "method not allowed")));
    }

    static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
