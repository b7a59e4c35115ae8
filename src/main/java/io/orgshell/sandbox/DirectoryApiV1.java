package io.orgshell.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * v1 directory writes (CONTRACT.md §6.4): suspend / restore / remove a user's org access and add / remove group
 * members, and the v1 groups search. Users not in the directory (unknown or removed) are ADMIN-404-8; the caller
 * cannot suspend or remove themselves (403 ADMIN-403-3); SCIM-synced groups refuse membership changes (403
 * ADMIN-403-5). Atlassian retired all of them after 2026-06-30: unless the sandbox runs with {@code --legacy-v1} they
 * answer as retired ({@link RetiredV1}), as do the retired v1 endpoints the sandbox never served.
 */
final class DirectoryApiV1 {

    private static final String USER = "/admin/v1/orgs/{orgId}/directory/users/{accountId}";
    private static final String MEMBERSHIPS = "/admin/v1/orgs/{orgId}/directory/groups/{groupId}/memberships";

    private final SandboxContext ctx;

    DirectoryApiV1(SandboxContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        boolean legacy = ctx.config().legacyV1();
        String v2User = RetiredV1.V2_USER + "/{accountId}";
        r.add("POST", USER + "/suspend-access", RetiredV1.unless(legacy, this::suspend, "POST " + v2User + "/suspend"));
        r.add("POST", USER + "/restore-access", RetiredV1.unless(legacy, this::restore, "POST " + v2User + "/restore"));
        r.add("DELETE", USER, RetiredV1.unless(legacy, this::remove, "DELETE " + v2User));
        r.add(
                "POST",
                MEMBERSHIPS,
                RetiredV1.unless(legacy, this::addMember, "POST " + RetiredV1.V2_GROUPS + "/{groupId}/memberships"));
        r.add(
                "DELETE",
                MEMBERSHIPS + "/{accountId}",
                RetiredV1.unless(
                        legacy,
                        this::removeMember,
                        "DELETE " + RetiredV1.V2_GROUPS + "/{groupId}/memberships/{accountId}"));
        r.add(
                "POST",
                "/admin/v1/orgs/{orgId}/groups/search",
                RetiredV1.unless(legacy, this::searchGroups, "POST " + RetiredV1.V2_GROUPS + "/search"));
        if (!legacy) {
            // retired too, though never served here: answered as retired rather than as unknown paths
            r.add(
                    "POST",
                    "/admin/v1/orgs/{orgId}/users/search",
                    req -> RetiredV1.gone("POST " + RetiredV1.V2_USER + "/search"));
            r.add(
                    "POST",
                    "/admin/v1/orgs/{orgId}/directory/groups",
                    req -> RetiredV1.gone("POST " + RetiredV1.V2_GROUPS));
            r.add(
                    "DELETE",
                    "/admin/v1/orgs/{orgId}/directory/groups/{groupId}",
                    req -> RetiredV1.gone("DELETE " + RetiredV1.V2_GROUPS + "/{groupId}"));
        }
    }

    static final int MAX_GROUP_LIMIT = 1000;
    static final int MAX_EQ_ITEMS = 100;

