package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.InputReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ctrl-C interrupts the thread of the running command (see shell/Repl). Whenever it comes, the run stops cleanly:
 * an intact journal whose last state is "interrupted", exit 130, and a resume that finishes it without writing any
 * account twice (a write cut off unanswered is read back first).
 */
class CtrlCRunTest extends FreshSandboxTest {

    @Autowired
    RunStore runStore;

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(83).withLatencyMs(40);
    }

    void loadAndPreview(List<SandboxUser> users) throws IOException {
        Path file = Accounts.writeEmailMoves(Files.createTempFile(tmp, "plan", ".csv"), users);
        ok(run("load " + file));
        assertThat(run("preview").all()).contains("OK " + users.size());
    }

    int written(List<SandboxUser> users) {
        return (int) users.stream()
                .filter(u -> server.stats().writes(u.accountId()) > 0)
                .count();
    }

    /** The report of a real terminal: Ctrl-C at once after answering [a]ll broke the journal every time. */
    @Test
    void ctrlCRightAfterAnsweringAllStopsTheRunForResume() throws Exception {
        List<SandboxUser> users = accounts.next(30);
        loadAndPreview(users);
        Thread command = Thread.currentThread();
        atTerminal();

        Result r = run("run --batch-size 10", new InputReader() {
            @Override
            public String readInput(String prompt) {
                command.interrupt(); // what the shell's Ctrl-C handler does to the command's thread
                return "a";
            }
        });

        boolean stillInterrupted = Thread.interrupted();
        noTerminal();
        assertStoppedCleanly(r, users);
        assertThat(stillInterrupted)
                .as("the interrupt was answered by stopping the run")
                .isFalse();
    }

    @Test
    void ctrlCInTheMiddleOfABatchStopsTheRunForResume() throws Exception {
        List<SandboxUser> users = accounts.next(60);
        loadAndPreview(users);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread command = new Thread(() -> exit.complete(dispatcher.execute(
                "run --yes --concurrency 2",
                console(new PrintWriter(out, true), new PrintWriter(err, true), new InputReader() {}))));
        command.start();
        WriterLockTest.awaitCondition(() -> written(users) >= 1);

        command.interrupt();
        int code = exit.get(60, TimeUnit.SECONDS);

        assertThat(written(users)).as("stopped before the end").isLessThan(users.size());
        assertStoppedCleanly(new Result(code, out.toString(), err.toString()), users);
    }

    /**
     * Writes that never show (reads lag a minute) are read back with pauses growing to seconds; Ctrl-C in such a
     * pause ends the run without waiting for it: after the interrupt at most the one read-back of a stop goes out,
     * not another round of the wait.
     */
    @Test
    void ctrlCWhileWaitingForWritesToShowStopsWithoutFinishingThePause() throws Exception {
        List<SandboxUser> users = accounts.next(2);
        loadAndPreview(users);
        FaultScripts.post(server, "{\"type\":\"stale-reads\",\"seconds\":60}");
        String search = "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search";
        long before = server.stats().requests(search);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread command = new Thread(() -> exit.complete(dispatcher.execute(
                "run --yes", console(new PrintWriter(out, true), new PrintWriter(err, true), new InputReader() {}))));
        command.start();
        // the batch's read, then read-backs 0.25, 0.5, 1 and 2 s apart: the next pause is some 4 s
        WriterLockTest.awaitCondition(() -> server.stats().requests(search) >= before + 6);
        // the sandbox counts a read when it arrives: let that one be answered so the Ctrl-C falls in the pause after
        // it (nothing outside the run shows the pause itself; it lasts seconds, this a fraction of one)
        Thread.sleep(400);
        long searches = server.stats().requests(search);

        command.interrupt();
        int code = exit.get(60, TimeUnit.SECONDS);

        assertThat(code).as(out + "" + err).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(err.toString()).contains("(interrupted)");
        assertThat(server.stats().requests(search) - searches)
                .as("read-backs after Ctrl-C")
                .isLessThanOrEqualTo(1);
        users.forEach(u -> assertThat(server.stats().writes(u.accountId())).isEqualTo(1L));
    }

    void assertStoppedCleanly(Result r, List<SandboxUser> users) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(r.all()).doesNotContain("unexpected error").doesNotContain("cannot write");
        String id = runStore.list().get(0).id();
        assertThat(r.all()).contains("run " + id + " (interrupted)").contains("resume with: resume " + id);
        RunDirectory dir = runStore.open(id);
        JsonMapper json = JsonMapper.builder().build();
        List<String> lines = Files.readAllLines(dir.journal());
        lines.forEach(
                l -> assertThat(json.readTree(l).hasNonNull("event")).as(l).isTrue());
        RunJournal.Replay replay = RunJournal.replay(dir.journal());
        assertThat(replay.tornTail()).isFalse();
        assertThat(replay.lastState()).isEqualTo(RunState.INTERRUPTED);
        // a write still unanswered a second after the stop is cut off without a result (STOP_GRACE): resume reads
        // its account back before anything, which the writes counted below prove
        assertThat(run("runs list")
                        .out()
                        .lines()
                        .filter(l -> l.startsWith(id))
                        .findFirst()
                        .orElseThrow())
                .contains("interrupted");
        int before = written(users);

        Result resumed = run("resume " + id + " --yes");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.err()).contains("(finished): applied " + users.size());
        assertThat(written(users)).isEqualTo(users.size());
        users.forEach(u -> assertThat(server.stats().writes(u.accountId()))
                .as("writes to " + u.accountId())
                .isEqualTo(1L));
        assertThat(before).as("what the stopped run wrote is not written again").isLessThan(users.size());
    }
}
