package io.orgshell.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.orgshell.console.Console;
import io.orgshell.console.Styles;
import io.orgshell.core.Sanitizer;
import io.orgshell.plan.ChangeText;
import io.orgshell.plan.Operation;
import io.orgshell.plan.OperationHandlers;
import io.orgshell.plan.Plan;
import io.orgshell.plan.PlanRow;
import io.orgshell.plan.Preview;
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

/**
 * {@code preview}: every row's verdict and every write in run order. The document has every row; the table the rows
 * that will not run ({@code --all}: every row), the first {@link #SHOWN_ROWS} of them. A row says the same in both:
 * its account's email and name, its verdict and why, the state now and the state asked for.
 */
record PreviewView(
        StatusView.LoadedPlan plan,
        String lookup,
        Map<String, Long> counts,
        int writes,
        boolean undoable,
        String safetyWarning,
        List<Write> writeOrder,
        List<Row> rows,
        @JsonIgnore Operation operation,
        @JsonIgnore boolean all)
        implements Listing {

    static final int SHOWN_ROWS = 30;
    static final int SHOWN_WRITES = 20;

    /** One write; {@code step} numbered from 1, {@code after}: the step it waits for. */
    record Write(int step, int line, String accountId, String from, String to, boolean temporary, Integer after) {}

    /**
     * {@code email}: the account's current address as preview found it (the address the file gives when preview
     * found no account); {@code name}: the account's, null when preview found none; {@code current}: the account's
     * state in the operation's terms (null when preview did not read it); {@code target}: what the row asks for, by
     * canonical column; {@code change}: the two in words, for the table.
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
            @JsonIgnore String change) {

        String verdictLabel() {
            return Verdict.valueOf(verdict).label();
        }
    }

    /** {@code safetyWarning}: what the run will refuse without {@code --override-limit}, null when nothing. */
    static PreviewView of(Preview preview, String finishedByRun, String safetyWarning, boolean all) {
        Plan plan = preview.plan();
        Operation op = plan.operation();
        Map<String, Long> counts = new LinkedHashMap<>();
        preview.counts().forEach((v, n) -> counts.put(v.name().toLowerCase(Locale.ROOT), n));
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
            rows.add(row(op, c, lastStep.get(c.row().index())));
        }
        return new PreviewView(
                StatusView.plan(plan, true, finishedByRun),
                preview.lookup(),
                counts,
                preview.steps().size(),
                OperationHandlers.of(op).inverse() != null,
                safetyWarning,
                order,
                rows,
                op,
                all);
    }

    private static Row row(Operation op, RowCheck c, Step last) {
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

    /** The rows the table lists: those that will not run, or every row with {@code --all}. */
    List<Row> listed() {
        return rows.stream()
                .filter(r -> all || !Verdict.OK.name().equals(r.verdict()))
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
            cells.add(
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
        }
        return new Console.Table(
                forPerson
                        ? List.of("Line", "Account", "Change", "Verdict", "Why")
                        : List.of("Line", "Account", "Email", "Name", "Change", "Verdict", "Why"),
                cells);
    }

    /** What follows the table: rows left out, the write order, the counts, the warnings, and what to do next. */
    @Override
    public List<String> notes(Styles s) {
        List<String> out = new ArrayList<>();
        int listed = listed().size();
        if (!all && listed > SHOWN_ROWS) {
            out.add("... " + (listed - SHOWN_ROWS) + " more rows that will not run (preview --all)");
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
                + "  (" + rows.size() + " rows, " + writes + " writes)");
        if (operation == Operation.DELETE && ok > 0) {
            out.add(s.warn("delete: the accounts are deactivated at once and deleted for good 14 days later (on "
                    + LocalDate.now().plusDays(14) + "); cancel-delete can stop it until then"));
        }
        if (!undoable && ok > 0) {
            out.add(s.warn(operation.cliName() + " cannot be undone: "
                    + (operation == Operation.TOKEN_REVOKE
                            ? "a revoked API token is gone for good; its owner must create a new one"
                            : "a removed user must be invited again")));
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

    private long count(Verdict v) {
        return counts.getOrDefault(v.name().toLowerCase(Locale.ROOT), 0L);
    }
}
