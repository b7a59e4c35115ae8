package io.orgshell.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /admin/v1/orgs/{orgId}/users/{userId}/roles/assign} and {@code .../roles/revoke}
 * ({@code {role, resource}}, ENDPOINTS-2026.md (d)). The success status is not verified: the sandbox answers 204. A
 * product role is assigned on the workspace whose ID is {@code resource} ({@link Workspaces}); assigning a role on a
 * product the account lacks gives it the product, never used; revoking the role the account holds on it takes the
 * product away, and revoking one it does not hold changes nothing (204 too).
 */
final class UserRoles {

    static final Set<String> ROLES = Set.of(
            "atlassian/user",
            "atlassian/user-access-admin",
            "atlassian/admin",
            "atlassian/guest",
            "atlassian/contributor",
            "atlassian/customer",
            "atlassian/basic",
            "atlassian/stakeholder",
            "atlassian/site-admin",
            "atlassian/org-admin");

    private final SandboxContext ctx;
    private final AccessState access;

    UserRoles(SandboxContext ctx, AccessState access) {
        this.ctx = ctx;
        this.access = access;
    }

    void register(Router r) {
        r.add("POST", "/admin/v1/orgs/{orgId}/users/{userId}/roles/assign", req -> change(req, true));
        r.add("POST", "/admin/v1/orgs/{orgId}/users/{userId}/roles/revoke", req -> change(req, false));
    }

    private ApiResponse change(ApiRequest req, boolean assign) {
        if (!ctx.org().id().equals(req.param("orgId"))) {
            return ErrorBodies.application(
                    404, "ADMIN-404-1", "Organization not found", "No organization " + req.param("orgId"));
        }
        var body = req.json();
        String role = body == null ? null : body.path("role").asString(null);
        String resource = body == null ? null : body.path("resource").asString(null);
        if (role == null || !ROLES.contains(role)) {
            return ErrorBodies.application(400, "ADMIN-400-1", "Bad request", "role must be one of " + ROLES);
        }
        var key = Workspaces.keyOf(resource);
        if (key.isEmpty()) {
            return ErrorBodies.application(
                    400, "ADMIN-400-1", "Bad request", "resource must be a workspace ID: " + resource);
        }
        String accountId = req.param("userId");
        var user = ctx.org().findById(accountId);
        if (user.isEmpty()) {
            return ErrorBodies.application(404, "ADMIN-404-2", "User not found", "No user " + accountId);
        }
        String product = key.get();
        String held = access.rolesOf(user.get()).get(product);
        if (assign) {
            if (held == null) {
                ctx.org().update(accountId, u -> {
                    List<ProductAccess> products = new ArrayList<>(u.productAccess());
                    products.add(new ProductAccess(product, null));
                    return u.withProductAccess(products);
                });
            }
            access.setRole(accountId, product, role);
        } else if (role.equals(held)) {
            ctx.org()
                    .update(
                            accountId,
                            u -> u.withProductAccess(u.productAccess().stream()
                                    .filter(p -> !p.key().equals(product))
                                    .toList()));
            access.clearRole(accountId, product);
        }
        return ApiResponse.noContent();
    }
}
