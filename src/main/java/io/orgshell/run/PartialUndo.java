package io.orgshell.run;

import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserFacingException;
import io.orgshell.csv.SafeCsvWriter;
import io.orgshell.plan.Operation;
import io.orgshell.plan.OperationHandler;
import io.orgshell.plan.OperationHandlers;
import io.orgshell.plan.Preview;
import io.orgshell.plan.RowCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The undo plan of some of a run's rows, or of the rows no later undo has put back yet. An undo is itself a run whose
 * plan file lies in the undone run's directory; the accounts such runs applied (or found already back) are left out,
 * so no row is undone twice however the run is undone in parts.
 */
final class PartialUndo {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int NAMED = 5;

    private PartialUndo() {}

    /**
     * The file to load: {@code undo.csv} itself when the whole run is undone for the first time, else a file of the
     * rows chosen and not yet undone, written next to it. Empty when the run changed no account.
     */
    static Path plan(
            RunStore store,
            RunDirectory dir,
            RunMeta meta,
            UndoChoice choice,
            Map<String, String> idOfEmail,
            Consumer<String> notes)
            throws IOException {
        Map<String, String> undoneBy = undoneAccounts(store, dir);
        if (choice == null && undoneBy.isEmpty()) {
            return dir.undo();
        }
        Preview preview = PlanArchive.read(dir, meta);
        List<RunReport.RowOutcome> outcomes = outcomes(dir, preview);
        OperationHandler handler = OperationHandlers.of(preview.plan().operation());
        Set<Integer> chosen = chosenRows(dir, meta, preview, outcomes, choice, idOfEmail);
        String what = choice == null ? "run " + meta.id() : choice.describe() + " of run " + meta.id();
        List<RunReport.RowOutcome> toUndo = new ArrayList<>();
        List<String> notApplied = new ArrayList<>();
        Map<String, Integer> alreadyUndone = new LinkedHashMap<>();
        for (RunReport.RowOutcome o : outcomes) {
            if (!chosen.contains(o.check().row().index())) {
                continue;
            }
            String original = o.check().current();
            if (original == null || o.now() == null || handler.same(o.now(), original)) {
                notApplied.add("line " + o.check().row().line() + " ("
                        + (o.outcome() == null
                                ? OutcomeCounts.PENDING
                                : o.outcome().label()) + ")");
                continue;
            }
            // compared as the undo run read it: the row this one's undo plan holds
            List<String> undoRow = handler.undoRow(o.check().row(), original, o.now());
            List<String> undoHeader = handler.undoHeader();
            String by = undoneBy.get(key(o.check().row().accountId()) + "|"
                    + target(name -> undoHeader.contains(name) ? undoRow.get(undoHeader.indexOf(name)) : null));
            if (by != null) {
                alreadyUndone.merge(by, 1, Integer::sum);
                continue;
            }
            toUndo.add(o);
        }
        if (!notApplied.isEmpty()) {
            notes.accept("left out " + notApplied.size() + " row(s) of " + what + " that it did not change: "
                    + named(notApplied));
        }
        alreadyUndone.forEach((run, n) -> notes.accept("left out " + n + " row(s) already undone by run " + run));
        if (toUndo.isEmpty()) {
            if (choice == null && notApplied.isEmpty() && alreadyUndone.isEmpty()) {
                return null;
            }
            throw new UserFacingException(
                    "nothing to undo: "
                            + (alreadyUndone.isEmpty()
                                    ? "run " + meta.id() + " applied none of the rows of " + what
                                    : "every row of " + what + " it changed has been undone already"),
                    ExitCodes.USAGE);
        }
        Path file = dir.path().resolve("undo-part-" + LocalDateTime.now().format(STAMP) + ".csv");
        for (int n = 2; Files.exists(file); n++) {
            file = dir.path().resolve("undo-part-" + LocalDateTime.now().format(STAMP) + "-" + n + ".csv");
        }
        try (SafeCsvWriter undo = SafeCsvWriter.open(file, handler.undoHeader())) {
            for (RunReport.RowOutcome o : toUndo) {
                undo.row(handler.undoRow(o.check().row(), o.check().current(), o.now()));
            }
            undo.commit();
        }
        notes.accept("undo of " + what + ": " + toUndo.size() + " row(s), in " + file);
        return file;
    }

    /** Every row's outcome, a write sent but never confirmed counted as landed, as {@code undo.csv} counts it. */
    private static List<RunReport.RowOutcome> outcomes(RunDirectory dir, Preview preview) throws IOException {
        Map<Integer, StepResult> results = new HashMap<>();
        if (Files.exists(dir.journal())) {
            RunJournal.Replay replay = RunJournal.replay(dir.journal());
            results.putAll(replay.results());
            RunService.markWaiting(preview.steps(), results);
            replay.uncertain()
                    .forEach(step -> results.putIfAbsent(
                            step, new StepResult(step, Outcome.APPLIED, 0, null, "sent; not confirmed")));
        }
        return new RunTally(preview, results).outcomes();
    }

