package io.orgshell.run;

import io.orgshell.plan.Preview;
import io.orgshell.plan.RowCheck;
import io.orgshell.plan.Step;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each row's outcome and the counts over all rows, kept up to date one step at a time: a step result (or its
 * removal for a retry) re-derives only the row that step belongs to. Results arrive from several threads at once.
 */
final class RunTally {

    private final Preview preview;
    private final Map<Integer, StepResult> results;
    private final List<List<Step>> stepsByRow;
    private final Map<Integer, Integer> rowOfStep = new HashMap<>();
    private final RunReport.RowOutcome[] rows;
    private final EnumMap<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    private long pending;

    /** {@code results} is the run's live map of step results; the tally reads it, never writes it. */
    RunTally(Preview preview, Map<Integer, StepResult> results) {
        this.preview = preview;
        this.results = results;
        int n = preview.checks().size();
        stepsByRow = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            stepsByRow.add(new ArrayList<>(1));
        }
        for (Step s : preview.steps()) {
            stepsByRow.get(s.rowIndex()).add(s);
            rowOfStep.put(s.number(), s.rowIndex());
        }
        rows = new RunReport.RowOutcome[n];
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0L);
        }
        for (int i = 0; i < n; i++) {
            rows[i] = derive(i);
            add(rows[i], 1);
        }
    }

    /** The result of {@code step} arrived in (or was removed from) the results map. */
    synchronized void update(int step) {
        Integer row = rowOfStep.get(step);
        if (row == null) {
            return;
        }
        add(rows[row], -1);
        rows[row] = derive(row);
        add(rows[row], 1);
    }

    synchronized OutcomeCounts counts() {
        return new OutcomeCounts(counts, pending);
    }

    synchronized boolean anyFailed() {
        return counts.get(Outcome.FAILED) > 0;
    }

    synchronized List<RunReport.RowOutcome> outcomes() {
        return List.of(rows);
    }

    /** The failed rows so far, in file order: line, account and why. */
    synchronized List<String> failures() {
        List<String> out = new ArrayList<>();
        for (RunReport.RowOutcome o : rows) {
            if (o.outcome() == Outcome.FAILED) {
                out.add("line " + o.check().row().line() + "  "
                        + o.check().row().accountId() + "  " + o.reason());
            }
        }
        return out;
    }

    private RunReport.RowOutcome derive(int row) {
        RowCheck check = preview.checks().get(row);
        return RunReport.outcome(preview, check, stepsByRow.get(check.row().index()), results);
    }

    private void add(RunReport.RowOutcome o, long n) {
        if (o.outcome() == null) {
            pending += n;
        } else {
            counts.merge(o.outcome(), n, Long::sum);
        }
    }
}
