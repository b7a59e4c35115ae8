package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code scripts/sandbox --legacy-v1}: the v1 user and group endpoints Atlassian retired after 2026-06-30 are served
 * as they were, so the community's old v1 suspend loop can still be tried.
 */
class LegacyV1Test {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(300).withLegacyV1(true));

    static SandboxServer server;
    static SandboxHttp http;

    static SandboxUser find(Predicate<SandboxUser> p) {
        return server.org().users().stream().filter(p).findFirst().orElseThrow();
    }

    static SandboxUser plain() {
        return find(
                u -> u.managed() && !u.idpSynced() && !u.orgAdmin() && u.active() && u.access() == OrgAccess.ACTIVE);
    }

    static OrgAccess access(SandboxUser u) {
        return server.org().findById(u.accountId()).orElseThrow().access();
    }

    static SandboxGroup group(String name) {
        return server.org().findGroupByName(name).orElseThrow();
    }

    static String errorCode(SandboxHttp.Resp r) {
        return r.json().get("errors").get(0).get("code").asString();
    }

    @Test
    void suspendRestoreRemove() {
        SandboxUser u = plain();
        String base = http.org("/directory/users/" + u.accountId());
        var s = http.post(base + "/suspend-access", null);
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.json().get("message").asString()).contains(u.accountId()).contains("suspended");
        assertThat(access(u)).isEqualTo(OrgAccess.SUSPENDED);
        var r = http.post(base + "/restore-access", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("message").asString()).contains("restored");
        assertThat(access(u)).isEqualTo(OrgAccess.ACTIVE);
        assertThat(http.delete(base).status()).isEqualTo(204);
        assertThat(access(u)).isEqualTo(OrgAccess.REMOVED);
        var gone = http.post(base + "/suspend-access", null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(errorCode(gone)).isEqualTo("ADMIN-404-8");
        var self = http.post(http.org("/directory/users/" + server.callerAccountId() + "/suspend-access"), null);
        assertThat(self.status()).isEqualTo(403);
        assertThat(errorCode(self)).isEqualTo("ADMIN-403-3");
        // removed accounts stay managed accounts of the org
        assertThat(server.org().findById(u.accountId()).orElseThrow().managed()).isTrue();
    }

    @Test
    void groupMemberships() {
        SandboxUser u = find(x -> x.access() == OrgAccess.ACTIVE
                && !server.org().isMember(group("sales").id(), x.accountId()));
        SandboxGroup sales = group("sales");
        String path = http.org("/directory/groups/" + sales.id() + "/memberships");
        var add = http.post(path, "{\"account_id\":\"" + u.accountId() + "\"}");
        assertThat(add.status()).isEqualTo(200);
        assertThat(add.json().get("message").asString()).contains("added");
        assertThat(server.org().isMember(sales.id(), u.accountId())).isTrue();
        var remove = http.delete(path + "/" + u.accountId());
        assertThat(remove.status()).isEqualTo(200);
        assertThat(server.org().isMember(sales.id(), u.accountId())).isFalse();
        assertThat(errorCode(http.post(
                        http.org("/directory/groups/nope/memberships"), "{\"account_id\":\"" + u.accountId() + "\"}")))
                .isEqualTo("ADMIN-404-10");
        assertThat(errorCode(http.post(path, "{\"account_id\":\"nobody\"}"))).isEqualTo("ADMIN-404-8");
        assertThat(errorCode(http.post(path, "{\"accountId\":\"" + u.accountId() + "\"}")))
                .isEqualTo("ADMIN-400-24");
        var scim = http.post(
                http.org("/directory/groups/" + group("okta-all-staff").id() + "/memberships"),
                "{\"account_id\":\"" + u.accountId() + "\"}");
        assertThat(scim.status()).isEqualTo(403);
        assertThat(errorCode(scim)).isEqualTo("ADMIN-403-5");
        assertThat(server.stats().writes(u.accountId())).isEqualTo(2);
    }

    @Test
    void theGroupsSearchAnswers() {
        var found = http.post(http.org("/groups/search"), "{\"groupNames\":{\"eq\":[\"SALES\"]}}");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("data").get(0).get("id").asString())
                .isEqualTo(group("sales").id());
    }
}
