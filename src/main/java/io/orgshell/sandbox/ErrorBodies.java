package io.orgshell.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The four error-body shapes of Atlassian's admin APIs (CONTRACT.md §5):
 * <ol>
 *   <li>application errors {@code {"errors":[{"id","status":"404","code","title","detail"}]}} (v1 and v2 org API);</li>
 *   <li>gateway ("proxy") errors {@code {"code":401,"message"}} with a numeric code (401, 429);</li>
 *   <li>the NoPerms 403 {@code {"timestamp","path","status":403,"error","message","requestId"}};</li>
 *   <li>the user-management API's {@code {"key", "context"?}}.</li>
 * </ol>
 */
final class ErrorBodies {

    private ErrorBodies() {}

    static ApiResponse application(int status, String code, String title, String detail) {
        Map<String, Object> error = Json.obj(
                "id",
                UUID.randomUUID().toString(),
                "status",
                String.valueOf(status),
                "code",
                code,
                "title",
                title,
                "detail",
                detail);
        return ApiResponse.json(status, Json.obj("errors", List.of(error)));
    }

    static ApiResponse proxy(int status, String message) {
        return ApiResponse.json(status, Json.obj("code", status, "message", message));
    }

    static Map<String, Object> noPermsBody(String path) {
        return Json.obj(
                "timestamp",
                Instant.now().toString(),
                "path",
                path,
                "status",
                403,
                "error",
                "Forbidden",
                "message",
                "User has no permission to access resource.",
                "requestId",
                UUID.randomUUID().toString());
    }

    static ApiResponse key(int status, String key) {
        return ApiResponse.json(status, Json.obj("key", key));
    }

    static ApiResponse key(int status, String key, Map<String, Object> context) {
        return ApiResponse.json(status, Json.obj("key", key, "context", context));
    }

    /** {@code {"allowed":false,"reason":{"key":reason}}}: the shape of a refused privilege or field. */
    static Map<String, Object> refused(String reason) {
        return Json.obj("allowed", false, "reason", Json.obj("key", reason));
    }

    static ApiResponse forbiddenAction(String reason) {
        return key(403, "forbidden.action", refused(reason));
    }

    /** 400 {@code fieldConstraintsViolated} for one or more fields, each with its violated constraint keys. */
    static ApiResponse fieldViolations(Map<String, List<String>> violationsByField) {
        List<Object> fields = violationsByField.entrySet().stream()
                .map(e -> (Object) Json.obj(
                        "field",
                        e.getKey(),
                        "violations",
                        e.getValue().stream().map(v -> Json.obj("key", v)).toList()))
                .toList();
        return key(400, "fieldConstraintsViolated", Json.obj("fieldViolations", fields));
    }
}
