package io.orgshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.FreshSandboxTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code script F.shell} inside a script: a loop is refused where it starts, a chain is bounded, neither overflows. */
class ScriptNestingTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(50).withSeed(44);
    }

    @BeforeEach
    void connect() {}

    @Test
    void aScriptThatRunsItselfIsRefusedAtTheLineThatWouldLoop() throws IOException {
        Path loop = tmp.resolve("loop.shell");
        Files.writeString(loop, "# runs itself\nstatus\nscript " + loop + "\n");

        Result r = run("script " + loop);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.all())
                .contains(loop + ":3: " + loop + " is already running (" + loop + ":3): a script cannot "
                        + "run itself, directly or through another")
                .doesNotContain("StackOverflow")
                .doesNotContain("\tat ");
        assertThat(r.out().split("not connected|organization ", -1))
                .as("status ran once")
                .hasSize(2);

        assertThat(run("script " + chain(2)).exitCode())
                .as("nothing is left open after the refusal")
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void aLoopThroughAnotherScriptIsRefusedToo() throws IOException {
        Path a = tmp.resolve("a.shell");
        Path b = tmp.resolve("b.shell");
        Files.writeString(a, "script " + b + "\n");
        Files.writeString(b, "status\n\nscript " + a + "\n");

        Result r = run("script " + a);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.all()).contains(b + ":3: " + a + " is already running (" + a + ":1 > " + b + ":3)");
    }

    @Test
    void sixteenScriptsInsideEachOtherRunAndASeventeenthIsRefused() throws IOException {
        Result sixteen = run("script " + chain(16));
        assertThat(sixteen.exitCode()).as(sixteen.toString()).isEqualTo(ExitCodes.OK);
        assertThat(sixteen.out()).contains("organization");

        Path first = chain(17);
        Result seventeen = run("script " + first);
        assertThat(seventeen.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(seventeen.all())
                .contains(tmp.resolve("chain17-16.shell") + ":1: scripts run inside each other "
                        + "at most 16 deep; " + tmp.resolve("chain17-17.shell") + " would be number 17 (" + first
                        + ":1 > ... > "
                        + tmp.resolve("chain17-16.shell") + ":1)")
                .doesNotContain("organization");
    }

    /** {@code n} scripts, each running the next; the last says {@code status}. Returns the first. */
    private Path chain(int n) throws IOException {
        for (int i = n; i >= 1; i--) {
            Path file = tmp.resolve("chain" + n + "-" + i + ".shell");
            Files.writeString(
                    file, i == n ? "status\n" : "script " + tmp.resolve("chain" + n + "-" + (i + 1) + ".shell") + "\n");
        }
        return tmp.resolve("chain" + n + "-1.shell");
    }
}
