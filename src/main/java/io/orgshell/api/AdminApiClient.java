package io.orgshell.api;

import java.net.URI;

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
    private final WorkspacesClient workspaces;
    private final UserRolesClient roles;
    private final AuthPoliciesClient policies;
    private final ApiTokensClient tokens;

    public AdminApiClient(ApiTransport transport) {
        this.transport = transport;
        this.organizations = new OrganizationsClient(transport);
        this.directory = new DirectoryClient(transport);
        this.users = new UserManagementClient(transport);
        this.workspaces = new WorkspacesClient(transport);
        this.roles = new UserRolesClient(transport);
        this.policies = new AuthPoliciesClient(transport);
        this.tokens = new ApiTokensClient(transport);
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

    /** The org's workspaces: its sites' products and their resource IDs. */
    public WorkspacesClient workspaces() {
        return workspaces;
    }

    /** A user's product roles: assign and revoke. */
    public UserRolesClient roles() {
        return roles;
    }

    /** The admin control API's authentication policies and their add-users tasks. */
    public AuthPoliciesClient policies() {
        return policies;
    }

    /** API tokens: the org's listing (API access API) and one account's list and revoke (user management API). */
    public ApiTokensClient tokens() {
        return tokens;
    }

    public String orgId() {
        return transport.orgId();
    }

    public URI baseUrl() {
        return transport.baseUrl();
    }

    /** How requests reach the API: "direct", or the proxy in use without its credentials. */
    public String route() {
        return transport.route();
    }

    /** The pace of this org's requests, shared by every command of the session. */
    public RateGovernor governor() {
        return transport.governor();
    }

    @Override
    public void close() {
        transport.close();
    }
}
