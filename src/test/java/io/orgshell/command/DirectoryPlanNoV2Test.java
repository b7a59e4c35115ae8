package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.run.V2OnlyTest;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code plan} on an org reached through a proxy that allow-lists only {@code /admin/v1}
 * ({@code scripts/sandbox --no-v2}): a selection is never evaluated over the v1 managed list (which tells no admin
 * role), so no plan is written and none is loaded; the one line names the likely cause.
 */
class DirectoryPlanNoV2Test extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(62).withV2Enabled(false);
    }

    @Test
    void noSelectionIsBuiltWithoutTheDirectory() {
        for (String plan : new String[] {
            "plan deactivate --inactive-since 90d",
            "plan suspend --domain acme-corp.example " + "--status active",
            "plan group-add sales --domain acme.example"
        }) {
            Path out = tmp.resolve("plan.csv");
            Result r = run(plan + " --out " + out);
            V2OnlyTest.isTheOneLine(r);
            assertThat(out).as(plan).doesNotExist();
            assertThat(run("preview").err())
                    .as("no plan is loaded after " + plan)
                    .contains("load");
        }
        assertThat(server.stats().writes()).isEmpty();
    }

    @Test
    void aGroupFileIsNotPreviewedWithoutTheDirectory() throws Exception {
        Path file = tmp.resolve("sales.csv");
        Files.writeString(
                file,
                "account_id,group\n"
                        + Accounts.plain(server).findFirst().orElseThrow().accountId() + ",sales\n");
        ok(run("load --op group-add " + file));
        V2OnlyTest.isTheOneLine(run("preview"));
        assertThat(run("run --yes").exitCode()).isNotZero();
        assertThat(server.stats().writes()).isEmpty();
    }
}
