package io.orgshell.support;

import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shell test whose every test starts connected to its class's sandbox in its seeded state, with a directory of
 * its own for the files it writes and accounts that no earlier step of the test has touched.
 */
public abstract class FreshSandboxTest extends ShellTest {

    @TempDir
    protected Path tmp;

    protected SandboxServer server;

    protected Accounts.Unused accounts;

    /** The sandbox this class runs against: started for the first test, put back to its seed before each. */
    protected abstract SandboxConfig sandboxConfig();

    @BeforeEach
    void connectToAFreshSandbox() {
        server = connectToFresh(sandboxConfig());
        accounts = new Accounts.Unused(server);
    }

    /** A change file in this test's directory: the header, then one line a row. */
    protected Path csv(String header, List<String> lines) throws IOException {
        Path file = Files.createTempFile(tmp, "plan", ".csv");
        Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n");
        return file;
    }
}
