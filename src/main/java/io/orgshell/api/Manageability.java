package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /users/{accountId}/manage}: what the caller may do to one account, per privilege. Most privileges are
 * {@code {"allowed":bool,"reason":{"key":...}}}; {@code profile.write} is a map from JSON path to such a rule, so
 * the raw nodes are kept and read through {@link #rule(String)}.
 */
public record Manageability(Map<String, JsonNode> privileges) {

    /** The answer is the map of privileges itself, not an object holding it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Manageability {}

    public record Rule(boolean allowed, String reason) {}

    /** The rule for a privilege such as {@code email.set}; a privilege that was not returned is not allowed. */
    public Rule rule(String privilege) {
        JsonNode node = privileges == null ? null : privileges.get(privilege);
        if (node == null || !node.isObject()) {
            return new Rule(false, "not returned");
        }
        if (node.has("allowed")) {
            return new Rule(
                    node.path("allowed").asBoolean(false),
                    ApiErrorParser.text(node.path("reason").path("key")));
        }
        // a per-field map (profile.write): allowed when every field is
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().path("allowed").asBoolean(false)) {
                return new Rule(
                        false,
                        field.getKey() + ": "
                                + ApiErrorParser.text(
                                        field.getValue().path("reason").path("key")));
            }
        }
        return new Rule(true, null);
    }
}
