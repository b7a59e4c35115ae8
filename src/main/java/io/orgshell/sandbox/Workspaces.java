package io.orgshell.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /admin/v2/orgs/{orgId}/workspaces} (the organization document's {@code queryWorkspacesV2}): the
 * sandbox site's products, one workspace each, on one page. A workspace's {@code id} is the ARI the v2 user search
 * lists in {@code productAccess[].id}: whether the roles API takes the ARI or a bare ID is not verified, and the
 * sandbox picks the one value both listings give.
 */
final class Workspaces {

    /** Product key to the name the admin console shows; Atlassian renamed Jira Software to Jira in 2024. */
    static final Map<String, String> NAMES = Map.of(
            "jira-software", "Jira",
            "confluence", "Confluence",
            "jira-service-desk", "Jira Service Management",
            "bitbucket", "Bitbucket",
            "trello", "Trello");

    static final List<String> KEYS = List.of("jira-software", "confluence", "jira-service-desk", "bitbucket", "trello");

    private final SandboxContext ctx;

    Workspaces(SandboxContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("POST", "/admin/v2/orgs/{orgId}/workspaces", this::query);
    }

    /** The workspace ID of a product key, as the user search lists it. */
    static String idOf(String productKey) {
        return "ari:cloud:" + productKey + "::site/sandbox";
    }

    /** The product key of a workspace ID (or of a bare product key), if the sandbox has that product. */
    static Optional<String> keyOf(String resource) {
        if (resource == null) return Optional.empty();
        String r = resource.strip().toLowerCase(Locale.ROOT);
        return KEYS.stream().filter(k -> idOf(k).equals(r)).findFirst();
    }

    private ApiResponse query(ApiRequest req) {
        if (!ctx.org().id().equals(req.param("orgId"))) {
            return ErrorBodies.application(
                    404, "ADMIN-404-1", "Organization not found", "No organization " + req.param("orgId"));
        }
        var body = req.json();
        if (body != null && body.hasNonNull("cursor") && body.size() > 1) {
            return ErrorBodies.application(
                    400, "ADMIN-400-1", "Bad request", "a cursor cannot be sent with other properties");
        }
        List<Object> data = new ArrayList<>();
        for (String key : KEYS) {
            data.add(Json.obj(
                    "id",
                    idOf(key),
                    "type",
                    "workspace",
                    "attributes",
                    Json.obj(
                            "name",
                            NAMES.get(key),
                            "typeKey",
                            key,
                            "type",
                            key,
                            "status",
                            "online",
                            "statusDetails",
                            List.of(),
                            "icons",
                            Map.of(),
                            "avatars",
                            Map.of(),
                            "labels",
                            List.of(),
                            "sandbox",
                            Json.obj("type", "NONE"),
                            "hostUrl",
                            SeedGenerator.SITE_URL,
                            "realm",
                            "us",
                            "regions",
                            List.of("us-east-1")),
                    "links",
                    Json.obj(
                            "self",
                            ctx.baseUri() + "/admin/v2/orgs/" + ctx.org().id() + "/workspaces/" + key),
                    "relationships",
                    Map.of()));
        }
        return ApiResponse.json(
                200,
                Json.obj(
                        "data",
                        data,
                        "links",
                        Json.obj("self", "first"),
                        "meta",
                        Json.obj("pageSize", data.size(), "total", data.size())));
    }
}
