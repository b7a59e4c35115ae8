package io.orgshell.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A row's change in words, for preview: {@code department: Sales → Finance}, {@code group sales: not a member →
 * member}, {@code access: active → suspended}. The states operations compare (JSON of profile fields,
 * {@code in:<group ID>}) are theirs; this is the one place that reads them for a person.
 */
public final class ChangeText {

    static final String ARROW = " → ";

    private ChangeText() {}

    /**
     * {@code from} is the state now (null when unknown), {@code to} the state wanted (null when the row will not be
     * written: then only the state now is told).
     */
    public static String of(Operation op, PlanRow row, String from, String to) {
        return switch (op) {
            // the address asked for is the row's whether or not it will be written: a blocked row shows what was
            // refused
            case EMAIL -> change("", from, to != null ? to : emptyToNull(row.value(Operation.Columns.EMAIL)));
            case SUSPEND, RESTORE, REMOVE -> change("access: ", from, to);
            case DEACTIVATE, ENABLE -> change("status: ", from, to);
            case DELETE, CANCEL_DELETE -> change("deletion: ", deletion(from), deletion(to));
            case GROUP_ADD, GROUP_REMOVE ->
                change("group " + row.value(Operation.Columns.GROUP) + ": ", membership(from), membership(to));
            case PROFILE -> profile(row, from, to);
            case ACCESS_REVOKE, ACCESS_GRANT ->
                change("product " + row.value(Operation.Columns.PRODUCT) + ": ", access(from), access(to));
            case POLICY_ADD ->
                change(
                        "policy: ",
                        from == null ? null : "unknown (the API does not tell)",
                        to == null ? null : row.value(Operation.Columns.POLICY));
            case TOKEN_REVOKE -> change(token(row), tokenState(from), tokenState(to));
            case OFFBOARD, REINSTATE -> OffboardHandler.describe(op, from, to != null);
        };
    }

    /** Whether a write with this target revokes an API token, which nothing gives back. */
    public static boolean revokesToken(String to) {
        return to != null && to.startsWith(TokenRevokeHandler.REVOKED);
    }

    private static String change(String label, String from, String to) {
        if (from == null || from.isEmpty()) {
            return to == null ? "" : label + "→ " + to;
        }
        return label + from + (to == null || to.equals(from) ? "" : ARROW + to);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String deletion(String state) {
        return state == null
                ? null
                : StateHandlers.FOR_DELETION.equals(state)
                        ? "scheduled"
                        : StateHandlers.KEPT.equals(state) ? "not scheduled" : state;
    }

    /** {@code token 'ci-pipeline': }, or the token's ID when the file gives no label. */
    private static String token(PlanRow row) {
        String label = row.value(Operation.Columns.LABEL);
        return "token " + (label.isEmpty() ? row.value(Operation.Columns.TOKEN_ID) : "'" + label + "'") + ": ";
    }

    private static String tokenState(String state) {
        return state == null
                ? null
                : state.substring(0, Math.max(0, state.indexOf(':'))).replace("present", "exists");
    }

    private static String membership(String state) {
        return state == null
                ? null
                : state.startsWith("in:") ? "member" : state.startsWith("out:") ? "not a member" : state;
    }

    private static String access(String state) {
        return state == null
                ? null
                : state.startsWith(AccessHandler.HAS)
                        ? "has access"
                        : state.startsWith(AccessHandler.LACKS) ? "no access" : state;
    }

    /** One line a field: the fields this row changes, or, when nothing is to change, the values the file gives. */
    private static String profile(PlanRow row, String from, String to) {
        Map<String, String> before = parse(from);
        Map<String, String> after = parse(to);
        List<String> lines = new ArrayList<>();
        if (!after.isEmpty()) {
            after.forEach((field, value) -> lines.add(field + ": " + shown(before.get(field)) + ARROW + shown(value)));
        } else {
            for (String field : AccountState.PROFILE_COLUMNS) {
                String wanted = row.value(field);
                if (!wanted.isEmpty()) {
                    String now = before.get(field);
                    lines.add(field + ": "
                            + (now == null || Objects.equals(now, wanted)
                                    ? shown(wanted)
                                    : shown(now) + " (file: " + shown(wanted) + ")")
                            + (to == null ? " (wanted)" : ""));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static Map<String, String> parse(String json) {
        try {
            return json == null || !json.startsWith("{") ? Map.of() : ProfileHandler.parse(json);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static String shown(String value) {
        return value == null || value.isEmpty() ? "(empty)" : value;
    }
}
