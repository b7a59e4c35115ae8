package io.orgshell.sandbox;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The product's one way into the sandbox: a sandbox org on a free loopback port, reached over HTTP like any org.
 * Everything else in this package is the sandbox's own business (and its tests'), so that the product cannot come
 * to depend on a shortcut a real org does not offer.
 */
public final class EmbeddedSandbox implements AutoCloseable {

    private final SandboxServer server;

    private EmbeddedSandbox(SandboxServer server) {
        this.server = server;
    }

    /**
     * Seeds and starts an org. Its key is made up for this start, so no other process on the machine can guess it.
     *
     * @param ratePerSecond requests per second allowed, 0 = unlimited
     * @param latencyMs     delay added to every API answer
     * @throws IllegalArgumentException when a setting is out of range
     */
    public static EmbeddedSandbox start(int users, long seed, double ratePerSecond, int latencyMs) throws IOException {
        SandboxConfig config = SandboxConfig.defaults()
                .withUsers(users)
                .withSeed(seed)
                .withRatePerSecond(ratePerSecond)
                .withLatencyMs(latencyMs)
                .withApiKey("sandbox-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12)));
        return new EmbeddedSandbox(SandboxServer.start(config));
    }

    /** Where the org is, its key, and this start's instance ID (a run made against it belongs to this start). */
    public SandboxOrgAccess access() {
        return server.access();
    }

    @Override
    public void close() {
        server.close();
    }
}
