package io.orgshell.session;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.orgshell.config.OrgShellProperties;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import org.springframework.stereotype.Component;

/**
 * Starts the embedded sandbox org on a free loopback port the first time {@code --sandbox} asks for it, and stops
 * it on disconnect. A sandbox handed in with {@link #use} (tests, benchmarks) belongs to its owner and is left running.
 */
@Component
public class SandboxLauncher implements AutoCloseable {

    private final OrgShellProperties.Sandbox settings;
    private SandboxServer server;
    private boolean owned;

    public SandboxLauncher(OrgShellProperties properties) {
        this.settings = properties.sandbox();
    }

    public synchronized SandboxServer server() {
        if (server == null) {
            SandboxConfig config = SandboxConfig.defaults()
                    .withUsers(settings.users())
                    .withSeed(settings.seed())
                    .withRatePerSecond(settings.rate())
                    .withLatencyMs(settings.latencyMs())
                    .withApiKey("sandbox-" + java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(12)));
            try {
                server = SandboxServer.start(config);
                owned = true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the sandbox org: " + e.getMessage(), e);
            }
        }
        return server;
    }

    /** Lets tests and benchmarks point the shell at a sandbox they started themselves. */
    public synchronized void use(SandboxServer external) {
        close();
        this.server = external;
        this.owned = false;
    }

    @Override
    public synchronized void close() {
        if (server != null && owned) {
            server.close();
        }
        server = null;
    }
}
