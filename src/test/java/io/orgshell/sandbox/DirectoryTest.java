package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Suspend / restore / remove and group memberships through v2, in an org with one directory. */
class DirectoryTest {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(300));

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
    void v2DirectoriesListsTheOneDirectory() {
        JsonNode data = http.get("/admin/v2/orgs/" + server.orgId() + "/directories")
                .json()
                .get("data");
        assertThat(data).hasSize(1);
        assertThat(data.get(0).get("directoryId").asString())
                .isEqualTo(server.org().directory().id());
        assertThat(data.get(0).get("name").asString()).isNotBlank();
        var unknownOrg = http.get("/admin/v2/orgs/nope/directories");
        assertThat(unknownOrg.status()).isEqualTo(404);
        assertThat(errorCode(unknownOrg)).isEqualTo("ADMIN-UAM-404-2");
    }

    @Test
    void v2SuspendRestoreRemove() {
        SandboxUser u = plain();
        String base = http.v2("/users/" + u.accountId());
        var suspended = http.post(base + "/suspend", null);
        assertThat(suspended.status()).isEqualTo(204);
        assertThat(access(u)).isEqualTo(OrgAccess.SUSPENDED);
        JsonNode data = http.get(base).json().get("data");
        assertThat(data.get("status").asString()).isEqualTo("suspended");
        assertThat(data.get("membershipStatus").asString()).isEqualTo("suspended");
        assertThat(http.post(base + "/restore", null).status()).isEqualTo(204);
        assertThat(access(u)).isEqualTo(OrgAccess.ACTIVE);
        assertThat(server.org().groupsOf(u.accountId())).isNotEmpty();
        assertThat(http.delete(base).status()).isEqualTo(204);
        assertThat(access(u)).isEqualTo(OrgAccess.REMOVED);
        assertThat(server.org().groupsOf(u.accountId())).isEmpty();
        assertThat(http.post(base + "/restore", null).status()).isEqualTo(404);
        assertThat(http.get(base).json().get("data").get("membershipStatus").asString())
                .isEqualTo("no_membership");
        assertThat(server.stats().writes(u.accountId())).isEqualTo(3);
        // "-" means every directory the key can manage
        assertThat(http.get("/admin/v2/orgs/" + server.orgId() + "/directories/-/users/" + u.accountId())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void v2RefusesTheCallerAndUnknowns() {
        var self = http.post(http.v2("/users/" + server.callerAccountId() + "/suspend"), null);
        assertThat(self.status()).isEqualTo(403);
        assertThat(errorCode(self)).isEqualTo("ADMIN-UAM-403-1");
        var unknown = http.post(http.v2("/users/nobody/suspend"), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(errorCode(unknown)).isEqualTo("ADMIN-UAM-404-1");
        var dir = http.get("/admin/v2/orgs/" + server.orgId() + "/directories/not-a-dir/users");
        assertThat(dir.status()).isEqualTo(404);
    }

    @Test
    void v2GroupSearchAndMemberships() {
        var search = http.post(http.v2("/groups/search"), "{\"groupNames\":[\"ENGINEERING\"]}");
        assertThat(search.status()).isEqualTo(200);
        JsonNode data = search.json().get("data");
        assertThat(data).hasSize(1);
        SandboxGroup eng = group("engineering");
        assertThat(data.get(0).get("id").asString()).isEqualTo(eng.id());
        assertThat(data.get(0).get("name").asString()).isEqualTo("engineering");
        assertThat(http.post(http.v2("/groups/search"), "{\"groupNames\":[\"eng\"]}")
                        .json()
                        .get("data"))
                .isEmpty();
        assertThat(http.post(http.v2("/groups/search"), "{\"groupNames\":[\"sales\"],\"searchTerm\":\"s\"}")
                        .status())
                .isEqualTo(400);
        assertThat(http.get(http.v2("/groups")).json().get("data"))
                .hasSize(server.org().groups().size());
        assertThat(http.get(http.v2("/groups?limit=2")).json().get("links").get("next"))
                .isNotNull();

        SandboxUser u =
                find(x -> x.access() == OrgAccess.ACTIVE && !server.org().isMember(eng.id(), x.accountId()));
        String path = http.v2("/groups/" + eng.id() + "/memberships");
        assertThat(http.post(path, "{\"accountId\":\"" + u.accountId() + "\"}").status())
                .isEqualTo(204);
        assertThat(server.org().isMember(eng.id(), u.accountId())).isTrue();
        assertThat(http.delete(path + "/" + u.accountId()).status()).isEqualTo(204);
        assertThat(server.org().isMember(eng.id(), u.accountId())).isFalse();
        var unknown = http.post(http.v2("/groups/nope/memberships"), "{\"accountId\":\"" + u.accountId() + "\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(errorCode(unknown)).isEqualTo("ADMIN-UAM-404-3");
        assertThat(http.post(
                                http.v2("/groups/" + group("okta-all-staff").id() + "/memberships"),
                                "{\"accountId\":\"" + u.accountId() + "\"}")
                        .status())
                .isEqualTo(403);
        assertThat(http.post(path, "{\"account_id\":\"" + u.accountId() + "\"}").status())
                .isEqualTo(400);
    }

    @Test
    void v2UserSearchFilters() {
        SandboxUser u = plain();
        JsonNode byEmail = http.post(
                        http.v2("/users/search"),
                        "{\"emails\":[\"" + u.email().toUpperCase() + "\"],\"expand\":[\"groups\",\"platformRoles\"]}")
                .json()
                .get("data");
        assertThat(byEmail).hasSize(1);
        JsonNode user = byEmail.get(0);
        assertThat(user.get("accountId").asString()).isEqualTo(u.accountId());
        assertThat(user.propertyNames())
                .contains(
                        "accountId",
                        "accountType",
                        "name",
                        "nickname",
                        "email",
                        "status",
                        "accountStatus",
                        "membershipStatus",
                        "claimStatus",
                        "platformRoles",
                        "jobTitle",
                        "department",
                        "organization",
                        "location",
                        "timeZone",
                        "addedToOrg",
                        "groups");
        assertThat(user.get("groups"))
                .hasSize(server.org().groupsOf(u.accountId()).size());

        JsonNode byIds = http.post(
                        http.v2("/users/search"),
                        "{\"accountIds\":[\"" + u.accountId() + "\",\"" + server.callerAccountId()
                                + "\"],\"expand\":[\"platformRoles\"]}")
                .json()
                .get("data");
        assertThat(byIds).hasSize(2);
        assertThat(byIds.get(0).has("groups")).isFalse();
        JsonNode caller =
                byIds.get(0).get("accountId").asString().equals(server.callerAccountId()) ? byIds.get(0) : byIds.get(1);
        assertThat(caller.get("platformRoles").get(0).asString()).isEqualTo("atlassian/org-admin");

        String last = u.name().split(" ")[1].toLowerCase();
        JsonNode byTerm = http.post(http.v2("/users/search"), "{\"searchTerm\":\"" + last + "\",\"limit\":100}")
                .json()
                .get("data");
        assertThat(byTerm)
                .isNotEmpty()
                .allMatch(x -> (x.get("name").asString() + x.get("email").asString())
                        .toLowerCase()
                        .contains(last));

        JsonNode synced =
                http.get(http.v2("/users?limit=100&claimStatus=managed")).json().get("data");
        assertThat(synced).allMatch(x -> x.get("claimStatus").asString().equals("managed"));
        assertThat(synced)
                .anyMatch(x -> "synced".equals(x.path("managementSource").asString(null)));

        assertThat(http.post(http.v2("/users/search"), "{\"emails\":[\"a@b.c\"],\"searchTerm\":\"x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post(http.v2("/users/search"), "{\"limit\":0}").status())
                .isEqualTo(400);
        // the largest page Atlassian documents for the user search
        assertThat(http.post(http.v2("/users/search"), "{\"limit\":101}").status())
                .isEqualTo(400);
        assertThat(http.post(http.v2("/users/search"), "{\"accountIds\":\"" + u.accountId() + "\"}")
                        .json()
                        .get("data"))
                .hasSize(1);
    }

    @Test
    void writesOnlyCountSuccessfulChanges() {
        SandboxUser u = plain();
        http.post(http.v2("/users/" + u.accountId() + "/suspend"), null);
        http.post(http.v2("/users/nobody/suspend"), null);
        http.post(http.v2("/users/" + server.callerAccountId() + "/suspend"), null);
        assertThat(server.stats().writes()).containsOnlyKeys(u.accountId());
        assertThat(server.stats()
                        .requests("POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/suspend"))
                .isEqualTo(3);
    }
}
