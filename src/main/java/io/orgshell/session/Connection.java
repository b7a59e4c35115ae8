package io.orgshell.session;

import java.net.URI;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.ApiKey;
import io.orgshell.api.OrgDirectory;
import io.orgshell.directory.DirectoryCache;

/**
 * An open session with one organization: who it is, how it was reached, the client to talk to it, and its directory
 * (v2, or v1 for an org without v2: chosen once for the connection, by the first directory request).
 * {@code callerAccountId} is the admin's own account when known (profile or sandbox): bulk runs never touch it.
 * {@code cache} holds the accounts of this org seen so far (completion, email lookups); it ends with the connection.
 */
public record Connection(String orgId, String orgName, URI baseUrl, ApiKey key, boolean sandbox, String profile,
                         String callerAccountId, AdminApiClient client, OrgDirectory directory,
                         DirectoryCache cache) implements AutoCloseable {

    @Override
    public void close() {
        client.close();
        key.close();
    }
}
