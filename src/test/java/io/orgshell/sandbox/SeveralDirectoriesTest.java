package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * {@code scripts/sandbox --directories 3}: an org on the original user-management experience. Accounts and groups are
 * spread over the directories; reads over {@code -} see them all; a write names the directory it belongs to.
 */
class SeveralDirectoriesTest {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(300).withDirectories(3));

    static SandboxServer server;
    static SandboxHttp http;

    static String dirs() {
        return "/admin/v2/orgs/" + server.orgId() + "/directories";
    }

    static String in(SandboxDirectory d, String rest) {
        return dirs() + "/" + d.id() + rest;
    }

    static SandboxUser plainIn(SandboxDirectory d) {
        return server.org().users().stream()
                .filter(u -> u.managed()
                        && !u.orgAdmin()
                        && !u.idpSynced()
                        && u.access() == OrgAccess.ACTIVE
                        && server.org().directoryOf(u.accountId()).orElseThrow().equals(d))
                .findFirst()
                .orElseThrow();
    }

    static String code(SandboxHttp.Resp r) {
        return r.json().get("errors").get(0).get("code").asString();
    }

    @Test
    void theDirectoriesAreListedAndEachAccountIsInOne() {
        List<SandboxDirectory> all = server.org().directories();
        assertThat(all).hasSize(3);
        assertThat(all.get(0))
                .as("the first is the one a one-directory org has")
                .isEqualTo(new SeedGenerator(SandboxConfig.DEFAULT_SEED, 3)
                        .generate()
                        .directories()
                        .get(0));
        JsonNode listed = http.get(dirs()).json().get("data");
        assertThat(listed)
                .extracting(d -> d.get("directoryId").asString())
                .containsExactlyElementsOf(
                        all.stream().map(SandboxDirectory::id).toList());
        for (SandboxDirectory d : all) {
            SandboxUser u = plainIn(d);
            JsonNode mine =
                    http.get(dirs() + "?accountId=" + u.accountId()).json().get("data");
            assertThat(mine)
                    .singleElement()
                    .extracting(x -> x.get("directoryId").asString())
                    .isEqualTo(d.id());
            long inD = server.org().users().stream()
                    .filter(x -> server.org()
                            .directoryOf(x.accountId())
                            .orElseThrow()
                            .equals(d))
                    .count();
            assertThat(inD).as("spread evenly").isEqualTo(100);
        }
        assertThat(http.get(dirs() + "?accountId=nobody").json().get("data")).isEmpty();
    }

    @Test
    void aReadInOneDirectorySeesItsAccountsAndGroupsOnly() {
        SandboxDirectory second = server.org().directories().get(1);
        JsonNode users =
                http.post(in(second, "/users/search"), "{\"limit\":100}").json().get("data");
        assertThat(users)
                .hasSize(100)
                .allMatch(x -> server.org()
                        .directoryOf(x.get("accountId").asString())
                        .orElseThrow()
                        .equals(second));
        int all = 0;
        String cursor = null;
        do {
            JsonNode page = http.post(
                            dirs() + "/-/users/search",
                            cursor == null ? "{\"limit\":100}" : "{\"limit\":100,\"cursor\":\"" + cursor + "\"}")
                    .json();
            all += page.get("data").size();
            JsonNode next = page.path("links").path("next");
            cursor = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (cursor != null && all < 1000);
        assertThat(all).as("every directory's accounts, page by page").isEqualTo(300);
        JsonNode groups = http.post(in(second, "/groups/search"), "{}").json().get("data");
        assertThat(groups)
                .isNotEmpty()
                .allMatch(g -> g.get("directoryId").asString().equals(second.id()));
        for (SandboxGroup g : server.org().groups()) {
            assertThat(server.org().members(g.id()))
                    .as(g.name())
                    .allMatch(id ->
                            server.org().directoryOf(id).orElseThrow().id().equals(g.directoryId()));
        }
    }

    @Test
    void aWriteInAnotherDirectoryIsRefusedAndChangesNothing() {
        SandboxDirectory first = server.org().directories().get(0);
        SandboxDirectory third = server.org().directories().get(2);
        SandboxUser u = plainIn(third);
        var elsewhere = http.post(in(first, "/users/" + u.accountId() + "/suspend"), null);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(code(elsewhere)).isEqualTo("ADMIN-UAM-404-1");
        var everywhere = http.post(dirs() + "/-/users/" + u.accountId() + "/suspend", null);
        assertThat(everywhere.status()).isEqualTo(400);
        assertThat(server.org().findById(u.accountId()).orElseThrow().access()).isEqualTo(OrgAccess.ACTIVE);
        assertThat(http.post(in(third, "/users/" + u.accountId() + "/suspend"), null)
                        .status())
                .isEqualTo(204);
        assertThat(server.org().findById(u.accountId()).orElseThrow().access()).isEqualTo(OrgAccess.SUSPENDED);
        assertThat(http.post(in(third, "/users/" + u.accountId() + "/restore"), null)
                        .status())
                .isEqualTo(204);
    }

    @Test
    void aGroupTakesMembersOfItsOwnDirectoryOnly() {
        SandboxGroup sales = server.org().findGroupByName("sales").orElseThrow();
        SandboxDirectory home = server.org().findDirectory(sales.directoryId()).orElseThrow();
        SandboxDirectory other = server.org().directories().stream()
                .filter(d -> !d.equals(home))
                .findFirst()
                .orElseThrow();
        SandboxUser outsider = plainIn(other);
        var wrongGroupDir = http.post(
                in(other, "/groups/" + sales.id() + "/memberships"),
                "{\"accountId\":\"" + outsider.accountId() + "\"}");
        assertThat(wrongGroupDir.status()).isEqualTo(404);
        assertThat(code(wrongGroupDir)).isEqualTo("ADMIN-UAM-404-3");
        var notInDirectory = http.post(
                in(home, "/groups/" + sales.id() + "/memberships"), "{\"accountId\":\"" + outsider.accountId() + "\"}");
        assertThat(notInDirectory.status()).isEqualTo(400);
        assertThat(notInDirectory.json().get("errors").get(0).get("detail").asString())
                .contains("not in directory");
        assertThat(server.org().isMember(sales.id(), outsider.accountId())).isFalse();
        SandboxUser insider = server.org().users().stream()
                .filter(u -> u.access() == OrgAccess.ACTIVE
                        && server.org().directoryOf(u.accountId()).orElseThrow().equals(home)
                        && !server.org().isMember(sales.id(), u.accountId()))
                .findFirst()
                .orElseThrow();
        assertThat(http.post(
                                in(home, "/groups/" + sales.id() + "/memberships"),
                                "{\"accountId\":\"" + insider.accountId() + "\"}")
                        .status())
                .isEqualTo(204);
        assertThat(server.org().isMember(sales.id(), insider.accountId())).isTrue();
        Set<String> writes = server.stats().writes().keySet();
        assertThat(writes).doesNotContain(outsider.accountId());
    }
}
