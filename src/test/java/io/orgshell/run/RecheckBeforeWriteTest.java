package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxGroup;
import io.orgshell.sandbox.SandboxOrgAccess;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.CsvFiles;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Each batch's re-read before writing asks again what preview protects: an account that became an org admin or
 * IdP-managed since preview, or that is now the caller's own, is skipped and reported, not written.
 */
class RecheckBeforeWriteTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(200).withSeed(37);
    }

    @Test
    void anAccountThatBecameAnOrgAdminSincePreviewIsNotSuspended() throws Exception {
        List<SandboxUser> u = preview("--op suspend", "account_id", accounts.next(4), SandboxUser::accountId);
        server.org().update(u.get(2).accountId(), x -> x.withOrgAdmin(true));

        Result r = run("run --yes");

        assertThat(r.all()).as(r.toString()).contains("applied 3, already done 0, skipped 1, failed 0");
        assertThat(row(u.get(2)).get("reason")).isEqualTo("protected: became an org admin since preview");
        assertThat(access(u.get(2))).isEqualTo(OrgAccess.ACTIVE);
        assertThat(server.stats().writes(u.get(2).accountId())).isZero();
    }

    /** Allowing changes to an admin group lets no org admin through: one made since preview is still caught. */
    @Test
    void anAccountThatBecameAnOrgAdminSinceAnAllowedAdminGroupPreviewIsNotAdded() throws Exception {
        SandboxGroup g = server.org().findGroupByName("site-admins").orElseThrow();
        List<SandboxUser> u = accounts.next(40).stream()
                .filter(x -> !server.org().isMember(g.id(), x.accountId()))
                .limit(3)
                .toList();
        Path plan = Files.createTempFile(tmp, "groups", ".csv");
        Files.writeString(
                plan,
                "account_id,group\n"
                        + String.join(
                                "\n",
                                u.stream()
                                        .map(x -> x.accountId() + ",site-admins")
                                        .toList()) + "\n");
        ok(run("load --op group-add " + plan));
        Result p = run("preview --allow-admins");
        assertThat(p.all()).as(p.toString()).contains("OK 3");
        server.org().update(u.get(1).accountId(), x -> x.withOrgAdmin(true));

        Result r = run("run --yes --override-limit");

        assertThat(r.all()).as(r.toString()).contains("applied 2, already done 0, skipped 1, failed 0");
        assertThat(row(u.get(1)).get("reason")).isEqualTo("protected: became an org admin since preview");
        assertThat(server.org().isMember(g.id(), u.get(1).accountId())).isFalse();
    }

    @Test
    void anAccountTakenOverByAnIdentityProviderSincePreviewKeepsItsProfile() throws Exception {
        List<SandboxUser> u = preview(
                "--op profile",
                "account_id,job_title",
                accounts.next(2),
                x -> x.accountId() + ",Rechecked " + x.accountId().hashCode());
        server.org().update(u.get(0).accountId(), x -> x.withIdpSynced(true));

        Result r = run("run --yes");

        assertThat(r.all()).as(r.toString()).contains("applied 1, already done 0, skipped 1, failed 0");
        assertThat(row(u.get(0)).get("reason")).contains("identity provider");
        assertThat(server.org().findById(u.get(0).accountId()).orElseThrow().jobTitle())
                .isEqualTo(u.get(0).jobTitle());
        assertThat(server.stats().writes(u.get(0).accountId())).isZero();
    }

    /** A run stopped before any write is resumed through a key of the admin who owns the plan's first account. */
    @Test
    void theCallersOwnAccountIsNotWrittenWhenTheKeyNowBelongsToIt() throws Exception {
        List<SandboxUser> u = preview("--op suspend", "account_id", accounts.next(2), SandboxUser::accountId);
        FaultScripts.post(server, "{\"match\":\"*\",\"times\":20,\"type\":\"status\"," + "\"status\":401}");
        assertThat(run("run --yes").exitCode()).isEqualTo(ExitCodes.AUTH);
        server.faults().clear();
        SandboxOrgAccess now = server.access();
        sandboxLauncher.use(new SandboxOrgAccess(
                now.baseUri(), now.orgId(), now.apiKey(), u.get(0).accountId(), now.instanceId()));
        try {
            ok(run("connect --sandbox"));

            Result r = run("resume --yes");

            assertThat(r.all()).as(r.toString()).contains("applied 1, already done 0, skipped 1, failed 0");
            assertThat(row(u.get(0)).get("reason")).isEqualTo("protected: this is your own account");
            assertThat(access(u.get(0))).isEqualTo(OrgAccess.ACTIVE);
            assertThat(access(u.get(1))).isEqualTo(OrgAccess.SUSPENDED);
        } finally {
            sandboxLauncher.use(server.access());
            ok(run("connect --sandbox"));
        }
    }

    private List<SandboxUser> preview(String op, String header, List<SandboxUser> u, Function<SandboxUser, String> line)
            throws Exception {
        Path plan = Files.createTempFile(tmp, "plan", ".csv");
        Files.writeString(
                plan, header + "\n" + String.join("\n", u.stream().map(line).toList()) + "\n");
        ok(run("load " + op + " " + plan));
        Result p = run("preview");
        assertThat(p.all()).as(p.toString()).contains("OK " + u.size());
        return u;
    }

    private OrgAccess access(SandboxUser u) {
        return server.org().findById(u.accountId()).orElseThrow().access();
    }

    private CSVRecord row(SandboxUser u) throws Exception {
        RunStore store = applicationContext.getBean(RunStore.class);
        return CsvFiles.read(store.open(store.list().get(0).id()).results()).stream()
                .filter(x -> x.get("account_id").equals(u.accountId()))
                .findFirst()
                .orElseThrow();
    }

    @Autowired
    ApplicationContext applicationContext;
}
