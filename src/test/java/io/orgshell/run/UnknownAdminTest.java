package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.ProductAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unknown is never "not an admin": an account the org does not say is, or is not, an org admin is protected for
 * every operation like an admin (BLOCKED unless {@code --allow-admins}) and counts as one for the safety limit; an
 * inactive org admin is never planned OK.
 */
class UnknownAdminTest extends FreshSandboxTest {

    static final String SEARCH = "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(53);
    }

    /** The next searches answer this account without {@code platformRoles}: the org does not say. */
    void rolesLeftOut(SandboxUser u, int times) {
        FaultScripts.post(
                server,
                "{\"match\":\"" + SEARCH + "\",\"times\":" + times + ",\"type\":\"status\","
                        + "\"status\":200,\"body\":{\"data\":[{\"accountId\":\"" + u.accountId() + "\",\"email\":\""
                        + u.email() + "\",\"accountStatus\":\"active\",\"membershipStatus\":\"active\","
                        + "\"claimStatus\":\"managed\"}],\"links\":{}}}");
    }

    @Test
    void everyOperationProtectsAnAccountWhoseRoleIsUnknown() throws Exception {
        SandboxUser u = Accounts.plain(server).findFirst().orElseThrow();
        for (String op : List.of("suspend", "deactivate", "remove", "delete")) {
            assertThat(run("load --op " + op + " " + csv("account_id", List.of(u.accountId())))
                            .exitCode())
                    .isZero();
            rolesLeftOut(u, 1);
            Result preview = run("preview");
            assertThat(preview.all())
                    .as(op + ": " + preview)
                    .contains("OK 0")
                    .contains("BLOCKED 1")
                    .contains("protected: the org did not say whether this is an org admin");
        }
        assertThat(server.faults().pending()).isZero();
    }

    @Test
    void allowedInItCountsAsAnAdminForTheSafetyLimit() throws Exception {
        SandboxUser u = Accounts.plain(server).findFirst().orElseThrow();
        ok(run("load --op suspend " + csv("account_id", List.of(u.accountId()))));
        rolesLeftOut(u, 1);
        Result preview = run("preview --allow-admins");
        assertThat(preview.all()).as(preview.toString()).contains("OK 1");
        rolesLeftOut(u, 5);
        Result ran = run("run --yes");
        assertThat(ran.exitCode()).as(ran.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(ran.err())
                .contains("refusing to suspend 1 org admin account(s)")
                .contains("--override-limit");
        assertThat(server.stats().writes()).isEmpty();
    }

    @Test
    void anInactiveOrgAdminIsNeverPlannedOk() throws Exception {
        SandboxUser admin = server.org().users().stream()
                .filter(SandboxUser::orgAdmin)
                .filter(a -> !a.accountId().equals(server.callerAccountId()))
                .findFirst()
                .orElseThrow();
        Instant longAgo = Instant.now().minus(Duration.ofDays(200));
        server.org()
                .update(admin.accountId(), a -> a.withProductAccess(List.of(new ProductAccess("confluence", longAgo))));
        Path out = tmp.resolve("inactive.csv");
        Result planned = run("plan deactivate --inactive-since 90d --out " + out);
        assertThat(planned.exitCode()).as(planned.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(out)).contains(admin.accountId());
        Result preview = run("preview");
        assertThat(preview.out()).as(preview.toString()).contains("protected: org admin");
        assertThat(preview.out().lines().filter(l -> l.contains(admin.accountId()) || l.contains(admin.email())))
                .isNotEmpty()
                .allMatch(l -> l.contains("BLOCKED") || l.contains("protected"));
    }
}
