package io.orgshell.run;

import io.orgshell.csv.SafeCsvWriter;
import io.orgshell.plan.Operation;
import io.orgshell.plan.OperationHandler;
import io.orgshell.plan.OperationHandlers;
import io.orgshell.plan.Preview;
import io.orgshell.plan.RowCheck;
import io.orgshell.plan.Step;
import io.orgshell.plan.Verdict;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Row outcomes of a run, derived from the previewed plan and the step results, and the two files made from them:
 * {@code results.csv} (every input column, then outcome, reason, HTTP status and API error code) and
 * {@code undo.csv} (a loadable plan that puts every changed account back). Both are written through the formula
 * guard, header included, and forced to disk before they replace the previous version.
 */
public final class RunReport {

    /** One row's end; {@code outcome} null while the row still has steps to run. */
    public record RowOutcome(RowCheck check, Outcome outcome, String reason, int status, String code, String now) {}

    private RunReport() {}

    /** One row's outcome from its preview check, its steps in order and the step results so far. */
    static RowOutcome outcome(Preview preview, RowCheck c, List<Step> steps, Map<Integer, StepResult> results) {
        String original = c.current();
        if (c.verdict() == Verdict.ALREADY_DONE) {
            return new RowOutcome(c, Outcome.ALREADY_DONE, c.reason(), 0, null, original);
        }
        if (c.verdict() != Verdict.OK) {
            return new RowOutcome(
                    c,
                    Outcome.SKIPPED,
                    c.verdict().label().toLowerCase() + " at preview: " + c.reason(),
                    0,
                    null,
                    original);
        }
        // a row of several independent steps (offboarding) goes on after one fails: its state is every step that landed
        OperationHandler handler = OperationHandlers.of(preview.plan().operation());
        String now = original;
        StepResult last = null;
        StepResult failed = null;
        Step failedStep = null;
        StepResult applied = null;
        boolean allDone = !steps.isEmpty();
        for (Step s : steps) {
            StepResult r = results.get(s.number());
            if (r == null) {
                allDone = false;
                continue;
            }
            if (r.outcome().succeeded()) {
                now = handler.landed(now, s);
            } else if (failed == null) {
                failed = r;
                failedStep = s;
            }
            if (r.outcome() == Outcome.APPLIED && applied == null) {
                applied = r;
            }
            last = r;
        }
        if (failed != null) {
            String step = handler.stepName(failedStep, original);
            String reason = step == null ? failed.reason() : step + ": " + failed.reason();
            if (preview.plan().operation() == Operation.EMAIL
                    && !now.equalsIgnoreCase(original == null ? "" : original)) {
                reason = "left at the temporary address " + now + ": " + reason;
            }
            return new RowOutcome(c, failed.outcome(), reason, failed.status(), failed.code(), now);
        }
        if (allDone) {
            StepResult told = applied != null && preview.plan().operation() != Operation.EMAIL ? applied : last;
            return new RowOutcome(c, told.outcome(), told.reason(), told.status(), told.code(), now);
        }
        return new RowOutcome(c, null, OutcomeCounts.PENDING, 0, null, now);
    }

    /** The failed rows recorded in {@code results.csv}, at most {@code limit}: the first column, then why. */
    public static List<String> failures(RunDirectory dir, int limit) throws IOException {
        List<String> failed = new ArrayList<>();
        eachResult(dir, rec -> {
            if (failed.size() < limit && Outcome.FAILED.label().equals(rec.get("outcome"))) {
                failed.add(
                        SafeCsvWriter.unneutralise(rec.get(0)) + "  " + SafeCsvWriter.unneutralise(rec.get("reason")));
            }
        });
        return failed;
    }

    /**
     * Each row of the run's {@code results.csv} in order, cells as written (still formula-guarded); none when it has
     * not been written yet. The input's header may repeat or leave out names, as {@link #write} keeps them.
     */
    static void eachResult(RunDirectory dir, Consumer<CSVRecord> row) throws IOException {
        if (!Files.exists(dir.results())) {
            return;
        }
        try (Reader reader = Files.newBufferedReader(dir.results());
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                        .setAllowMissingColumnNames(true)
                        .get()
                        .parse(reader)) {
            parser.forEach(row);
        }
    }

    /** Whether the run's {@code undo.csv} holds at least one account to put back. */
    static boolean undoHasRows(RunDirectory dir) throws IOException {
        try (Reader reader = Files.newBufferedReader(dir.undo());
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            return parser.iterator().hasNext();
        }
    }

    public static void write(RunDirectory dir, Preview preview, List<RowOutcome> outcomes) throws IOException {
        // the input's own header names are the user's data too: guarded like every cell
        List<String> header = new ArrayList<>(
                preview.plan().header().stream().map(SafeCsvWriter::neutralise).toList());
        header.addAll(List.of("outcome", "reason", "http_status", "error_code"));
        try (SafeCsvWriter results = SafeCsvWriter.open(dir.results(), header)) {
            for (RowOutcome o : outcomes) {
                List<Object> cells = new ArrayList<>(o.check().row().cells());
                while (cells.size() < preview.plan().header().size()) {
                    cells.add("");
                }
                cells.add(
                        o.outcome() == null
                                ? OutcomeCounts.PENDING
                                : o.outcome().label());
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
        OperationHandler handler = OperationHandlers.of(preview.plan().operation());
        if (handler.inverse() == null) {
            Files.deleteIfExists(dir.undo());
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
