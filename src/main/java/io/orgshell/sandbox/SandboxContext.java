package io.orgshell.sandbox;

/** What every handler needs: the org, the counters, the settings and the address clients reach us at. */
record SandboxContext(SandboxOrg org, SandboxStats stats, SandboxConfig config, String baseUri, StaleReads staleReads) {

    long seed() {
        return config.seed();
    }
}
