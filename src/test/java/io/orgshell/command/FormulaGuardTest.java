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

/**
 * A name such as {@code Frances;=1+1} is one cell to a comma-splitting reader and two to a spreadsheet whose locale
 * splits on {@code ;}: the export guards the second cell too, and the file still loads back with the name unchanged.
 */
class FormulaGuardTest extends ShellTest {

    @TempDir
    Path tmp;

    @Test
    void aFormulaAfterASemicolonOrATabIsGuardedAndLoadsBackUnchanged() throws Exception {
        SandboxServer server =
                connectToFresh(SandboxConfig.defaults().withUsers(30).withSeed(67));
        var plain = Accounts.plain(server).limit(2).toList();
        rename(server, plain.get(0), "Frances;=1+1");
        rename(server, plain.get(1), "Tab\t@SUM(A1)");

        Path export = tmp.resolve("users.csv");
        Result r = run("users export --out " + export);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);

        String text = Files.readString(export);
        assertThat(text)
                .contains("Frances;'=1+1")
                .doesNotContain(";=")
                .contains("Tab\t'@SUM(A1)")
                .doesNotContain("\t@");
        Result loaded = run("load " + export + " --op profile");
        assertThat(loaded.exitCode()).as(loaded.toString()).isEqualTo(ExitCodes.OK);
        Result preview = run("preview --all");
        assertThat(preview.exitCode()).as(preview.toString()).isEqualTo(ExitCodes.OK);
        assertThat(preview.all())
                .as("the names came back as they are in the org: nothing to change")
                .containsPattern("Frances;=1\\+1\tname: Frances;=1\\+1\t[^\t]*\tALREADY DONE")
                .containsPattern("Tab @SUM\\(A1\\)\tname: Tab @SUM\\(A1\\)\t[^\t]*\tALREADY DONE")
                .contains("OK 0 ");
    }

    private static void rename(SandboxServer server, SandboxUser u, String name) {
        server.org()
                .update(
                        u.accountId(),
                        x -> x.withProfile(
                                name,
                                x.nickname(),
                                x.zoneinfo(),
                                x.locale(),
                                x.jobTitle(),
                                x.department(),
                                x.organization(),
                                x.location()));
    }
}
