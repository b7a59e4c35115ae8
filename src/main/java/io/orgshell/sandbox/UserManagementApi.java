package io.orgshell.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The user-management API (CONTRACT.md §7): permissions, profile, email and lifecycle of managed accounts.
 * Errors are {@code {"key", "context"?}}.
 *
 * <p>Rules, in the order they are checked: unknown account → 404 {@code accountNotFound}; account not on a
 * verified domain → 403 {@code forbidden.targetUnverified}; IdP-synced account → email and profile refused
 * ({@code externalDirectory.scim}); org admins → lifecycle refused ({@code forbidden.action} /
 * {@code administrative}); then the body.
 *
 * <p><b>Email already in use.</b> The spec does not document this case. The sandbox answers
 * <b>400 {@code {"key":"fieldConstraintsViolated","context":{"fieldViolations":[{"field":"email",
 * "violations":[{"key":"alreadyInUse"}]}]}}}</b>, the one shape the operation's 400 response allows that can
 * name the field and the reason. Emails compare case-insensitively; setting an account's own current email is
 * a successful no-op (204, counted as a write).
 */
final class UserManagementApi {

    private static final String BASE = "/users/{accountId}/manage";
    /** The JSON paths of the mutable profile fields, as keyed in {@code profile.write}. */
    static final List<String> PROFILE_FIELDS = List.of(
            "name",
            "nickname",
            "zoneinfo",
            "locale",
            "extended_profile.job_title",
            "extended_profile.organization",
            "extended_profile.department",
            "extended_profile.location");

