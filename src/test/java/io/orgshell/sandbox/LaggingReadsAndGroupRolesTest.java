package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sandbox's {@code stale-reads} fault (a read after a write shows the account as it was, for a while; the org
 * itself has changed at once) and the roles its groups grant ({@code site-admins}: site-admin).
 */
class LaggingReadsAndGroupRolesTest {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(100));

    static SandboxServer server;
    static SandboxHttp http;

    String v2(String rest) {
        return "/admin/v2/orgs/" + server.orgId() + "/directories/-" + rest;
    }

    @Test
    void aSuspendShowsInReadsOnlyOnceTheLagHasPassed() throws Exception {
        SandboxUser u = server.org().users().stream()
                .filter(x -> x.access() == OrgAccess.ACTIVE && !x.orgAdmin())
                .findFirst()
                .orElseThrow();
        assertThat(http.send("POST", "/__sandbox/faults", "{\"type\":\"stale-reads\",\"seconds\":1}", null)
                        .status())
                .isEqualTo(200);
        long wrote = System.nanoTime();

        String home = "/admin/v2/orgs/" + server.orgId() + "/directories/"
                + server.org().directoryOf(u.accountId()).orElseThrow().id();
        assertThat(http.post(home + "/users/" + u.accountId() + "/suspend", "").status())
                .isEqualTo(204);

        assertThat(server.org().findById(u.accountId()).orElseThrow().access()).isEqualTo(OrgAccess.SUSPENDED);
        assertThat(http.get(v2("/users/" + u.accountId()))
                        .json()
                        .at("/data/status")
                        .asString())
                .isEqualTo("active");
        String status = "active";
        while (status.equals("active") && System.nanoTime() - wrote < 5_000_000_000L) {
            Thread.sleep(100); // polling the condition: the lag is what is measured
            status = http.get(v2("/users/" + u.accountId()))
                    .json()
                    .at("/data/status")
                    .asString();
        }
        assertThat(status).isEqualTo("suspended");
        assertThat(System.nanoTime() - wrote).isGreaterThanOrEqualTo(1_000_000_000L);
    }

    @Test
    void staleReadsNeedsItsSeconds() {
        SandboxHttp.Resp r = http.send("POST", "/__sandbox/faults", "{\"type\":\"stale-reads\"}", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("seconds");
    }

    @Test
    void siteAdminsGrantsSiteAdministrationAndEngineeringNothing() {
        SandboxGroup admins = server.org().findGroupByName("site-admins").orElseThrow();
        SandboxGroup engineering = server.org().findGroupByName("engineering").orElseThrow();

        var roles = http.get(v2("/groups/" + admins.id() + "/role-assignments")).json();

        assertThat(roles.at("/data/0/roleId").asString()).isEqualTo("atlassian/site-admin");
        assertThat(roles.at("/data/0/principalId").asString()).isEqualTo(admins.id());
        assertThat(http.get(v2("/groups/" + engineering.id() + "/role-assignments"))
                        .json()
                        .get("data"))
                .isEmpty();
        assertThat(http.get(v2("/groups/nope/role-assignments")).status()).isEqualTo(404);
    }
}
