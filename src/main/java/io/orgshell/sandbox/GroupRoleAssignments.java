package io.orgshell.sandbox;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/role-assignments} (CONTRACT.md §8.2):
 * the roles a group grants, one page. {@code site-admins} holds {@code atlassian/site-admin} on the sandbox's site,
 * so adding someone to it makes them an administrator; the product groups hold {@code atlassian/user} on their
 * product; the other groups hold no role. The page's item shape follows the v1 group search's
 * {@code roleAssignments} ({@code resourceId}, {@code principalId}, {@code roleId}): the v2 page model was not read.
 */
final class GroupRoleAssignments {

    static final String SITE = "ari:cloud:platform::site/acme-sandbox";

    private final SandboxContext ctx;

    GroupRoleAssignments(SandboxContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", "/admin/v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/role-assignments", this::list);
    }

    /** The roles a seeded group holds, by its name: (resource, role) pairs. */
    static List<Map.Entry<String, String>> rolesOf(SandboxGroup g) {
        return switch (g.name()) {
            case "site-admins" -> List.of(Map.entry(SITE, "atlassian/site-admin"));
            case "jira-software-users" ->
                List.of(Map.entry("ari:cloud:jira-software::site/acme-sandbox", "atlassian/user"));
            case "confluence-users" -> List.of(Map.entry("ari:cloud:confluence::site/acme-sandbox", "atlassian/user"));
            default -> List.of();
        };
    }

    private ApiResponse list(ApiRequest req) {
        if (!ctx.org().id().equals(req.param("orgId"))) {
            return ErrorBodies.application(
                    404, "ADMIN-UAM-404-2", "Organization not found", "No organization " + req.param("orgId"));
        }
        String dir = req.param("directoryId");
        if (!"-".equals(dir) && !ctx.org().directory().id().equals(dir)) {
            return ErrorBodies.application(404, "ADMIN-UAM-404-1", "Unknown Resource", "No directory " + dir);
        }
        return ctx.org()
                .findGroup(req.param("groupId"))
                .map(g -> ApiResponse.json(
                        200,
                        Json.obj(
                                "data",
                                rolesOf(g).stream()
                                        .map(r -> (Object) Json.obj(
                                                "resourceId",
                                                r.getKey(),
                                                "principalId",
                                                g.id(),
                                                "roleId",
                                                r.getValue()))
                                        .toList(),
                                "links",
                                Json.obj("next", null))))
                .orElseGet(() -> ErrorBodies.application(
                        404, "ADMIN-UAM-404-3", "Group Not Found", "No group " + req.param("groupId")));
    }
}
