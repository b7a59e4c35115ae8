package io.orgshell.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * The v2 directory API (CONTRACT.md §8), camelCase. {@code directoryId} is one of the org's directories or, for
 * reads, {@code -} (every directory); a read in one directory sees its accounts and groups only. A write names the
 * directory it belongs to: an account's own ({@code 404} in another), a group's own ({@code 404}), whose members must
 * be accounts of that directory ({@code 400} "user not in directory"); {@code -} is refused ({@code 400}).
 * Lists take {@code cursor} and {@code limit}; a v2 cursor carries the search's filters, because "if present,
 * all other parameters are discarded". Writes answer 204. Errors use {@code ADMIN-UAM-*} codes.
 */
final class DirectoryApiV2 {

    private static final String DIR = "/admin/v2/orgs/{orgId}/directories/{directoryId}";
    private static final String ALL = "-";
    static final int DEFAULT_USER_LIMIT = 50;
    static final int DEFAULT_GROUP_LIMIT = 20;
    static final int MAX_LIMIT = 1000;
    /** The largest page of users Atlassian documents for the v2 user search (the contract's {@code limit} maximum). */
    static final int MAX_USER_LIMIT = 100;
    /**
     * The most values one list filter may hold ({@code accountIds}, {@code emails}, ...). The contract gives no
     * number for v2; v1 search caps its {@code eq} lists at 100, and so does this sandbox (docs/sandbox.md).
     */
    static final int MAX_LIST = 100;

    private final SandboxContext ctx;

    DirectoryApiV2(SandboxContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", "/admin/v2/orgs/{orgId}/directories", this::directories);
        r.add("GET", DIR + "/users", req -> checked(req, () -> usersFromQuery(req)));
        r.add("POST", DIR + "/users/search", req -> checked(req, () -> usersFromBody(req)));
        // before {accountId}: the first matching template wins
        r.add(
                "GET",
                DIR + "/users/count",
                req -> checked(req, () -> count(req.param("directoryId"), UserFilter.fromQuery(req.query()))));
        r.add("GET", DIR + "/users/{accountId}", req -> checked(req, () -> user(req)));
        r.add(
                "POST",
                DIR + "/users/{accountId}/suspend",
                req -> checked(req, () -> setAccess(req, OrgAccess.SUSPENDED)));
        r.add("POST", DIR + "/users/{accountId}/restore", req -> checked(req, () -> setAccess(req, OrgAccess.ACTIVE)));
        r.add("DELETE", DIR + "/users/{accountId}", req -> checked(req, () -> setAccess(req, OrgAccess.REMOVED)));
        r.add("GET", DIR + "/groups", req -> checked(req, () -> groupsFromQuery(req)));
        r.add("POST", DIR + "/groups/search", req -> checked(req, () -> groupsFromBody(req)));
        r.add("POST", DIR + "/groups/{groupId}/memberships", req -> checked(req, () -> addMember(req)));
        r.add(
                "DELETE",
                DIR + "/groups/{groupId}/memberships/{accountId}",
                req -> checked(req, () -> membership(req, req.param("accountId"), false)));
    }

    static ApiResponse error(int status, String code, String title, String detail) {
        return ErrorBodies.application(status, code, title, detail);
    }

    private ApiResponse unknownOrg(ApiRequest req) {
        if (ctx.org().id().equals(req.param("orgId"))) return null;
        return error(404, "ADMIN-UAM-404-2", "Organization not found", "No organization " + req.param("orgId"));
    }

