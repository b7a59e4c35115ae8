package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.ShellTest;
import io.orgshell.support.Slow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A 2,000-row run against a sandbox injecting 10% faults (500/502/503, dropped connections, answers slower than the
 * read timeout, 429 bursts): every row ends in one of the four outcomes, the counts add up, and no account got two
 * writes.
 */
@Slow
class FaultyRunTest extends ShellTest {

    static final int ROWS = 2_000;

    @TempDir
    Path tmp;

    @Test
    void everyRowEndsAndNoAccountIsWrittenTwice() throws Exception {
        SandboxServer server = sandbox(SandboxConfig.defaults()
                .withUsers(3_000)
                .withSeed(71)
                .withSlowResponseMs(2_500)
                .withFaultRate(0.10));
        connectTo(server);
        List<SandboxUser> users = Accounts.plain(server).limit(ROWS).toList();
        assertThat(users).hasSize(ROWS);
        Path plan = Accounts.writeEmailMoves(tmp.resolve("faults.csv"), users);
        ok(run("load " + plan));
        Result preview = run("preview");
        assertThat(preview.err()).as(preview.out()).contains("OK " + ROWS);

        Result r = run("run --yes --concurrency 16");

        RunMeta meta = applicationContext.getBean(RunStore.class).list().get(0);
        OutcomeCounts counts = meta.counts();
        long total = counts.get(Outcome.APPLIED)
                + counts.get(Outcome.ALREADY_DONE)
                + counts.get(Outcome.SKIPPED)
                + counts.get(Outcome.FAILED);
        assertThat(total).as(r.toString()).isEqualTo(ROWS);
        assertThat(counts.pending()).isZero();
        assertThat(counts.get(Outcome.APPLIED)).isGreaterThan(ROWS * 9L / 10);
        assertThat(server.stats().faults()).isGreaterThan(100);
        assertThat(server.stats().writes().values())
                .allSatisfy(n -> assertThat(n).isEqualTo(1L));
        users.forEach(u -> {
            String now = server.org().findById(u.accountId()).orElseThrow().email();
            assertThat(now).isIn(u.email(), Accounts.movedAddress(u));
        });
    }

    @Autowired
    ApplicationContext applicationContext;
}
