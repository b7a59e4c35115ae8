package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests and answers of the v1 org API and user-management API follow Atlassian's OpenAPI documents, the retired
 * v1 directory and group endpoints included ({@code --legacy-v1}: by default they answer as retired, see
 * {@link RetiredV1Test}).
 */
class ContractTest {

    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension(
            SandboxConfig.defaults().withUsers(300).withPageSize(50).withLegacyV1(true));

    static SandboxServer server;
    static SandboxHttp http;
    static final List<RecordedExchange> exchanges = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void record() {
        ExchangeRecorder.onExchange(server, exchanges::add);
        ContractValidator.shared();
    }

    @BeforeEach
    void clear() {
        exchanges.clear();
    }

    private static SandboxUser find(Predicate<SandboxUser> p) {
        return server.org().users().stream().filter(p).findFirst().orElseThrow();
    }

    private static SandboxUser plain() {
        return find(
                u -> u.managed() && !u.idpSynced() && !u.orgAdmin() && u.active() && u.access() == OrgAccess.ACTIVE);
    }

    /** Every recorded exchange validates, and each expected status was seen. */
    private static void assertAllValid(Integer... statuses) {
        List<String> problems = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (RecordedExchange e : exchanges) {
            seen.add(e.status());
            for (String p : ContractValidator.shared().problems(e))
                problems.add(e.method() + " " + e.path() + " -> " + e.status() + ": " + p);
        }
        assertThat(problems).isEmpty();
        assertThat(seen).contains(statuses);
    }

    @Test
    void orgEndpoints() {
        http.get("/admin/v1/orgs");
        http.get(http.org(""));
        http.get("/admin/v1/orgs/00000000-0000-0000-0000-000000000000");
        assertAllValid(200, 404);
    }

    @Test
    void domainEndpoints() {
        var page = http.get(http.org("/domains")).json();
        String next = page.get("links").get("next").asString();
        http.get(next.substring(server.baseUri().toString().length()));
        http.get(http.org("/domains?cursor=garbage"));
        http.get(http.org("/domains/" + server.org().domains().get(0).id()));
        http.get(http.org("/domains/00000000-0000-0000-0000-000000000000"));
        http.get(http.org("/domains/not-an-id"));
        assertAllValid(200, 400, 404);
    }

    @Test
    void usersPages() {
        String path = http.org("/users");
        for (int i = 0; i < 3 && path != null; i++) {
            var page = http.get(path).json();
            var next = page.get("links").get("next");
            path = next == null
                    ? null
                    : next.asString().substring(server.baseUri().toString().length());
        }
        http.get(http.org("/users?cursor=AAAA"));
        http.get("/admin/v1/orgs/nope/users");
        assertAllValid(200, 400, 404);
    }

    @Test
    void manageAndProfile() {
        SandboxUser u = plain();
        SandboxUser idp = find(x -> x.managed() && x.idpSynced());
        SandboxUser admin = find(SandboxUser::orgAdmin);
        SandboxUser unmanaged = find(x -> !x.managed());
        http.get("/users/" + u.accountId()
                + "/manage?privileges=email.set&privileges=profile.write&privileges=lifecycle.enablement");
        http.get("/users/" + idp.accountId() + "/manage?privileges=email.set&privileges=profile.write");
        http.get("/users/" + admin.accountId() + "/manage");
        http.get("/users/" + unmanaged.accountId() + "/manage");
        http.get("/users/unknown-account/manage");
        http.get("/users/" + u.accountId() + "/manage/profile");
        http.patch(
                "/users/" + u.accountId() + "/manage/profile",
                "{\"nickname\":\"nick\",\"extended_profile\":{\"job_title\":\"CTO\"}}");
        http.patch("/users/" + u.accountId() + "/manage/profile", "{\"nickname\":\"" + "x".repeat(31) + "\"}");
        http.patch("/users/" + idp.accountId() + "/manage/profile", "{\"name\":\"New Name\"}");
        http.patch("/users/" + unmanaged.accountId() + "/manage/profile", "{\"name\":\"New Name\"}");
        assertAllValid(200, 400, 403, 404);
    }

