package io.orgshell.run;

import static io.orgshell.run.OperationsTest.answers;
import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code resume} keeps exactly the safeguards of {@code run}: the limit, the typed confirmation, --yes in a script. */
class ResumeSafeguardsTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(60).withSeed(23);
    }

    @Test
    void resumingADeactivateAsksForTheTypedConfirmationOfWhatIsLeft() throws Exception {
        List<SandboxUser> u = accounts.next(4);
        pausedAfterTheFirstBatch(u, "");

        Result script = run("resume");
        assertThat(script.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(script.err()).contains("say 'resume ").contains(" --yes'");
        assertThat(server.stats().writes()).hasSize(2);

        atTerminal();
        Result refused = run("resume", answers("deactivate 4 in " + server.orgName()));
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("not confirmed: nothing was sent");
        assertThat(server.stats().writes()).hasSize(2);

        Result accepted = run("resume", answers("deactivate 2 in " + server.orgName(), "a"));
        assertThat(accepted.exitCode()).as(accepted.toString()).isEqualTo(ExitCodes.OK);
        assertThat(server.stats().writes()).hasSize(4);
        u.forEach(x -> assertThat(
                        server.org().findById(x.accountId()).orElseThrow().accountStatus())
                .isEqualTo("inactive"));
    }

    @Test
    void resumingARunOverTheLimitNeedsTheOverrideAgain() throws Exception {
        List<SandboxUser> u = accounts.next(14); // more than 20% of the sandbox's managed accounts
        pausedAfterTheFirstBatch(u, " --override-limit");

        noTerminal();
        Result refused = run("resume --yes");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("refusing to deactivate 14 of").contains("--override-limit");
        assertThat(server.stats().writes()).hasSize(2);

        Result forced = run("resume --yes --override-limit");
        assertThat(forced.exitCode()).as(forced.toString()).isEqualTo(ExitCodes.OK);
        assertThat(server.stats().writes()).hasSize(14);
    }

    @Test
    void previewWarnsOfTheLimitAndSuspendCountsTowardsIt() throws Exception {
        List<SandboxUser> u = accounts.next(14);
        Path plan = Accounts.writeIds(tmp.resolve("many.csv"), u);
        ok(run("load --op suspend " + plan));
        Result preview = run("preview");
        assertThat(preview.err())
                .contains("warning: run will refuse to suspend 14 of")
                .contains("--override-limit");
        Result refused = run("run --yes");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("refusing to suspend 14 of");
        assertThat(server.stats().writes()).isEmpty();
    }

    /** A deactivate of these accounts, confirmed at the terminal, quit after its first batch of two. */
    private void pausedAfterTheFirstBatch(List<SandboxUser> u, String flags) throws Exception {
        Path plan = Accounts.writeIds(tmp.resolve("leavers.csv"), u);
        ok(run("load --op deactivate " + plan));
        ok(run("preview"));
        atTerminal();
        Result first =
                run("run --batch-size 2" + flags, answers("deactivate " + u.size() + " in " + server.orgName(), "q"));
        assertThat(first.all()).as(first.toString()).contains("batch 1");
        assertThat(server.stats().writes()).hasSize(2);
        noTerminal();
    }
}
