package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.plan.Step;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Decisions taken from the typed run state: retry failed, undo of a run that changed nothing, run.json. */
class RunStateTest extends FreshSandboxTest {

    @Autowired
    RunStore runStore;

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(57);
    }

    Path csv(List<String> lines) throws IOException {
        Path file = Files.createTempFile(tmp, "plan", ".csv");
        Files.writeString(file, "account_id,email\n" + String.join("\n", lines) + "\n");
        return file;
    }

    String email(SandboxUser u) {
        return server.org().findById(u.accountId()).orElseThrow().email();
    }

    /**
     * A chain whose first move fails: retry failed sends again the failed step and the one that waited for it,
     * and leaves the row skipped because its account changed since preview alone.
     */
    @Test
    void retryFailedResendsTheFailedStepAndTheStepsWaitingForItOnly() throws Exception {
        List<SandboxUser> u = accounts.next(4);
        SandboxUser first = u.get(1);
        SandboxUser follower = u.get(0);
        SandboxUser changed = u.get(2);
        SandboxUser plain = u.get(3);
        String firstWas = first.email();
        assertThat(run("load "
                                + csv(List.of(
                                        follower.accountId() + "," + firstWas,
                                        first.accountId() + "," + Accounts.movedAddress(first),
                                        changed.accountId() + "," + Accounts.movedAddress(changed),
                                        plain.accountId() + "," + Accounts.movedAddress(plain))))
                        .exitCode())
                .isZero();
        assertThat(run("preview").all()).contains("OK 4").contains("1 writes wait");
        server.org().setEmail(changed.accountId(), "changed.meanwhile@acme.example");
        server.faults().add("PUT /users/" + first.accountId() + "/manage/email", 1, Fault.applicationError(400));
        atTerminal();
        AtomicInteger asked = new AtomicInteger();

        // asked before the first batch, then after it; the retry (the failed step and its follower) ends the run
        Result r = run("run", EmailRunTest.answers(asked, "c", "r"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(asked.get()).as(r.all()).isEqualTo(2);
        assertThat(r.all())
                .contains("batch 1: applied 1, already done 0, skipped 2, failed 1")
                .contains("(finished): applied 3, already done 0, skipped 1, failed 0");
        assertThat(email(first)).isEqualTo(Accounts.movedAddress(first));
        assertThat(email(follower)).isEqualTo(firstWas);
        assertThat(email(changed)).isEqualTo("changed.meanwhile@acme.example");
        String journal =
                Files.readString(runStore.open(runStore.list().get(0).id()).journal());
        assertThat(journal)
                .contains("\"event\":\"retry\",\"steps\":2,")
                .contains("\"skip\":\"WAITS_FOR_STEP\"")
                .contains("\"skip\":\"CHANGED_SINCE_PREVIEW\"");
    }

    @Test
    void undoOfARunThatChangedNoAccountSaysSo() throws Exception {
        SandboxUser u = accounts.next(1).get(0);
        ok(run("load " + csv(List.of(u.accountId() + "," + Accounts.movedAddress(u)))));
        assertThat(run("preview").all()).contains("OK 1");
        server.org().setEmail(u.accountId(), "changed.meanwhile@acme.example");
        assertThat(run("run --yes").all()).contains("applied 0, already done 0, skipped 1");
        String id = runStore.list().get(0).id();

        Result undo = run("undo " + id);

        assertThat(undo.exitCode()).as(undo.toString()).isEqualTo(ExitCodes.OK);
        assertThat(undo.all()).contains("nothing to undo: run " + id + " changed no account");
        assertThat(undo.all()).doesNotContain("no rows");
    }

    @Test
    void runsShowListsTheFailedRowsOfResultsCsv() throws Exception {
        List<SandboxUser> u = accounts.next(2);
        ok(run("load "
                + csv(u.stream()
                        .map(x -> x.accountId() + "," + Accounts.movedAddress(x))
                        .toList())));
        ok(run("preview"));
        server.faults().add("PUT /users/" + u.get(1).accountId() + "/manage/email", 1, Fault.applicationError(400));
        assertThat(run("run --yes").exitCode()).isNotZero();

        Result show = run("runs show");

        assertThat(show.out())
                .contains("applied 1, already done 0, skipped 0, failed 1")
                .contains("failures (first 20, from results.csv):")
                .contains("  " + u.get(1).accountId() + "  ")
                .doesNotContain("  " + u.get(0).accountId() + "  ");
    }

    /** A skip journaled before skip reasons were recorded: its predecessor's failure says why, not its text. */
    @Test
    void aLegacySkipOfAStepWhosePredecessorFailedCountsAsWaiting() {
        List<Step> steps = List.of(
                new Step(0, 0, "a", "x@e", "y@e", false, -1),
                new Step(1, 1, "b", "z@e", "x@e", false, 0),
                new Step(2, 2, "c", "p@e", "q@e", false, -1),
                new Step(3, 3, "d", "q@e", "p2@e", false, 2));
        Map<Integer, StepResult> results = new HashMap<>();
        results.put(0, new StepResult(0, Outcome.FAILED, 400, "E", "refused"));
        results.put(1, new StepResult(1, Outcome.SKIPPED, 0, null, "any words at all"));
        results.put(2, new StepResult(2, Outcome.APPLIED, 204, null, null));
        results.put(3, new StepResult(3, Outcome.SKIPPED, 0, null, "waits for step 2 (not why it was skipped)"));

        RunService.markWaiting(steps, results);

        assertThat(results.get(1).skip()).isEqualTo(SkipReason.WAITS_FOR_STEP);
        assertThat(results.get(3).skip()).isNull();
        assertThat(results.get(0).skip()).isNull();
    }

    /** run.json keeps the text it always had: lower-case states and counts keyed by outcome label. */
    @Test
    void runJsonOfAnEarlierVersionReadsAndWritesTheSameText() throws Exception {
        String old = """
                {"id":"r1","operation":"email","orgId":"o","orgName":"O","source":"/f.csv",\
                "created":"2026-11-27T01:30:05Z","rows":3,"steps":3,"state":"interrupted",\
                "counts":{"applied":1,"already done":0,"skipped":1,"failed":0,"pending":1},\
                "updated":"2026-11-27T01:31:00Z"}""";
        RunDirectory dir = new RunDirectory("r1", Files.createDirectory(tmp.resolve("r1")));
        Files.writeString(dir.meta(), old);

        RunMeta meta = dir.readMeta();

        assertThat(meta.state()).isEqualTo(RunState.INTERRUPTED);
        assertThat(meta.unfinished()).isTrue();
        assertThat(meta.counts().get(Outcome.APPLIED)).isEqualTo(1);
        assertThat(meta.counts().get(Outcome.SKIPPED)).isEqualTo(1);
        assertThat(meta.counts().pending()).isEqualTo(1);
        dir.writeMeta(meta);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode written = json.readTree(Files.readString(dir.meta()));
        assertThat(written).isEqualTo(json.readTree(old));
        assertThat(json.writeValueAsString(written)).isEqualTo(json.writeValueAsString(json.readTree(old)));
    }
}
