package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserHome;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Arguments a newcomer can rely on: one word too many, a folder for a file, a word for a number, {@code ~}. */
class ArgumentsTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(60).withSeed(31);
    }

    @Test
    void aWordTooManyIsAnErrorThatSaysToQuote() {
        Result r = run("users find Grace Hopper");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("'users find' takes one argument, and 'Hopper' is one too many")
                .contains("users find \"Grace Hopper\"");
        assertThat(run("users find \"Grace Hopper\"").exitCode()).isEqualTo(ExitCodes.OK);
        Result none = run("status now");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("'status' takes no argument, and got 'now'");
    }

    @Test
    void aFolderIsNotAFileToWrite() {
        long before = server.stats().requests().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        for (String command : new String[] {"users export --out " + tmp, "domains list --out " + tmp}) {
            Result r = run(command);
            assertThat(r.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("--out: " + tmp + " is a folder");
        }
        assertThat(server.stats().requests().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("nothing is asked of the org for a command that cannot write its answer")
                .isEqualTo(before);
    }

    @Test
    void aNumberOptionSaysWhichOptionAndWhatWasWrong() {
        Result r = run("run --batch-size ten");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--batch-size: 'ten' is not a number");
    }

    @Test
    void aTildeIsTheHomeFolder() throws Exception {
        Path home = UserHome.current().directory();
        Path file = Files.createTempFile(home, "orgshell-tilde-", ".csv");
        try {
            Files.writeString(file, "account_id\n" + server.org().managedAt(2).accountId() + "\n");
            Result r = run("load ~/" + file.getFileName() + " --op suspend");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
            assertThat(r.err()).contains("1 row for 'suspend'");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