    /**
     * {@code POST /admin/v1/orgs/{orgId}/groups/search} (CONTRACT.md §6.3): {@code groupIds}, {@code groupNames.eq}
     * (exact, case-insensitive here as in v2), {@code groupNames.contains}, {@code limit} 1..1000 (default 1000), a
     * cursor carrying the filters. Filters are ANDed.
     */
    private ApiResponse searchGroups(ApiRequest req) {
        ApiResponse bad = OrgApiV1.unknownOrg(ctx, req);
        if (bad != null) return bad;
        JsonNode body = req.hasBody() ? req.json() : Json.MAPPER.createObjectNode();
        if (body == null || !body.isObject()) return invalidBody("The body must be a JSON object");
        JsonNode filters = body;
        int start = 0;
        JsonNode cursor = body.get("cursor");
        if (cursor != null && !cursor.isNull()) {
            Cursors.Position p = Cursors.decodeWithPayload("v1groups", cursor.asString(), ctx.seed());
            if (p == null) return invalidBody("Invalid cursor");
            start = p.position();
            filters = Json.parse(p.payload().getBytes(StandardCharsets.UTF_8));
        }
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        String contains;
        int limit;
        try {
            strings(filters.get("groupIds"), "groupIds", ids);
            JsonNode groupNames = filters.get("groupNames");
            JsonNode eq = groupNames == null || !groupNames.isObject() ? null : groupNames.get("eq");
            strings(eq, "groupNames.eq", names);
            JsonNode c = groupNames == null || !groupNames.isObject() ? null : groupNames.get("contains");
            contains = c == null || c.isNull() ? null : c.asString().toLowerCase(Locale.ROOT);
            JsonNode l = body.get("limit");
            limit = l == null || l.isNull() ? MAX_GROUP_LIMIT : l.asInt();
            if (l != null && !l.isNull() && (!l.isIntegralNumber() || limit < 1 || limit > MAX_GROUP_LIMIT)) {
                throw new IllegalArgumentException("limit must be 1.." + MAX_GROUP_LIMIT);
            }
        } catch (IllegalArgumentException e) {
            return invalidBody(e.getMessage());
        }
        List<SandboxGroup> all = ctx.org().groups();
        List<Object> data = new ArrayList<>();
        int next = -1;
        for (int i = start; i < all.size(); i++) {
            SandboxGroup g = all.get(i);
            String lower = g.name().toLowerCase(Locale.ROOT);
            if (!ids.isEmpty() && !ids.contains(g.id())) continue;
            if (!names.isEmpty() && !names.contains(lower)) continue;
            if (contains != null && !lower.contains(contains)) continue;
            if (data.size() == limit) {
                next = i;
                break;
            }
            data.add(Json.obj("id", g.id(), "name", g.name(), "description", g.description()));
        }
        String payload = new String(
                Json.bytes(Json.obj("groupIds", ids, "groupNames", Json.obj("eq", names, "contains", contains))),
                StandardCharsets.UTF_8);
        String self = ctx.baseUri() + "/admin/v1/orgs/" + ctx.org().id() + "/groups/search";
        return ApiResponse.json(
                200,
                Json.obj(
                        "data",
                        data,
                        "links",
                        next < 0
                                ? Json.obj("self", self)
                                : Json.obj(
                                        "self", self, "next", Cursors.encode("v1groups", next, payload, ctx.seed()))));
    }

    private static void strings(JsonNode n, String name, Set<String> into) {
        if (n == null || n.isNull()) return;
        if (!n.isArray()) throw new IllegalArgumentException(name + " must be an array of strings");
        if (n.size() > MAX_EQ_ITEMS)
            throw new IllegalArgumentException(name + " takes at most " + MAX_EQ_ITEMS + " items");
        for (JsonNode item : n) {
            if (!item.isString() || item.asString().length() > 100) {
                throw new IllegalArgumentException(name + " must be an array of strings of at most 100 characters");
            }
            into.add(name.startsWith("groupNames") ? item.asString().toLowerCase(Locale.ROOT) : item.asString());
        }
    }

    private static ApiResponse invalidBody(String detail) {
        return ErrorBodies.application(400, "ADMIN-400-24", "Invalid request body", detail);
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
            return ErrorBodies.application(
                    400, "ADMIN-400-24", "Invalid request body", "The body must be {\"account_id\": \"...\"}");
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
            return ErrorBodies.application(
                    403,
                    "ADMIN-403-5",
                    "Not allowed to manage the group",
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
            return ErrorBodies.application(
                    403,
                    "ADMIN-403-3",
                    "Not allowed to manage the org",
                    "The API key's own admin account cannot lose its access");
        }
        return action.apply(user.get());
    }

    static ApiResponse userNotFound(String accountId) {
        return ErrorBodies.application(
                404, "ADMIN-404-8", "User not found", "No user " + accountId + " in the organization directory");
    }

    static ApiResponse groupNotFound(String groupId) {
        return ErrorBodies.application(404, "ADMIN-404-10", "Group not found", "No group " + groupId);
    }

    private static ApiResponse message(String text) {
        return ApiResponse.json(200, Json.obj("message", text));
    }
}
