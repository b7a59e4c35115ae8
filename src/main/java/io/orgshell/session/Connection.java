package io.orgshell.session;

import java.net.URI;

import io.orgshell.api.AdminApiClient;
import io.orgshell.directory.DirectoryCache;
import io.orgshell.api.ApiKey;

/**
 * An open session with one organization: who it is, how it was reached, and the client to talk to it.
 * {@code callerAccountId} is the admin's own account when known (profile or sandbox): bulk runs never touch it.
 * {@code cache} holds the accounts of this org seen so far (completion, email lookups); it ends with the connection.
 */
public record Connection(String orgId, String orgName, URI baseUrl, ApiKey key, boolean sandbox, String profile,
                         String callerAccountId, AdminApiClient client, DirectoryCache cache) implements AutoCloseable {

    @Override
    public void close() {
        client.close();
        key.close();
    }
}
