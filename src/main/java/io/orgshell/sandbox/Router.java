package io.orgshell.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matches a method and a raw path against path templates such as {@code /admin/v1/orgs/{orgId}/users}. */
final class Router {

    interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    private record Route(String method, String template, String[] segments, Handler handler) {}

    /**
     * Result of a lookup. {@code route} is null when nothing matched; {@code allowedMethods} is non-empty when
     * the path exists but not for this method (405). {@code template} is the matched template, or the
     * template of the path for another method, or null.
     */
    record Match(String template, Map<String, String> params, Handler handler, Set<String> allowedMethods) {
        boolean found() {
            return handler != null;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, template, split(template), handler));
        return this;
    }

    Match match(String method, String rawPath) {
        String[] actual = split(rawPath);
        Set<String> allowed = new LinkedHashSet<>();
        String otherTemplate = null;
        for (Route r : routes) {
            Map<String, String> params = bind(r.segments, actual);
            if (params == null) continue;
            if (r.method.equals(method)) return new Match(r.template, params, r.handler, Set.of());
            allowed.add(r.method);
            if (otherTemplate == null) otherTemplate = r.template;
        }
        return new Match(otherTemplate, Map.of(), null, allowed);
    }

    private static Map<String, String> bind(String[] template, String[] actual) {
        if (template.length != actual.length) return null;
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (actual[i].isEmpty()) return null;
                params.put(
                        t.substring(1, t.length() - 1),
                        URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!t.equals(actual[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.split("/", -1);
    }
}
