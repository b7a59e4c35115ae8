package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.ShellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;

/**
 * A write whose answer never comes (the sandbox holds it past the read timeout, then applies it) while reads lag
 * behind writes: the account still shows its old state when read right after, so it is read again until
 * {@code orgshell.confirm.max-wait} has passed before the write is ever sent again. No account is written twice.
 */
@TestPropertySource(properties = {"orgshell.confirm.max-wait=8s", "orgshell.read-timeout=700ms"})
class LostAnswerLaggingReadsTest extends ShellTest {

    static final String SUSPEND = "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/suspend";

    @TempDir
    Path tmp;
    SandboxServer server;
    Accounts.Unused accounts;

    @BeforeEach
    void connect() {
        server = connectToFresh(SandboxConfig.defaults().withUsers(200).withSeed(31));
        accounts = new Accounts.Unused(server);
    }

    @Test
    void aWriteWhoseAnswerWasLostIsReadUntilItShowsNotSentAgain() throws Exception {
        List<SandboxUser> u = suspendPlanOf(2);
        FaultScripts.post(server, "{\"type\":\"stale-reads\",\"seconds\":1}");
        FaultScripts.post(server, "{\"match\":\"" + SUSPEND + "\",\"times\":2,\"type\":\"delay\",\"delayMs\":2000}");

        Result r = run("run --yes");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("applied 2, already done 0, skipped 0, failed 0");
        assertThat(server.faults().pending()).isZero();
        assertWrittenOnce(u);
    }

    private List<SandboxUser> suspendPlanOf(int n) throws Exception {
        List<SandboxUser> u = accounts.next(n);
        Path plan = Files.createTempFile(tmp, "suspend", ".csv");
        Files.writeString(plan, "account_id\n" + String.join("\n", u.stream().map(SandboxUser::accountId).toList())
                + "\n");
        assertThat(run("load --op suspend " + plan).exitCode()).isZero();
        assertThat(run("preview").out()).contains("OK " + n);
        return u;
    }

    private void assertWrittenOnce(List<SandboxUser> u) {
        u.forEach(x -> {
            assertThat(server.org().findById(x.accountId()).orElseThrow().access()).isEqualTo(OrgAccess.SUSPENDED);
            assertThat(server.stats().writes(x.accountId())).as("writes to " + x.accountId()).isEqualTo(1L);
        });
    }
}
