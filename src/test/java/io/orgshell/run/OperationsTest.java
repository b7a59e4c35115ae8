package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxGroup;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FreshSandboxTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.shell.core.InputReader;

/** Each bulk operation through load → preview → run → undo, against the sandbox. */
class OperationsTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(500).withSeed(41);
    }

    List<SandboxUser> plain(int n) {
        return accounts.next(n);
    }

    SandboxUser first(Predicate<SandboxUser> p) {
        return server.org().users().stream().filter(p).findFirst().orElseThrow();
    }

    SandboxUser now(SandboxUser u) {
        return server.org().findById(u.accountId()).orElseThrow();
    }

    String latestRun() {
        return applicationContext.getBean(RunStore.class).list().get(0).id();
    }

    @Autowired
    ApplicationContext applicationContext;

    @Test
    void suspendThenRestoreThroughUndo() throws Exception {
        List<SandboxUser> u = plain(3);
        SandboxUser suspended = first(x -> x.managed() && x.access() == OrgAccess.SUSPENDED && !x.orgAdmin());
        SandboxUser admin =
                first(x -> x.managed() && x.orgAdmin() && !x.accountId().equals(server.callerAccountId()));
        List<String> lines =
                new ArrayList<>(u.stream().map(SandboxUser::accountId).toList());
        lines.add(suspended.accountId());
        lines.add(admin.accountId());
        ok(run("load --op suspend " + csv("account_id", lines)));
        Result preview = run("preview");
        assertThat(preview.all())
                .contains("OK 3")
                .contains("ALREADY DONE 1")
                .contains("BLOCKED 1")
                .contains("already suspended")
                .contains("protected: org admin");
        Result r = run("run --yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all()).contains("applied 3, already done 1, skipped 1");
        u.forEach(x -> assertThat(now(x).access()).isEqualTo(OrgAccess.SUSPENDED));
        assertThat(server.stats()
                        .requests("POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/suspend"))
                .isEqualTo(3);

        assertThat(run("undo").all()).contains("3 rows for 'restore'");
        assertThat(run("preview").all()).contains("OK 3");
        assertThat(run("run --yes").all()).contains("applied 3");
        u.forEach(x -> assertThat(now(x).access()).isEqualTo(OrgAccess.ACTIVE));
    }

    @Test
    void deactivateNeedsATypedConfirmationAndEnableUndoesIt() throws Exception {
        List<SandboxUser> u = plain(2);
        ok(run("load --op deactivate "
                + csv(
                        "account_id,message",
                        u.stream().map(x -> x.accountId() + ",left the company").toList())));
        assertThat(run("preview").all()).contains("OK 2");

        Result script = run("run");
        assertThat(script.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(script.err()).contains("run in a script needs --yes: nothing was written");

        atTerminal();
        Result refused = run("run --yes", answers("deactivate 2 in somewhere else"));
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("not confirmed: nothing was sent");
        assertThat(server.stats().writes()).isEmpty();

        Result accepted = run("run --yes", answers("deactivate 2 in " + server.orgName()));
        assertThat(accepted.exitCode()).as(accepted.toString()).isEqualTo(ExitCodes.OK);
        u.forEach(x -> assertThat(now(x).accountStatus()).isEqualTo("inactive"));
        noTerminal();

        assertThat(run("undo").all()).contains("2 rows for 'enable'");
        ok(run("preview"));
        assertThat(run("run --yes").all()).contains("applied 2");
        u.forEach(x -> assertThat(now(x).accountStatus()).isEqualTo("active"));
    }

    @Test
    void aDestructiveRunOverTheLimitIsRefusedUnlessOverridden() throws Exception {
        List<SandboxUser> u = plain(120);
        ok(run("load --op deactivate "
                + csv("account_id", u.stream().map(SandboxUser::accountId).toList())));
        ok(run("preview"));
        Result refused = run("run --yes");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("refusing to deactivate 120 of").contains("--override-limit");
        assertThat(server.stats().writes()).isEmpty();
        Result forced = run("run --yes --override-limit");
        assertThat(forced.exitCode()).as(forced.toString()).isEqualTo(ExitCodes.OK);
        assertThat(server.stats().writes()).hasSize(120);
    }

    @Test
    void deleteShowsTheGracePeriodAndCancelDeleteUndoesIt() throws Exception {
        List<SandboxUser> u = plain(2);
        ok(run("load --op delete "
                + csv("account_id", u.stream().map(SandboxUser::accountId).toList())));
        assertThat(run("preview").all()).contains("deleted for good 14 days later");
        assertThat(run("run --yes").all()).contains("applied 2");
        u.forEach(x -> assertThat(now(x).pendingDeletion()).isTrue());
        assertThat(run("undo").all()).contains("'cancel-delete'");
        assertThat(run("preview").all()).contains("OK 2");
        assertThat(run("run --yes").all()).contains("applied 2");
        u.forEach(x -> assertThat(now(x).pendingDeletion()).isFalse());
    }

    @Test
    void profileSendsOnlyChangedFieldsAndUndoRestoresThem() throws Exception {
        List<SandboxUser> u = plain(2);
        SandboxUser same = plain(1).get(0);
        SandboxUser synced = first(x -> x.managed() && x.idpSynced() && !x.orgAdmin());
        List<String> lines = List.of(
                u.get(0).accountId() + ",Chief Tester,QA",
                u.get(1).accountId() + ",Chief Tester,",
                same.accountId() + "," + same.jobTitle() + "," + same.department(),
                synced.accountId() + ",X,Y");
        ok(run("load --op profile " + csv("account_id,job_title,department", lines)));
        Result preview = run("preview");
        assertThat(preview.all())
                .contains("OK 2")
                .contains("ALREADY DONE 1")
                .contains("BLOCKED 1")
                .contains("identity provider");
        assertThat(run("run --yes").all()).contains("applied 2");
        assertThat(now(u.get(0)).jobTitle()).isEqualTo("Chief Tester");
        assertThat(now(u.get(0)).department()).isEqualTo("QA");
        assertThat(now(u.get(1)).department()).isEqualTo(u.get(1).department());
        ok(run("undo"));
        ok(run("preview"));
        assertThat(run("run --yes").all()).contains("applied 2");
        assertThat(now(u.get(0)).jobTitle()).isEqualTo(u.get(0).jobTitle());
        assertThat(now(u.get(0)).department()).isEqualTo(u.get(0).department());
    }

    @Test
    void groupsByNameWithUndoAndAnUnknownGroupBlocked() throws Exception {
        SandboxGroup engineering = server.org().findGroupByName("engineering").orElseThrow();
        List<SandboxUser> u = plain(4).stream()
                .filter(x -> !server.org().isMember(engineering.id(), x.accountId()))
                .limit(2)
                .toList();
        String member = server.org().members(engineering.id()).iterator().next();
        List<String> lines = List.of(
                u.get(0).accountId() + ",Engineering",
                u.get(1).accountId() + "," + engineering.id(),
                member + ",engineering",
                u.get(0).accountId() + ",no-such-group");
        ok(run("load --op group-add " + csv("account_id,group", lines)));
        Result preview = run("preview");
        assertThat(preview.all()).contains("OK 2").contains("ALREADY DONE 1").contains("no group 'no-such-group'");
        assertThat(run("run --yes").all()).contains("applied 2");
        u.forEach(x -> assertThat(server.org().isMember(engineering.id(), x.accountId()))
                .isTrue());
        assertThat(run("undo").all()).contains("'group-remove'");
        ok(run("preview"));
        assertThat(run("run --yes").all()).contains("applied 2");
        u.forEach(x -> assertThat(server.org().isMember(engineering.id(), x.accountId()))
                .isFalse());
    }

    @Test
    void removeCannotBeUndone() throws Exception {
        List<SandboxUser> u = plain(1);
        ok(run("load --op remove " + csv("account_id", List.of(u.get(0).accountId()))));
        assertThat(run("preview").all()).contains("cannot be undone");
        assertThat(run("run --yes").all()).contains("applied 1");
        Result undo = run("undo " + latestRun());
        assertThat(undo.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(undo.err()).contains("remove cannot be undone");
    }

    @Test
    void aRefusedWriteFailsTheRowWithTheApisReason() throws Exception {
        List<SandboxUser> u = plain(3);
        ok(run("load --op enable "
                + csv("account_id", u.stream().map(SandboxUser::accountId).toList())));
        u.forEach(x -> server.org().update(x.accountId(), y -> y.withLifecycle("inactive", Instant.now(), null)));
        assertThat(run("preview").all()).contains("OK 3");
        server.faults()
                .add(
                        "POST /users/{accountId}/manage/lifecycle/enable",
                        1,
                        Fault.respond(
                                409,
                                "{\"key\":\"conflict.lifecycleErrors\",\"context\":{\"message\":\"cannot enable\"}}"));
        Result r = run("run --yes");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.all()).contains("applied 2").contains("failed 1");
        assertThat(r.err()).contains("1 row failed");
    }

    static InputReader answers(String... replies) {
        AtomicInteger i = new AtomicInteger();
        return new InputReader() {
            @Override
            public String readInput(String prompt) {
                int k = i.getAndIncrement();
                return k < replies.length ? replies[k] : "q";
            }
        };
    }
}