    @Test
    void emailChanges() {
        SandboxUser u = plain();
        SandboxUser other = find(x -> x.managed() && !x.accountId().equals(u.accountId()));
        SandboxUser idp = find(x -> x.managed() && x.idpSynced());
        SandboxUser unmanaged = find(x -> !x.managed());
        String path = "/users/" + u.accountId() + "/manage/email";
        http.put(path, "{\"email\":\"someone.new@acme.io\"}");
        http.put(path, "{\"email\":\"someone@acme-legacy.example\"}");
        http.put(path, "{\"email\":\"" + other.email().toUpperCase() + "\"}");
        http.put(path, "{\"email\":\"not-an-email\"}");
        http.put("/users/" + idp.accountId() + "/manage/email", "{\"email\":\"x.y@acme.io\"}");
        http.put("/users/" + unmanaged.accountId() + "/manage/email", "{\"email\":\"x.z@acme.io\"}");
        http.put("/users/nobody/manage/email", "{\"email\":\"x.w@acme.io\"}");
        assertAllValid(204, 400, 403, 404);
        exchanges.clear();
        http.put(path, "not json");
        assertThat(exchanges.get(0).status()).isEqualTo(400);
        assertThat(ContractValidator.shared().responseProblems(exchanges.get(0)))
                .isEmpty();
    }

    @Test
    void lifecycle() {
        SandboxUser u = plain();
        SandboxUser admin = find(SandboxUser::orgAdmin);
        String base = "/users/" + u.accountId() + "/manage/lifecycle/";
        http.post(base + "disable", "{\"message\":\"On leave\"}");
        http.post(base + "enable", null);
        http.post(base + "delete", null);
        http.post(base + "enable", null);
        http.post(base + "cancel-delete", null);
        http.post("/users/" + admin.accountId() + "/manage/lifecycle/disable", "{}");
        http.post("/users/nobody/manage/lifecycle/delete", null);
        assertAllValid(200, 204, 403, 404, 409);
    }

    @Test
    void directoryV1() {
        SandboxUser u = plain();
        String base = http.org("/directory/users/" + u.accountId());
        http.post(base + "/suspend-access", null);
        http.post(base + "/restore-access", null);
        http.post(http.org("/directory/users/nobody/suspend-access"), null);
        http.post(http.org("/directory/users/" + server.callerAccountId() + "/suspend-access"), null);
        SandboxGroup g = server.org().findGroupByName("engineering").orElseThrow();
        http.post(
                http.org("/directory/groups/" + g.id() + "/memberships"), "{\"account_id\":\"" + u.accountId() + "\"}");
        http.delete(http.org("/directory/groups/" + g.id() + "/memberships/" + u.accountId()));
        http.post(
                http.org("/directory/groups/no-such-group/memberships"), "{\"account_id\":\"" + u.accountId() + "\"}");
        http.delete(base);
        assertAllValid(200, 204, 403, 404);
    }

    @Test
    void unauthorizedAnswersFollowTheDocuments() {
        http.send("GET", http.org("/users"), null, null);
        http.send("GET", "/admin/v1/orgs", null, "wrong-key");
        http.send("PUT", "/users/" + plain().accountId() + "/manage/email", "{\"email\":\"a.b@acme.io\"}", "wrong");
        List<String> problems = new ArrayList<>();
        for (RecordedExchange e : exchanges)
            problems.addAll(ContractValidator.shared().responseProblems(e));
        assertThat(exchanges).extracting(RecordedExchange::status).containsOnly(401);
        assertThat(problems).isEmpty();
    }

    @Test
    void throttledAnswerFollowsTheDocuments() {
        server.faults().add("GET /admin/v1/orgs/{orgId}/users", Fault.throttle(1));
        http.get(http.org("/users"));
        assertAllValid(429);
    }

