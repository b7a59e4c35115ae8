package io.orgshell.sandbox;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * v1 directory writes (CONTRACT.md §6.4): suspend / restore / remove a user's org access and add / remove group
 * members. Users not in the directory (unknown or removed) are ADMIN-404-8; the caller cannot suspend or remove
 * themselves (403 ADMIN-403-3); SCIM-synced groups refuse membership changes (403 ADMIN-403-5).
 */
final class DirectoryApiV1 {

    private static final String USER = "/admin/v1/orgs/{orgId}/directory/users/{accountId}";
    private static final String MEMBERSHIPS = "/admin/v1/orgs/{orgId}/directory/groups/{groupId}/memberships";

    private final SandboxContext ctx;

    DirectoryApiV1(SandboxContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("POST", USER + "/suspend-access", this::suspend);
        r.add("POST", USER + "/restore-access", this::restore);
        r.add("DELETE", USER, this::remove);
        r.add("POST", MEMBERSHIPS, this::addMember);
        r.add("DELETE", MEMBERSHIPS + "/{accountId}", this::removeMember);
    }

    private ApiResponse suspend(ApiRequest req) {
        return withDirectoryUser(req, true, u -> {
            ctx.org().update(u.accountId(), x -> x.withAccess(OrgAccess.SUSPENDED));
            ctx.stats().countWrite(u.accountId());
            return message("Access to organization " + ctx.org().id() + " was suspended for user " + u.accountId());
        });
    }

    private ApiResponse restore(ApiRequest req) {
        return withDirectoryUser(req, false, u -> {
            ctx.org().update(u.accountId(), x -> x.withAccess(OrgAccess.ACTIVE));
            ctx.stats().countWrite(u.accountId());
            return message("Access to organization " + ctx.org().id() + " was restored for user " + u.accountId());
        });
    }

    private ApiResponse remove(ApiRequest req) {
        return withDirectoryUser(req, true, u -> {
            ctx.org().removeFromDirectory(u.accountId());
            ctx.stats().countWrite(u.accountId());
            return ApiResponse.noContent();
        });
    }

    private ApiResponse addMember(ApiRequest req) {
        ApiResponse bad = OrgApiV1.unknownOrg(ctx, req);
        if (bad != null) return bad;
        JsonNode body = req.json();
        JsonNode id = body == null ? null : body.get("account_id");
        if (id == null || !id.isString() || id.asString().isBlank()) {
            return ErrorBodies.application(400, "ADMIN-400-24", "Invalid request body",
                    "The body must be {\"account_id\": \"...\"}");
        }
        return membershipChange(req, id.asString(), true);
    }

    private ApiResponse removeMember(ApiRequest req) {
        ApiResponse bad = OrgApiV1.unknownOrg(ctx, req);
        if (bad != null) return bad;
        return membershipChange(req, req.param("accountId"), false);
    }

    private ApiResponse membershipChange(ApiRequest req, String accountId, boolean add) {
        String groupId = req.param("groupId");
        Optional<SandboxGroup> group = ctx.org().findGroup(groupId);
        if (group.isEmpty()) return groupNotFound(groupId);
        Optional<SandboxUser> user = ctx.org().findById(accountId).filter(u -> u.access() != OrgAccess.REMOVED);
        if (user.isEmpty()) return userNotFound(accountId);
        if (group.get().scimSynced()) {
            return ErrorBodies.application(403, "ADMIN-403-5", "Not allowed to manage the group",
                    "Group " + group.get().name() + " is synced from an identity provider");
        }
        if (add) ctx.org().addMember(groupId, accountId);
        else ctx.org().removeMember(groupId, accountId);
        ctx.stats().countWrite(accountId);
        return message("User " + accountId + " was " + (add ? "added to" : "removed from") + " group " + groupId);
    }

    interface UserAction {
        ApiResponse apply(SandboxUser user);
    }

    private ApiResponse withDirectoryUser(ApiRequest req, boolean protectCaller, UserAction action) {
        ApiResponse bad = OrgApiV1.unknownOrg(ctx, req);
        if (bad != null) return bad;
        String accountId = req.param("accountId");
        Optional<SandboxUser> user = ctx.org().findById(accountId).filter(u -> u.access() != OrgAccess.REMOVED);
        if (user.isEmpty()) return userNotFound(accountId);
        if (protectCaller && accountId.equals(ctx.org().callerAccountId())) {
            return ErrorBodies.application(403, "ADMIN-403-3", "Not allowed to manage the org",
                    "The API key's own admin account cannot lose its access");
        }
        return action.apply(user.get());
    }

    static ApiResponse userNotFound(String accountId) {
        return ErrorBodies.application(404, "ADMIN-404-8", "User not found",
                "No user " + accountId + " in the organization directory");
    }

    static ApiResponse groupNotFound(String groupId) {
        return ErrorBodies.application(404, "ADMIN-404-10", "Group not found", "No group " + groupId);
    }

    private static ApiResponse message(String text) {
        return ApiResponse.json(200, Json.obj("message", text));
    }
}
