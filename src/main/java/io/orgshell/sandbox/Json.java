package io.orgshell.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the sandbox, and small helpers to build response bodies as ordered maps. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** An ordered JSON object from alternating keys and values; null values are left out. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static byte[] bytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** Parses a request body; null if it is not JSON at all. An empty body parses as null too. */
    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) return null;
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
