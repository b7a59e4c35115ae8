package io.orgshell.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.orgshell.console.Console;
import io.orgshell.console.Styles;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.Strings;
import io.orgshell.plan.ChangeText;
import io.orgshell.plan.DirectoryPlanner;
import io.orgshell.plan.Operation;
import io.orgshell.plan.OperationHandlers;
import io.orgshell.plan.Plan;
import io.orgshell.plan.PlanRow;
import io.orgshell.plan.Preview;
import io.orgshell.plan.ReasonKinds;
import io.orgshell.plan.RowCheck;
import io.orgshell.plan.Step;
import io.orgshell.plan.Verdict;
import io.orgshell.run.RunOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code preview}: every row's verdict and every write in run order. The document has every row; the table the rows
 * that will not run ({@code --all}: every row), the first {@link #SHOWN_ROWS} of them. A row says the same in both:
 * its account's email and name, its verdict and why, the state now and the state asked for.
 */
record PreviewView(
        StatusView.LoadedPlan plan,
        String lookup,
        Map<String, Long> counts,
        Map<String, Map<String, Long>> reasons,
        int writes,
        boolean undoable,
        String safetyWarning,
        List<Write> writeOrder,
        List<Row> rows,
        @JsonIgnore Operation operation,
        @JsonIgnore boolean all,
        @JsonIgnore Set<Verdict> only,
        @JsonIgnore boolean activity)
        implements Listing {

    static final int SHOWN_ROWS = 30;
    static final int SHOWN_WRITES = 20;
    /** Reasons named after a verdict's count; the rarer ones are counted together. */
    static final int SHOWN_REASONS = 6;
    /** The reason lines fit an 80-column terminal: a kind is cut to this many characters. */
    static final int REASON_WIDTH = 56;

    static final int LINE_WIDTH = 78;
    /** The column a plan built with {@code --inactive-since} carries each account's last activity in. */
    static final String LAST_ACTIVE = DirectoryPlanner.LAST_ACTIVE;

    /** One write; {@code step} numbered from 1, {@code after}: the step it waits for. */
    record Write(int step, int line, String accountId, String from, String to, boolean temporary, Integer after) {}

    /**
     * {@code email}: the account's current address as preview found it (the address the file gives when preview
     * found no account); {@code name}: the account's, null when preview found none; {@code current}: the account's
     * state in the operation's terms (null when preview did not read it); {@code target}: what the row asks for, by
     * canonical column; {@code change}: the two in words, for the table; {@code lastActive}: the plan's
     * {@code last_active} cell, when it has that column (a plan built with {@code --inactive-since}).
     */
    record Row(
            int line,
            String accountId,
            String email,
            String name,
            String verdict,
            String reason,
            String current,
            Map<String, String> target,
            @JsonInclude(JsonInclude.Include.NON_NULL) String lastActive,
            @JsonIgnore String change) {

        String verdictLabel() {
            return Verdict.valueOf(verdict).label();
        }
    }

    /** {@code safetyWarning}: what the run will refuse without {@code --override-limit}, null when nothing. */
    static PreviewView of(Preview preview, String finishedByRun, String safetyWarning, boolean all) {
        return of(preview, finishedByRun, safetyWarning, all, null);
    }

    /** {@code only}: the verdicts whose rows are listed (null: those that will not run, or every one). */
    static PreviewView of(Preview preview, String finishedByRun, String safetyWarning, boolean all, Set<Verdict> only) {
        Plan plan = preview.plan();
        Operation op = plan.operation();
        Map<String, Long> counts = new LinkedHashMap<>();
        preview.counts().forEach((v, n) -> counts.put(key(v), n));
        Map<String, Map<String, Long>> reasons = new LinkedHashMap<>();
        ReasonKinds.count(preview.checks()).forEach((v, kinds) -> reasons.put(key(v), kinds));
        int activityColumn = activityColumn(plan);
        List<Write> order = new ArrayList<>(preview.steps().size());
        Map<Integer, Step> lastStep = new HashMap<>();
        for (Step st : preview.steps()) {
            lastStep.put(st.rowIndex(), st);
            order.add(new Write(
                    st.number() + 1,
                    plan.rows().get(st.rowIndex()).line(),
                    st.accountId(),
                    st.from(),
                    st.to(),
                    st.temporary(),
                    st.after() < 0 ? null : st.after() + 1));
        }
        List<Row> rows = new ArrayList<>(preview.checks().size());
        for (RowCheck c : preview.checks()) {
            if (only == null || only.contains(c.verdict())) {
                rows.add(row(op, c, lastStep.get(c.row().index()), activityColumn));
            }
        }
        return new PreviewView(
                StatusView.plan(plan, true, finishedByRun),
                preview.lookup(),
                counts,
                reasons,
                preview.steps().size(),
                OperationHandlers.of(op).inverse() != null,
                safetyWarning,
                order,
                rows,
                op,
                all,
                only,
                activityColumn >= 0);
    }

    private static String key(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT);
    }

    /** Where the plan keeps each account's last activity, or -1. */
    private static int activityColumn(Plan plan) {
        for (int i = 0; i < plan.header().size(); i++) {
            if (LAST_ACTIVE.equalsIgnoreCase(plan.header().get(i).strip())) {
                return i;
            }
        }
        return -1;
    }

    private static Row row(Operation op, RowCheck c, Step last, int activityColumn) {
        PlanRow r = c.row();
        Map<String, String> target = new LinkedHashMap<>();
        r.values().forEach((column, value) -> {
            // not the account ID, nor the columns that only state what the account has now
            boolean asked = !column.equals(Operation.Columns.ACCOUNT_ID)
                    && !column.equals(Operation.Columns.OLD_EMAIL)
                    && (op == Operation.EMAIL || !column.equals(Operation.Columns.EMAIL));
            if (asked && value != null && !value.isEmpty()) {
                target.put(column, value);
            }
        });
        String email = c.account() != null && c.account().email() != null
                ? c.account().email()
                : op == Operation.EMAIL ? c.current() : r.values().get(Operation.Columns.EMAIL);
        return new Row(
                r.line(),
                r.accountId(),
                email == null || email.isEmpty() ? null : email,
                c.account() == null ? null : c.account().name(),
                c.verdict().name(),
                RowReasons.of(c),
                c.current(),
                target,
                activityColumn >= 0 && activityColumn < r.cells().size()
                        ? r.cells().get(activityColumn)
                        : null,
                ChangeText.of(op, r, c.current(), wanted(op, c, last)));
    }

    /** The state a row's write leads to: null when it will not be written, the state now when already done. */
    private static String wanted(Operation op, RowCheck c, Step last) {
        if (c.verdict() == Verdict.ALREADY_DONE) {
            return c.current();
        }
        if (c.verdict() != Verdict.OK) {
            return null;
        }
        // an email swap ends at the file's address, after a detour through a temporary one
        return op == Operation.EMAIL ? c.row().value(Operation.Columns.EMAIL) : last == null ? null : last.to();
    }

    /** The rows the table lists: those of the verdicts chosen, else those that will not run, or with {@code --all} every row. */
    List<Row> listed() {
        return rows.stream()
                .filter(r -> all || only != null || !Verdict.OK.name().equals(r.verdict()))
                .toList();
    }

    /**
     * At a terminal the account is its email over its name; a program reads the account ID, email and name each in a
     * column of its own, and a change of several fields on one line.
     */
    @Override
    public Console.Table table(boolean forPerson) {
        List<Row> listed = listed();
        List<List<String>> cells = new ArrayList<>();
        for (Row r : all ? listed : listed.subList(0, Math.min(SHOWN_ROWS, listed.size()))) {
            String email = Objects.toString(r.email(), "");
            String name = Objects.toString(r.name(), "");
            String line = String.valueOf(r.line());
            String why = Objects.toString(r.reason(), "");
            List<String> row = new ArrayList<>(
                    forPerson
                            ? List.of(
                                    line,
                                    name.isEmpty() ? email : email + "\n" + name,
                                    r.change(),
                                    r.verdictLabel(),
                                    why)
                            : List.of(
                                    line,
                                    Objects.toString(r.accountId(), ""),
                                    email,
                                    name,
                                    r.change().replace("\n", "; "),
                                    r.verdictLabel(),
                                    why));
            if (activity) {
                row.add(row.size() - 2, Strings.orElse(r.lastActive(), ""));
            }
            cells.add(row);
        }
        List<String> header = new ArrayList<>(
                forPerson
                        ? List.of("Line", "Account", "Change", "Verdict", "Why")
                        : List.of("Line", "Account", "Email", "Name", "Change", "Verdict", "Why"));
        if (activity) {
            header.add(header.size() - 2, "Last active");
        }
        return new Console.Table(header, cells);
    }

    /** What follows the table: rows left out, the write order, the counts, the warnings, and what to do next. */
    @Override
    public List<String> notes(Styles s) {
        List<String> out = new ArrayList<>();
        int listed = listed().size();
        if (!all && listed > SHOWN_ROWS) {
            out.add("... " + (listed - SHOWN_ROWS) + " more rows"
                    + (only == null
                            ? " that will not run (preview --all)"
                            : " (add --all, or write them with --out F.csv)"));
        }
        List<Write> ordered = writeOrder.stream()
                .filter(w -> w.after() != null || w.temporary())
                .toList();
        if (!ordered.isEmpty()) {
            long temporary = ordered.stream().filter(Write::temporary).count();
            out.add("order: " + ordered.size() + " writes wait for another account to move first"
                    + (temporary == 0 ? "" : "; " + temporary + " swap cycle(s) go through a temporary address"));
            for (Write w : ordered.subList(0, Math.min(SHOWN_WRITES, ordered.size()))) {
                out.add(Sanitizer.forTerminal(String.format(
                        "  %5d  line %-6d %s: %s -> %s%s",
                        w.step(), w.line(), w.accountId(), w.from(), w.to(), w.temporary() ? "  (temporary)" : "")));
            }
        }
        long ok = count(Verdict.OK);
        long blocked = count(Verdict.BLOCKED);
        long invalid = count(Verdict.INVALID);
        out.add(s.ok("OK " + ok) + "  ALREADY DONE " + count(Verdict.ALREADY_DONE) + "  "
                + (blocked > 0 ? s.warn("BLOCKED " + blocked) : "BLOCKED 0") + "  "
                + (invalid > 0 ? s.error("INVALID " + invalid) : "INVALID 0")
                + "  (" + counts.values().stream().mapToLong(Long::longValue).sum() + " rows, " + writes
                + " writes)");
        for (Verdict v : Verdict.values()) {
            Map<String, Long> kinds = reasons.get(key(v));
            if (kinds != null) {
                out.addAll(reasonLines(v, kinds));
            }
        }
        if (operation == Operation.DELETE && ok > 0) {
            out.add(s.warn("delete: the accounts are deactivated at once and deleted for good 14 days later (on "
                    + LocalDate.now().plusDays(14) + "); cancel-delete can stop it until then"));
        }
        if (!undoable && ok > 0) {
            String why = OperationHandlers.of(operation).whyNoUndo();
            out.add(s.warn(operation.cliName() + " cannot be undone: "
                    + (why != null ? why : "a removed user must be invited again")));
        }
        long revocations =
                writeOrder.stream().filter(w -> ChangeText.revokesToken(w.to())).count();
        if (operation == Operation.OFFBOARD && revocations > 0) {
            out.add(s.warn("offboard: the " + revocations + " API token(s) it revokes cannot be given back; undo"
                    + " gives back access and groups"));
        }
        if (safetyWarning != null) {
            out.add(s.warn("warning: " + Sanitizer.forTerminal(safetyWarning)));
        }
        out.add(
                ok > 0
                        ? "next: run (batches of " + RunOptions.DEFAULT_BATCH_SIZE + "; --yes runs unattended)"
                        : "nothing to run");
        return out;
    }

    /**
     * "BLOCKED 39: account not found in this organization 21, the account is closed 12, ...", folded to fit the
     * narrowest terminal the table fits (a long reason is cut: the rows and the JSON have it whole).
     */
    private List<String> reasonLines(Verdict v, Map<String, Long> kinds) {
        List<String> parts = new ArrayList<>();
        long rest = 0;
        int kindsLeft = 0;
        for (Map.Entry<String, Long> e : kinds.entrySet()) {
            if (parts.size() < SHOWN_REASONS) {
                String kind = Sanitizer.forTerminal(e.getKey());
                if (kind.length() > REASON_WIDTH) {
                    kind = kind.substring(0, REASON_WIDTH - 1) + "…";
                }
                parts.add(kind + " " + e.getValue());
            } else {
                rest += e.getValue();
                kindsLeft++;
            }
        }
        if (kindsLeft > 0) {
            parts.add(kindsLeft + " other reasons " + rest);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder("  " + v.label() + " " + count(v) + ": ");
        boolean first = true;
        for (String part : parts) {
            String piece = (first ? "" : ", ") + part;
            if (!first && line.length() + piece.length() > LINE_WIDTH) {
                lines.add(line + ",");
                line = new StringBuilder("      " + part);
            } else {
                line.append(piece);
            }
            first = false;
        }
        lines.add(line.toString());
        return lines;
    }

    private long count(Verdict v) {
        return counts.getOrDefault(key(v), 0L);
    }
}
