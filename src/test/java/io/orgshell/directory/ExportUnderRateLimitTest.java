package io.orgshell.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.support.ShellTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slices read at once stay under the org's rate limit: the rate governor paces them together, so the partitioned
 * export meets no more 429s than the one-after-another v1 walk, and still holds every managed account.
 */
class ExportUnderRateLimitTest extends ShellTest {

    @TempDir
    Path tmp;

    @Test
    void slicesAtOnceMeetNoMore429sThanOneWalk() throws Exception {
        SandboxServer server = connectTo(
                sandbox(SandboxConfig.defaults().withUsers(1_500).withSeed(9).withRatePerSecond(25)));
        int managed = server.org().managedCount();

        long before = server.stats().throttled();
        Path sequential = tmp.resolve("sequential.csv");
        Result v1 = run("users export --out " + sequential + " --columns account_id,access_billable");
        long sequential429s = server.stats().throttled() - before;

        before = server.stats().throttled();
        Path sliced = tmp.resolve("sliced.csv");
        Result r = run("users export --out " + sliced);
        long sliced429s = server.stats().throttled() - before;

        assertThat(v1.exitCode()).as(v1.all()).isEqualTo(ExitCodes.OK);
        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
        assertThat(sliced429s).isLessThanOrEqualTo(sequential429s);
        List<String> rows = Files.readAllLines(sliced);
        assertThat(rows).hasSize(managed + 1);
        assertThat(Files.readAllLines(sequential)).hasSize(managed + 1);
    }
}
