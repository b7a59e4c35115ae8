package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class UserManagementTest {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(400));

    static SandboxServer server;
    static SandboxHttp http;

    static SandboxUser find(Predicate<SandboxUser> p) {
        return server.org().users().stream().filter(p).findFirst().orElseThrow();
    }

    static SandboxUser plain() {
        return find(
                u -> u.managed() && !u.idpSynced() && !u.orgAdmin() && u.active() && u.access() == OrgAccess.ACTIVE);
    }

    static SandboxUser idp() {
        return find(u -> u.managed() && u.idpSynced());
    }

    static SandboxUser unmanaged() {
        return find(u -> !u.managed());
    }

    static SandboxUser current(SandboxUser u) {
        return server.org().findById(u.accountId()).orElseThrow();
    }

    // ---- permissions ----

    @Test
    void privilegesAcceptRepeatedAndCommaJoinedForms() {
        SandboxUser u = plain();
        JsonNode repeated = http.get(
                        "/users/" + u.accountId() + "/manage?privileges=email.set&privileges=lifecycle.enablement")
                .json();
        JsonNode joined = http.get("/users/" + u.accountId() + "/manage?privileges=email.set,lifecycle.enablement")
                .json();
        assertThat(repeated).isEqualTo(joined);
        assertThat(repeated.propertyNames()).containsExactly("email.set", "lifecycle.enablement");
        assertThat(repeated.get("email.set").get("allowed").asBoolean()).isTrue();
    }

    @Test
    void privilegesOfIdpSyncedAdminAndUnmanagedAccounts() {
        JsonNode synced = http.get(
                        "/users/" + idp().accountId() + "/manage?privileges=email.set&privileges=profile.write")
                .json();
        assertThat(synced.get("email.set").get("allowed").asBoolean()).isFalse();
        assertThat(synced.get("email.set").get("reason").get("key").asString()).isEqualTo("externalDirectory.scim");
        JsonNode write = synced.get("profile.write");
        assertThat(write.propertyNames()).contains("name", "nickname", "extended_profile.job_title");
        assertThat(write.get("name").get("reason").get("key").asString()).isEqualTo("externalDirectory.scim");

        JsonNode admin = http.get("/users/" + server.callerAccountId()
                        + "/manage?privileges=lifecycle.enablement&privileges=lifecycle.delete")
                .json();
        assertThat(admin.get("lifecycle.enablement").get("reason").get("key").asString())
                .isEqualTo("administrative");
        assertThat(admin.get("lifecycle.delete").get("allowed").asBoolean()).isFalse();

        JsonNode plain = http.get("/users/" + plain().accountId() + "/manage?privileges=profile.write")
                .json();
        assertThat(plain.get("profile.write").get("name").get("allowed").asBoolean())
                .isTrue();

        var notManaged = http.get("/users/" + unmanaged().accountId() + "/manage");
        assertThat(notManaged.status()).isEqualTo(403);
        assertThat(notManaged.body()).isEqualTo("{\"key\":\"forbidden.targetUnverified\"}");
        var unknown = http.get("/users/5b86be50b8e3cb5895860d6d/manage");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"key\":\"accountNotFound\"}");
    }

    // ---- profile ----

    @Test
    void profileReadAndPartialUpdate() {
        SandboxUser u = plain();
        JsonNode account =
                http.get("/users/" + u.accountId() + "/manage/profile").json().get("account");
        assertThat(account.get("account_id").asString()).isEqualTo(u.accountId());
        assertThat(account.get("email").asString()).isEqualTo(u.email());
        assertThat(account.get("extended_profile").get("job_title").asString()).isEqualTo(u.jobTitle());

        var r = http.patch(
                "/users/" + u.accountId() + "/manage/profile",
                "{\"nickname\":\"nicky\",\"zoneinfo\":\"Europe/Berlin\",\"extended_profile\":{\"department\":\"Research\"}}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode updated = r.json().get("account");
        assertThat(updated.get("nickname").asString()).isEqualTo("nicky");
        assertThat(updated.get("extended_profile").get("department").asString()).isEqualTo("Research");
        assertThat(updated.get("name").asString()).isEqualTo(u.name());
        assertThat(current(u).department()).isEqualTo("Research");
        assertThat(current(u).zoneinfo()).isEqualTo("Europe/Berlin");
        assertThat(server.stats().writes(u.accountId())).isEqualTo(1);
    }

    @Test
    void profileConstraintViolations() {
        SandboxUser u = plain();
        var r = http.patch(
                "/users/" + u.accountId() + "/manage/profile",
                "{\"name\":\"" + "n".repeat(101) + "\",\"nickname\":\"" + "k".repeat(31) + "\"}");
        assertThat(r.status()).isEqualTo(400);
        JsonNode body = r.json();
        assertThat(body.get("key").asString()).isEqualTo("fieldConstraintsViolated");
        JsonNode fields = body.get("context").get("fieldViolations");
        assertThat(fields).hasSize(2);
        assertThat(fields.get(0).get("field").asString()).isEqualTo("name");
        assertThat(fields.get(0).get("violations").get(0).get("key").asString()).isEqualTo("maxLength");
        assertThat(fields.get(1).get("field").asString()).isEqualTo("nickname");
        assertThat(current(u)).isEqualTo(u);
        assertThat(http.patch("/users/" + u.accountId() + "/manage/profile", "{\"name\":\"" + "n".repeat(100) + "\"}")
                        .status())
                .isEqualTo(200);
        assertThat(http.patch("/users/" + u.accountId() + "/manage/profile", "[1,2")
                        .json()
                        .get("key")
                        .asString())
                .isEqualTo("bodyParseFailure");
    }

    @Test
    void idpSyncedProfileIsRefusedPerField() {
        SandboxUser s = idp();
        var r = http.patch(
                "/users/" + s.accountId() + "/manage/profile",
                "{\"name\":\"Other\",\"extended_profile\":{\"job_title\":\"Boss\"}}");
        assertThat(r.status()).isEqualTo(403);
        JsonNode body = r.json();
        assertThat(body.get("key").asString()).isEqualTo("forbidden.fieldMutation");
        assertThat(body.get("context").propertyNames()).containsExactly("name", "extended_profile.job_title");
        assertThat(body.get("context").get("name").get("allowed").asBoolean()).isFalse();
        assertThat(body.get("context").get("name").get("reason").get("key").asString())
                .isEqualTo("externalDirectory.scim");
        assertThat(current(s)).isEqualTo(s);
    }

    // ---- email ----

    private static SandboxHttp.Resp putEmail(SandboxUser u, String email) {
        return http.put("/users/" + u.accountId() + "/manage/email", "{\"email\":\"" + email + "\"}");
    }

    @Test
    void emailMovesToAnotherVerifiedDomain() {
        SandboxUser u = plain();
        String target = u.email().replace("@" + u.emailDomain(), "@acme.io");
        var r = putEmail(u, target);
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(current(u).email()).isEqualTo(target);
        assertThat(server.org().findByEmail(target.toUpperCase()))
                .map(SandboxUser::accountId)
                .contains(u.accountId());
        assertThat(server.org().findByEmail(u.email())).isEmpty();
        assertThat(server.stats().writes(u.accountId())).isEqualTo(1);
    }

    @Test
    void emailToAnUnverifiedOrForeignDomainIsUnclaimed() {
        SandboxUser u = plain();
        for (String domain : new String[] {"acme-legacy.example", "old-acme.example", "elsewhere.example"}) {
            var r = putEmail(u, "someone@" + domain.toUpperCase());
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body())
                    .isEqualTo("{\"key\":\"forbidden.unclaimedDomain\",\"context\":{\"domain\":\"" + domain + "\"}}");
        }
        assertThat(current(u)).isEqualTo(u);
        assertThat(server.stats().writes()).isEmpty();
    }

    @Test
    void emailAlreadyUsedByAnotherAccountIsRefusedCaseInsensitively() {
        SandboxUser u = plain();
        SandboxUser other = find(x -> x.managed() && !x.accountId().equals(u.accountId()));
        var r = putEmail(u, other.email().toUpperCase());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body())
                .isEqualTo("{\"key\":\"fieldConstraintsViolated\",\"context\":{\"fieldViolations\":"
                        + "[{\"field\":\"email\",\"violations\":[{\"key\":\"alreadyInUse\"}]}]}}");
        assertThat(current(u)).isEqualTo(u);
    }

    @Test
    void settingTheEmailItAlreadyHasIsASuccessfulWrite() {
        SandboxUser u = plain();
        assertThat(putEmail(u, u.email()).status()).isEqualTo(204);
        assertThat(server.stats().writes(u.accountId())).isEqualTo(1);
        // a change of case only is the same address, also allowed
        assertThat(putEmail(u, u.email().toUpperCase()).status()).isEqualTo(204);
    }

    @Test
    void malformedEmailsAndBodies() {
        SandboxUser u = plain();
        for (String bad : new String[] {"no-at-sign", "two@@acme.io", "a b@acme.io", "@acme.io", "x@acme"}) {
            var r = putEmail(u, bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("key").asString()).isEqualTo("fieldConstraintsViolated");
            assertThat(r.json()
                            .get("context")
                            .get("fieldViolations")
                            .get(0)
                            .get("field")
                            .asString())
                    .isEqualTo("email");
        }
        assertThat(http.put("/users/" + u.accountId() + "/manage/email", "{nope")
                        .json()
                        .get("key")
                        .asString())
                .isEqualTo("bodyParseFailure");
        assertThat(http.put("/users/" + u.accountId() + "/manage/email", "{}").status())
                .isEqualTo(400);
        assertThat(current(u)).isEqualTo(u);
    }

    @Test
    void emailOfIdpSyncedUnmanagedAndUnknownAccounts() {
        var synced = putEmail(idp(), "new.person@acme.io");
        assertThat(synced.status()).isEqualTo(403);
        assertThat(synced.body())
                .isEqualTo("{\"key\":\"forbidden.action\",\"context\":{\"allowed\":false,"
                        + "\"reason\":{\"key\":\"externalDirectory.scim\"}}}");
        var notManaged = putEmail(unmanaged(), "new.person@acme.io");
        assertThat(notManaged.status()).isEqualTo(403);
        assertThat(notManaged.json().get("key").asString()).isEqualTo("forbidden.targetUnverified");
        assertThat(http.put(
                                "/users/557057:00000000-0000-0000-0000-000000000000/manage/email",
                                "{\"email\":\"a.b@acme.io\"}")
                        .status())
                .isEqualTo(404);
        assertThat(server.stats().writes()).isEmpty();
    }

    // ---- lifecycle ----

    private static SandboxHttp.Resp lifecycle(SandboxUser u, String action, String body) {
        return http.post("/users/" + u.accountId() + "/manage/lifecycle/" + action, body);
    }

    @Test
    void disableThenEnable() {
        SandboxUser u = plain();
        assertThat(lifecycle(u, "disable", "{\"message\":\"On leave\"}").status())
                .isEqualTo(204);
        assertThat(current(u).accountStatus()).isEqualTo("inactive");
        assertThat(current(u).deactivatedOn()).isNotNull();
        assertThat(lifecycle(u, "disable", null).status()).isEqualTo(204);
        assertThat(lifecycle(u, "enable", null).status()).isEqualTo(204);
        assertThat(current(u).accountStatus()).isEqualTo("active");
        assertThat(server.stats().writes(u.accountId())).isEqualTo(3);
    }

    @Test
    void deleteHasAGracePeriodAndBlocksEnableUntilCancelled() {
        SandboxUser u = plain();
        var deleted = lifecycle(u, "delete", null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asString()).isNotBlank();
        SandboxUser pending = current(u);
        assertThat(pending.pendingDeletion()).isTrue();
        assertThat(pending.accountStatus()).isEqualTo("inactive");
        assertThat(Duration.between(Instant.now(), pending.deletionScheduled()).toDays())
                .isBetween(13L, 14L);

        var enable = lifecycle(u, "enable", null);
        assertThat(enable.status()).isEqualTo(409);
        JsonNode conflict = enable.json();
        assertThat(conflict.get("key").asString()).isEqualTo("conflict.lifecycleErrors");
        assertThat(conflict.get("context").get("accountId").asString()).isEqualTo(u.accountId());
        assertThat(conflict.get("context").get("errorCodes").get(0).has("code")).isTrue();
        assertThat(lifecycle(u, "delete", null).status()).isEqualTo(409);

        var cancel = lifecycle(u, "cancel-delete", null);
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().has("message")).isTrue();
        assertThat(current(u).pendingDeletion()).isFalse();
        assertThat(current(u).accountStatus()).isEqualTo("active");
        assertThat(server.stats().writes(u.accountId())).isEqualTo(2);
    }

    @Test
    void lifecycleOfAdminsUnmanagedAndUnknownAccounts() {
        for (String action : new String[] {"disable", "enable", "delete", "cancel-delete"}) {
            var r = lifecycle(server.org().findById(server.callerAccountId()).orElseThrow(), action, "{}");
            assertThat(r.status()).as(action).isEqualTo(403);
            assertThat(r.json().get("key").asString()).isEqualTo("forbidden.action");
            assertThat(r.json().get("context").get("reason").get("key").asString())
                    .isEqualTo("administrative");
        }
        assertThat(lifecycle(unmanaged(), "disable", "{}").json().get("key").asString())
                .isEqualTo("forbidden.targetUnverified");
        assertThat(http.post("/users/nobody/manage/lifecycle/disable", "{}").status())
                .isEqualTo(404);
        assertThat(server.org().findById(server.callerAccountId()).orElseThrow().active())
                .isTrue();
    }
}
