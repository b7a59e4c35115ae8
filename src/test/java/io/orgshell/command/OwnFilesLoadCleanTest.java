package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.ShellTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What orgshell writes (an export, a run's undo plan) loads back without a "repair": nothing in it was wrong. */
class OwnFilesLoadCleanTest extends ShellTest {

    @TempDir
    Path tmp;

    @Test
    void anUndoPlanAndAnExportLoadWithNoRepair() throws Exception {
        SandboxServer server =
                connectToFresh(SandboxConfig.defaults().withUsers(40).withSeed(53));
        SandboxUser u = Accounts.plain(server).findFirst().orElseThrow();
        Path plan = Files.writeString(tmp.resolve("plan.csv"), "account_id\n" + u.accountId() + "\n");
        ok(run("load " + plan + " --op suspend"));
        ok(run("preview"));
        assertThat(run("run --yes").err()).contains("applied 1");

        Result undo = run("undo");
        assertThat(undo.err()).contains("1 row for 'restore'").doesNotContain("repaired");

        Path export = tmp.resolve("users.csv");
        assertThat(run("users export --out " + export).exitCode()).isEqualTo(ExitCodes.OK);
        Result reload = run("load " + export + " --op restore");
        assertThat(reload.exitCode()).as(reload.toString()).isEqualTo(ExitCodes.OK);
        assertThat(reload.err()).doesNotContain("repaired");
    }
}
