package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.CsvFiles;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Reads that lag behind writes (the sandbox's {@code stale-reads}): a write answered with success whose account
 * does not show it yet is read again until {@code orgshell.confirm.max-wait} (here 4 s) has passed, and is only then
 * reported failed; no account is written twice meanwhile.
 */
@TestPropertySource(properties = "orgshell.confirm.max-wait=4s")
class LaggingReadsTest extends FreshSandboxTest {

    static final String SEARCH = "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(200).withSeed(29);
    }

    @Test
    void aWriteThatShowsAfterASecondIsApplied() throws Exception {
        List<SandboxUser> u = suspendPlanOf(3);
        FaultScripts.post(server, "{\"type\":\"stale-reads\",\"seconds\":1}");

        Result r = run("run --yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all())
                .contains("applied 3, already done 0, skipped 0, failed 0")
                .contains("(finished)");
        assertThat(rows()).allSatisfy(x -> assertThat(x.get("outcome")).isEqualTo("applied"));
        assertWrittenOnce(u);
    }

    @Test
    void aWriteThatDoesNotShowWithinMaxWaitFailsNamingIt() throws Exception {
        List<SandboxUser> u = suspendPlanOf(2);
        FaultScripts.post(server, "{\"type\":\"stale-reads\",\"seconds\":60}");
        long started = System.nanoTime();

        Result r = run("run --yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.all()).contains("applied 0, already done 0, skipped 0, failed 2");
        assertThat(rows())
                .allSatisfy(
                        x -> assertThat(x.get("reason"))
                                .isEqualTo(
                                        "the API answered 204 but the account did not change within 4 s (orgshell.confirm.max-wait)"));
        // it was waited for, not failed at the first read-back
        assertThat(System.nanoTime() - started).isGreaterThan(4_000_000_000L);
        assertWrittenOnce(u);
    }

    @Test
    void withoutLagAWriteIsConfirmedAtOnce() throws Exception {
        List<SandboxUser> u = suspendPlanOf(2);
        long searches = server.stats().requests(SEARCH);

        Result r = run("run --yes");

        assertThat(r.all()).as(r.toString()).contains("applied 2, already done 0, skipped 0, failed 0");
        // the batch's own read and one read-back, not read again
        assertThat(server.stats().requests(SEARCH) - searches).isEqualTo(2);
        assertWrittenOnce(u);
    }

    /**
     * The key is refused at the read-back (the run stops for resume with its writes answered, unconfirmed); resume,
     * while reads still lag, waits for them to show instead of sending them again.
     */
    @Test
    void aRunStoppedBeforeItsWritesShowedIsResumedWithoutWritingAgain() throws Exception {
        List<SandboxUser> u = suspendPlanOf(2);
        String search = SEARCH;
        FaultScripts.post(server, "{\"type\":\"stale-reads\",\"seconds\":60}");
        FaultScripts.post(
                server,
                "[{\"match\":\"" + search + "\",\"type\":\"delay\",\"delayMs\":0}," + "{\"match\":\"" + search
                        + "\",\"type\":\"status\",\"status\":401}]");

        Result stopped = run("run --yes");

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(stopped.err()).contains("(2 rows applied, not yet confirmed)");
        assertThat(server.faults().pending()).isZero();
        assertThat(run("runs show").out()).contains("2 writes applied, not yet confirmed");
        assertThat(run("runs show --json").out()).containsPattern("\"unconfirmed\"\\s*:\\s*2");

        // resume starts while the writes still do not show; once it has read them back and found them not shown,
        // the lag ends and its next read-back confirms them
        long searches = server.stats().requests(SEARCH);
        CompletableFuture<Result> resuming = CompletableFuture.supplyAsync(() -> run("resume --yes"));
        WriterLockTest.awaitCondition(() -> server.stats().requests(SEARCH) >= searches + 2 || resuming.isDone());
        server.faults().clear();
        Result resumed = resuming.get(60, TimeUnit.SECONDS);

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.all()).contains("applied 2, already done 0, skipped 0, failed 0");
        assertWrittenOnce(u);
    }

    private List<SandboxUser> suspendPlanOf(int n) throws Exception {
        List<SandboxUser> u = accounts.next(n);
        Path plan = Files.createTempFile(tmp, "suspend", ".csv");
        Files.writeString(
                plan,
                "account_id\n"
                        + String.join(
                                "\n", u.stream().map(SandboxUser::accountId).toList()) + "\n");
        ok(run("load --op suspend " + plan));
        assertThat(run("preview").err()).contains("OK " + n);
        return u;
    }

    private void assertWrittenOnce(List<SandboxUser> u) {
        u.forEach(x -> {
            assertThat(server.org().findById(x.accountId()).orElseThrow().access())
                    .isEqualTo(OrgAccess.SUSPENDED);
            assertThat(server.stats().writes(x.accountId())).isEqualTo(1L);
        });
    }

    private List<CSVRecord> rows() throws Exception {
        RunStore store = applicationContext.getBean(RunStore.class);
        return CsvFiles.read(store.open(store.list().get(0).id()).results());
    }

    @Autowired
    ApplicationContext applicationContext;
}
