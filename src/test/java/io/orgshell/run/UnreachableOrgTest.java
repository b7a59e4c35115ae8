package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.ShellTest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The org stops answering in the middle of a run, as when the server restarts. A short absence only pauses the
 * run (the writes caught in it are re-read, then sent once); a long one stops it cleanly, nothing marked failed,
 * and {@code resume} finishes it once the org is back. Either way no account is written twice.
 */
class UnreachableOrgTest extends ShellTest {

    @TempDir
    Path tmp;

    @Autowired
    ApplicationContext applicationContext;

    SandboxServer server;

    @BeforeEach
    void start() {
        server = connectTo(
                sandbox(SandboxConfig.defaults().withUsers(900).withSeed(81).withLatencyMs(30)));
    }

    @AfterEach
    void disconnect() throws Exception {
        server.startServing();
        sessions.disconnect();
    }

    @Test
    void aRestartOfTheServerPausesTheRunWhichThenFinishes() throws Exception {
        List<SandboxUser> users = Accounts.plain(server).skip(300).limit(200).toList();
        load(users, "blip.csv");

        CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> run("run --yes --concurrency 4"));
        awaitWrites(users, 40);
        server.stopServing();
        Thread.sleep(100); // the server is away for a moment: the client's retries (20, 40, 80 ms...) outlast it
        server.startServing();
        Result r = running.get();

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all()).contains("(finished)");
        assertAllMovedOnce(users);
    }

    @Test
    void aRunStopsCleanlyWhenTheOrgGoesAwayAndResumesWhenItIsBack() throws Exception {
        List<SandboxUser> users = Accounts.plain(server).limit(300).toList();
        load(users, "away.csv");

        CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> run("run --yes --concurrency 4"));
        awaitWrites(users, 40);
        server.stopServing();
        Result r = running.get();

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err()).contains("stopped and can be resumed with: resume");
        RunMeta meta = applicationContext.getBean(RunStore.class).list().get(0);
        assertThat(meta.state()).isEqualTo(RunState.INTERRUPTED);
        assertThat(meta.counts().get(Outcome.FAILED)).isZero();
        assertThat(meta.counts().pending()).isPositive();

        server.startServing();
        Result resumed = run("resume --yes");
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.all()).contains("(finished)");
        assertAllMovedOnce(users);
    }

    private void load(List<SandboxUser> users, String name) throws Exception {
        Path plan = Accounts.writeEmailMoves(tmp.resolve(name), users);
        ok(run("load " + plan));
        assertThat(run("preview").err()).contains("OK " + users.size());
    }

    private void awaitWrites(List<SandboxUser> users, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (users.stream()
                                .filter(u -> server.stats().writes(u.accountId()) > 0)
                                .count()
                        < n
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private void assertAllMovedOnce(List<SandboxUser> users) {
        users.forEach(u -> {
            assertThat(server.org().findById(u.accountId()).orElseThrow().email())
                    .isEqualTo(Accounts.movedAddress(u));
            assertThat(server.stats().writes(u.accountId()))
                    .as("writes to " + u.accountId())
                    .isEqualTo(1L);
        });
    }
}
