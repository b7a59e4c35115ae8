package io.orgshell.sandbox;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A request as the handlers see it.
 *
 * @param template    the matched path template, e.g. {@code /admin/v1/orgs/{orgId}/users}
 * @param pathParams  values of the template's placeholders, URL-decoded
 * @param query       query parameters, URL-decoded, in order of appearance (repeated keys kept)
 */
record ApiRequest(
        String method,
        String path,
        String template,
        Map<String, String> pathParams,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        byte[] body) {

    String param(String name) {
        return pathParams.get(name);
    }

    /** First value of a query parameter, null if absent. */
    String queryFirst(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** The body as JSON, null when empty or not JSON. */
    JsonNode json() {
        return Json.parse(body);
    }

    boolean hasBody() {
        return body != null && body.length > 0;
    }
}
