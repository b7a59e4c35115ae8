package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's workspaces, user roles and authentication policies over HTTP: the seeded fixtures are the same for a
 * seed, a role change shows in {@code /__sandbox/users}, and the fault script's {@code policy-task} entries keep a
 * task in progress or fail it for some addresses.
 */
class AccessApisTest {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(50).withSeed(5));

    static SandboxServer server;
    static SandboxHttp http;

    String org() {
        return "/admin/control/v1/orgs/" + server.orgId();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    JsonNode sandboxUser(String accountId) {
        for (JsonNode u : http.get("/__sandbox/users").json()) {
            if (u.get("account_id").asString().equals(accountId)) return u;
        }
        throw new AssertionError("no account " + accountId);
    }

    SandboxUser managed() {
        return server.org().users().stream()
                .filter(u -> u.managed() && u.active() && !u.orgAdmin())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void policiesAreSeededFromTheSeedAndEveryManagedAccountStartsInTheDefault() throws Exception {
        JsonNode policies = http.get(org() + "/policies").json().get("data");
        assertThat(policies).hasSize(3);
        try (SandboxServer again =
                SandboxServer.start(SandboxConfig.defaults().withUsers(50).withSeed(5))) {
            JsonNode same = new SandboxHttp(again)
                    .get("/admin/control/v1/orgs/" + again.orgId() + "/policies")
                    .json()
                    .get("data");
            assertThat(same.toString()).isEqualTo(policies.toString());
        }
        assertThat(sandboxUser(managed().accountId()).get("policy").get("name").asString())
                .isEqualTo("Default authentication policy");
    }

    @Test
    void anAssignedRoleShowsInTheTestEndpointAndARevokeTakesTheProductAway() {
        SandboxUser u = managed();
        String assign = "/admin/v1/orgs/" + server.orgId() + "/users/" + u.accountId() + "/roles/";
        String trello = "ari:cloud:trello::site/sandbox";
        assertThat(http.post(assign + "assign", "{\"role\":\"atlassian/admin\",\"resource\":\"" + trello + "\"}")
                        .status())
                .isEqualTo(204);
        assertThat(sandboxUser(u.accountId()).get("product_roles").get("trello").asString())
                .isEqualTo("atlassian/admin");
        assertThat(http.post(assign + "revoke", "{\"role\":\"atlassian/admin\",\"resource\":\"" + trello + "\"}")
                        .status())
                .isEqualTo(204);
        assertThat(sandboxUser(u.accountId()).get("product_roles").has("trello"))
                .isFalse();
        assertThat(http.post(assign + "assign", "{\"role\":\"atlassian/admin\",\"resource\":\"nope\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aStuckTaskStaysInProgressUntilTheScriptIsCleared() {
        String policy = http.get(org() + "/policies")
                .json()
                .get("data")
                .get(1)
                .get("id")
                .asString();
        assertThat(http.post("/__sandbox/faults", "{\"type\":\"policy-task\",\"stuck\":true}")
                        .status())
                .isEqualTo(200);
        var accepted = http.post(
                org() + "/auth-policy/" + policy + "/add-users",
                "{\"users\":[\"" + managed().email() + "\"]}");
        assertThat(accepted.status()).isEqualTo(202);
        String task = accepted.json().get("taskId").asString();
        assertThat(accepted.json().get("taskLink").asString()).endsWith("/auth-policy/task/" + task);
        for (int i = 0; i < 5; i++) {
            assertThat(http.get(org() + "/auth-policy/task/" + task)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("IN_PROGRESS");
        }
        http.delete("/__sandbox/faults");
        JsonNode done = http.get(org() + "/auth-policy/task/" + task).json();
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("users").get(0).get("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void aTaskFailsForTheAddressesTheScriptNamesAndForUnknownOnes() {
        String policy = http.get(org() + "/policies")
                .json()
                .get("data")
                .get(1)
                .get("id")
                .asString();
        SandboxUser u = managed();
        http.post("/__sandbox/faults", "{\"type\":\"policy-task\",\"failUsers\":[\"" + u.email() + "\"]}");
        String task = http.post(
                        org() + "/auth-policy/" + policy + "/add-users",
                        "{\"users\":[\"" + u.email() + "\",\"nobody@nowhere.example\"]}")
                .json()
                .get("taskId")
                .asString();
        JsonNode t = http.get(org() + "/auth-policy/task/" + task).json();
        for (int i = 0; i < 5 && t.get("status").asString().equals("IN_PROGRESS"); i++) {
            t = http.get(org() + "/auth-policy/task/" + task).json();
        }
        assertThat(t.get("users").get(0).get("status").asString()).isEqualTo("FAILED");
        assertThat(t.get("users").get(1).get("reason").asString()).isEqualTo("User not found");
        assertThat(sandboxUser(u.accountId()).get("policy").get("name").asString())
                .isEqualTo("Default authentication policy");
    }
}
