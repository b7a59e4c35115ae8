package io.orgshell.plan;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A plan checked against the live org: one check per row, and the writes in the order they must be sent;
 * {@code orgAccounts} (the org's managed accounts) and {@code adminRows} (OK rows on org admins, and rows that
 * put accounts in or out of an admin group) feed the safety limit; {@code adminAccounts} (OK rows on org admins, or
 * on accounts the org did not say are not) tells the run whether preview let admins through; {@code lookup} says
 * how the org was read (null for a preview read back from a run's files).
 */
public record Preview(
        Plan plan,
        String orgId,
        List<RowCheck> checks,
        List<Step> steps,
        Instant at,
        int orgAccounts,
        int adminRows,
        int adminAccounts,
        String lookup) {

    /**
     * The rows as preview read them: a row that named its account by email carries the account ID preview found, and
     * the run, its journal and its undo plan go by that ID.
     */
    public List<PlanRow> rows() {
        return checks.stream().map(RowCheck::row).toList();
    }

    public Map<Verdict, Long> counts() {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
        checks.forEach(c -> counts.merge(c.verdict(), 1L, Long::sum));
        return counts;
    }

    public long count(Verdict verdict) {
        return checks.stream().filter(c -> c.verdict() == verdict).count();
    }

    public RowCheck check(int rowIndex) {
        return checks.get(rowIndex);
    }
}
