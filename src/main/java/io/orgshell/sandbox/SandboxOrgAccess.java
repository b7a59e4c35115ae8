package io.orgshell.sandbox;

import java.net.URI;

/**
 * Where a running sandbox org is and how to get in: all the product learns of it (see {@link EmbeddedSandbox}).
 *
 * @param baseUri         {@code http://127.0.0.1:PORT}, no trailing slash
 * @param callerAccountId the seeded org admin that owns the key
 */
public record SandboxOrgAccess(URI baseUri, String orgId, String apiKey, String callerAccountId) {

    /** Never print the key: records print every component by default. */
    @Override
    public String toString() {
        return "SandboxOrgAccess[baseUri=" + baseUri + ", orgId=" + orgId + ", apiKey=***, callerAccountId="
                + callerAccountId + "]";
    }
}
