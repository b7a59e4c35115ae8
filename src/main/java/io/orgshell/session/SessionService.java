package io.orgshell.session;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.ApiClientFactory;
import io.orgshell.api.ApiKey;
import io.orgshell.api.Org;
import io.orgshell.config.Profile;
import io.orgshell.directory.DirectoryCache;
import io.orgshell.sandbox.SandboxOrgAccess;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Opens and closes the session. A connection is only kept once the org has answered {@code GET /v1/orgs/{orgId}}
 * with this key, so a wrong org ID or a refused key is reported at {@code connect}, not at the first command.
 */
@Service
public class SessionService {

    private final Session session;
    private final CredentialResolver credentials;
    private final ApiClientFactory clients;
    private final SandboxLauncher sandbox;
    /** Set by {@code disconnect}: a session the operator closed stays closed until they say {@code connect}. */
    private volatile boolean disconnected;
    /** Whether there is a prompt to complete account IDs at: the interactive shell's, not one command's or a script's. */
    private volatile boolean completing = true;

    public SessionService(
            Session session, CredentialResolver credentials, ApiClientFactory clients, SandboxLauncher sandbox) {
        this.session = session;
        this.credentials = credentials;
        this.clients = clients;
        this.sandbox = sandbox;
    }

    /**
     * Whether the connections opened from now keep the accounts they see for completion at the prompt; with no prompt
     * (one command, a script) keeping them would only cost memory and time.
     */
    public void completeAtPrompt(boolean completing) {
        this.completing = completing;
    }

    public Connection connect(ConnectRequest request, SecretPrompt prompt) {
        disconnected = false;
        if (request.sandbox()) {
            SandboxOrgAccess org = sandbox.access();
            ApiKey key = ApiKey.of(org.apiKey());
            return open(
                    org.baseUri(), org.orgId(), key, true, org.instanceId(), "sandbox", org.callerAccountId(), null);
        }
        CredentialResolver.Resolved r = credentials.resolve(request, prompt);
        return open(r.baseUrl(), r.orgId(), r.key(), false, null, r.profile(), r.accountId(), r.settings());
    }

    /**
     * Opens a session from the environment or the default profile when no session is open and they are enough to
     * connect without asking; returns whether a session is open afterwards. Connection errors propagate.
     */
    public boolean connectUnattended() {
        if (session.isOpen()) {
            return true;
        }
        if (disconnected || !credentials.canConnectUnattended()) {
            return false;
        }
        connect(new ConnectRequest(null, null, null, false), null);
        return true;
    }

    private Connection open(
            URI baseUrl,
            String orgId,
            ApiKey key,
            boolean isSandbox,
            String sandboxInstance,
            String profile,
            String callerAccountId,
            Profile settings) {
        AdminApiClient client;
        try {
            client = clients.create(baseUrl, orgId, key, settings);
        } catch (RuntimeException e) {
            key.close();
            throw e;
        }
        try {
            Org org = client.organizations().org();
            String name = org.name() == null ? orgId : org.name();
            Connection connection = new Connection(
                    orgId,
                    name,
                    client.baseUrl(),
                    key,
                    isSandbox,
                    sandboxInstance,
                    profile,
                    callerAccountId,
                    client,
                    completing ? new DirectoryCache() : DirectoryCache.keepingNothing());
            session.open(connection);
            return connection;
        } catch (RuntimeException e) {
            client.close();
            key.close();
            throw e;
        }
    }

    /**
     * What a command needing a session would connect to without asking (the environment, or the default profile),
     * for {@code status}: the org, the base URL, the proxy or "direct", and where the key comes from, with its fingerprint, never the key.
     */
    public Optional<String> unattendedTarget() {
        CredentialResolver.Resolved r;
        String route;
        try {
            if (!credentials.canConnectUnattended()) {
                return Optional.empty();
            }
            r = credentials.resolve(new ConnectRequest(null, null, null, false), null);
            route = clients.route(r.baseUrl(), r.settings());
        } catch (RuntimeException e) {
            // status still answers: what stops the connection is the answer (a bad base URL, a broken profile)
            return Optional.of("nothing, the settings cannot be used: " + e.getMessage());
        }
        try (ApiKey key = r.key()) {
            return Optional.of("org " + r.orgId() + " at " + r.baseUrl() + ", key from " + r.keySource() + " ("
                    + key.fingerprint() + "), proxy " + route
                    + (disconnected ? "; after 'disconnect' only 'connect' opens it" : ""));
        }
    }

    public boolean disconnect() {
        disconnected = true;
        boolean wasOpen = session.isOpen();
        boolean wasSandbox = session.current().map(Connection::sandbox).orElse(false);
        session.disconnect();
        if (wasSandbox) {
            sandbox.close();
        }
        return wasOpen;
    }
}
