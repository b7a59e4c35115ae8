package io.orgshell.sandbox;

import java.net.URI;

/**
 * Where a running sandbox org is and how to get in: all the product learns of it (see {@link EmbeddedSandbox}).
 *
 * @param baseUri         {@code http://127.0.0.1:PORT}, no trailing slash
 * @param callerAccountId the seeded org admin that owns the key
 * @param instanceId      this start of the sandbox: every sandbox of one seed has the same org ID, and a run made
 *                        against one must not be resumed against the next
 */
public record SandboxOrgAccess(URI baseUri, String orgId, String apiKey, String callerAccountId, String instanceId) {

    /** Never print the key: records print every component by default. */
    @Override
    public String toString() {
        return "SandboxOrgAccess[baseUri=" + baseUri + ", orgId=" + orgId + ", apiKey=***, callerAccountId="
                + callerAccountId + ", instanceId=" + instanceId + "]";
    }
}
