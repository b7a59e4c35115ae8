package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.run.RunDirectory;
import io.orgshell.run.RunMeta;
import io.orgshell.run.RunState;
import io.orgshell.run.RunStore;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import io.orgshell.support.Operator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The attended flow, as an admin at a terminal meets it: nothing is written before the operator says so, each
 * question is asked with the sandbox's write counter read at that moment, and resume names the run first.
 */
class AttendedRunTest extends FreshSandboxTest {

    @Autowired
    RunStore runStore;

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(120).withSeed(31);
    }

    /** A run a test left paused would be the next test's bare resume. */
    @AfterEach
    void forgetUnfinishedRuns() {
        runStore.list().stream()
                .filter(m -> m.unfinished() && server.instanceId().equals(m.sandboxInstance()))
                .forEach(m -> FileSystemUtils.deleteRecursively(
                        runStore.root().resolve(m.id()).toFile()));
    }

    @Test
    void aFailedLoadThenRunWritesNothingAndAsksNothing() throws Exception {
        ok(run("load " + suspendPlan("offboarding.csv", accounts.next(3)) + " --op suspend"));
        ok(run("preview"));
        Path typo = Files.writeString(
                tmp.resolve("typo.csv"),
                "acount_idd\n" + accounts.next(1).get(0).accountId() + "\n");
        assertThat(run("load " + typo + " --op deactivate").exitCode()).isNotZero();
        atTerminal();
        Operator operator = new Operator(server, "a");

        Result r = run("run", operator);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no plan is loaded");
        assertThat(operator.prompts).isEmpty();
        assertThat(server.stats().writes()).isEmpty();
    }

    @Test
    void theFirstQuestionComesBeforeTheFirstWriteAndEnterAloneWritesNothing() throws Exception {
        List<SandboxUser> u = accounts.next(5);
        ok(run("load " + suspendPlan("offboarding.csv", u) + " --op suspend"));
        ok(run("preview"));
        atTerminal();
        Operator operator = new Operator(server, "", "  ", "c", "q");

        Result r = run("run --batch-size 2", operator);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(operator.prompts.get(0))
                .isEqualTo("2 writes next: lines 2-3 of offboarding.csv (5 left in all) — [c]ontinue, [a]ll, [q]uit? ");
        assertThat(operator.prompts.subList(0, 3))
                .as("Enter alone asks the same again")
                .containsOnly(operator.prompts.get(0));
        assertThat(r.out()).contains("answer c, a or q");
        assertThat(operator.writesWhenAsked)
                .as("writes when each question was asked")
                .containsExactly(0, 0, 0, 2);
        assertThat(r.out())
                .contains("batch 1: applied 2")
                .contains("2 writes next: lines 4-5 of offboarding.csv " + "(3 left in all)")
                .contains("(paused)");
        assertThat(server.stats().writes()).hasSize(2);
    }

    /** Quit at the first question: a paused run with nothing sent, listed so, and resumable like any paused run. */
    @Test
    void quittingAtTheFirstQuestionLeavesAPausedRunWithNothingSent() throws Exception {
        List<SandboxUser> u = accounts.next(3);
        ok(run("load " + suspendPlan("quit-first.csv", u) + " --op suspend"));
        ok(run("preview"));
        atTerminal();

        Result r = run("run", new Operator(server, "q"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .contains("(paused): applied 0, already done 0, skipped 0, failed 0, pending 3")
                .contains("resume with: resume ");
        assertThat(server.stats().writes()).isEmpty();
        RunMeta paused = runStore.list().get(0);
        assertThat(paused.state()).isEqualTo(RunState.PAUSED);
        // its own line, not a table: the table folds its cells to the widths of every run this JVM has made
        noTerminal();
        assertThat(run("runs list")
                        .out()
                        .lines()
                        .filter(l -> l.startsWith(paused.id() + "\t"))
                        .findFirst())
                .hasValueSatisfying(l -> assertThat(l).contains("paused").contains("pending 3"));
        atTerminal();

        Operator operator = new Operator(server, "a");
        Result resumed = run("resume", operator);
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.out().lines().findFirst().orElseThrow())
                .isEqualTo("resuming run " + paused.id() + ": suspend of quit-first.csv in " + server.orgName()
                        + ", 3 of 3 rows left, batches of 50");
        assertThat(operator.prompts)
                .containsExactly("3 writes next: lines 2-4 of quit-first.csv — [c]ontinue, [a]ll, [q]uit? ");
        assertThat(operator.writesWhenAsked).containsExactly(0);
        assertThat(resumed.out()).contains("(finished): applied 3");
    }

    /** resume names the run, asks before writing, and keeps the batch size the run was started with. */
    @Test
    void resumeNamesTheRunAsksFirstAndKeepsTheBatchSize() throws Exception {
        List<SandboxUser> u = accounts.next(7);
        ok(run("load " + suspendPlan("leavers.csv", u) + " --op suspend"));
        ok(run("preview"));
        atTerminal();
        run("run --batch-size 2", new Operator(server, "c", "q"));
        assertThat(server.stats().writes()).hasSize(2);
        String id = runStore.list().get(0).id();

        noTerminal();
        Result script = run("resume");
        assertThat(script.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(script.err())
                .contains("resuming run " + id + ": suspend of leavers.csv in " + server.orgName()
                        + ", 5 of 7 rows left");
        assertThat(script.err()).contains("say 'resume " + id + " --yes'").contains("nothing was sent");
        assertThat(server.stats().writes()).hasSize(2);

        atTerminal();
        Operator operator = new Operator(server, "c", "q");
        Result resumed = run("resume " + id, operator);
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.out().lines().findFirst().orElseThrow())
                .isEqualTo("resuming run " + id + ": suspend of leavers.csv in " + server.orgName()
                        + ", 5 of 7 rows left, batches of 2");
        assertThat(operator.prompts.get(0))
                .isEqualTo("2 writes next: lines 4-5 of leavers.csv (5 left in all) — [c]ontinue, [a]ll, [q]uit? ");
        assertThat(operator.writesWhenAsked).containsExactly(2, 4);

        Operator once = new Operator(server, "c", "q");
        run("resume " + id + " --batch-size 1", once);
        assertThat(once.prompts.get(0)).startsWith("1 write next: line 6 of leavers.csv (3 left in all)");
        assertThat(server.stats().writes()).hasSize(5);

        // a run.json of an earlier version has no batch size: resume falls back to the default
        RunDirectory dir = runStore.open(id);
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode meta = (ObjectNode) json.readTree(Files.readString(dir.meta()));
        assertThat(meta.remove("batchSize").asInt()).isEqualTo(1);
        Files.writeString(dir.meta(), json.writeValueAsString(meta));
        assertThat(dir.readMeta().batchSize()).isNull();
        Operator later = new Operator(server, "q");
        run("resume " + id, later);
        assertThat(later.prompts.get(0)).startsWith("2 writes next: lines 7-8 of leavers.csv —");
        assertThat(server.stats().writes()).hasSize(5);
    }

    @Test
    void retryFailedSendsOnlyTheFailedRowsThenAsksBeforeTheNextBatch() throws Exception {
        List<SandboxUser> u = accounts.next(4);
        Path plan = Accounts.writeEmailMoves(tmp.resolve("moves.csv"), u);
        ok(run("load " + plan));
        ok(run("preview"));
        server.faults().add("PUT /users/" + u.get(0).accountId() + "/manage/email", 1, Fault.applicationError(400));
        atTerminal();
        Operator operator = new Operator(server, "c", "r", "c");

        Result r = run("run --batch-size 2", operator);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .contains("batch 1: applied 1, already done 0, skipped 0, failed 1")
                .contains("batch 2 (failed rows again): applied 1, already done 0, skipped 0, failed 0")
                .contains("(finished): applied 4");
        assertThat(operator.prompts).hasSize(3);
        assertThat(operator.writesWhenAsked)
                .as("the retry wrote the failed row alone, then asked")
                .containsExactly(0, 1, 2);
        assertThat(r.out()).containsSubsequence("batch 2 (failed rows again)", "2 writes next: lines 4-5 of moves.csv");
    }

    @Test
    void aBareResumeThatWillNotAskNeedsOneUnfinishedRun() throws Exception {
        atTerminal();
        ok(run("load " + suspendPlan("first.csv", accounts.next(2)) + " --op suspend"));
        ok(run("preview"));
        run("run", new Operator(server, "q"));
        ok(run("load " + suspendPlan("second.csv", accounts.next(2)) + " --op suspend"));
        ok(run("preview"));
        run("run", new Operator(server, "q"));
        List<RunMeta> all = runStore.list();
        String second = all.get(0).id();
        String first = all.get(1).id();

        noTerminal();
        Result refused = run("resume --yes");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err())
                .contains("2 unfinished runs for this organization (" + second + ", " + first
                        + "); say which one: resume RUN_ID");
        assertThat(server.stats().writes()).isEmpty();

        atTerminal();
        Operator operator = new Operator(server, "q");
        Result bare = run("resume", operator);
        assertThat(bare.out()).startsWith("resuming run " + second + ": suspend of second.csv");
        assertThat(operator.prompts).hasSize(1);
        assertThat(server.stats().writes()).isEmpty();

        noTerminal();
        assertThat(run("resume " + second + " --yes").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run("resume --yes").err()).startsWith("resuming run " + first);
        assertThat(server.stats().writes()).hasSize(4);
    }

    @Test
    void aFinishedPlanIsNotRunAgainAndNothingIsAsked() throws Exception {
        ok(run("load " + suspendPlan("done.csv", accounts.next(2)) + " --op suspend"));
        ok(run("preview"));
        atTerminal();
        assertThat(run("run", new Operator(server, "a")).out()).contains("(finished): applied 2");

        Operator operator = new Operator(server, "a");
        Result again = run("run", operator);

        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("already finished this plan");
        assertThat(operator.prompts).isEmpty();
        assertThat(server.stats().writes()).hasSize(2);
    }

    private Path suspendPlan(String name, List<SandboxUser> users) throws Exception {
        return Accounts.writeIds(tmp.resolve(name), users);
    }
}
