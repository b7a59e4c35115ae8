package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.orgshell.support.Accounts;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.ShellTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The org stops answering in the middle of a run: the run stops cleanly, marks nothing failed, and can be resumed. */
class UnreachableOrgTest extends ShellTest {

    @TempDir
    Path tmp;

    @Test
    void aRunStopsCleanlyWhenTheOrgGoesAway() throws Exception {
        SandboxServer server = SandboxServer.start(SandboxConfig.defaults().withUsers(800).withSeed(81)
                .withLatencyMs(30));
        try {
            connectTo(server);
            List<SandboxUser> users = Accounts.plain(server)
                    .limit(300).toList();
            StringBuilder csv = new StringBuilder("account_id,email\n");
            users.forEach(u -> csv.append(u.accountId()).append(',').append(RunCrashTest.target(u)).append('\n'));
            Path plan = tmp.resolve("away.csv");
            Files.writeString(plan, csv.toString());
            run("load " + plan);
            assertThat(run("preview").out()).contains("OK 300");

            CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> run("run --yes --concurrency 4"));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (server.stats().writes().size() < 40 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            server.close();
            Result r = running.get();

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
            assertThat(r.err()).contains("stopped and can be resumed with: resume");
            RunMeta meta = applicationContext.getBean(RunStore.class).list().get(0);
            assertThat(meta.state()).isEqualTo(RunMeta.INTERRUPTED);
            assertThat(meta.counts().get("failed")).isZero();
            assertThat(meta.counts().get("pending")).isPositive();
        } finally {
            server.close();
            sessions.disconnect();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext applicationContext;
}
