package io.orgshell.sandbox;

import java.util.Set;

/** What every handler needs: the org, the counters, the settings and the address clients reach us at. */
record SandboxContext(
        SandboxOrg org,
        SandboxStats stats,
        SandboxConfig config,
        String baseUri,
        StaleReads staleReads,
        Set<String> listedTwice) {

    long seed() {
        return config.seed();
    }
}
