package io.orgshell.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * API tokens: the API access API's org-wide listing ({@code GET /admin/api-access/v1/orgs/{orgId}/api-tokens}) and
 * the user management API's per-account list and revoke. What ENDPOINTS-2026.md leaves open, the sandbox picks:
 * <ul>
 *   <li>the listing's status values are {@code ALLOWED} and {@code BLOCKED}; {@code status} filters on one of them,
 *       {@code q} matches the label, the owner's name and email (case-insensitive substring), {@code pageSize}
 *       defaults to 50 (at most 100), {@code links.next} is a bare cursor, and the date filters
 *       ({@code createdAt*}, {@code lastActiveAt*}), whose values no source shows, are accepted and ignored;</li>
 *   <li>{@code DELETE /users/{accountId}/manage/api-tokens/{tokenId}} answers 204 (as the user management
 *       document says), 404 {@code notFound} for a token the account does not have;</li>
 *   <li>the org-wide {@code DELETE .../api-tokens} ("revoke every token") is not served: 405.</li>
 * </ul>
 */
final class ApiTokensApi {

    static final String ORG_LIST = "/admin/api-access/v1/orgs/{orgId}/api-tokens";
    static final String USER_LIST = "/users/{accountId}/manage/api-tokens";
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 100;

    private final SandboxContext ctx;
    private final SandboxTokens tokens;

    ApiTokensApi(SandboxContext ctx, SandboxTokens tokens) {
        this.ctx = ctx;
        this.tokens = tokens;
    }

    void register(Router r) {
        r.add("GET", ORG_LIST, this::orgTokens);
        r.add("GET", USER_LIST, req -> withManaged(req, u -> userTokens(u)));
        r.add("DELETE", USER_LIST + "/{tokenId}", req -> withManaged(req, u -> revoke(u, req.param("tokenId"))));
    }

    private ApiResponse orgTokens(ApiRequest req) {
        if (!ctx.org().id().equals(req.param("orgId"))) {
            return ErrorBodies.application(
                    404, "ADMIN-404-1", "Organization not found", "No organization " + req.param("orgId"));
        }
        int size = DEFAULT_PAGE;
        String pageSize = req.queryFirst("pageSize");
        if (pageSize != null) {
            try {
                size = Math.min(MAX_PAGE, Integer.parseInt(pageSize.strip()));
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1) return badRequest("pageSize must be a positive number");
        }
        String q = lower(req.queryFirst("q"));
        String status = req.queryFirst("status");
        List<Map<String, Object>> matching = new ArrayList<>();
        for (SandboxToken t : tokens.all()) {
            Optional<SandboxUser> owner = ctx.org().findById(t.accountId());
            if (owner.isEmpty()) continue;
            if (status != null && !status.equalsIgnoreCase(t.status())) continue;
            if (q != null
                    && !(contains(t.label(), q)
                            || contains(owner.get().name(), q)
                            || contains(owner.get().email(), q))) continue;
            matching.add(json(t, owner.get()));
        }
        int start = 0;
        String cursor = req.queryFirst("cursor");
        if (cursor != null) {
            start = Cursors.decode("tokens", cursor, ctx.seed());
            if (start < 0) return badRequest("Invalid cursor");
        }
        int end = Math.min(matching.size(), start + size);
        List<Map<String, Object>> page = start >= matching.size() ? List.of() : matching.subList(start, end);
        String next = end < matching.size() ? Cursors.encode("tokens", end, ctx.seed()) : null;
        return ApiResponse.json(
                200, Json.obj("data", page, "links", Json.obj("self", cursor, "next", next, "prev", null)));
    }

    private Map<String, Object> json(SandboxToken t, SandboxUser owner) {
        return Json.obj(
                "id",
                t.id(),
                "label",
                t.label(),
                "status",
                t.status(),
                "createdAt",
                t.createdAt().toString(),
                "expiresAt",
                t.expiresAt().toString(),
                "lastActiveAt",
                text(t.lastActiveAt()),
                "user",
                Json.obj(
                        "id",
                        owner.accountId(),
                        "orgId",
                        ctx.org().id(),
                        "name",
                        owner.name(),
                        "email",
                        owner.email()));
    }

    /** The user management document's {@code ApiTokenModel}: id, label, createdAt, lastAccess (absent: never used). */
    private ApiResponse userTokens(SandboxUser u) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SandboxToken t : tokens.of(u.accountId())) {
            Map<String, Object> m = Json.obj(
                    "id", t.id(), "label", t.label(), "createdAt", t.createdAt().toString());
            if (t.lastActiveAt() != null) m.put("lastAccess", t.lastActiveAt().toString());
            out.add(m);
        }
        return ApiResponse.json(200, out);
    }

    private ApiResponse revoke(SandboxUser u, String tokenId) {
        if (!tokens.revoke(u.accountId(), tokenId)) return ErrorBodies.key(404, "notFound");
        ctx.stats().countWrite(u.accountId());
        return ApiResponse.noContent();
    }

    private ApiResponse withManaged(ApiRequest req, Function<SandboxUser, ApiResponse> action) {
        Optional<SandboxUser> user = ctx.org().findById(req.param("accountId"));
        if (user.isEmpty()) return ErrorBodies.key(404, "accountNotFound");
        if (!user.get().managed()) return ErrorBodies.key(403, "forbidden.targetUnverified");
        return action.apply(user.get());
    }

    private static ApiResponse badRequest(String detail) {
        return ErrorBodies.application(400, "ADMIN-400-1", "Bad Request", detail);
    }

    private static boolean contains(String s, String lowerNeedle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
