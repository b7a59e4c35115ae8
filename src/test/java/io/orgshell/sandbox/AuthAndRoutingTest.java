package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class AuthAndRoutingTest {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(50).withApiKey("k-123"));

    static SandboxServer server;
    static SandboxHttp http;

    @Test
    void adminPathsAnswerTheProxyShapeWithoutOrWithAWrongKey() {
        for (String key : new String[] {null, "wrong", "k-1234"}) {
            for (String path : List.of("/admin/v1/orgs", http.org("/users"), http.v2("/users"))) {
                var r = http.send("GET", path, null, key);
                assertThat(r.status()).as(path + " " + key).isEqualTo(401);
                JsonNode body = r.json();
                assertThat(body.get("code").isNumber()).isTrue();
                assertThat(body.get("code").asInt()).isEqualTo(401);
                assertThat(body.get("message").asString()).isEqualTo("Unauthorized; scope does not match");
                assertThat(r.header("X-RateLimit-Limit")).isNotNull();
            }
        }
    }

    @Test
    void userManagementPathsAnswerTheKeyShape() {
        var r = http.send("GET", "/users/" + server.callerAccountId() + "/manage/profile", null, null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"key\":\"unauthorized\"}");
        var wrong = http.send("PUT", "/users/x/manage/email", "{\"email\":\"a@b.c\"}", "nope");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("key").asString()).isEqualTo("unauthorized");
    }

    @Test
    void rightKeyPassesWhateverTheCaseOfTheScheme() throws Exception {
        assertThat(http.get("/admin/v1/orgs").status()).isEqualTo(200);
        var lower = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUri() + "/admin/v1/orgs"))
                                .header("Authorization", "bearer k-123")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(lower.statusCode()).isEqualTo(200);
        assertThat(server.apiKey()).isEqualTo("k-123");
    }

    @Test
    void unknownPathsAre404InTheShapeOfTheirApi() {
        var admin = http.get("/admin/v1/nothing-here");
        assertThat(admin.status()).isEqualTo(404);
        assertThat(admin.json().get("errors").get(0).get("code").asString()).isEqualTo("ADMIN-404-1");
        var users = http.get("/users/" + server.callerAccountId() + "/manage/nothing");
        assertThat(users.status()).isEqualTo(404);
        assertThat(users.json().get("key").asString()).isEqualTo("notFound");
        assertThat(http.get("/").status()).isEqualTo(404);
        assertThat(server.stats().requests("GET (unmatched)")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void wrongMethodIs405WithAllow() {
        var r = http.delete("/admin/v1/orgs");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("GET");
        assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("ADMIN-405-1");
        var u = http.post("/users/" + server.callerAccountId() + "/manage/email", "{}");
        assertThat(u.status()).isEqualTo(405);
        assertThat(u.header("Allow")).isEqualTo("PUT");
    }

    @Test
    void v2CanBeSwitchedOffAsByAProxyThatAllowsOnlyV1() throws IOException {
        try (SandboxServer noV2 =
                SandboxServer.start(SandboxConfig.defaults().withUsers(30).withV2Enabled(false))) {
            SandboxHttp h = new SandboxHttp(noV2);
            String dir = "/admin/v2/orgs/" + noV2.orgId() + "/directories";
            for (String path : List.of(dir, h.v2("/users"), h.v2("/groups"))) {
                var r = h.get(path);
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("ADMIN-404-1");
            }
            SandboxUser u = noV2.org().users().stream()
                    .filter(x -> !x.orgAdmin() && x.access() == OrgAccess.ACTIVE)
                    .findFirst()
                    .orElseThrow();
            assertThat(h.post(h.v2("/users/" + u.accountId() + "/suspend"), null)
                            .status())
                    .isEqualTo(404);
            assertThat(noV2.org().findById(u.accountId()).orElseThrow().access())
                    .isEqualTo(OrgAccess.ACTIVE);
            // what the proxy lets through is today's v1, whose directory writes are retired
            assertThat(h.post(h.org("/directory/users/" + u.accountId() + "/suspend-access"), null)
                            .status())
                    .isEqualTo(410);
            assertThat(h.get(h.org("/users")).status()).isEqualTo(200);
        }
        assertThat(http.get("/admin/v2/orgs/" + server.orgId() + "/directories").status())
                .isEqualTo(200);
    }

    @Test
    void accountIdsInPathsAreDecoded() {
        String id = server.org().users().stream()
                .map(SandboxUser::accountId)
                .filter(x -> x.contains(":"))
                .findFirst()
                .orElseThrow();
        var r = http.get("/users/" + id.replace(":", "%3A") + "/manage/profile");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("account").get("account_id").asString()).isEqualTo(id);
    }
}
