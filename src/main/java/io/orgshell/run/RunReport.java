package io.orgshell.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.orgshell.csv.SafeCsvWriter;
import io.orgshell.plan.Handlers;
import io.orgshell.plan.Operation;
import io.orgshell.plan.OperationHandler;
import io.orgshell.plan.Preview;
import io.orgshell.plan.RowCheck;
import io.orgshell.plan.Step;
import io.orgshell.plan.Verdict;

/**
 * Row outcomes of a run, derived from the previewed plan and the step results, and the two files made from them:
 * {@code results.csv} (every input column, then outcome, reason, HTTP status and API error code) and
 * {@code undo.csv} (a loadable plan that puts every changed account back).
 */
public final class RunReport {

    public static final String PENDING = "pending";

    /** One row's end; {@code outcome} null while the row still has steps to run. */
    public record RowOutcome(RowCheck check, Outcome outcome, String reason, int status, String code, String now) {
    }

    private RunReport() {
    }

    public static List<RowOutcome> outcomes(Preview preview, Map<Integer, StepResult> results) {
        Map<Integer, List<Step>> stepsByRow = new LinkedHashMap<>();
        for (Step s : preview.steps()) {
            stepsByRow.computeIfAbsent(s.rowIndex(), k -> new ArrayList<>(2)).add(s);
        }
        List<RowOutcome> out = new ArrayList<>(preview.checks().size());
        for (RowCheck c : preview.checks()) {
            String original = c.current();
            if (c.verdict() == Verdict.ALREADY_DONE) {
                out.add(new RowOutcome(c, Outcome.ALREADY_DONE, c.reason(), 0, null, original));
                continue;
            }
            if (c.verdict() != Verdict.OK) {
                out.add(new RowOutcome(c, Outcome.SKIPPED, c.verdict().label().toLowerCase() + " at preview: "
                        + c.reason(), 0, null, original));
                continue;
            }
            List<Step> steps = stepsByRow.getOrDefault(c.row().index(), List.of());
            String now = original;
            StepResult last = null;
            boolean allDone = !steps.isEmpty();
            for (Step s : steps) {
                StepResult r = results.get(s.number());
                if (r == null) {
                    allDone = false;
                    break;
                }
                if (r.outcome().succeeded()) {
                    now = s.to();
                }
                last = r;
                if (!r.outcome().succeeded()) {
                    break;
                }
            }
            if (last != null && !last.outcome().succeeded()) {
                String reason = last.reason();
                if (preview.plan().operation() == Operation.EMAIL
                        && !now.equalsIgnoreCase(original == null ? "" : original)) {
                    reason = "left at the temporary address " + now + ": " + reason;
                }
                out.add(new RowOutcome(c, last.outcome(), reason, last.status(), last.code(), now));
            } else if (allDone) {
                out.add(new RowOutcome(c, last.outcome(), last.reason(), last.status(), last.code(), now));
            } else {
                out.add(new RowOutcome(c, null, PENDING, 0, null, now));
            }
        }
        return out;
    }

    public static Map<String, Long> counts(List<RowOutcome> outcomes) {
        Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        long pending = 0;
        for (RowOutcome o : outcomes) {
            if (o.outcome() == null) {
                pending++;
            } else {
                byOutcome.merge(o.outcome(), 1L, Long::sum);
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            counts.put(o.label(), byOutcome.getOrDefault(o, 0L));
        }
        counts.put(PENDING, pending);
        return counts;
    }

    public static void write(RunDirectory dir, Preview preview, List<RowOutcome> outcomes) throws IOException {
        List<String> header = new ArrayList<>(preview.plan().header());
        header.addAll(List.of("outcome", "reason", "http_status", "error_code"));
        try (SafeCsvWriter results = SafeCsvWriter.open(dir.results(), header)) {
            for (RowOutcome o : outcomes) {
                List<Object> cells = new ArrayList<>(o.check().row().cells());
                while (cells.size() < preview.plan().header().size()) {
                    cells.add("");
                }
                cells.add(o.outcome() == null ? PENDING : o.outcome().label());
                cells.add(o.reason() == null ? "" : o.reason());
                cells.add(o.status() == 0 ? "" : o.status());
                cells.add(o.code() == null ? "" : o.code());
                results.row(cells);
            }
            results.commit();
        }
        writeUndo(dir, preview, outcomes);
    }

    /**
     * The inverse of every change that landed, as a plan of the inverse operation: from where the account is now back
     * to where it was at preview. An operation without an inverse (remove) gets no undo plan.
     */
    static void writeUndo(RunDirectory dir, Preview preview, List<RowOutcome> outcomes) throws IOException {
        OperationHandler handler = Handlers.of(preview.plan().operation());
        if (handler.inverse() == null) {
            java.nio.file.Files.deleteIfExists(dir.undo());
            return;
        }
        try (SafeCsvWriter undo = SafeCsvWriter.open(dir.undo(), handler.undoHeader())) {
            for (RowOutcome o : outcomes) {
                String original = o.check().current();
                if (original != null && o.now() != null && !handler.same(o.now(), original)) {
                    undo.row(handler.undoRow(o.check().row(), original, o.now()));
                }
            }
            undo.commit();
        }
    }

}
