package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxGroup;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.ShellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} and group names on an org without the v2 API ({@code scripts/sandbox --no-v2}): selections are
 * evaluated over the v1 managed list, what it cannot tell is refused by name, and a group named in a plan is
 * resolved through the v1 groups search (issue 12 item 6: it used to fail every row at run with 404).
 */
class DirectoryPlanV1Test extends ShellTest {

    @TempDir
    Path tmp;
    SandboxServer server;

    @BeforeEach
    void connect() {
        server = connectToFresh(SandboxConfig.defaults().withUsers(300).withSeed(62).withV2Enabled(false));
    }

    @Test
    void aSelectionIsEvaluatedOverTheManagedList() throws Exception {
        Path out = tmp.resolve("v1.csv");
        Result r = run("plan suspend --domain acme-corp.example --status active --out " + out);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Set<String> expected = server.org().users().stream().filter(u -> u.managed()
                && u.emailDomain().equals("acme-corp.example") && u.active()).map(SandboxUser::accountId)
                .collect(Collectors.toSet());
        Set<String> planned = Files.readAllLines(out).stream().skip(1).map(l -> l.substring(0, l.indexOf(',')))
                .collect(Collectors.toSet());
        assertThat(planned).isEqualTo(expected);
        assertThat(server.stats().requests("GET /admin/v1/orgs/{orgId}/users")).isPositive();
    }

    @Test
    void whatV1CannotTellIsRefusedByName() {
        for (String option : List.of("--access suspended", "--group sales", "--idp", "--no-idp", "--unmanaged")) {
            Result r = run("plan suspend " + option + " --out " + tmp.resolve("x.csv"));
            assertThat(r.exitCode()).as(option + " " + r).isEqualTo(2);
            assertThat(r.err()).contains(option.split(" ")[0]).contains("v1");
        }
        assertThat(tmp.resolve("x.csv")).doesNotExist();
    }

    @Test
    void aGroupAddNamingSalesPreviewsAndRuns() throws Exception {
        SandboxGroup sales = server.org().findGroupByName("sales").orElseThrow();
        List<SandboxUser> outside = Accounts.plain(server).filter(u -> !server.org().isMember(sales.id(),
                u.accountId())).limit(3).toList();
        Path file = tmp.resolve("sales.csv");
        Files.writeString(file, "account_id,group\n" + outside.stream().map(u -> u.accountId() + ",sales\n")
                .collect(Collectors.joining()) + outside.get(0).accountId() + ",no-such-group\n");
        assertThat(run("load --op group-add " + file).exitCode()).isZero();
        // without v2 the org cannot say which roles a group grants: it is protected as one that grants administration
        assertThat(run("preview").out()).contains("BLOCKED 4").contains("grants administration");
        Result preview = run("preview --allow-admins");
        assertThat(preview.out()).as(preview.toString()).contains("OK 3").contains("BLOCKED 1")
                .contains("no group 'no-such-group'");
        Result ran = run("run --yes --override-limit");
        assertThat(ran.exitCode()).as(ran.toString()).isZero();
        assertThat(ran.out()).contains("applied 3");
        outside.forEach(u -> assertThat(server.org().isMember(sales.id(), u.accountId())).isTrue());
        assertThat(server.stats().requests("POST /admin/v1/orgs/{orgId}/groups/search")).isPositive();
    }

    @Test
    void aGroupPlanFromTheManagedListRuns() throws Exception {
        Path out = tmp.resolve("eng.csv");
        Result r = run("plan group-add engineering --domain eu.acme.example --status inactive --out " + out);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(run("preview --allow-admins").exitCode()).isZero();
        Result ran = run("run --yes --override-limit");
        assertThat(ran.exitCode()).as(ran.toString()).isZero();
        SandboxGroup eng = server.org().findGroupByName("engineering").orElseThrow();
        assertThat(server.org().users().stream().filter(u -> u.managed() && !u.orgAdmin()
                && u.emailDomain().equals("eu.acme.example") && !u.active()))
                .allMatch(u -> server.org().isMember(eng.id(), u.accountId()));
    }

    @Test
    void inactivityComesFromTheManagedListsLastActiveDates() throws Exception {
        Path out = tmp.resolve("inactive.csv");
        Result r = run("plan suspend --inactive-since 120d --out " + out);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        java.time.Instant since = java.time.Instant.now().minus(java.time.Duration.ofDays(120));
        // v1 does not say when an account joined: never active counts as inactive
        Set<String> expected = server.org().users().stream().filter(u -> u.managed()
                && (u.lastActive() == null || u.lastActive().isBefore(since))).map(SandboxUser::accountId)
                .collect(Collectors.toSet());
        Set<String> planned = Files.readAllLines(out).stream().skip(1).map(l -> l.substring(0, l.indexOf(',')))
                .collect(Collectors.toSet());
        assertThat(planned).isNotEmpty().isEqualTo(expected);
    }
}
