package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxGroup;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.ShellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An org whose v2 directory API answers 404: every operation falls back to the v1 endpoints. */
class V1FallbackTest extends ShellTest {

    @TempDir
    Path tmp;
    SandboxServer server;

    @BeforeEach
    void connect() {
        server = connectTo(sandbox(SandboxConfig.defaults().withUsers(300).withSeed(51).withV2Enabled(false)));
        server.reset();
    }

    List<SandboxUser> plain(int skip, int n) {
        return Accounts.plain(server)
                .skip(skip).limit(n).toList();
    }

    Path csv(String header, List<String> lines) throws Exception {
        Path file = Files.createTempFile(tmp, "plan", ".csv");
        Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void suspendGoesThroughV1SuspendAccess() throws Exception {
        List<SandboxUser> u = plain(0, 3);
        run("load --op suspend " + csv("account_id", u.stream().map(SandboxUser::accountId).toList()));
        assertThat(run("preview").out()).contains("OK 3");
        Result r = run("run --yes");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        u.forEach(x -> assertThat(server.org().findById(x.accountId()).orElseThrow().access())
                .isEqualTo(OrgAccess.SUSPENDED));
        assertThat(server.stats().requests("POST /admin/v1/orgs/{orgId}/directory/users/{accountId}/suspend-access"))
                .isEqualTo(3);
    }

    @Test
    void groupMembershipGoesThroughV1ByGroupId() throws Exception {
        SandboxGroup sales = server.org().findGroupByName("sales").orElseThrow();
        List<SandboxUser> u = plain(3, 6).stream().filter(x -> !server.org().isMember(sales.id(), x.accountId()))
                .limit(2).toList();
        run("load --op group-add " + csv("account_id,group", u.stream().map(x -> x.accountId() + "," + sales.id())
                .toList()));
        // without v2 the org cannot say which roles a group grants: it is protected as one that grants administration
        assertThat(run("preview").out()).contains("BLOCKED 2");
        assertThat(run("preview --allow-admins").out()).contains("OK 2");
        assertThat(run("run --yes --override-limit").out()).contains("applied 2");
        u.forEach(x -> assertThat(server.org().isMember(sales.id(), x.accountId())).isTrue());
        assertThat(server.stats().requests("POST /admin/v1/orgs/{orgId}/directory/groups/{groupId}/memberships"))
                .isEqualTo(2);
    }

    @Test
    void emailPreviewAsksEachAccountWhenTheDirectoryCannotTell() throws Exception {
        List<SandboxUser> u = plain(10, 2);
        SandboxUser synced = server.org().users().stream().filter(x -> x.managed() && x.idpSynced()).findFirst()
                .orElseThrow();
        List<String> lines = new java.util.ArrayList<>(u.stream().map(x -> x.accountId() + ",v1-" + x.email()
                .substring(0, x.email().indexOf('@')) + "@acme.io").toList());
        lines.add(synced.accountId() + ",v1-synced@acme.io");
        run("load " + csv("account_id,email", lines));
        Result preview = run("preview");
        assertThat(preview.out()).as(preview.toString()).contains("OK 2").contains("BLOCKED 1")
                .contains("does not allow");
        assertThat(server.stats().requests("GET /users/{accountId}/manage")).isEqualTo(3);
        assertThat(run("run --yes").out()).contains("applied 2");
    }

    @Test
    void theOrgIsAskedOnceAConnectionWhetherItHasV2() throws Exception {
        List<SandboxUser> u = plain(20, 2);
        run("load --op suspend " + csv("account_id", u.stream().map(SandboxUser::accountId).toList()));
        assertThat(run("preview").out()).contains("OK 2");
        assertThat(run("run --yes").out()).contains("applied 2");
        SandboxGroup sales = server.org().findGroupByName("sales").orElseThrow();
        SandboxUser outside = plain(30, 10).stream().filter(x -> !server.org().isMember(sales.id(), x.accountId()))
                .findFirst().orElseThrow();
        run("load --op group-add " + csv("account_id,group", List.of(outside.accountId() + "," + sales.id())));
        assertThat(run("preview --allow-admins").out()).contains("OK 1");
        assertThat(run("run --yes --override-limit").out()).contains("applied 1");
        assertThat(v2Requests()).as(server.stats().requests().toString()).isEqualTo(1);
        assertThat(server.stats().requests("POST /admin/v1/orgs/{orgId}/directory/users/{accountId}/suspend-access"))
                .isEqualTo(2);

        connectTo(server);
        assertThat(run("users find " + outside.email()).out()).contains(outside.accountId());
        assertThat(run("users show " + outside.email()).out()).contains(outside.accountId());
        assertThat(v2Requests()).as("a new connection asks again").isEqualTo(2);
    }

    /** With v2 switched off the sandbox routes no {@code /admin/v2} path: each one is counted as unmatched. */
    private long v2Requests() {
        return server.stats().requests().entrySet().stream().filter(e -> e.getKey().endsWith(" (unmatched)"))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
