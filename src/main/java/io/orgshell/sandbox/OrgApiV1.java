package io.orgshell.sandbox;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;

/**
 * The read side of the v1 Organizations API (CONTRACT.md §6.1-6.3): orgs, domains and managed accounts,
 * with cursor pagination. {@code links.next} is a full URL carrying {@code cursor=}, absent on the last page.
 */
final class OrgApiV1 {

    /** Domains come in small pages so that clients exercise pagination there too. */
    static final int DOMAIN_PAGE_SIZE = 4;

    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F-]{36}");

    private final SandboxContext ctx;
    private final FaultScript faults;

    OrgApiV1(SandboxContext ctx, FaultScript faults) {
        this.faults = faults;
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", "/admin/v1/orgs", this::orgs);
        r.add("GET", "/admin/v1/orgs/{orgId}", this::org);
        r.add("GET", "/admin/v1/orgs/{orgId}/domains", this::domains);
        r.add("GET", "/admin/v1/orgs/{orgId}/domains/{domainId}", this::domain);
        r.add("GET", "/admin/v1/orgs/{orgId}/users", this::users);
    }

    /** 404 ADMIN-404-2 unless the path's org is ours; null when it is. */
    static ApiResponse unknownOrg(SandboxContext ctx, ApiRequest req) {
        String orgId = req.param("orgId");
        if (ctx.org().id().equals(orgId)) return null;
        return ErrorBodies.application(
                404,
                "ADMIN-404-2",
                "Organization not found",
                "No organization with ID " + orgId + " is visible to this API key");
    }

    static ApiResponse invalidCursor() {
        return ErrorBodies.application(400, "ADMIN-400-1", "Invalid page cursor", "The cursor is not valid");
    }

    private ApiResponse orgs(ApiRequest req) {
        String cursor = req.queryFirst("cursor");
        int start = 0;
        if (cursor != null && (start = Cursors.decode("orgs", cursor, ctx.seed())) < 0) return invalidCursor();
        List<Object> data = start == 0 ? List.of(ApiJson.org(ctx)) : List.of();
        return ApiResponse.json(
                200,
                Json.obj(
                        "data",
                        data,
                        "links",
                        Json.obj(
                                "self",
                                ctx.baseUri() + "/admin/v1/orgs" + (cursor == null ? "" : "?cursor=" + cursor))));
    }

    private ApiResponse org(ApiRequest req) {
        ApiResponse notFound = unknownOrg(ctx, req);
        if (notFound != null) return notFound;
        return ApiResponse.json(200, Json.obj("data", ApiJson.org(ctx)));
    }

    private ApiResponse domains(ApiRequest req) {
        ApiResponse notFound = unknownOrg(ctx, req);
        if (notFound != null) return notFound;
        List<SandboxDomain> all =
                ctx.org().domains().stream().map(this::asListed).toList();
        return page(
                req,
                "domains",
                all.size(),
                DOMAIN_PAGE_SIZE,
                (g, i) -> g.writePOJO(ApiJson.domain(ctx, all.get(i))),
                null);
    }

    /** The domain as the list shows it: one whose verification a fault has lapsed reads {@code unverified}. */
    private SandboxDomain asListed(SandboxDomain d) {
        return d.verified() && faults.lapsed(d.name())
                ? new SandboxDomain(d.id(), d.name(), d.claimType(), "unverified")
                : d;
    }

    private ApiResponse domain(ApiRequest req) {
        ApiResponse notFound = unknownOrg(ctx, req);
        if (notFound != null) return notFound;
        String domainId = req.param("domainId");
        if (!UUID_LIKE.matcher(domainId).matches()) {
            return ErrorBodies.application(
                    400, "ADMIN-400-2", "Invalid domain identifier", "Not a domain ID: " + domainId);
        }
        return ctx.org()
                .findDomain(domainId)
                .map(d -> ApiResponse.json(200, Json.obj("data", ApiJson.domain(ctx, asListed(d)))))
                .orElseGet(() -> ErrorBodies.application(
                        404, "ADMIN-404-3", "Domain not found", "No domain with ID " + domainId));
    }

    private ApiResponse users(ApiRequest req) {
        ApiResponse notFound = unknownOrg(ctx, req);
        if (notFound != null) return notFound;
        SandboxOrg org = ctx.org();
        int total = org.managedCount();
        return page(
                req,
                "users",
                total,
                ctx.config().pageSize(),
                (g, i) -> ApiJson.writeV1User(g, ctx, org.managedAt(i)),
                Json.obj("total", total));
    }

    interface Item {
        void write(JsonGenerator g, int index);
    }

    /** One page of a list whose items are addressed by position; O(page size). */
    private ApiResponse page(
            ApiRequest req, String kind, int total, int pageSize, Item item, Map<String, Object> meta) {
        String cursor = req.queryFirst("cursor");
        int start = 0;
        if (cursor != null) {
            start = Cursors.decode(kind, cursor, ctx.seed());
            if (start < 0 || start > total) return invalidCursor();
        }
        int end = Math.min(total, start + pageSize);
        String url = ctx.baseUri() + req.path();
        String next = end < total ? url + "?cursor=" + Cursors.encode(kind, end, ctx.seed()) : null;
        String prev =
                start > 0 ? url + "?cursor=" + Cursors.encode(kind, Math.max(0, start - pageSize), ctx.seed()) : null;
        String self = cursor == null ? url : url + "?cursor=" + cursor;
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * (end - start) + 512);
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("data");
            for (int i = start; i < end; i++) item.write(g, i);
            g.writeEndArray();
            if (meta != null) g.writePOJOProperty("meta", meta);
            g.writePOJOProperty("links", Json.obj("self", self, "prev", prev, "next", next));
            g.writeEndObject();
        }
        return new ApiResponse(200, new LinkedHashMap<>(), out.toByteArray());
    }
}
