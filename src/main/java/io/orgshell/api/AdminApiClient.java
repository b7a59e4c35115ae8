package io.orgshell.api;

import java.net.URI;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The admin REST APIs of one organization, one small client per Atlassian API, all sending through one
 * {@link ApiTransport} (and so one rate governor): {@link #organizations()}, {@link #directory()} and
 * {@link #users()}. Their methods block and return plain values; Reactor stays inside this package.
 */
public final class AdminApiClient implements AutoCloseable {

    private final ApiTransport transport;
    private final OrganizationsClient organizations;
    private final DirectoryClient directory;
    private final UserManagementClient users;

    public AdminApiClient(ApiTransport transport) {
        this.transport = transport;
        this.organizations = new OrganizationsClient(transport);
        this.directory = new DirectoryClient(transport);
        this.users = new UserManagementClient(transport);
    }

    /** The Organizations API: organizations, this org, its domains and managed accounts. */
    public OrganizationsClient organizations() {
        return organizations;
    }

    /** The v2 directory API: searches, org access, removal and groups; what it learns lasts the connection. */
    public DirectoryClient directory() {
        return directory;
    }

    /** The user management API: one account's profile, permissions, email and lifecycle. */
    public UserManagementClient users() {
        return users;
    }

    public String orgId() {
        return transport.orgId();
    }

    public URI baseUrl() {
        return transport.baseUrl();
    }

    /** The pace of this org's requests, shared by every command of the session. */
    public RateGovernor governor() {
        return transport.governor();
    }

    // Reactive, for the run loop and the operation handlers that still compose them; the blocking twins are
    // organizations().org(), users().changeEmail, users().updateProfile and users().disable/enable/delete/cancelDelete.

    public Mono<Org> org() {
        return organizations.readOrg();
    }

    public Mono<Integer> setEmail(String accountId, String email) {
        return users.setEmail(accountId, email);
    }

    public Mono<Integer> patchProfile(String accountId, Map<String, Object> fields) {
        return users.patchProfile(accountId, fields);
    }

    /** {@code lifecycle/disable|enable|delete|cancel-delete}; disable carries the optional message. */
    public Mono<Integer> lifecycle(String accountId, String action, String message) {
        return users.lifecycle(accountId, action, message);
    }

    @Override
    public void close() {
        transport.close();
    }
}
