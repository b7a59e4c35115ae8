package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The read-back that confirms a run's writes fails with 5xx after every retry: the run stops for resume and says
 * why, instead of ending "interrupted" with no reason.
 */
class ReadBackFailureTest extends FreshSandboxTest {

    static final String SEARCH = "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(100).withSeed(37);
    }

    @Test
    void aReadBackThatKeepsFailingStopsTheRunNamingTheFailure() throws Exception {
        List<SandboxUser> u = accounts.next(2);
        Path plan = Files.createTempFile(tmp, "suspend", ".csv");
        Files.writeString(
                plan,
                "account_id\n"
                        + String.join(
                                "\n", u.stream().map(SandboxUser::accountId).toList()) + "\n");
        ok(run("load --op suspend " + plan));
        assertThat(run("preview").all()).contains("OK 2");
        // the batch's own read goes through; every read-back after the writes fails
        FaultScripts.post(
                server,
                "[{\"match\":\"" + SEARCH + "\",\"type\":\"delay\",\"delayMs\":0}," + "{\"match\":\"" + SEARCH
                        + "\",\"times\":1000,\"type\":\"status\",\"status\":500}]");

        Result r = run("run --yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err())
                .contains("the accounts could not be read back to confirm the writes (500 ADMIN-500-1")
                .contains("(2 rows applied, not yet confirmed)")
                .contains("resume with: resume ");
        assertThat(r.all()).doesNotContain("Exception").doesNotContain("unexpected error");
        u.forEach(x -> assertThat(server.stats().writes(x.accountId())).isEqualTo(1L));
    }
}
