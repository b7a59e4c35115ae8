package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class TestEndpointsTest {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(250));

    static SandboxServer server;
    static SandboxHttp http;

    @Test
    void usersListsEveryAccountWithExactlyTheDocumentedFields() {
        var r = http.send("GET", "/__sandbox/users", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("X-RateLimit-Limit")).isNull();
        JsonNode all = r.json();
        assertThat(all).hasSize(250);
        for (JsonNode u : all) {
            assertThat(u.propertyNames())
                    .containsExactly(
                            "account_id",
                            "email",
                            "name",
                            "account_status",
                            "access",
                            "groups",
                            "managed_by",
                            "product_roles",
                            "policy");
            assertThat(u.get("access").asString()).isIn("active", "suspended");
            assertThat(u.get("managed_by").asString()).isIn("idp", "org");
            assertThat(u.get("groups").isArray()).isTrue();
        }
        SandboxUser caller = server.org().findById(server.callerAccountId()).orElseThrow();
        JsonNode first = all.get(0);
        assertThat(first.get("account_id").asString()).isEqualTo(caller.accountId());
        assertThat(first.get("email").asString()).isEqualTo(caller.email());
        assertThat(first.get("name").asString()).isEqualTo(caller.name());
        assertThat(first.get("account_status").asString()).isEqualTo("active");
        assertThat(first.get("groups")).extracting(JsonNode::asString).contains("site-admins");
        assertThat(all).anyMatch(u -> u.get("access").asString().equals("suspended"));
        assertThat(all).anyMatch(u -> u.get("managed_by").asString().equals("idp"));
        assertThat(all).anyMatch(u -> u.get("account_status").asString().equals("inactive"));
    }

    @Test
    void usersReflectsChangesMadeThroughTheApi() {
        SandboxUser u = server.org().users().stream()
                .filter(x ->
                        x.managed() && !x.orgAdmin() && !x.idpSynced() && x.access() == OrgAccess.ACTIVE && x.active())
                .findFirst()
                .orElseThrow();
        http.post(http.v2("/users/" + u.accountId() + "/suspend"), null);
        http.post("/users/" + u.accountId() + "/manage/lifecycle/disable", "{}");
        String newEmail = "renamed.user@acme.io";
        http.put("/users/" + u.accountId() + "/manage/email", "{\"email\":\"" + newEmail + "\"}");
        JsonNode row = null;
        for (JsonNode x : http.get("/__sandbox/users").json()) {
            if (x.get("account_id").asString().equals(u.accountId())) row = x;
        }
        assertThat(row).isNotNull();
        assertThat(row.get("access").asString()).isEqualTo("suspended");
        assertThat(row.get("account_status").asString()).isEqualTo("inactive");
        assertThat(row.get("email").asString()).isEqualTo(newEmail);
    }

    @Test
    void statsHaveExactlyTheDocumentedFieldsAndCounts() {
        SandboxUser u = server.org().users().stream()
                .filter(x -> x.managed() && !x.orgAdmin() && !x.idpSynced() && x.access() == OrgAccess.ACTIVE)
                .findFirst()
                .orElseThrow();
        http.get(http.org("/users"));
        http.get(http.org("/users"));
        http.get(http.org("/domains/" + server.org().domains().get(0).id()));
        http.post(http.v2("/users/" + u.accountId() + "/suspend"), null);
        http.post(http.v2("/users/" + u.accountId() + "/restore"), null);
        http.get("/users/" + u.accountId() + "/manage");
        server.faults().add("GET /admin/v1/orgs", Fault.throttle(1));
        http.get("/admin/v1/orgs");

        JsonNode stats = http.get("/__sandbox/stats").json();
        assertThat(stats.propertyNames()).containsExactly("requests", "throttled", "faults", "writes");
        JsonNode req = stats.get("requests");
        assertThat(req.get("GET /admin/v1/orgs/{orgId}/users").asInt()).isEqualTo(2);
        assertThat(req.get("GET /admin/v1/orgs/{orgId}/domains/{domainId}").asInt())
                .isEqualTo(1);
        assertThat(req.get("POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/suspend")
                        .asInt())
                .isEqualTo(1);
        assertThat(req.get("GET /users/{accountId}/manage").asInt()).isEqualTo(1);
        assertThat(req.get("GET /admin/v1/orgs").asInt()).isEqualTo(1);
        assertThat(req.has("GET /__sandbox/stats")).isFalse();
        assertThat(stats.get("throttled").asInt()).isEqualTo(1);
        assertThat(stats.get("faults").asInt()).isEqualTo(1);
        assertThat(stats.get("writes").propertyNames()).containsExactly(u.accountId());
        assertThat(stats.get("writes").get(u.accountId()).asInt()).isEqualTo(2);
        assertThat(server.stats().writes(u.accountId())).isEqualTo(2);
        assertThat(server.stats().totalRequests()).isEqualTo(7);
    }

    @Test
    void resetClearsStatsFaultsAndState() {
        SandboxUser u = server.org().users().stream()
                .filter(x -> !x.orgAdmin() && x.access() == OrgAccess.ACTIVE)
                .findFirst()
                .orElseThrow();
        http.post(http.v2("/users/" + u.accountId() + "/suspend"), null);
        server.faults().add("*", 5, Fault.drop());
        assertThat(http.send("POST", "/__sandbox/reset", null, null).status()).isEqualTo(204);
        assertThat(server.faults().pending()).isZero();
        JsonNode stats = http.get("/__sandbox/stats").json();
        assertThat(stats.get("requests").size()).isZero();
        assertThat(stats.get("writes").size()).isZero();
        assertThat(server.org().findById(u.accountId()).orElseThrow().access()).isEqualTo(OrgAccess.ACTIVE);
    }

    @Test
    void unknownSandboxEndpointsAndMethods() {
        assertThat(http.get("/__sandbox/nothing").status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/__sandbox/stats", null, null).status()).isEqualTo(405);
        assertThat(http.send("GET", "/__sandbox/reset", null, null).status()).isEqualTo(405);
    }
}
