package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's API tokens: seeded the same on every start and reset, listed org-wide page by page and per account,
 * revoked one by one, shown by {@code /__sandbox/tokens}, and every answer valid against the contract; the org-wide
 * revoke is not served.
 */
class ApiTokensTest {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(300).withSeed(23));

    static SandboxServer server;
    static SandboxHttp http;
    static final List<RecordedExchange> exchanges = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void record() {
        ExchangeRecorder.onExchange(server, exchanges::add);
    }

    String list() {
        return "/admin/api-access/v1/orgs/" + server.orgId() + "/api-tokens";
    }

    @Test
    void theSeedGivesTheSameTokensWithEveryKindOfDate() throws Exception {
        List<SandboxToken> seeded = server.tokens().all();
        assertThat(seeded).hasSizeGreaterThan(40);
        assertThat(seeded).anyMatch(t -> t.lastActiveAt() == null);
        assertThat(seeded).anyMatch(t -> t.status().equals("BLOCKED"));
        assertThat(seeded.stream().map(SandboxToken::accountId).distinct().count())
                .isLessThan(seeded.size());
        assertThat(seeded).allSatisfy(t -> {
            SandboxUser owner = server.org().findById(t.accountId()).orElseThrow();
            assertThat(owner.managed()).isTrue();
            assertThat(t.accountId()).isNotEqualTo(server.callerAccountId());
            assertThat(t.expiresAt()).isAfter(t.createdAt());
        });
        try (SandboxServer again =
                SandboxServer.start(SandboxConfig.defaults().withUsers(300).withSeed(23))) {
            assertThat(again.tokens().all()).isEqualTo(seeded);
        }
        assertThat(server.org().users()).anyMatch(SandboxUser::mfaEnabled);
        assertThat(server.org().users()).anyMatch(u -> !u.mfaEnabled());
    }

    @Test
    void theOrgListingPagesToTheEndAndEveryAnswerFollowsTheContract() {
        exchanges.clear();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = http.get(list() + "?pageSize=20" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.get("data").forEach(t -> ids.add(t.get("id").asString()));
            JsonNode next = page.path("links").path("next");
            cursor = next.isMissingNode() || next.isNull() ? null : next.asString();
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(ids)
                .containsExactlyElementsOf(
                        server.tokens().all().stream().map(SandboxToken::id).toList());
        assertThat(pages).isEqualTo((ids.size() + 19) / 20);
        assertThat(http.get(list() + "?cursor=bogus").status()).isEqualTo(400);
        assertThat(exchanges)
                .allSatisfy(e -> assertThat(ContractValidator.shared().problems(e))
                        .as(e.toString())
                        .isEmpty());
    }

    @Test
    void anAccountsTokensAreListedAndRevokedOneByOneNeverAllAtOnce() {
        exchanges.clear();
        SandboxToken t = server.tokens().all().get(0);
        String mine = "/users/" + t.accountId() + "/manage/api-tokens";
        JsonNode listed = http.get(mine).json();
        assertThat(listed.findValuesAsString("id"))
                .containsExactlyElementsOf(server.tokens().of(t.accountId()).stream()
                        .map(SandboxToken::id)
                        .toList());

        assertThat(http.delete(mine + "/" + t.id()).status()).isEqualTo(204);
        assertThat(http.delete(mine + "/" + t.id()).status()).isEqualTo(404);
        assertThat(server.tokens().find(t.id())).isEmpty();
        assertThat(http.get("/__sandbox/tokens").json().findValuesAsString("id"))
                .doesNotContain(t.id())
                .hasSize(server.tokens().all().size());
        int before = server.tokens().all().size();
        assertThat(http.delete(list()).status()).isEqualTo(405);
        assertThat(server.tokens().all()).hasSize(before);
        assertThat(exchanges.stream().filter(e -> e.path().startsWith("/users/")))
                .allSatisfy(e -> assertThat(ContractValidator.shared().problems(e))
                        .as(e.toString())
                        .isEmpty());
    }

    @Test
    void sandboxTokensShowsEveryTokenWithItsDocumentedFields() {
        JsonNode all = http.get("/__sandbox/tokens").json();
        assertThat(all).hasSize(server.tokens().all().size());
        for (JsonNode t : all) {
            assertThat(t.propertyNames())
                    .containsExactly(
                            "id",
                            "account_id",
                            "email",
                            "label",
                            "status",
                            "created_at",
                            "expires_at",
                            "last_active_at");
        }
        assertThat(all).anyMatch(t -> t.get("last_active_at").isNull());
    }
}
