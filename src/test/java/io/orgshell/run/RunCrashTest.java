package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.orgshell.support.Accounts;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.OrgShellProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in the middle of a batch, then resumed by a new process: every row ends at its target
 * and the sandbox's counters show that no account was written twice.
 */
class RunCrashTest {

    static SandboxServer server;
    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxConfig.defaults().withUsers(900).withSeed(31).withLatencyMs(40));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void killedMidBatchThenResumedWithoutDoubleWrites() throws Exception {
        List<SandboxUser> users = Accounts.plain(server)
                .limit(240).toList();
        StringBuilder csv = new StringBuilder("account_id,email\n");
        users.forEach(u -> csv.append(u.accountId()).append(',').append(target(u)).append('\n'));
        Path plan = home.resolve("move.csv");
        Files.writeString(plan, csv.toString());
        Map<String, String> env = Map.of("ORGSHELL_ORG_ID", server.orgId(), "ORGSHELL_API_KEY", server.apiKey(),
                "ORGSHELL_BASE_URL", server.baseUri().toString());

        OrgShellProcess first = OrgShellProcess.start(home, env, "load " + plan + "\npreview\nrun --yes --batch-size 30\n");
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (server.stats().writes().size() < 60 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        first.kill();
        int writtenBeforeKill = server.stats().writes().size();
        assertThat(writtenBeforeKill).as("killed mid-run").isBetween(60, users.size() - 1);

        OrgShellProcess.Finished resumed = OrgShellProcess.run(home, env, null, "resume", "--yes");

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("(finished)").contains("applied " + users.size());
        users.forEach(u -> assertThat(server.org().findById(u.accountId()).orElseThrow().email()).isEqualTo(target(u)));
        assertThat(server.stats().writes()).hasSize(users.size())
                .allSatisfy((id, n) -> assertThat(n).as("writes to " + id).isEqualTo(1L));
        assertThat(resumed.out() + resumed.err()).doesNotContain(server.apiKey());
    }

    static String target(SandboxUser u) {
        return u.email().substring(0, u.email().indexOf('@')) + "-" + Integer.toHexString(u.accountId().hashCode()) + "@acme.io";
    }
}