    private static Set<Integer> chosenRows(
            RunDirectory dir,
            RunMeta meta,
            Preview preview,
            List<RunReport.RowOutcome> outcomes,
            UndoChoice choice,
            Map<String, String> idOfEmail)
            throws IOException {
        Set<Integer> rows = new HashSet<>();
        if (choice == null) {
            outcomes.forEach(o -> rows.add(o.check().row().index()));
            return rows;
        }
        if (choice.batch() != null) {
            List<List<Integer>> batches = Files.exists(dir.journal()) ? RunJournal.batches(dir.journal()) : List.of();
            if (batches.isEmpty()) {
                throw new UserFacingException(
                        "run " + meta.id() + " recorded no batches (it sent nothing, or was made by an earlier "
                                + "version): choose its rows with --lines or --accounts",
                        ExitCodes.USAGE);
            }
            if (choice.batch() > batches.size()) {
                throw new UserFacingException(
                        "run " + meta.id() + " has no batch " + choice.batch() + ": it sent batches 1-"
                                + batches.size(),
                        ExitCodes.USAGE);
            }
            Map<Integer, Integer> rowOfStep = new HashMap<>();
            preview.steps().forEach(s -> rowOfStep.put(s.number(), s.rowIndex()));
            batches.get(choice.batch() - 1).forEach(step -> {
                Integer row = rowOfStep.get(step);
                if (row != null) {
                    rows.add(row);
                }
            });
        } else if (choice.lines() != null) {
            preview.checks().stream()
                    .filter(c -> choice.lines().contains(c.row().line()))
                    .forEach(c -> rows.add(c.row().index()));
            if (rows.isEmpty()) {
                throw new UserFacingException(
                        choice.describe() + " match no row of run " + meta.id() + " (its plan has lines "
                                + preview.checks().get(0).row().line() + "-"
                                + preview.checks()
                                        .get(preview.checks().size() - 1)
                                        .row()
                                        .line() + ")",
                        ExitCodes.USAGE);
            }
        } else {
            Set<String> found = new HashSet<>();
            for (RunReport.RowOutcome o : outcomes) {
                Set<String> names = names(preview.plan().operation(), o);
                Set<String> hit = new HashSet<>();
                for (String wanted : choice.accounts()) {
                    if (names.contains(wanted) || names.contains(idOfEmail.getOrDefault(wanted, ""))) {
                        hit.add(wanted);
                    }
                }
                if (!hit.isEmpty()) {
                    rows.add(o.check().row().index());
                    found.addAll(hit);
                }
            }
            List<String> unknown =
                    choice.accounts().stream().filter(a -> !found.contains(a)).toList();
            if (rows.isEmpty()) {
                throw new UserFacingException(
                        "no row of run " + meta.id() + " is about " + named(unknown), ExitCodes.USAGE);
            }
            if (!unknown.isEmpty()) {
                throw new UserFacingException(
                        "no row of run " + meta.id() + " is about " + named(unknown)
                                + "; name only accounts the run has rows for",
                        ExitCodes.USAGE);
            }
        }
        return rows;
    }

    /**
     * What a row's account can be named by in the run's own files: its ID, and for an email change the addresses
     * before and after (a run's files keep no other address; the org tells the rest).
     */
    private static Set<String> names(Operation op, RunReport.RowOutcome o) {
        Set<String> names = new HashSet<>();
        RowCheck c = o.check();
        add(names, c.row().accountId());
        add(names, c.row().values().get(Operation.Columns.EMAIL));
        if (c.account() != null) {
            add(names, c.account().email());
        }
        if (op == Operation.EMAIL) {
            add(names, c.current());
            add(names, o.now());
        }
        return names;
    }

    private static void add(Set<String> names, String value) {
        if (value != null && !value.isBlank()) {
            names.add(key(value));
        }
    }

    private static String key(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String named(List<String> items) {
        return String.join(", ", items.subList(0, Math.min(NAMED, items.size())))
                + (items.size() > NAMED ? " and " + (items.size() - NAMED) + " more" : "");
    }

    /**
     * The accounts earlier undos of this run put back, by the undo run that did: runs whose plan file lies in this
     * run's directory, and the rows their results record as applied or already done.
     */
    private static Map<String, String> undoneAccounts(RunStore store, RunDirectory dir) {
        Path home = dir.path().toAbsolutePath().normalize();
        Map<String, String> undone = new HashMap<>();
        for (RunMeta other : store.list()) {
            if (other.source() == null || other.id().equals(dir.id())) {
                continue;
            }
            Path source;
            try {
                source = Path.of(other.source()).toAbsolutePath().normalize();
            } catch (RuntimeException e) {
                continue;
            }
            if (!source.startsWith(home)) {
                continue;
            }
            RunDirectory undoRun = new RunDirectory(other.id(), store.root().resolve(other.id()));
            try {
                RunRefresh.bringUpToDate(undoRun, false);
            } catch (RuntimeException e) {
                // its results.csv as last written is still what it recorded
            }
            for (String account : settled(undoRun)) {
                undone.putIfAbsent(account, other.id());
            }
        }
        return undone;
    }

    /**
     * What a row changes of its account besides the account itself: its group or product, so that undoing one of an
     * account's groups does not count as undoing the others.
     */
    private static String target(Function<String, String> column) {
        StringBuilder t = new StringBuilder();
        for (String name : List.of(Operation.Columns.GROUP, Operation.Columns.PRODUCT)) {
            String v = column.apply(name);
            t.append(key(v == null ? null : SafeCsvWriter.unneutralise(v))).append('|');
        }
        return t.toString();
    }

    /** The account and target ({@link #target}) of the rows a run's results record as applied or already done. */
    private static List<String> settled(RunDirectory run) {
        List<String> ids = new ArrayList<>();
        try {
            RunReport.eachResult(run, rec -> {
                if (!rec.isMapped(Operation.Columns.ACCOUNT_ID)) {
                    return;
                }
                String outcome = rec.get("outcome");
                if (Outcome.APPLIED.label().equals(outcome)
                        || Outcome.ALREADY_DONE.label().equals(outcome)) {
                    ids.add(key(SafeCsvWriter.unneutralise(rec.get(Operation.Columns.ACCOUNT_ID))) + "|"
                            + target(name -> rec.isMapped(name) ? rec.get(name) : null));
                }
            });
        } catch (IOException | RuntimeException e) {
            // an unreadable results file undid nothing we can name; the undo's own preview still finds those back
        }
        return ids;
    }
}
