package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.ExchangeRecorder;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.OrgShellProcess;
import io.orgshell.support.Slow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run killed with SIGKILL at several points, then resumed by a new process: every row ends at its target and the
 * sandbox's counters show that no account was written twice. The points are made exact by holding a request in the
 * sandbox (a delay fault) and killing the shell while it waits.
 */
@Slow
class RunCrashTest {

    static final String SEARCH = "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search";
    static final String EMAIL = "PUT /users/{accountId}/manage/email";
    /** An unattended run re-reads (and journals) its accounts in batches of this many. */
    static final int BATCH = RunService.UNATTENDED_BATCH;

    enum KillPoint {
        /** the first batch's re-check is held: the run directory exists, nothing has been written */
        BEFORE_THE_FIRST_WRITE,
        /** batch 1 is written and journaled, batch 2's re-check is held (this case has two batches) */
        BETWEEN_BATCHES,
        /** one write is held in the sandbox and lands after the shell died: resume must find it, not resend it */
        WITH_A_WRITE_IN_FLIGHT,
        /** at whatever moment the 25th write is seen, several writes in flight */
        MID_BATCH
    }

    static SandboxServer server;
    static List<SandboxUser> plain;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(
                SandboxConfig.defaults().withUsers(900).withSeed(31).withLatencyMs(40));
        plain = Accounts.plain(server).toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void killedThenResumedWithoutDoubleWrites(KillPoint point) throws Exception {
        int rows = rows(point);
        // each case its own accounts: those after the accounts of the cases before it
        int from = Arrays.stream(KillPoint.values())
                .limit(point.ordinal())
                .mapToInt(RunCrashTest::rows)
                .sum();
        List<SandboxUser> users = plain.subList(from, from + rows);
        Path dir = Files.createDirectories(home.resolve(point.name()));
        Path plan = Accounts.writeEmailMoves(dir.resolve("move.csv"), users);
        Map<String, String> env = Map.of(
                "ORGSHELL_ORG_ID",
                server.orgId(),
                "ORGSHELL_API_KEY",
                server.apiKey(),
                "ORGSHELL_BASE_URL",
                server.baseUri().toString());
        releaseEveryHold();
        AtomicBoolean held = new AtomicBoolean();
        BooleanSupplier killNow = switch (point) {
            case BEFORE_THE_FIRST_WRITE -> {
                // the run's journal is written before its first re-check: the first search after it is the run's
                ExchangeRecorder.onArrival(server, request -> {
                    if (request.endsWith("/users/search") && hasJournal(dir) && held.compareAndSet(false, true)) {
                        server.faults().add(SEARCH, 1, Fault.delay(20_000));
                    }
                });
                yield () -> held.get() && server.faults().holding() == 1;
            }
            case BETWEEN_BATCHES -> {
                ExchangeRecorder.onExchange(server, e -> {
                    if (written(users) == BATCH && held.compareAndSet(false, true)) {
                        server.faults().add(SEARCH, 1, Fault.delay(20_000));
                    }
                });
                yield () -> held.get() && server.faults().holding() == 1;
            }
            case WITH_A_WRITE_IN_FLIGHT -> {
                ExchangeRecorder.onExchange(server, e -> {
                    if (written(users) == 30 && held.compareAndSet(false, true)) {
                        server.faults().add(EMAIL, 1, Fault.delay(20_000));
                    }
                });
                // killed once the write is held, not merely matched: the release below must reach it
                yield () -> held.get() && server.faults().holding() == 1;
            }
            case MID_BATCH -> () -> written(users) >= 25;
        };
        String concurrency = point == KillPoint.WITH_A_WRITE_IN_FLIGHT ? " --concurrency 1" : "";

        OrgShellProcess first =
                OrgShellProcess.start(dir, env, "load " + plan + "\npreview\nrun --yes" + concurrency + "\n");
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!killNow.getAsBoolean() && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        first.kill();
        int writtenAtKill = written(users);
        switch (point) {
            case BEFORE_THE_FIRST_WRITE -> assertThat(writtenAtKill).isZero();
            case BETWEEN_BATCHES -> assertThat(writtenAtKill).isEqualTo(BATCH);
            case WITH_A_WRITE_IN_FLIGHT -> {
                assertThat(writtenAtKill).isEqualTo(30);
                server.faults().releaseDelayed();
                awaitWritten(users, 31); // the held write lands in the sandbox after the shell is gone
            }
            case MID_BATCH -> assertThat(writtenAtKill).isBetween(25, rows - 1);
        }
        releaseEveryHold();
        if (point == KillPoint.BETWEEN_BATCHES) {
            // the dead process wrote no report after batch 1: undo takes its rows from the journal
            OrgShellProcess.Finished undo = OrgShellProcess.run(dir, env, null, "undo");
            assertThat(undo.exitCode()).as(undo.toString()).isEqualTo(ExitCodes.OK);
            assertThat(undo.err()).contains("up to date from the journal").contains(BATCH + " rows for 'email'");
        }

        OrgShellProcess.Finished resumed = OrgShellProcess.run(dir, env, null, "resume", "--yes");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.err()).contains("(finished)").contains("applied " + rows);
        users.forEach(u -> assertThat(
                        server.org().findById(u.accountId()).orElseThrow().email())
                .isEqualTo(Accounts.movedAddress(u)));
        users.forEach(u -> assertThat(server.stats().writes(u.accountId()))
                .as("writes to " + u.accountId())
                .isEqualTo(1L));
    }

    /** Between batches needs two batches; the other points need less than one. */
    static int rows(KillPoint point) {
        return point == KillPoint.BETWEEN_BATCHES ? BATCH + 40 : 60;
    }

    /**
     * Clears the script and lets held requests go on: a search a killed shell left held would otherwise count as the
     * next case's hold.
     */
    static void releaseEveryHold() throws InterruptedException {
        server.faults().clear();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.faults().holding() > 0 && System.nanoTime() < deadline) {
            server.faults().releaseDelayed();
            Thread.sleep(5);
        }
        assertThat(server.faults().holding()).isZero();
    }

    static boolean hasJournal(Path home) {
        try (Stream<Path> files = Files.walk(home.resolve("config"))) {
            return files.anyMatch(f -> f.getFileName().toString().equals("journal.jsonl"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    static int written(List<SandboxUser> users) {
        return (int) users.stream()
                .filter(u -> server.stats().writes(u.accountId()) > 0)
                .count();
    }

    static void awaitWritten(List<SandboxUser> users, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (written(users) < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(written(users)).isEqualTo(n);
    }
}
