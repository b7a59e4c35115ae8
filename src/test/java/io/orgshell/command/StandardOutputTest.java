package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --out -}: the CSV on standard output, alone, and the notes on standard error. */
class StandardOutputTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(20).withSeed(41);
    }

    @Test
    void domainsListWritesTheCsvToStandardOutput() throws Exception {
        Path file = tmp.resolve("domains.csv");
        assertThat(run("domains list --all --out " + file).exitCode()).isEqualTo(ExitCodes.OK);

        Result r = run("domains list --all --out -");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).as("the same CSV as the file, and nothing else").isEqualTo(Files.readString(file));
        assertThat(r.out()).startsWith("id,name,status,verification_type");
        assertThat(r.err()).contains("domains").doesNotContain("error");
        assertThat(tmp.resolve("-")).doesNotExist();
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void jsonAndACsvOnStandardOutputCannotShareIt() {
        Result r = run("domains list --json --out -");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("error: --json and --out - both write to standard output: choose one");
    }
}
