package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxGroup;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.InputReader;

/**
 * {@code undo} of a batch, of plan lines or of named accounts previews just those rows; what was not applied, or
 * was undone already, is left out and said, and a choice that matches nothing is refused.
 */
class UndoPartTest extends FreshSandboxTest {

    @Autowired
    RunStore runStore;

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(80).withSeed(53);
    }

    /** Six accounts suspended in three batches of two (file lines 2-7), and an unknown ID at line 8. */
    private RunMeta suspendedInThreeBatches(List<SandboxUser> six) throws Exception {
        Path plan = Files.writeString(
                tmp.resolve("leavers.csv"),
                "account_id\n" + six.stream().map(SandboxUser::accountId).collect(Collectors.joining("\n"))
                        + "\nnobody-0008\n");
        ok(run("load " + plan + " --op suspend"));
        ok(run("preview"));
        atTerminal();
        Result r = run("run --batch-size 2", new InputReader() {
            @Override
            public String readInput(String prompt) {
                return "c";
            }
        });
        noTerminal();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        six.forEach(u -> assertThat(access(u)).isEqualTo(OrgAccess.SUSPENDED));
        return runStore.list().get(0);
    }

    private OrgAccess access(SandboxUser u) {
        return server.org().findById(u.accountId()).orElseThrow().access();
    }

    @Test
    void aBatchIsUndoneAloneAndIsLeftOutOfEveryLaterUndo() throws Exception {
        List<SandboxUser> six = accounts.next(6);
        RunMeta suspend = suspendedInThreeBatches(six);

        Result batch = ok(run("undo " + suspend.id() + " --batch 2"));
        assertThat(batch.err())
                .contains("undo of batch 2 of run " + suspend.id() + ": 2 row(s)")
                .contains("2 rows for 'restore'");
        assertThat(ok(run("preview")).all()).contains("OK 2");
        ok(run("run --yes"));
        assertThat(six.stream().map(this::access).toList())
                .containsExactly(
                        OrgAccess.SUSPENDED,
                        OrgAccess.SUSPENDED,
                        OrgAccess.ACTIVE,
                        OrgAccess.ACTIVE,
                        OrgAccess.SUSPENDED,
                        OrgAccess.SUSPENDED);
        String undoRun = runStore.list().get(0).id();

        Result again = run("undo " + suspend.id() + " --batch 2");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.all())
                .contains("left out 2 row(s) already undone by run " + undoRun)
                .contains("nothing to undo");

        Result lines = ok(run("undo " + suspend.id() + " --lines 2-5"));
        assertThat(lines.err())
                .contains("left out 2 row(s) already undone by run " + undoRun)
                .contains("2 rows for 'restore'");

        Result rest = ok(run("undo " + suspend.id()));
        assertThat(rest.err())
                .contains("left out 1 row(s) of run " + suspend.id() + " that it did not change: line 8 (skipped)")
                .contains("4 rows for 'restore'");
        assertThat(ok(run("preview")).all()).contains("OK 4");
        ok(run("run --yes"));
        six.forEach(u -> assertThat(access(u)).isEqualTo(OrgAccess.ACTIVE));
    }

    @Test
    void undoingOneOfAnAccountsGroupsLeavesItsOtherGroupsToALaterUndo() throws Exception {
        SandboxGroup eng = server.org().findGroupByName("engineering").orElseThrow();
        SandboxGroup sales = server.org().findGroupByName("sales").orElseThrow();
        SandboxUser u = accounts.next(20).stream()
                .filter(x -> !server.org().isMember(eng.id(), x.accountId()))
                .filter(x -> !server.org().isMember(sales.id(), x.accountId()))
                .findFirst()
                .orElseThrow();
        Path plan = Files.writeString(
                tmp.resolve("join.csv"),
                "account_id,group\n" + u.accountId() + ",engineering\n" + u.accountId() + ",sales\n");
        ok(run("load " + plan + " --op group-add"));
        ok(run("preview"));
        ok(run("run --yes"));
        String added = runStore.list().get(0).id();
        assertThat(server.org().isMember(eng.id(), u.accountId())).isTrue();
        assertThat(server.org().isMember(sales.id(), u.accountId())).isTrue();

        ok(run("undo " + added + " --lines 2"));
        ok(run("preview"));
        ok(run("run --yes"));
        assertThat(server.org().isMember(eng.id(), u.accountId())).isFalse();

        Result rest = ok(run("undo " + added));
        assertThat(rest.err())
                .contains("left out 1 row(s) already undone by run")
                .contains("1 row for 'group-remove'");
        ok(run("preview"));
        ok(run("run --yes"));
        assertThat(server.org().isMember(sales.id(), u.accountId())).isFalse();
    }

    @Test
    void accountsAreNamedByIdOrEmailInAListOrAFile() throws Exception {
        List<SandboxUser> six = accounts.next(6);
        RunMeta suspend = suspendedInThreeBatches(six);

        Result listed = ok(run("undo " + suspend.id() + " --accounts "
                + six.get(0).email().toUpperCase() + "," + six.get(5).accountId()));
        assertThat(listed.err()).contains("2 rows for 'restore'");

        Path file = Files.writeString(
                tmp.resolve("back.csv"),
                "email\n" + six.get(1).email() + "\n" + six.get(2).email() + "\n");
        Result fromFile = ok(run("undo " + suspend.id() + " --accounts " + file));
        assertThat(fromFile.err()).contains("undo of the accounts in back.csv").contains("2 rows for 'restore'");
        ok(run("preview"));
        ok(run("run --yes"));
        assertThat(access(six.get(1))).isEqualTo(OrgAccess.ACTIVE);
        assertThat(access(six.get(2))).isEqualTo(OrgAccess.ACTIVE);
        assertThat(access(six.get(0))).isEqualTo(OrgAccess.SUSPENDED);
    }

    @Test
    void aChoiceThatMatchesNothingOrRowsNotAppliedIsRefusedInOneLine() throws Exception {
        RunMeta suspend = suspendedInThreeBatches(accounts.next(6));
        List<String> refusals = new ArrayList<>();
        for (String choice : List.of(
                "--lines 900-910", "--batch 9", "--accounts nobody@nowhere.example", "--lines 8", "--lines x-")) {
            Result r = run("undo " + suspend.id() + " " + choice);
            assertThat(r.exitCode()).as(choice + " -> " + r).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).doesNotContain("Exception");
            refusals.add(r.err());
        }
        assertThat(refusals.get(0))
                .contains("lines 900-910 match no row of run " + suspend.id())
                .contains("its plan has lines 2-8");
        assertThat(refusals.get(1)).contains("has no batch 9: it sent batches 1-3");
        assertThat(refusals.get(2)).contains("no row of run " + suspend.id() + " is about nobody@nowhere.example");
        assertThat(refusals.get(3))
                .contains("that it did not change: line 8 (skipped)")
                .contains("nothing to undo: run " + suspend.id() + " applied none of the rows of lines 8");
        assertThat(refusals.get(4)).contains("--lines: 'x-' is not a line");
        Result both = run("undo --lines 2 --batch 1");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("one way");
    }
}
