package io.orgshell.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * JSON renderings of the model, one per API generation: v1 org API and user-management API in snake_case,
 * v2 directory API in camelCase (CONTRACT.md §6, §7, §8).
 */
final class ApiJson {

    private ApiJson() {}

    static String picture(SandboxUser u) {
        return "https://avatars.sandbox.invalid/" + u.accountId().replace(':', '-') + ".png";
    }

    static Map<String, Object> org(SandboxContext ctx) {
        String self = ctx.baseUri() + "/admin/v1/orgs/" + ctx.org().id();
        return Json.obj(
                "id",
                ctx.org().id(),
                "type",
                "orgs",
                "attributes",
                Json.obj("name", ctx.org().name()),
                "relationships",
                Json.obj(
                        "domains", Json.obj("links", Json.obj("related", self + "/domains")),
                        "users", Json.obj("links", Json.obj("related", self + "/users"))),
                "links",
                Json.obj("self", self));
    }

    static Map<String, Object> domain(SandboxContext ctx, SandboxDomain d) {
        return Json.obj(
                "id",
                d.id(),
                "type",
                "domains",
                "attributes",
                Json.obj("name", d.name(), "claim", Json.obj("type", d.claimType(), "status", d.claimStatus())),
                "links",
                Json.obj("self", ctx.baseUri() + "/admin/v1/orgs/" + ctx.org().id() + "/domains/" + d.id()));
    }

    /**
     * Writes an entry of {@code GET /admin/v1/orgs/{orgId}/users} straight to a generator: the export of a
     * whole org goes through here, and skipping intermediate maps makes it several times cheaper.
     */
    static void writeV1User(JsonGenerator g, SandboxContext ctx, SandboxUser u) {
        g.writeStartObject();
        g.writeStringProperty("account_id", u.accountId());
        g.writeStringProperty("account_type", u.accountType());
        g.writeStringProperty("account_status", u.accountStatus());
        g.writeStringProperty("name", u.name());
        g.writeStringProperty("picture", picture(u));
        g.writeStringProperty("email", u.email());
        g.writeBooleanProperty("access_billable", u.accessBillable());
        var last = u.lastActive();
        if (last != null) g.writeStringProperty("last_active", last.toString());
        g.writeArrayPropertyStart("product_access");
        for (ProductAccess p : u.productAccess()) {
            g.writeStartObject();
            g.writeStringProperty("key", p.key());
            g.writeStringProperty("name", p.displayName());
            g.writeStringProperty("url", SeedGenerator.SITE_URL);
            if (p.lastActive() != null)
                g.writeStringProperty("last_active", p.lastActive().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("links");
        g.writeStringProperty("self", ctx.baseUri() + "/users/" + u.accountId() + "/manage/profile");
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The {@code account} object of the user-management profile endpoints. */
    static Map<String, Object> profile(SandboxUser u) {
        return Json.obj(
                "account_id",
                u.accountId(),
                "account_type",
                u.accountType(),
                "account_status",
                u.accountStatus(),
                "name",
                u.name(),
                "picture",
                picture(u),
                "email",
                u.email(),
                "characteristics",
                Json.obj("not_mentionable", false),
                "nickname",
                u.nickname(),
                "zoneinfo",
                u.zoneinfo(),
                "locale",
                u.locale(),
                "extended_profile",
                Json.obj(
                        "job_title",
                        u.jobTitle(),
                        "organization",
                        u.organization(),
                        "department",
                        u.department(),
                        "location",
                        u.location()));
    }

    /** v2 {@code status}: one word for the account's lifecycle and its org access. */
    static String v2Status(SandboxUser u) {
        if (u.pendingDeletion()) return "for_deletion";
        if (!u.active()) return "deactivated";
        if (u.access() != OrgAccess.ACTIVE) return "suspended";
        return "active";
    }

    static String v2MembershipStatus(SandboxUser u) {
        return switch (u.access()) {
            case ACTIVE -> "active";
            case SUSPENDED -> "suspended";
            case REMOVED -> "no_membership";
        };
    }

    /** A v2 {@code MultiDirectoryUser}. */
    static Map<String, Object> v2User(SandboxContext ctx, SandboxUser u, boolean expandGroups, boolean expandProducts) {
        return v2User(ctx, u, expandGroups, expandProducts, true);
    }

    /**
     * {@code roles}: whether {@code platformRoles} is sent. A search sends it only when {@code expand} asks for it, the
     * stricter of the contract's two readings (§8.1 lists it both as a field and as an expand value).
     */
    static Map<String, Object> v2User(
            SandboxContext ctx, SandboxUser u, boolean expandGroups, boolean expandProducts, boolean roles) {
        u = ctx.staleReads().user(u); // a read soon after a write may still show the account as it was
        List<Object> groups = null;
        if (expandGroups) {
            groups = new ArrayList<>();
            for (SandboxGroup g : ctx.staleReads().groupsOf(ctx.org(), u.accountId()))
                groups.add(Json.obj("id", g.id(), "name", g.name()));
        }
        List<Object> products = null;
        if (expandProducts) {
            products = new ArrayList<>();
            for (ProductAccess p : u.productAccess()) {
                products.add(Json.obj(
                        "key",
                        p.key(),
                        "id",
                        "ari:cloud:" + p.key() + "::site/sandbox",
                        "lastActiveTimestamp",
                        p.lastActive() == null ? null : p.lastActive().toString()));
            }
        }
        return Json.obj(
                "accountId",
                u.accountId(),
                "accountType",
                u.accountType(),
                "name",
                u.name(),
                "nickname",
                u.nickname(),
                "email",
                u.email(),
                "emailVerified",
                true,
                "status",
                v2Status(u),
                "accountStatus",
                u.accountStatus(),
                "membershipStatus",
                v2MembershipStatus(u),
                "claimStatus",
                u.managed() ? "managed" : "unmanaged",
                "deactivatedOn",
                u.deactivatedOn() == null ? null : u.deactivatedOn().toString(),
                "forDeletion",
                u.pendingDeletion(),
                "platformRoles",
                !roles ? null : u.orgAdmin() ? List.of("atlassian/org-admin") : List.of(),
                "picture",
                picture(u),
                "avatar",
                picture(u),
                "managementSource",
                u.idpSynced() ? "synced" : null,
                "mfaEnabled",
                u.mfaEnabled(),
                "jobTitle",
                u.jobTitle(),
                "department",
                u.department(),
                "organization",
                u.organization(),
                "location",
                u.location(),
                "timeZone",
                u.zoneinfo(),
                "addedToOrg",
                u.addedToOrg().toString(),
                "productAccess",
                products,
                "groups",
                groups);
    }

    /** A v2 {@code MultiDirectoryGroup}. */
    static Map<String, Object> v2Group(SandboxContext ctx, SandboxGroup g) {
        String dir = g.directoryId();
        return Json.obj(
                "id",
                g.id(),
                "name",
                g.name(),
                "description",
                g.description(),
                "directoryId",
                dir,
                "managementAccess",
                g.scimSynced() ? "read-only" : "full",
                "externalSynced",
                g.scimSynced(),
                "managedBy",
                g.scimSynced() ? "external" : "admins",
                "counts",
                Json.obj("users", ctx.org().memberCount(g.id())),
                "links",
                Json.obj(
                        "self",
                        ctx.baseUri() + "/admin/v2/orgs/" + ctx.org().id() + "/directories/" + dir + "/groups/"
                                + g.id()));
    }
}
