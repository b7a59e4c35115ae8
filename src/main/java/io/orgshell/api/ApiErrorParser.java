package io.orgshell.api;

import io.orgshell.core.Sanitizer;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the four error-body shapes of the admin APIs (CONTRACT.md §5) into one {@link ApiException}:
 * <ol>
 * <li>application errors {@code {"errors":[{"status":"404","code":"ADMIN-404-2","title","detail"}]}} (v1 and v2),
 * also as a single unwrapped object;</li>
 * <li>gateway errors {@code {"code":401,"message":"..."}} with a numeric code;</li>
 * <li>Spring-style forbidden {@code {"timestamp","path","status":403,"error","message","requestId"}};</li>
 * <li>user-management errors {@code {"key":"forbidden.action","context":{...}}}, and the
 * {@code errorKey}/{@code errorDetail} spelling seen in the wild.</li>
 * </ol>
 * Anything else (an HTML page from a proxy, an empty body) still becomes an {@link ApiException} with a short,
 * neutralised excerpt, never a parse failure.
 * <p>
 * A server may quote the request back, its {@code Authorization} header included. The connection's key is taken out
 * of the body here, before any of it is read, and out of the code and message read from it (where JSON escapes are
 * decoded), so no message made from it (screen, journal, results) can carry it.
 */
public final class ApiErrorParser {

    private static final int EXCERPT = 120;

    private final JsonMapper json;
    private final ApiKey key;

    public ApiErrorParser(JsonMapper json, ApiKey key) {
        this.json = json;
        this.key = key;
    }

    public ApiException parse(int status, String rawBody, String request, Duration retryAfter) {
        String body = redact(rawBody);
        String fallbackCode = "HTTP-" + status;
        JsonNode root = readTree(body);
        if (root == null || !root.isObject()) {
            return error(status, fallbackCode, describeNonJson(status, body), request, retryAfter);
        }
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            return applicationError(status, errors.get(0), request, retryAfter);
        }
        if (root.has("key") || root.has("errorKey")) {
            String key = text(root.has("key") ? root.get("key") : root.get("errorKey"));
            JsonNode context = root.has("context") ? root.get("context") : root.path("errorDetail");
            return error(status, key, userManagementMessage(key, context), request, retryAfter);
        }
        if (root.has("timestamp") && root.has("error")) {
            String error = text(root.get("error"));
            String message = orElse(text(root.get("message")), error);
            return error(status, error, clean(message), request, retryAfter);
        }
        JsonNode code = root.get("code");
        if (code != null && code.isNumber()) {
            return error(
                    status, fallbackCode, clean(orElse(text(root.get("message")), "no message")), request, retryAfter);
        }
        if (code != null && code.isString()) {
            return applicationError(status, root, request, retryAfter);
        }
        return error(status, fallbackCode, "unexpected error body: " + excerpt(body), request, retryAfter);
    }

    private ApiException applicationError(int status, JsonNode error, String request, Duration retryAfter) {
        String code = orElse(text(error.get("code")), "HTTP-" + status);
        String title = text(error.get("title"));
        String detail = text(error.get("detail"));
        String message = title == null
                ? orElse(detail, code)
                : detail == null || detail.equals(title) ? title : title + ": " + detail;
        return error(status, code, clean(message), request, retryAfter);
    }

    /**
     * The body was redacted as text, but a server may spell the key with JSON escapes (a backslash-u escape for
     * {@code =}, {@code \/} for {@code /}) that only decoding turns back into the key: what was read is redacted too.
     */
    private ApiException error(int status, String code, String message, String request, Duration retryAfter) {
        return new ApiException(status, redact(code), redact(message), request, retryAfter);
    }

    private static String userManagementMessage(String key, JsonNode context) {
        if (context == null || context.isMissingNode() || context.isNull()) {
            return describeKey(key);
        }
        if (context.has("domain")) {
            return "the domain " + clean(text(context.get("domain"))) + " is not a verified domain of the organization";
        }
        JsonNode reason = context.path("reason").path("key");
        if (!reason.isMissingNode()) {
            return describeKey(key) + " (" + clean(text(reason)) + ")";
        }
        if (context.has("fieldViolations")) {
            StringBuilder sb = new StringBuilder("invalid fields:");
            for (JsonNode violation : context.get("fieldViolations")) {
                sb.append(' ').append(clean(text(violation.get("field"))));
                for (JsonNode v : violation.path("violations")) {
                    sb.append(" [").append(clean(text(v.get("key")))).append(']');
                }
            }
            return sb.toString();
        }
        if (context.has("message")) {
            return clean(text(context.get("message")));
        }
        if ("forbidden.fieldMutation".equals(key)) {
            return "these fields cannot be changed: " + clean(String.join(", ", context.propertyNames()));
        }
        return describeKey(key);
    }

    private static String describeKey(String key) {
        return switch (key == null ? "" : key) {
            case "unauthorized" -> "the API key was refused";
            case "forbidden" -> "not allowed to manage this account";
            case "forbidden.targetUnverified" -> "the account is not managed by this organization";
            case "forbidden.action" -> "the organization's policy does not allow this change";
            case "accountNotFound", "notFound" -> "account not found";
            case "bodyParseFailure" -> "the server could not read the request body";
            default -> clean(key);
        };
    }

    private static String describeNonJson(int status, String body) {
        if (body == null || body.isBlank()) {
            return "HTTP " + status + " with an empty body";
        }
        String kind =
                body.stripLeading().startsWith("<") ? "an HTML page (often a proxy or gateway)" : "a non-JSON body";
        return "HTTP " + status + " with " + kind + ": " + excerpt(body);
    }

    /** Whatever else the server said that may end up in a message (a redirect's location, a parser's complaint). */
    public String redact(String text) {
        return text == null ? null : key.redact(text);
    }

    private JsonNode readTree(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String excerpt(String body) {
        String oneLine = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return clean(oneLine.length() > EXCERPT ? oneLine.substring(0, EXCERPT) + "..." : oneLine);
    }

    private static String clean(String s) {
        return Sanitizer.forTerminal(s);
    }
}
