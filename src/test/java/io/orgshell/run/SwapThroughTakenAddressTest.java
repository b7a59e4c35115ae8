package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.plan.ChangeOrder;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.ShellTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A swap of two addresses goes through a temporary address; when an account of the org holds it already, preview
 * refuses the plan in words about the swap (exit 1), not as a fault of orgshell's, and nothing is sent.
 */
class SwapThroughTakenAddressTest extends ShellTest {

    @TempDir
    Path tmp;

    @Test
    void aSwapWhoseTemporaryAddressIsTakenIsRefusedAtPreview() throws Exception {
        SandboxServer server =
                connectToFresh(SandboxConfig.defaults().withUsers(80).withSeed(33));
        List<SandboxUser> u = new Accounts.Unused(server).next(4);
        SandboxUser a = u.get(0);
        SandboxUser b = u.get(1);
        // whichever of the two breaks the cycle, its temporary address belongs to someone else
        server.org()
                .update(u.get(2).accountId(), x -> x.withEmail(ChangeOrder.temporaryAddress(a.accountId(), b.email())));
        server.org()
                .update(u.get(3).accountId(), x -> x.withEmail(ChangeOrder.temporaryAddress(b.accountId(), a.email())));
        Path file = tmp.resolve("swap.csv");
        Files.writeString(
                file,
                "account_id,email\n" + a.accountId() + "," + b.email() + "\n" + b.accountId() + "," + a.email() + "\n");
        ok(run("load " + file));
        long writesBefore = writes(server);

        Result preview = run("preview");

        assertThat(preview.exitCode()).as(preview.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(preview.err())
                .contains("swap of email addresses")
                .contains("orgshell-swap-")
                .contains("nothing was sent")
                .doesNotContain("internal error")
                .doesNotContain("Exception");
        Result ran = run("run --yes");
        assertThat(ran.exitCode())
                .as("a plan preview refused is not run: " + ran)
                .isNotZero();
        assertThat(writes(server)).isEqualTo(writesBefore);
        assertThat(server.org().findById(a.accountId()).orElseThrow().email()).isEqualTo(a.email());
    }

    private static long writes(SandboxServer server) {
        return server.stats().writes().values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }
}
