package io.orgshell.plan;

import io.orgshell.plan.Operation.Columns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Profile updates: only the fields a row fills in and that differ are sent. The state is those fields as JSON,
 * so a field changed by someone else since preview is noticed.
 */
final class ProfileHandler implements OperationHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> API_NAMES = Map.of(
            "name",
            "name",
            "nickname",
            "nickname",
            "timezone",
            "zoneinfo",
            "job_title",
            "job_title",
            "department",
            "department",
            "organization",
            "organization",
            "location",
            "location");
    private static final List<String> EXTENDED = List.of("job_title", "department", "organization", "location");

    @Override
    public Operation operation() {
        return Operation.PROFILE;
    }

    @Override
    public Assessment assess(PlanRow row, AccountState a, WriteContext ctx) {
        if (Boolean.TRUE.equals(a.synced())) {
            return Assessment.blocked(
                    null, "account is managed by an identity provider (SCIM); change its profile " + "there");
        }
        Map<String, String> now = a.profile() == null ? Map.of() : a.profile();
        Map<String, String> wanted = new LinkedHashMap<>();
        Map<String, String> before = new LinkedHashMap<>();
        for (String column : AccountState.PROFILE_COLUMNS) {
            String v = row.value(column);
            if (!v.isEmpty() && !Objects.equals(v, now.get(column))) {
                wanted.put(column, v);
                before.put(column, now.get(column) == null ? "" : now.get(column));
            }
        }
        if (wanted.isEmpty()) {
            return new Assessment("{}", "{}", null);
        }
        return new Assessment(json(before), json(wanted), null);
    }

    @Override
    public String state(AccountState a, Step s) {
        Map<String, String> now = a.profile() == null ? Map.of() : a.profile();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String column : parse(s.to()).keySet()) {
            fields.put(column, now.get(column) == null ? "" : now.get(column));
        }
        return json(fields);
    }

    @Override
    public AccountState applied(AccountState a, Step s) {
        return a.withProfile(parse(s.to()));
    }

    @Override
    public Shows shows(AccountState a, Step s) {
        return a != null && a.profile() == null ? Shows.CANNOT_TELL : OperationHandler.super.shows(a, s);
    }

    @Override
    public Integer write(Step s, PlanRow row, WriteContext ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> extended = new LinkedHashMap<>();
        parse(s.to())
                .forEach((column, value) ->
                        (EXTENDED.contains(column) ? extended : body).put(API_NAMES.get(column), value));
        if (!extended.isEmpty()) {
            body.put("extended_profile", extended);
        }
        return ctx.client().users().updateProfile(s.accountId(), body);
    }

    @Override
    public Operation inverse() {
        return Operation.PROFILE;
    }

    @Override
    public List<String> undoHeader() {
        List<String> h = new ArrayList<>(List.of(Columns.ACCOUNT_ID));
        h.addAll(AccountState.PROFILE_COLUMNS);
        return h;
    }

    /** The previous values of the changed fields; an empty cell leaves a field alone. */
    @Override
    public List<String> undoRow(PlanRow row, String from, String to) {
        Map<String, String> before = parse(from);
        List<String> cells = new ArrayList<>(List.of(row.accountId()));
        for (String column : AccountState.PROFILE_COLUMNS) {
            cells.add(before.getOrDefault(column, ""));
        }
        return cells;
    }

    static String json(Map<String, String> fields) {
        return JSON.writeValueAsString(fields);
    }

    static Map<String, String> parse(String json) {
        return json == null || json.isBlank()
                ? Map.of()
                : JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    }
}
