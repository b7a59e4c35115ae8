package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code users find} says how many it left out and shows more on request; a missing change file names its folder. */
class FindLimitAndMissingFileTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(260).withPageSize(40).withSeed(11);
    }

    /** How many accounts the sandbox's search finds for {@code text}: what the shell must report. */
    private long matching(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return server.org().users().stream()
                .filter(u -> u.access() != OrgAccess.REMOVED)
                .filter(u -> u.name().toLowerCase(Locale.ROOT).contains(t)
                        || u.email().toLowerCase(Locale.ROOT).contains(t)
                        || u.nickname().toLowerCase(Locale.ROOT).contains(t))
                .count();
    }

    private static long tableRows(String out) {
        return out.lines().filter(l -> l.contains("@")).count();
    }

    @Test
    void aFindCutAtFiftySaysHowManyThereAreAndHowToSeeThem() {
        noTerminal();
        long total = matching("acme");
        assertThat(total).isGreaterThan(120);

        Result cut = ok(run("users find acme"));
        assertThat(tableRows(cut.out())).isEqualTo(50);
        assertThat(cut.all()).contains(String.format("50 shown of %,d, use --limit N or --all", total));

        Result more = ok(run("users find acme --limit 120"));
        assertThat(tableRows(more.out())).isEqualTo(120);
        assertThat(more.all()).contains(String.format("120 shown of %,d", total));

        Result all = ok(run("users find acme --all"));
        assertThat(tableRows(all.out())).isEqualTo(total);
        assertThat(all.all()).contains(total + " accounts").doesNotContain("shown of");

        Result json = ok(run("users find acme --limit 3 --json"));
        assertThat(json.out().replace(" ", ""))
                .contains("\"total\":" + total)
                .contains("\"limit\":3")
                .contains("\"more\":true");
    }

    @Test
    void findRefusesALimitThatIsNoneOrBoth() {
        Result zero = run("users find acme --limit 0");
        assertThat(zero.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err()).contains("--limit").doesNotContain("Exception");
        Result both = run("users find acme --limit 5 --all");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("not both");
    }

    @Test
    void loadingAMissingFileNamesTheFolderItLookedIn() {
        Result r = run("load move-nowhere.csv --op suspend");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(r.err())
                .contains("no such file: move-nowhere.csv")
                .contains("looked for " + cwd.resolve("move-nowhere.csv"))
                .contains("working directory " + cwd)
                .contains("no plan is loaded");

        Path absolute = tmp.resolve("gone.csv");
        Result abs = run("load " + absolute + " --op suspend");
        assertThat(abs.err()).contains("no such file: " + absolute).doesNotContain("working directory");
    }
}