    private ApiResponse checked(ApiRequest req, Supplier<ApiResponse> handler) {
        ApiResponse bad = unknownOrg(req);
        if (bad != null) return bad;
        String dir = req.param("directoryId");
        if (!ALL.equals(dir) && ctx.org().findDirectory(dir).isEmpty()) {
            return error(404, "ADMIN-UAM-404-1", "Unknown Resource", "No directory " + dir);
        }
        try {
            return handler.get();
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    private static ApiResponse badRequest(String detail) {
        return error(400, "ADMIN-UAM-400-1", "Bad Request", detail);
    }

    /** Whether the account is seen in the path's directory ({@code -}: in every one). */
    private boolean inDirectory(String dir, SandboxUser u) {
        return ALL.equals(dir)
                || ctx.org()
                        .directoryOf(u.accountId())
                        .map(d -> d.id().equals(dir))
                        .orElse(false);
    }

    /**
     * Every directory in one page (the sandbox has at most {@link SandboxConfig#MAX_DIRECTORIES}); {@code accountId}
     * keeps those the account is a member of (none once it was removed), {@code directoryIds} those named.
     */
    private ApiResponse directories(ApiRequest req) {
        ApiResponse bad = unknownOrg(req);
        if (bad != null) return bad;
        String accountId = req.queryFirst("accountId");
        Set<String> named = new LinkedHashSet<>();
        for (String key : List.of("directoryIds", "directoryIds[]")) {
            for (String v : req.queryAll(key))
                for (String part : v.split(",")) if (!part.isBlank()) named.add(part.trim());
        }
        Optional<SandboxUser> member = accountId == null
                ? Optional.empty()
                : ctx.org().findById(accountId).filter(u -> u.access() != OrgAccess.REMOVED);
        List<Object> data = new ArrayList<>();
        for (SandboxDirectory d : ctx.org().directories()) {
            if (!named.isEmpty() && !named.contains(d.id())) continue;
            if (accountId != null && !member.map(u -> inDirectory(d.id(), u)).orElse(false)) continue;
            data.add(Json.obj(
                    "directoryId", d.id(), "name", d.name(), "icon", "https://avatars.sandbox.invalid/directory.png"));
        }
        return ApiResponse.json(200, Json.obj("data", data, "links", Json.obj()));
    }

    /** A write's directory: {@code -} names none (400), else null. */
    private static ApiResponse noDirectoryNamed(ApiRequest req) {
        return ALL.equals(req.param("directoryId"))
                ? badRequest("A write names the directory it is in, not '" + ALL + "'")
                : null;
    }

    // ---- users ----

    private ApiResponse usersFromQuery(ApiRequest req) {
        return users(
                req.param("directoryId"),
                req.queryFirst("cursor"),
                req.queryFirst("limit"),
                () -> UserFilter.fromQuery(req.query()),
                false);
    }

    private ApiResponse usersFromBody(ApiRequest req) {
        JsonNode body = req.hasBody() ? req.json() : Json.MAPPER.createObjectNode();
        if (body == null || !body.isObject()) return badRequest("The body must be a JSON object");
        JsonNode cursor = body.get("cursor");
        JsonNode limit = body.get("limit");
        return users(
                req.param("directoryId"),
                cursor == null || cursor.isNull() ? null : cursor.asString(),
                limit == null || limit.isNull() ? null : limit.asString(),
                () -> UserFilter.fromJson(body),
                true);
    }

    private ApiResponse users(String dir, String cursor, String limitText, Supplier<UserFilter> fresh, boolean search) {
        int limit = limit(limitText, DEFAULT_USER_LIMIT, MAX_USER_LIMIT);
        UserFilter filter;
        int start = 0;
        if (cursor != null) {
            Cursors.Position p = Cursors.decodeWithPayload("v2users", cursor, ctx.seed());
            if (p == null) return badRequest("Invalid cursor");
            start = p.position();
            filter = UserFilter.fromJson(Json.parse(p.payload().getBytes(StandardCharsets.UTF_8)));
        } else {
            filter = fresh.get().checked(MAX_LIST);
        }
        SandboxOrg org = ctx.org();
        List<Object> data = new ArrayList<>();
        int next = -1;
        for (int pos : candidates(filter, start)) {
            SandboxUser u = org.userAt(pos);
            boolean listed = filter.matches(u, org)
                    || search
                            && ctx.listedTwice().contains(u.accountId())
                            && filter.anyClaimStatus().matches(u, org);
            if (!listed || !inDirectory(dir, u)) continue;
            if (data.size() == limit) {
                next = pos;
                break;
            }
            data.add(ApiJson.v2User(
                    ctx,
                    u,
                    filter.expands("groups"),
                    filter.expands("productAccess"),
                    !search || filter.expands("platformRoles")));
        }
        String payload = new String(Json.bytes(filter.toJson()), StandardCharsets.UTF_8);
        return ApiResponse.json(
                200,
                Json.obj(
                        "data",
                        data,
                        "links",
                        Json.obj(
                                "self",
                                cursor,
                                "next",
                                next < 0 ? null : Cursors.encode("v2users", next, payload, ctx.seed()))));
    }

    /** {@code GET .../users/count}: {@code {"count": n}} for the same filters as the list. */
    private ApiResponse count(String dir, UserFilter filter) {
        filter.checked(MAX_LIST);
        SandboxOrg org = ctx.org();
        long n = 0;
        for (int pos : candidates(filter, 0)) {
            if (filter.matches(org.userAt(pos), org) && inDirectory(dir, org.userAt(pos))) n++;
        }
        return ApiResponse.json(200, Json.obj("count", n));
    }

    /** Positions worth testing, in seed order from {@code start}: direct lookups when IDs or emails are given. */
    private Iterable<Integer> candidates(UserFilter filter, int start) {
        SandboxOrg org = ctx.org();
        if (filter.accountIds().isEmpty() && filter.emails().isEmpty()) {
            return () -> IntStream.range(start, org.size()).iterator();
        }
        Set<Integer> positions = new TreeSet<>();
        for (String id : filter.accountIds()) {
            int p = org.positionOf(id);
            if (p >= start) positions.add(p);
        }
        for (String email : filter.emails()) {
            org.findByEmail(email)
                    .map(u -> org.positionOf(u.accountId()))
                    .filter(p -> p >= start)
                    .ifPresent(positions::add);
        }
        return positions;
    }

    private static int limit(String text, int dflt, int max) {
        if (text == null) return dflt;
        try {
            int v = Integer.parseInt(text.trim());
            if (v < 1 || v > max) throw new IllegalArgumentException("limit must be 1.." + max);
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a number");
        }
    }

    private ApiResponse user(ApiRequest req) {
        return ctx.org()
                .findById(req.param("accountId"))
                .filter(u -> inDirectory(req.param("directoryId"), u))
                .map(u -> ApiResponse.json(200, Json.obj("data", ApiJson.v2User(ctx, u, false, false))))
                .orElseGet(() -> userNotFound(req.param("accountId")));
    }

    private static ApiResponse userNotFound(String accountId) {
        return error(404, "ADMIN-UAM-404-1", "Unknown Resource", "No user " + accountId + " in the directory");
    }

    private ApiResponse setAccess(ApiRequest req, OrgAccess access) {
        ApiResponse bad = noDirectoryNamed(req);
        if (bad != null) return bad;
        String accountId = req.param("accountId");
        Optional<SandboxUser> user = ctx.org()
                .findById(accountId)
                .filter(u -> u.access() != OrgAccess.REMOVED)
                .filter(u -> inDirectory(req.param("directoryId"), u));
        if (user.isEmpty()) return userNotFound(accountId);
        if (access != OrgAccess.ACTIVE && accountId.equals(ctx.org().callerAccountId())) {
            return error(403, "ADMIN-UAM-403-1", "Forbidden", "The API key's own admin account cannot lose its access");
        }
        if (access == OrgAccess.REMOVED) ctx.org().removeFromDirectory(accountId);
        else ctx.org().update(accountId, u -> u.withAccess(access));
        ctx.stats().countWrite(accountId);
        return ApiResponse.noContent();
    }

    // ---- groups ----

    private record GroupFilter(
            Set<String> groupNames, Set<String> groupIds, String searchTerm, Set<String> accountIds) {
        boolean matches(SandboxGroup g, SandboxOrg org) {
            if (!groupNames.isEmpty() && !groupNames.contains(g.name().toLowerCase(Locale.ROOT))) return false;
            if (!groupIds.isEmpty() && !groupIds.contains(g.id())) return false;
            if (searchTerm != null && !g.name().toLowerCase(Locale.ROOT).contains(searchTerm.toLowerCase(Locale.ROOT)))
                return false;
            return accountIds.isEmpty() || accountIds.stream().anyMatch(a -> org.isMember(g.id(), a));
        }

        Map<String, Object> toJson() {
            return Json.obj(
                    "groupNames", groupNames, "groupIds", groupIds, "searchTerm", searchTerm, "accountIds", accountIds);
        }

        static GroupFilter fromJson(JsonNode b) {
            return new GroupFilter(
                    strings(b, "groupNames", true),
                    strings(b, "groupIds", false),
                    b.hasNonNull("searchTerm") ? b.get("searchTerm").asString() : null,
                    strings(b, "accountIds", false));
        }

        private static Set<String> strings(JsonNode b, String name, boolean lower) {
            Set<String> out = new LinkedHashSet<>();
            JsonNode n = b.get(name);
            if (n == null || n.isNull()) return out;
            if (!n.isArray()) throw new IllegalArgumentException(name + " must be an array of strings");
            for (JsonNode item : n) {
                if (!item.isString()) throw new IllegalArgumentException(name + " must be an array of strings");
                out.add(lower ? item.asString().toLowerCase(Locale.ROOT) : item.asString());
            }
            return out;
        }
    }

    private ApiResponse groupsFromQuery(ApiRequest req) {
        var q = Json.MAPPER.createObjectNode();
        for (String name : List.of("groupNames", "groupIds", "accountIds")) {
            var arr = q.putArray(name);
            for (String key : List.of(name, name + "[]")) {
                for (String v : req.queryAll(key))
                    for (String part : v.split(",")) if (!part.isBlank()) arr.add(part.trim());
            }
        }
        if (req.queryFirst("searchTerm") != null) q.put("searchTerm", req.queryFirst("searchTerm"));
        return groups(req.param("directoryId"), req.queryFirst("cursor"), req.queryFirst("limit"), q);
    }

    private ApiResponse groupsFromBody(ApiRequest req) {
        JsonNode body = req.hasBody() ? req.json() : Json.MAPPER.createObjectNode();
        if (body == null || !body.isObject()) return badRequest("The body must be a JSON object");
        JsonNode cursor = body.get("cursor");
        JsonNode limit = body.get("limit");
        return groups(
                req.param("directoryId"),
                cursor == null || cursor.isNull() ? null : cursor.asString(),
                limit == null || limit.isNull() ? null : limit.asString(),
                body);
    }

    private ApiResponse groups(String dir, String cursor, String limitText, JsonNode filterJson) {
        int limit = limit(limitText, DEFAULT_GROUP_LIMIT, MAX_LIMIT);
        GroupFilter filter;
        int start = 0;
        if (cursor != null) {
            Cursors.Position p = Cursors.decodeWithPayload("v2groups", cursor, ctx.seed());
            if (p == null) return badRequest("Invalid cursor");
            start = p.position();
            filter = GroupFilter.fromJson(Json.parse(p.payload().getBytes(StandardCharsets.UTF_8)));
        } else {
            filter = GroupFilter.fromJson(filterJson);
            if (!filter.groupNames().isEmpty()
                    && (filter.searchTerm() != null || !filter.groupIds().isEmpty())) {
                throw new IllegalArgumentException("groupNames cannot be combined with searchTerm or groupIds");
            }
        }
        List<SandboxGroup> all = ctx.org().groups();
        List<Object> data = new ArrayList<>();
        int next = -1;
        for (int i = start; i < all.size(); i++) {
            if (!filter.matches(all.get(i), ctx.org())
                    || !ALL.equals(dir) && !dir.equals(all.get(i).directoryId())) {
                continue;
            }
            if (data.size() == limit) {
                next = i;
                break;
            }
            data.add(ApiJson.v2Group(ctx, all.get(i)));
        }
        String payload = new String(Json.bytes(filter.toJson()), StandardCharsets.UTF_8);
        return ApiResponse.json(
                200,
                Json.obj(
                        "data",
                        data,
                        "links",
                        Json.obj(
                                "self",
                                cursor,
                                "next",
                                next < 0 ? null : Cursors.encode("v2groups", next, payload, ctx.seed()))));
    }

    private ApiResponse addMember(ApiRequest req) {
        JsonNode body = req.json();
        JsonNode id = body == null ? null : body.get("accountId");
        if (id == null || !id.isString() || id.asString().isBlank()) {
            return badRequest("The body must be {\"accountId\": \"...\"}");
        }
        return membership(req, id.asString(), true);
    }

    private ApiResponse membership(ApiRequest req, String accountId, boolean add) {
        ApiResponse bad = noDirectoryNamed(req);
        if (bad != null) return bad;
        String groupId = req.param("groupId");
        String dir = req.param("directoryId");
        Optional<SandboxGroup> group =
                ctx.org().findGroup(groupId).filter(g -> g.directoryId().equals(dir));
        if (group.isEmpty()) {
            return error(404, "ADMIN-UAM-404-3", "Group Not Found", "No group " + groupId + " in directory " + dir);
        }
        Optional<SandboxUser> user = ctx.org().findById(accountId).filter(u -> u.access() != OrgAccess.REMOVED);
        if (user.isEmpty()) return userNotFound(accountId);
        if (!inDirectory(dir, user.get())) {
            return badRequest("User " + accountId + " is not in directory " + dir + ": a group's members must be in "
                    + "the group's directory");
        }
        if (group.get().scimSynced()) {
            return error(
                    403,
                    "ADMIN-UAM-403-1",
                    "Forbidden",
                    "Group " + group.get().name() + " is synced from an identity provider");
        }
        if (add) ctx.org().addMember(groupId, accountId);
        else ctx.org().removeMember(groupId, accountId);
        ctx.stats().countWrite(accountId);
        return ApiResponse.noContent();
    }
}
