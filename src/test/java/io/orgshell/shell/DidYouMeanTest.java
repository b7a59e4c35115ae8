package io.orgshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.support.ShellTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped command is refused on one line that names the closest commands, with a usage exit code. */
class DidYouMeanTest extends ShellTest {

    @TempDir
    Path tmp;

    @Test
    void aMisspeltNameSuggestsTheClosestCommand() {
        assertRefused("dmains list", "unknown command 'dmains list' (did you mean 'domains list'?)");
        assertRefused("statsu", "unknown command 'statsu' (did you mean 'status'?)");
        assertRefused("Domains list --all", "unknown command 'Domains list' (did you mean 'domains list'?)");
    }

    @Test
    void argumentsAfterAMisspeltNameDoNotCount() {
        assertRefused("usrs show 5b8a", "unknown command 'usrs show 5b8a' (did you mean 'users show'?)");
        assertRefused("usr", "unknown command 'usr' (did you mean 'users'?)");
    }

    @Test
    void aWrongSecondWordListsTheNamesTheFirstStarts() {
        assertRefused("runs shwo", "unknown command 'runs shwo' (did you mean 'runs show'?)");
        assertRefused(
                "users lst",
                "unknown command 'users lst' (did you mean 'users export', 'users find' or 'users show'?)");
    }

    @Test
    void nothingCloseKeepsThePointerToHelp() {
        assertRefused("nope", "unknown command 'nope' (type 'help' for the list)");
    }

    @Test
    void helpSuggestsToo() {
        Result r = run("help dmains");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("error: unknown command 'dmains' (did you mean 'domains'?)");
    }

    @Test
    void aScriptStopsAtTheMistypedLine() throws IOException {
        Path script = Files.writeString(tmp.resolve("typo.shell"), "statsu\nstatus\n");
        noTerminal();
        Result r = run("script " + script);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.all())
                .contains("unknown command 'statsu' (did you mean 'status'?)")
                .contains(script + ":1:")
                .doesNotContain("not connected");
    }

    private void assertRefused(String line, String message) {
        Result r = run(line);
        assertThat(r.exitCode()).as(line).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).as(line).isEmpty();
        assertThat(r.err().strip()).as(line).isEqualTo("error: " + message);
    }
}
