package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultInjectionTest {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(200));

    static SandboxServer server;
    static SandboxHttp http;

    private SandboxUser plainUser() {
        return server.org().users().stream()
                .filter(u ->
                        u.managed() && !u.idpSynced() && !u.orgAdmin() && u.active() && u.access() == OrgAccess.ACTIVE)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void scriptedStatusFaultSendsTheGivenBodyAndHeadersOnceThenTheRealAnswer() {
        String path = http.org("/users");
        server.faults().add("GET /admin/v1/orgs/{orgId}/users", Fault.noPerms("/api" + path));
        var faulted = http.get(path);
        assertThat(faulted.status()).isEqualTo(403);
        var body = faulted.json();
        assertThat(body.get("status").asInt()).isEqualTo(403);
        assertThat(body.get("error").asString()).isEqualTo("Forbidden");
        assertThat(body.get("message").asString()).isEqualTo("User has no permission to access resource.");
        assertThat(body.has("timestamp") && body.has("requestId") && body.has("path"))
                .isTrue();
        assertThat(faulted.header("X-RateLimit-Limit")).isNotNull();
        assertThat(http.get(path).status()).isEqualTo(200);
        assertThat(server.stats().faults()).isEqualTo(1);
    }

    @Test
    void scriptedFaultOnlyMatchesItsMethodAndTemplate() {
        server.faults().add("POST /admin/v1/orgs/{orgId}/users", 1, Fault.applicationError(500));
        assertThat(http.get(http.org("/users")).status()).isEqualTo(200);
        assertThat(server.faults().pending()).isEqualTo(1);
        server.faults().add("*", 2, Fault.applicationError(503));
        server.faults().clear();
        assertThat(http.get(http.org("")).status()).isEqualTo(200);
    }

    @Test
    void scriptedThrottleWithAndWithoutRetryAfter() {
        server.faults().add("GET /admin/v1/orgs", Fault.throttle(7));
        server.faults().add("GET /admin/v1/orgs", Fault.throttle(null));
        var first = http.get("/admin/v1/orgs");
        assertThat(first.status()).isEqualTo(429);
        assertThat(first.header("Retry-After")).isEqualTo("7");
        assertThat(first.json().get("code").asInt()).isEqualTo(429);
        var second = http.get("/admin/v1/orgs");
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.header("Retry-After")).isNull();
        assertThat(second.header("X-RateLimit-Reset")).isNotNull();
        assertThat(server.stats().throttled()).isEqualTo(2);
    }

    @Test
    void droppedConnectionIsSeenByTheClientAsAFailedExchange() {
        server.faults()
                .add("POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/suspend", Fault.drop());
        SandboxUser u = plainUser();
        String path = http.v2("/users/" + u.accountId() + "/suspend");
        SandboxHttp fresh = new SandboxHttp(server);
        assertThatThrownBy(() -> fresh.sendOrThrow("POST", path, null, server.apiKey()))
                .isInstanceOf(IOException.class);
        // the fault came before the write
        assertThat(server.org().findById(u.accountId()).orElseThrow().access()).isEqualTo(OrgAccess.ACTIVE);
        assertThat(server.stats().writes(u.accountId())).isZero();
        // and the server is fine afterwards
        assertThat(fresh.post(path, null).status()).isEqualTo(204);
        assertThat(server.org().findById(u.accountId()).orElseThrow().access()).isEqualTo(OrgAccess.SUSPENDED);
    }

    @Test
    void aLostAnswerComesAfterTheWriteWasApplied() {
        SandboxUser u = server.org().users().stream()
                .filter(x -> x.managed()
                        && !x.orgAdmin()
                        && x.active()
                        && x.access() == OrgAccess.ACTIVE
                        && !x.accountId().equals(plainUser().accountId()))
                .findFirst()
                .orElseThrow();
        String path = http.v2("/users/" + u.accountId() + "/suspend");
        server.faults()
                .add(
                        "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/suspend",
                        Fault.lostAnswer());
        SandboxHttp fresh = new SandboxHttp(server);
        assertThatThrownBy(() -> fresh.sendOrThrow("POST", path, null, server.apiKey()))
                .isInstanceOf(IOException.class);
        // unlike a drop, the write landed: only its answer is gone
        assertThat(server.org().findById(u.accountId()).orElseThrow().access()).isEqualTo(OrgAccess.SUSPENDED);
        assertThat(server.stats().writes(u.accountId())).isEqualTo(1);
    }

    @Test
    void droppedGetFailsOnceTheClientsOwnRetryIsUsedUp() {
        // java.net.http silently retries an idempotent GET once when the connection closes before any response,
        // so two drops are needed for the client to see the failure; the server saw both attempts.
        server.faults().add("GET /admin/v1/orgs/{orgId}", 2, Fault.drop());
        SandboxHttp fresh = new SandboxHttp(server);
        assertThatThrownBy(() -> fresh.sendOrThrow("GET", http.org(""), null, server.apiKey()))
                .isInstanceOf(IOException.class);
        assertThat(server.stats().requests("GET /admin/v1/orgs/{orgId}")).isEqualTo(2);
        assertThat(server.faults().pending()).isZero();
    }

    @Test
    void writeHitByAScriptedErrorIsNotApplied() {
        SandboxUser u = plainUser();
        server.faults().add("PUT /users/{accountId}/manage/email", Fault.applicationError(503));
        var r = http.put("/users/" + u.accountId() + "/manage/email", "{\"email\":\"moved.user@acme.io\"}");
        assertThat(r.status()).isEqualTo(503);
        assertThat(server.org().findById(u.accountId()).orElseThrow().email()).isEqualTo(u.email());
        assertThat(server.stats().writes()).isEmpty();
    }

    @Test
    void delayFaultAnswersLateButNormally() {
        server.faults().add("GET /admin/v1/orgs/{orgId}", Fault.delay(300));
        long t0 = System.nanoTime();
        assertThat(http.get(http.org("")).status()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(290);
    }

    @Test
    void faultsCanBeScriptedOverHttp() {
        var added = http.send("POST", "/__sandbox/faults", """
                [{"match":"GET /admin/v1/orgs/{orgId}/domains","times":2,"type":"status","status":502,
                  "body":{"code":502,"message":"Bad Gateway"},"headers":{"Retry-After":"3"}},
                 {"match":"*","type":"throttle","retryAfter":4}]""", null);
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("pending").asInt()).isEqualTo(3);
        var first = http.get(http.org("/domains"));
        assertThat(first.status()).isEqualTo(502);
        assertThat(first.header("Retry-After")).isEqualTo("3");
        assertThat(first.json().get("message").asString()).isEqualTo("Bad Gateway");
        assertThat(http.get(http.org("")).header("Retry-After")).isEqualTo("4");
        assertThat(http.send("DELETE", "/__sandbox/faults", null, null).status())
                .isEqualTo(204);
        assertThat(server.faults().pending()).isZero();
        assertThat(http.get(http.org("/domains")).status()).isEqualTo(200);
        assertThat(http.send("POST", "/__sandbox/faults", "{\"type\":\"nonsense\"}", null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aLapsedDomainReadsUnverifiedWhileItsAccountsStayManaged() {
        SandboxDomain eu = server.org().domains().stream()
                .filter(d -> d.name().equals("eu.acme.example"))
                .findFirst()
                .orElseThrow();
        String path = http.org("/domains/" + eu.id());
        assertThat(http.get(path).json().at("/data/attributes/claim/status").asString())
                .isEqualTo("verified");

        assertThat(http.send(
                                "POST",
                                "/__sandbox/faults",
                                "{\"type\":\"lapsed-domain\",\"domain\":\"EU.acme.example\"}",
                                null)
                        .status())
                .isEqualTo(200);

        assertThat(http.get(path).json().at("/data/attributes/claim/status").asString())
                .isEqualTo("unverified");
        assertThat(server.org().users().stream().filter(u -> u.emailDomain().equals("eu.acme.example")))
                .isNotEmpty()
                .allMatch(SandboxUser::managed);
        assertThat(http.send("DELETE", "/__sandbox/faults", null, null).status())
                .isEqualTo(204);
        assertThat(http.get(path).json().at("/data/attributes/claim/status").asString())
                .isEqualTo("verified");
        assertThat(http.send("POST", "/__sandbox/faults", "{\"type\":\"lapsed-domain\"}", null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void anAccountListedTwiceIsFoundByTheManagedAndTheUnmanagedSearchAndCountedOnce() {
        SandboxUser u = plainUser();
        String managed = "{\"emails\":[\"" + u.email() + "\"],\"claimStatus\":\"managed\"}";
        String unmanaged = managed.replace("\"managed\"", "\"unmanaged\"");
        String count = http.v2("/users/count");
        long before = http.get(count).json().get("count").asLong();
        assertThat(http.post(http.v2("/users/search"), unmanaged).json().get("data"))
                .isEmpty();
        assertThat(http.send(
                                "POST",
                                "/__sandbox/faults",
                                "{\"type\":\"listed-twice\",\"accountId\":\"" + u.accountId() + "\"}",
                                null)
                        .status())
                .isEqualTo(200);
        for (String body : List.of(managed, unmanaged)) {
            var data = http.post(http.v2("/users/search"), body).json().get("data");
            assertThat(data).hasSize(1);
            assertThat(data.get(0).get("accountId").asString()).isEqualTo(u.accountId());
        }
        assertThat(http.get(count).json().get("count").asLong()).isEqualTo(before);
        server.faults().clear();
        assertThat(http.post(http.v2("/users/search"), unmanaged).json().get("data"))
                .isEmpty();
    }

    @Test
    void pagesThatLoopOrNeverEndCanBeScripted() {
        http.send("POST", "/__sandbox/faults", """
                [{"match":"GET /admin/v1/orgs/{orgId}/domains","times":3,"type":"pages","cursors":["a","b"]},
                 {"match":"GET /admin/v1/orgs/{orgId}/users","times":2,"type":"pages","total":1,
                  "data":[{"account_id":"x"}]}]""", null);
        List<String> next = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var page = http.get(http.org("/domains"));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().get("data").size()).isZero();
            next.add(page.json().get("links").get("next").asString());
        }
        assertThat(next)
                .containsExactly(
                        http.org("/domains") + "?cursor=a",
                        http.org("/domains") + "?cursor=b",
                        http.org("/domains") + "?cursor=a");
        var first = http.get(http.org("/users"));
        var second = http.get(http.org("/users"));
        assertThat(first.json().get("meta").get("total").asInt()).isEqualTo(1);
        assertThat(first.json().get("data").get(0).get("account_id").asString()).isEqualTo("x");
        assertThat(first.json().get("links").get("next").asString())
                .isNotEqualTo(second.json().get("links").get("next").asString());
        assertThat(server.faults().pending())
                .as("every scripted page was served")
                .isZero();
    }

    @Test
    void latencyDelaysEveryAnswerButRequestsOverlap() throws Exception {
        try (SandboxServer slow =
                SandboxServer.start(SandboxConfig.defaults().withUsers(20).withLatencyMs(400))) {
            SandboxHttp h = new SandboxHttp(slow);
            ExecutorService ex = Executors.newFixedThreadPool(16);
            try {
                long t0 = System.nanoTime();
                List<CompletableFuture<Integer>> all = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    all.add(CompletableFuture.supplyAsync(() -> h.get(h.org("")).status(), ex));
                }
                for (var f : all) assertThat(f.get()).isEqualTo(200);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(ms).isBetween(390L, 3000L);
            } finally {
                ex.shutdownNow();
            }
        }
    }

    @Test
    void randomFaultsAreDeterministicAndNeverApplyAWriteExceptSlow() throws Exception {
        SandboxConfig cfg =
                SandboxConfig.defaults().withUsers(50).withFaultRate(1.0).withSlowResponseMs(50);
        List<Integer> run1 = randomRun(cfg);
        List<Integer> run2 = randomRun(cfg);
        assertThat(run1).isEqualTo(run2);
        // with every request faulted, all kinds show up: 500, 502, 503, drops (-1), slow successes (200), 429s
        assertThat(run1).contains(500, 502, 503, -1, 200, 429);
    }

    /** Statuses of 60 read-only POSTs (never retried by the client, unlike GETs), then whether each of 20 faulted writes was applied only when it succeeded. */
    private List<Integer> randomRun(SandboxConfig cfg) throws IOException {
        List<Integer> statuses = new ArrayList<>();
        try (SandboxServer s = SandboxServer.start(cfg)) {
            SandboxHttp h = new SandboxHttp(s);
            for (int i = 0; i < 60; i++) {
                try {
                    statuses.add(h.sendOrThrow("POST", h.v2("/users/search"), "{\"limit\":1}", s.apiKey())
                            .status());
                } catch (IOException dropped) {
                    statuses.add(-1);
                    h = new SandboxHttp(s);
                }
            }
            int applied = 0;
            List<SandboxUser> targets = s.org().users().stream()
                    .filter(u -> u.managed() && !u.orgAdmin() && u.access() == OrgAccess.ACTIVE)
                    .limit(20)
                    .toList();
            for (SandboxUser u : targets) {
                int status;
                try {
                    status = h.sendOrThrow("POST", h.v2("/users/" + u.accountId() + "/suspend"), null, s.apiKey())
                            .status();
                } catch (IOException dropped) {
                    status = -1;
                    h = new SandboxHttp(s);
                }
                OrgAccess now = s.org().findById(u.accountId()).orElseThrow().access();
                assertThat(now)
                        .as("suspend answered %s", status)
                        .isEqualTo(status == 204 ? OrgAccess.SUSPENDED : OrgAccess.ACTIVE);
                if (status == 204) applied++;
            }
            assertThat(s.stats().faults()).isGreaterThan(60);
            assertThat(applied).isPositive();
            assertThat(s.stats().writes().values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isEqualTo(applied);
        }
        return statuses;
    }

    @Test
    void headersOfScriptedFaultOverrideRateLimitHeaders() {
        server.faults().add("*", Fault.respond(500, "{\"errors\":[]}", Map.of("X-RateLimit-Remaining", "0")));
        assertThat(http.get(http.org("")).header("X-RateLimit-Remaining")).isEqualTo("0");
    }
}