    static final List<String> PRIVILEGES = List.of(
            "profile",
            "profile.write",
            "profile.read",
            "email.set",
            "lifecycle.enablement",
            "lifecycle.delete",
            "apiToken.read",
            "apiToken.delete");
    private static final Set<String> READ_ONLY =
            Set.of("account_id", "account_type", "account_status", "picture", "email", "characteristics");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}]");
    static final Duration DELETION_GRACE = Duration.ofDays(14);

    private final SandboxContext ctx;

    UserManagementApi(SandboxContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", BASE, req -> withManaged(req, u -> permissions(req, u)));
        r.add(
                "GET",
                BASE + "/profile",
                req -> withManaged(req, u -> ApiResponse.json(200, Json.obj("account", ApiJson.profile(u)))));
        r.add("PATCH", BASE + "/profile", req -> withManaged(req, u -> patchProfile(req, u)));
        r.add("PUT", BASE + "/email", req -> withManaged(req, u -> setEmail(req, u)));
        r.add("POST", BASE + "/lifecycle/disable", req -> withManaged(req, u -> lifecycle(u, this::disable)));
        r.add("POST", BASE + "/lifecycle/enable", req -> withManaged(req, u -> lifecycle(u, this::enable)));
        r.add("POST", BASE + "/lifecycle/delete", req -> withManaged(req, u -> lifecycle(u, this::delete)));
        r.add(
                "POST",
                BASE + "/lifecycle/cancel-delete",
                req -> withManaged(req, u -> lifecycle(u, this::cancelDelete)));
    }

    interface UserAction {
        ApiResponse apply(SandboxUser user);
    }

    private ApiResponse withManaged(ApiRequest req, UserAction action) {
        Optional<SandboxUser> user = ctx.org().findById(req.param("accountId"));
        if (user.isEmpty()) return ErrorBodies.key(404, "accountNotFound");
        if (!user.get().managed()) return ErrorBodies.key(403, "forbidden.targetUnverified");
        return action.apply(user.get());
    }

    // ---- permissions ----

    private ApiResponse permissions(ApiRequest req, SandboxUser u) {
        Set<String> asked = new LinkedHashSet<>();
        for (String v : req.queryAll("privileges")) {
            for (String p : v.split(",")) if (PRIVILEGES.contains(p.trim())) asked.add(p.trim());
        }
        if (asked.isEmpty()) asked.addAll(PRIVILEGES);
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> allowed = Json.obj("allowed", true);
        for (String p : asked) {
            out.put(
                    p,
                    switch (p) {
                        case "profile", "profile.write" -> profileMutability(u);
                        case "email.set" -> u.idpSynced() ? ErrorBodies.refused("externalDirectory.scim") : allowed;
                        case "lifecycle.enablement", "lifecycle.delete" ->
                            u.orgAdmin() ? ErrorBodies.refused("administrative") : allowed;
                        default -> allowed;
                    });
        }
        return ApiResponse.json(200, out);
    }

    private static Map<String, Object> profileMutability(SandboxUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String f : PROFILE_FIELDS) {
            m.put(f, u.idpSynced() ? ErrorBodies.refused("externalDirectory.scim") : Json.obj("allowed", true));
        }
        return m;
    }

    // ---- profile ----

    private ApiResponse patchProfile(ApiRequest req, SandboxUser u) {
        JsonNode body = req.json();
        if (body == null || !body.isObject()) return ErrorBodies.key(400, "bodyParseFailure");
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (var e : body.properties()) {
            String name = e.getKey();
            if (name.equals("extended_profile")) {
                if (!e.getValue().isObject()) {
                    violations.put(name, List.of("type"));
                    continue;
                }
                for (var x : e.getValue().properties()) fields.put("extended_profile." + x.getKey(), x.getValue());
            } else if (READ_ONLY.contains(name)) {
                violations.put(name, List.of("readOnly"));
            } else {
                fields.put(name, e.getValue());
            }
        }
        if (u.idpSynced() && !fields.isEmpty()) {
            Map<String, Object> refused = new LinkedHashMap<>();
            for (String f : fields.keySet()) refused.put(f, ErrorBodies.refused("externalDirectory.scim"));
            return ErrorBodies.key(403, "forbidden.fieldMutation", refused);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var e : fields.entrySet()) {
            String f = e.getKey();
            if (!PROFILE_FIELDS.contains(f)) {
                violations.put(f, List.of("unknownField"));
                continue;
            }
            if (!e.getValue().isString()) {
                violations.put(f, List.of("type"));
                continue;
            }
            String v = e.getValue().asString();
            List<String> bad = new ArrayList<>();
            if (CONTROL.matcher(v).find()) bad.add("validCharacters");
            int max = switch (f) {
                case "name" -> 100;
                case "nickname" -> 30;
                default -> 255;
            };
            if (v.length() > max) bad.add("maxLength");
            if ((f.equals("name") || f.equals("nickname")) && v.isBlank()) bad.add("minLength");
            if (f.equals("zoneinfo") && !ZoneId.getAvailableZoneIds().contains(v)) bad.add("format");
            if (f.equals("locale") && !validLocale(v)) bad.add("format");
            if (bad.isEmpty()) values.put(f, v);
            else violations.put(f, bad);
        }
        if (!violations.isEmpty()) return ErrorBodies.fieldViolations(violations);
        SandboxUser after = ctx.org()
                .update(
                        u.accountId(),
                        x -> x.withProfile(
                                values.getOrDefault("name", x.name()),
                                values.getOrDefault("nickname", x.nickname()),
                                values.getOrDefault("zoneinfo", x.zoneinfo()),
                                values.getOrDefault("locale", x.locale()),
                                values.getOrDefault("extended_profile.job_title", x.jobTitle()),
                                values.getOrDefault("extended_profile.department", x.department()),
                                values.getOrDefault("extended_profile.organization", x.organization()),
                                values.getOrDefault("extended_profile.location", x.location())));
        ctx.stats().countWrite(u.accountId());
        return ApiResponse.json(200, Json.obj("account", ApiJson.profile(after)));
    }

    private static boolean validLocale(String tag) {
        try {
            return !new Locale.Builder()
                    .setLanguageTag(tag)
                    .build()
                    .getLanguage()
                    .isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    // ---- email ----

    private ApiResponse setEmail(ApiRequest req, SandboxUser u) {
        if (u.idpSynced()) return ErrorBodies.forbiddenAction("externalDirectory.scim");
        JsonNode body = req.json();
        if (body == null || !body.isObject()) return ErrorBodies.key(400, "bodyParseFailure");
        JsonNode emailNode = body.get("email");
        if (emailNode == null || !emailNode.isString()) {
            return ErrorBodies.fieldViolations(Map.of("email", List.of("required")));
        }
        String email = emailNode.asString().trim();
        List<String> bad = emailViolations(email);
        if (!bad.isEmpty()) return ErrorBodies.fieldViolations(Map.of("email", bad));
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (ctx.org().findDomainByName(domain).filter(SandboxDomain::verified).isEmpty()) {
            return ErrorBodies.key(403, "forbidden.unclaimedDomain", Json.obj("domain", domain));
        }
        return switch (ctx.org().setEmail(u.accountId(), email)) {
            case IN_USE -> ErrorBodies.fieldViolations(Map.of("email", List.of("alreadyInUse")));
            case CHANGED, UNCHANGED -> {
                ctx.stats().countWrite(u.accountId());
                yield ApiResponse.noContent();
            }
        };
    }

    /** Constraint keys an email violates: {@code format}, {@code validCharacters}, {@code partMaxLength}. */
    static List<String> emailViolations(String email) {
        List<String> bad = new ArrayList<>();
        if (CONTROL.matcher(email).find()) bad.add("validCharacters");
        int at = email.lastIndexOf('@');
        String local = at < 0 ? "" : email.substring(0, at);
        String domain = at < 0 ? "" : email.substring(at + 1);
        boolean wellFormed = at > 0
                && email.indexOf('@') == at
                && !local.isEmpty()
                && domain.contains(".")
                && !domain.startsWith(".")
                && !domain.endsWith(".")
                && !domain.contains("..")
                && email.chars().noneMatch(Character::isWhitespace);
        if (!wellFormed) bad.add("format");
        boolean tooLong = local.length() > 255;
        for (String part : domain.split("\\.")) tooLong |= part.length() > 255;
        if (tooLong) bad.add("partMaxLength");
        return bad;
    }

    // ---- lifecycle ----

    private ApiResponse lifecycle(SandboxUser u, UserAction action) {
        if (u.orgAdmin()) return ErrorBodies.forbiddenAction("administrative");
        ApiResponse r = action.apply(u);
        if (r.success()) ctx.stats().countWrite(u.accountId());
        return r;
    }

    private ApiResponse disable(SandboxUser u) {
        if (!u.pendingDeletion() && u.active()) {
            ctx.org().update(u.accountId(), x -> x.withLifecycle("inactive", Instant.now(), null));
        }
        return ApiResponse.noContent();
    }

    private ApiResponse enable(SandboxUser u) {
        if (u.pendingDeletion()) {
            return conflict(
                    u, "ACCOUNT_PENDING_DELETION", "The account is scheduled for deletion; cancel the deletion first");
        }
        ctx.org().update(u.accountId(), x -> x.withLifecycle("active", null, null));
        return ApiResponse.noContent();
    }

    private ApiResponse delete(SandboxUser u) {
        if (u.pendingDeletion()) {
            return conflict(u, "ACCOUNT_PENDING_DELETION", "The account is already scheduled for deletion");
        }
        Instant now = Instant.now();
        ctx.org()
                .update(
                        u.accountId(),
                        x -> x.withLifecycle(
                                "inactive",
                                x.deactivatedOn() != null ? x.deactivatedOn() : now,
                                now.plus(DELETION_GRACE)));
        return ApiResponse.json(
                200,
                Json.obj(
                        "message",
                        "Account " + u.accountId()
                                + " is deactivated and will be deleted after a 14-day grace period"));
    }

    private ApiResponse cancelDelete(SandboxUser u) {
        if (!u.pendingDeletion()) {
            return ApiResponse.json(
                    200, Json.obj("message", "Account " + u.accountId() + " is not scheduled for deletion"));
        }
        ctx.org().update(u.accountId(), x -> x.withLifecycle("active", null, null));
        return ApiResponse.json(200, Json.obj("message", "Deletion of account " + u.accountId() + " was cancelled"));
    }

    private static ApiResponse conflict(SandboxUser u, String code, String message) {
        return ErrorBodies.key(
                409,
                "conflict.lifecycleErrors",
                Json.obj(
                        "message",
                        message,
                        "accountId",
                        u.accountId(),
                        "errorCodes",
                        List.of(Json.obj(
                                "code",
                                code,
                                "message",
                                message,
                                "link",
                                "https://confluence.atlassian.com/x/pTgoPQ"))));
    }
}
