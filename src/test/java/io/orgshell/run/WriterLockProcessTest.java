package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.OrgShellProcess;
import io.orgshell.support.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person and a scheduled script on one config directory, as two processes running the same plan at once: the
 * second is refused at once, naming the first run and its process; with --wait it waits for the first to end and
 * then finds every account done. No account is written twice.
 */
@Slow
class WriterLockProcessTest {

    static final String EMAIL = "PUT /users/{accountId}/manage/email";
    /**
     * The first run's first write is held until the other two processes have met the lock, then let go; this bound
     * only ends the hold of a test that failed before letting go (the first run's read timeout and response
     * deadline are longer).
     */
    static final long HELD_AT_MOST_MS = 200_000;

    static SandboxServer server;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxConfig.defaults().withUsers(300).withSeed(87));
    }

    @AfterAll
    static void stop() {
        server.faults().releaseDelayed();
        server.close();
    }

    @Test
    void aSecondProcessIsRefusedNamingTheFirstAndOneThatWaitsWritesNothingTwice() throws Exception {
        List<SandboxUser> users = Accounts.plain(server).limit(20).toList();
        Path plan = Accounts.writeEmailMoves(home.resolve("move.csv"), users);
        Map<String, String> env = Map.of(
                "ORGSHELL_ORG_ID",
                server.orgId(),
                "ORGSHELL_API_KEY",
                server.apiKey(),
                "ORGSHELL_BASE_URL",
                server.baseUri().toString());
        String script = "load " + plan + "\npreview\nrun --yes --concurrency 1";
        server.faults().add(EMAIL, 1, Fault.delay(HELD_AT_MOST_MS));

        Map<String, String> patient = new HashMap<>(env);
        patient.put("ORGSHELL_READTIMEOUT", "300s");
        patient.put("ORGSHELL_RESPONSEDEADLINE", "300s");
        OrgShellProcess first = OrgShellProcess.start(home, patient, script + "\n");
        awaitCondition(() -> server.faults().pending() == 0 || !first.isAlive());
        assertThat(first.isAlive()).as("holding its first write").isTrue();
        String firstRun;
        try (Stream<Path> runs = Files.list(home.resolve("config").resolve("runs"))) {
            firstRun = runs.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
        }
        OrgShellProcess waiting = OrgShellProcess.start(home, env, script + " --wait\n");
        OrgShellProcess.Finished refused = OrgShellProcess.run(home, env, script + "\n");

        assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
        assertThat(refused.err())
                .contains("is being written to by run " + firstRun + " (email), PID " + first.pid() + " on ")
                .contains("nothing was sent");
        awaitCondition(() -> waiting.errSoFar().contains("waiting for run " + firstRun));
        assertThat(first.isAlive()).as("the first run still holds the org").isTrue();
        server.faults().releaseDelayed();
        OrgShellProcess.Finished firstDone = first.await();
        OrgShellProcess.Finished waited = waiting.await();

        assertThat(firstDone.exitCode()).as(firstDone.toString()).isEqualTo(ExitCodes.OK);
        assertThat(firstDone.err()).contains("(finished): applied 20");
        assertThat(waited.exitCode()).as(waited.toString()).isEqualTo(ExitCodes.OK);
        assertThat(waited.err()).contains("(finished): applied 0, already done 20");
        users.forEach(u -> assertThat(server.stats().writes(u.accountId()))
                .as("writes to " + u.accountId())
                .isEqualTo(1L));
    }

    interface Check {
        boolean met() throws Exception;
    }

    static void awaitCondition(Check condition) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.met() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.met()).as("condition met within 120 s").isTrue();
    }
}
