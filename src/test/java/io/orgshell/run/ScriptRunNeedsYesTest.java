package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FreshSandboxTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A {@code run} that cannot ask anybody (a script, a pipe) writes only when the script says {@code --yes}. */
class ScriptRunNeedsYesTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(43);
    }

    @BeforeEach
    void connect() {}

    @Test
    void aPlainRunInAScriptWritesNothingAndFails() throws IOException {
        List<SandboxUser> five = accounts.next(5);
        ok(run("load --op suspend " + plan(five)));
        assertThat(run("preview").all()).contains("OK 5");

        Result refused = run("run");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("run in a script needs --yes: nothing was written");
        assertThat(server.stats().writes()).as("no account was written").isEmpty();
        five.forEach(u -> assertThat(now(u).access()).isEqualTo(OrgAccess.ACTIVE));

        Result said = run("run --yes");
        assertThat(said.exitCode()).as(said.toString()).isEqualTo(ExitCodes.OK);
        assertThat(said.all()).contains("applied 5");
        five.forEach(u -> assertThat(now(u).access()).isEqualTo(OrgAccess.SUSPENDED));
    }

    @Test
    void aShellFileStopsAtItsPlainRunAndNamesTheLine() throws IOException {
        List<SandboxUser> five = accounts.next(5);
        Path script = Files.writeString(
                tmp.resolve("leavers.shell"),
                "# suspend the leavers\nload --op suspend " + plan(five) + "\npreview\nrun\nruns list\n");

        Result r = run("script " + script);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.all())
                .contains("run in a script needs --yes: nothing was written")
                .contains(script + ":4: 'run' failed (exit 2)");
        assertThat(server.stats().writes()).isEmpty();
    }

    private Path plan(List<SandboxUser> accounts) throws IOException {
        StringBuilder csv = new StringBuilder("account_id\n");
        accounts.forEach(u -> csv.append(u.accountId()).append('\n'));
        return Files.writeString(Files.createTempFile(tmp, "leavers", ".csv"), csv.toString());
    }

    private SandboxUser now(SandboxUser u) {
        return server.org().findById(u.accountId()).orElseThrow();
    }
}
