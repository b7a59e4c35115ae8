package io.orgshell.session;

import io.orgshell.config.OrgShellProperties;
import io.orgshell.sandbox.EmbeddedSandbox;
import io.orgshell.sandbox.SandboxOrgAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Starts the embedded sandbox org on a free loopback port the first time {@code --sandbox} asks for it, and stops
 * it on disconnect. A sandbox handed in with {@link #use} (tests, benchmarks) belongs to its owner and is left running.
 */
@Component
public class SandboxLauncher implements AutoCloseable {

    private final OrgShellProperties.Sandbox settings;
    private EmbeddedSandbox started;
    private SandboxOrgAccess access;

    public SandboxLauncher(OrgShellProperties properties) {
        this.settings = properties.sandbox();
    }

    public synchronized SandboxOrgAccess access() {
        if (access == null) {
            try {
                started =
                        EmbeddedSandbox.start(settings.users(), settings.seed(), settings.rate(), settings.latencyMs());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the sandbox org: " + e.getMessage(), e);
            }
            access = started.access();
        }
        return access;
    }

    /** Lets tests and benchmarks point the shell at a sandbox they started themselves. */
    public synchronized void use(SandboxOrgAccess external) {
        close();
        this.access = external;
    }

    @Override
    public synchronized void close() {
        if (started != null) {
            started.close();
            started = null;
        }
        access = null;
    }
}
