package io.orgshell.plan;

import java.util.List;
import java.util.Map;

/**
 * One row of a loaded plan: where it came from (file line), the account, the operation's values by canonical
 * column, every input cell (kept for the results file), and why it cannot run if the file already says so.
 */
public record PlanRow(
        int index,
        int line,
        String accountId,
        Map<String, String> values,
        List<String> cells,
        String invalidReason,
        String conflictReason) {

    public String value(String column) {
        String v = values.get(column);
        return v == null ? "" : v;
    }

    public boolean isInvalid() {
        return invalidReason != null;
    }

    public boolean isConflicting() {
        return conflictReason != null;
    }
}
