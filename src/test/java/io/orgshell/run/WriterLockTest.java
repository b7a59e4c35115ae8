package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.InputReader;

/**
 * One writer per org, within one process: a run paused at its question holds the org, so a second run is refused
 * naming it (or waits for it with --wait), and undo of it is refused while it is live. A lock left by a process
 * that is gone is taken over, and a new run of accounts an unfinished run still holds points to resume. The same
 * across two processes: {@link WriterLockProcessTest}.
 */
class WriterLockTest extends FreshSandboxTest {

    @Autowired
    RunStore runStore;

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(81);
    }

    /** An attended run in the background, stopped at its question after the first batch until released. */
    final class PausedRun {
        final CountDownLatch asked = new CountDownLatch(2);
        final CountDownLatch release = new CountDownLatch(1);
        final StringWriter out = new StringWriter();
        final CompletableFuture<Integer> exit;
        volatile String answer = "a";

        PausedRun(String line) throws InterruptedException {
            InputReader input = new InputReader() {
                @Override
                public String readInput(String prompt) {
                    asked.countDown();
                    if (asked.getCount() > 0) {
                        return "c"; // before the first batch
                    }
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        return "q";
                    }
                    return answer;
                }
            };
            atTerminal();
            PrintWriter w = new PrintWriter(out, true);
            exit = CompletableFuture.supplyAsync(() -> dispatcher.execute(line, console(w, w, input)));
            assertThat(asked.await(60, TimeUnit.SECONDS))
                    .as("asked after the first batch: " + out)
                    .isTrue();
        }

        int finish(String reply) throws Exception {
            answer = reply;
            release.countDown();
            return exit.get(60, TimeUnit.SECONDS);
        }
    }

    Path plan(List<SandboxUser> users) throws IOException {
        return Accounts.writeEmailMoves(Files.createTempFile(tmp, "plan", ".csv"), users);
    }

    void loadAndPreview(List<SandboxUser> users, String ok) throws IOException {
        ok(run("load " + plan(users)));
        assertThat(run("preview").all()).contains(ok);
    }

    long writes(List<SandboxUser> users) {
        return users.stream()
                .mapToLong(u -> server.stats().writes(u.accountId()))
                .sum();
    }

    @Test
    void aSecondWriterIsRefusedAtOnceNamingTheLiveRunAndUndoOfThatRunIsRefused() throws Exception {
        List<SandboxUser> first = accounts.next(4);
        loadAndPreview(first, "OK 4");
        PausedRun live = new PausedRun("run --batch-size 2");
        String id = runStore.list().get(0).id();
        List<SandboxUser> second = accounts.next(2);
        loadAndPreview(second, "OK 2");

        Result refused = run("run --yes");
        Result undo = run("undo " + id);

        long pid = ProcessHandle.current().pid();
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err().strip().lines()).as(refused.toString()).hasSize(1);
        assertThat(refused.err())
                .contains("is being written to by run " + id + " (email), PID " + pid + " on ")
                .contains(" since 20")
                .contains("nothing was sent")
                .contains("--wait");
        assertThat(writes(second)).isZero();
        assertThat(undo.exitCode()).as(undo.toString()).isNotZero();
        assertThat(undo.err())
                .contains("run " + id + " is still live in another orgshell process (PID " + pid + " on ");
        assertThat(writes(first)).as("the live run's first batch only").isEqualTo(2);

        assertThat(live.finish("a")).as(live.out.toString()).isZero();
        assertThat(live.out.toString()).contains("(finished): applied 4");
        noTerminal();
        Result after = run("run --yes");
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(ExitCodes.OK);
        assertThat(after.all()).contains("applied 2");
        assertThat(run("undo " + id).all()).contains("4 rows for 'email'");
    }

    /** A person's run and a script's run of the same plan: the script waits, then finds every account done. */
    @Test
    void waitWaitsForTheHolderAndNoAccountIsWrittenTwice() throws Exception {
        List<SandboxUser> users = accounts.next(4);
        loadAndPreview(users, "OK 4");
        PausedRun person = new PausedRun("run --batch-size 2");
        String id = runStore.list().get(0).id();
        StringWriter scriptOut = new StringWriter();
        PrintWriter w = new PrintWriter(scriptOut, true);
        CompletableFuture<Integer> script = CompletableFuture.supplyAsync(
                () -> dispatcher.execute("run --yes --wait", console(w, w, new InputReader() {})));

        awaitCondition(() -> scriptOut.toString().contains("waiting for run " + id + " (email), PID "));
        assertThat(script).as("waits while the person's run is paused").isNotDone();
        assertThat(person.finish("a")).as(person.out.toString()).isZero();
        int scriptExit = script.get(60, TimeUnit.SECONDS);

        assertThat(scriptExit).as(scriptOut.toString()).isEqualTo(ExitCodes.OK);
        assertThat(scriptOut.toString())
                .containsOnlyOnce("waiting for")
                .contains("(finished): applied 0, already done 4");
        users.forEach(u -> assertThat(server.stats().writes(u.accountId()))
                .as(u.accountId())
                .isEqualTo(1L));
    }

    @Test
    void ctrlCStopsTheWaitAndNothingIsSent() throws Exception {
        List<SandboxUser> users = accounts.next(4);
        loadAndPreview(users, "OK 4");
        PausedRun person = new PausedRun("run --batch-size 2");
        String id = runStore.list().get(0).id();
        StringWriter scriptOut = new StringWriter();
        PrintWriter w = new PrintWriter(scriptOut, true);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread script = new Thread(
                () -> exit.complete(dispatcher.execute("run --yes --wait", console(w, w, new InputReader() {}))));
        script.start();
        awaitCondition(() -> scriptOut.toString().contains("waiting for run " + id));

        script.interrupt();
        int code = exit.get(60, TimeUnit.SECONDS);

        assertThat(code).as(scriptOut.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(scriptOut.toString())
                .contains("stopped waiting for run " + id)
                .contains("nothing was sent");
        assertThat(writes(users)).as("the person's first batch only").isEqualTo(2);
        assertThat(person.finish("a")).as(person.out.toString()).isZero();
        assertThat(runStore.list().get(0).id()).as("the script made no run").isEqualTo(id);
    }

    @Test
    void aLockLeftByAProcessThatIsGoneIsTakenOverAndSaysSo() throws Exception {
        List<SandboxUser> users = accounts.next(1);
        loadAndPreview(users, "OK 1");
        Path lock = CONFIG_DIR.resolve("locks").resolve(server.orgId() + ".lock");
        Files.createDirectories(lock.getParent());
        Files.writeString(
                lock,
                "{\"run\":\"20261204-000000-suspend-dead\",\"command\":\"resume\","
                        + "\"operation\":\"suspend\",\"host\":\"gone-host\",\"pid\":999999999,\"since\":\"2026-12-04T00:00:00Z\"}");

        Result r = run("run --yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all())
                .contains("took over the lock of run 20261204-000000-suspend-dead (resume of suspend), "
                        + "PID 999999999 on gone-host, whose process is gone")
                .contains("applied 1");
        assertThat(Files.readString(lock))
                .as("released: no holder left in the record")
                .isEmpty();
    }

    @Test
    void aNewRunOfAccountsAnUnfinishedRunStillHoldsWarnsAndPointsToResume() throws Exception {
        List<SandboxUser> users = accounts.next(4);
        loadAndPreview(users, "OK 4");
        PausedRun paused = new PausedRun("run --batch-size 2");
        assertThat(paused.finish("q")).as(paused.out.toString()).isZero();
        noTerminal();
        String id = runStore.list().get(0).id();
        loadAndPreview(users, "OK 2");

        Result again = run("run --yes");

        assertThat(again.all())
                .as(again.toString())
                .contains("unfinished run " + id + " (paused) still has 2 of these " + "accounts to write; 'resume "
                        + id + "' finishes it instead");
    }

    static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition met within 60 s").isTrue();
    }
}