    @Test
    void theValidatorCatchesAWrongAnswer() {
        // guard against a validator that accepts everything
        RecordedExchange wrong = new RecordedExchange(
                "GET",
                "/admin/v1/orgs/x/users",
                null,
                Map.of("Authorization", List.of("Bearer k")),
                "",
                200,
                Map.of("Content-Type", List.of("application/json")),
                "{\"data\":[{\"account_id\":5,\"account_type\":\"robot\"}]}");
        assertThat(ContractValidator.shared().problems(wrong)).isNotEmpty();
        RecordedExchange badRequest = new RecordedExchange(
                "PUT",
                "/users/abc/manage/email",
                null,
                Map.of("Authorization", List.of("Bearer k"), "Content-Type", List.of("application/json")),
                "{\"mail\":\"x\"}",
                204,
                Map.of(),
                "");
        assertThat(ContractValidator.shared().requestProblems(badRequest)).isNotEmpty();
    }

    @Test
    void v2DirectoryRoutesFollowTheWrittenFragment() {
        SandboxUser u = plain();
        SandboxGroup g = server.org().findGroupByName("engineering").orElseThrow();
        http.get("/admin/v2/orgs/" + server.orgId() + "/directories");
        http.get("/admin/v2/orgs/" + server.orgId() + "/directories?accountId=" + u.accountId());
        http.get(http.v2("/users?limit=1"));
        http.post(http.v2("/users/search"), "{\"limit\":5,\"expand\":[\"platformRoles\"]}");
        http.post(http.v2("/users/search"), "{\"emails\":[\"" + u.email() + "\"],\"claimStatus\":\"managed\"}");
        http.get(http.v2("/users/count"));
        http.get(http.v2("/users/" + u.accountId()));
        http.post(http.v2("/groups/search"), "{\"groupNames\":[\"engineering\"],\"limit\":5}");
        http.get(http.v2("/groups/" + g.id() + "/role-assignments"));
        http.post(http.v2("/groups/" + g.id() + "/memberships"), "{\"accountId\":\"" + u.accountId() + "\"}");
        http.delete(http.v2("/groups/" + g.id() + "/memberships/" + u.accountId()));
        http.post(http.v2("/users/" + u.accountId() + "/suspend"), null);
        http.post(http.v2("/users/" + u.accountId() + "/restore"), null);
        http.delete(http.v2("/users/" + u.accountId()));
        assertAllValid(200);
        assertThat(exchanges).hasSizeGreaterThanOrEqualTo(14);

        // the fragment is not a pass-everything: a misnamed search field and a wrong count are caught
        exchanges.clear();
        http.post(http.v2("/users/search"), "{\"searchterm\":\"a\"}");
        assertThat(ContractValidator.shared().requestProblems(exchanges.get(0))).isNotEmpty();
        RecordedExchange wrongCount = new RecordedExchange(
                "GET",
                http.v2("/users/count"),
                null,
                Map.of("Authorization", List.of("Bearer k")),
                "",
                200,
                Map.of("Content-Type", List.of("application/json")),
                "{\"total\":3}");
        assertThat(ContractValidator.shared().responseProblems(wrongCount)).isNotEmpty();
    }

    @Test
    void groupsSearch() {
        SandboxGroup sales = server.org().findGroupByName("sales").orElseThrow();
        var byName = http.post(http.org("/groups/search"), "{\"groupNames\":{\"eq\":[\"SALES\"]}}")
                .json();
        assertThat(byName.get("data")).hasSize(1);
        assertThat(byName.get("data").get(0).get("id").asString()).isEqualTo(sales.id());
        http.post(http.org("/groups/search"), "{\"groupIds\":[\"" + sales.id() + "\"],\"limit\":5}");
        var first = http.post(http.org("/groups/search"), "{\"limit\":2}").json();
        http.post(
                http.org("/groups/search"),
                "{\"limit\":2,\"cursor\":\"" + first.get("links").get("next").asString() + "\"}");
        assertAllValid(200);
        exchanges.clear();
        assertThat(http.post(http.org("/groups/search"), "{\"limit\":0}").status())
                .isEqualTo(400);
    }
}
