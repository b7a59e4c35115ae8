package io.orgshell.session;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.ApiKey;
import io.orgshell.api.DirectoryClient;
import io.orgshell.directory.DirectoryCache;
import java.net.URI;

/**
 * An open session with one organization: who it is, how it was reached, and the client of its admin APIs (whose
 * directory client keeps what it learnt of the org's directories).
 * {@code callerAccountId} is the admin's own account when known (profile or sandbox): bulk runs never touch it.
 * {@code cache} holds the accounts of this org seen so far, for completion at the prompt; it ends with the connection.
 * {@code sandboxInstance} names the start of the embedded sandbox this is ({@code null} for any other org): every
 * sandbox of one seed has the same org ID, so a run is bound to the instance, not only to the org ID.
 */
public record Connection(
        String orgId,
        String orgName,
        URI baseUrl,
        ApiKey key,
        boolean sandbox,
        String sandboxInstance,
        String profile,
        String callerAccountId,
        AdminApiClient client,
        DirectoryCache cache)
        implements AutoCloseable {

    /** The org's directory, through the v2 directory API. */
    public DirectoryClient directory() {
        return client.directory();
    }

    @Override
    public void close() {
        client.close();
        key.close();
    }
}
