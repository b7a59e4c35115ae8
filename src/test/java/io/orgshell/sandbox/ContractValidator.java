package io.orgshell.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates recorded exchanges against Atlassian's OpenAPI documents, with Atlassian's validator:
 * {@code /admin/v1/...} against the organization document (server base {@code .../admin}), {@code /users/...}
 * against the user-management document (server base at the root). The v2 directory routes are not in those
 * documents: they are validated against {@code contract/directory_v2.json}, written for this project from what
 * {@code ENDPOINTS-2026.md} and {@code CONTRACT.md} section 8 say (a success status they leave open is any status;
 * request bodies name only the documented fields). Other v2 paths are not validated (empty result). The user role
 * changes and the admin control API's authentication policies are validated against
 * {@code contract/access_policies.json}, written the same way; the workspaces against the organization document.
 *
 * <p>Reusable by the client's tests: {@code ContractValidator.shared().problems(exchange)} returns the
 * validation messages of the request and the response, empty when both are valid.
 *
 * <p>The documents are the structural copies on the class path ({@code contract/*.structure.json}, written by
 * {@code scripts/derive-contract}), so a clone validates on its own. The system property {@code orgshell.api.dir}
 * names a folder of Atlassian's documents as published ({@code admin_organization.json}, {@code admin_user.json})
 * to validate against those instead.
 *
 * <p>Narrow workarounds for defects of the documents, each limited to what it fixes:
 * <ul>
 *   <li>some {@code pattern}s end in a stray newline (SOURCES.md), which no real value matches: trailing
 *       whitespace is stripped from every pattern before the document is loaded;</li>
 *   <li>the organization document's {@code User} schema declares {@code discriminator: account_type} with no
 *       mapping and no schemas named after the values ({@code atlassian}, ...), so every user would fail: that
 *       discriminator (and only that one) is removed;</li>
 *   <li>the user document's {@code Manageability.Rule.Simple} discriminates on the boolean {@code allowed},
 *       but a discriminator must be a string property, so the validator refuses the whole schema: that
 *       discriminator is removed, and its {@code oneOf} (allowed: true | allowed: false + reason) still decides;</li>
 *   <li>{@code PATCH /users/{account_id}/manage/profile} reuses the full account schema, with its required
 *       {@code account_id}, {@code name}, {@code email}..., for a request body the same operation describes as
 *       "a subset of the mutable fields": missing required properties are ignored for that request body only.</li>
 * </ul>
 */
public final class ContractValidator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The routes of {@code contract/access_policies.json} that share a prefix with the organization document's. */
    private static final Pattern ROLE_CHANGE =
            Pattern.compile("/admin/v1/orgs/[^/]+/users/[^/]+/roles/(assign|revoke)");

    private static final Pattern WORKSPACES = Pattern.compile("/admin/v2/orgs/[^/]+/workspaces");
    private static volatile ContractValidator shared;

    private final OpenApiInteractionValidator org;
    private final OpenApiInteractionValidator user;
    private final OpenApiInteractionValidator v2;
    private final OpenApiInteractionValidator access;
    /** {@code contract/api_access.json}: the API access API's token listing, as ENDPOINTS-2026.md describes it. */
    private final OpenApiInteractionValidator apiAccess = fragment("/contract/api_access.json");

    private ContractValidator(Path source) {
        // resolveCombinators merges allOf parts first: validated one by one, each part would reject the
        // properties the other part declares (e.g. ApplicationError + {"code": enum} of the error responses)
        this.org = OpenApiInteractionValidator.createForInlineApiSpecification(load(source, "admin_organization"))
                .withResolveCombinators(true)
                .build();
        this.user = OpenApiInteractionValidator.createForInlineApiSpecification(load(source, "admin_user"))
                .withResolveCombinators(true)
                .withWhitelist(ValidationErrorsWhitelist.create()
                        .withRule(
                                "PATCH profile body is a subset of the account schema",
                                WhitelistRules.allOf(
                                        WhitelistRules.isRequest(),
                                        WhitelistRules.methodIs(io.swagger.v3.oas.models.PathItem.HttpMethod.PATCH),
                                        WhitelistRules.pathContainsSubstring("/manage/profile"),
                                        WhitelistRules.messageHasKey("validation.request.body.schema.required"))))
                .build();
        try {
            this.v2 = OpenApiInteractionValidator.createForInlineApiSpecification(
                            resource("/contract/directory_v2.json"))
                    .build();
            this.access = OpenApiInteractionValidator.createForInlineApiSpecification(
                            resource("/contract/access_policies.json"))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One validator for the whole test JVM: parsing the documents takes a moment. */
    public static ContractValidator shared() {
        ContractValidator v = shared;
        if (v == null) {
            synchronized (ContractValidator.class) {
                if (shared == null) shared = new ContractValidator(overrideDir());
                v = shared;
            }
        }
        return v;
    }

    /** The folder named by {@code -Dorgshell.api.dir}, or null to use the committed structural copies. */
    static Path overrideDir() {
        String prop = System.getProperty("orgshell.api.dir");
        return prop == null || prop.isBlank() ? null : Paths.get(prop);
    }

    /** Messages about the request and the response; empty when both follow the documents (or the path is v2). */
    public List<String> problems(RecordedExchange e) {
        OpenApiInteractionValidator v = validatorFor(e.path());
        if (v == null) return List.of();
        return messages(v.validate(request(e), response(e)));
    }

    /** Messages about the request only. */
    public List<String> requestProblems(RecordedExchange e) {
        OpenApiInteractionValidator v = validatorFor(e.path());
        if (v == null) return List.of();
        return messages(v.validateRequest(request(e)));
    }

    /** Messages about the response only, for exchanges whose request is deliberately wrong (e.g. no key). */
    public List<String> responseProblems(RecordedExchange e) {
        OpenApiInteractionValidator v = validatorFor(e.path());
        if (v == null) return List.of();
        return messages(v.validateResponse(e.path(), Request.Method.valueOf(e.method()), response(e)));
    }

    private OpenApiInteractionValidator validatorFor(String path) {
        if (path.startsWith("/admin/control/") || ROLE_CHANGE.matcher(path).matches()) return access;
        if (WORKSPACES.matcher(path).matches()) return org;
        if (path.startsWith("/admin/v1/")) return org;
        if (path.startsWith("/users/")) return user;
        if (path.startsWith("/admin/v2/orgs/") && path.contains("/directories")) return v2;
        if (path.startsWith("/admin/api-access/v1/")) return apiAccess;
        return null;
    }

    private static OpenApiInteractionValidator fragment(String resource) {
        try {
            return OpenApiInteractionValidator.createForInlineApiSpecification(resource(resource))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> messages(ValidationReport report) {
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) out.add(m.getKey() + ": " + m.getMessage());
        }
        return out;
    }

    private static Request request(RecordedExchange e) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(e.method(), e.path());
        SandboxServer.parseQuery(e.rawQuery()).forEach(b::withQueryParam);
        e.requestHeaders().forEach(b::withHeader);
        if (e.requestBody() != null && !e.requestBody().isEmpty()) b.withBody(e.requestBody());
        return b.build();
    }

    private static com.atlassian.oai.validator.model.Response response(RecordedExchange e) {
        SimpleResponse.Builder b = new SimpleResponse.Builder(e.status());
        e.responseHeaders().forEach(b::withHeader);
        if (e.responseBody() != null && !e.responseBody().isEmpty()) b.withBody(e.responseBody());
        return b.build();
    }

    /** The document named (without extension) with the workarounds of the class comment applied. */
    static String load(Path source, String name) {
        try {
            JsonNode root = JSON.readTree(read(source, name));
            stripPatterns(root);
            JsonNode user = root.path("components").path("schemas").path("User");
            if (user.isObject()
                    && user.path("discriminator").path("mapping").isMissingNode()
                    && user.path("properties").has("account_type")) {
                ((ObjectNode) user).remove("discriminator");
            }
            JsonNode rule = root.path("components").path("schemas").path("Manageability.Rule.Simple");
            if (rule.isObject()
                    && "allowed"
                            .equals(rule.path("discriminator")
                                    .path("propertyName")
                                    .asString(null))) {
                ((ObjectNode) rule).remove("discriminator");
            }
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path source, String name) throws IOException {
        if (source != null) return Files.readString(source.resolve(name + ".json"));
        return resource("/contract/" + name + ".structure.json");
    }

    private static String resource(String resource) throws IOException {
        try (InputStream in = ContractValidator.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void stripPatterns(JsonNode node) {
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            JsonNode pattern = obj.get("pattern");
            if (pattern != null && pattern.isString())
                obj.put("pattern", pattern.asString().stripTrailing());
            for (Map.Entry<String, JsonNode> p : obj.properties()) stripPatterns(p.getValue());
        } else if (node.isArray()) {
            for (JsonNode child : node) stripPatterns(child);
        }
    }
}
