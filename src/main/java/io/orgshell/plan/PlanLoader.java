package io.orgshell.plan;

import io.orgshell.core.ExitCodes;
import io.orgshell.core.MissingFile;
import io.orgshell.core.UserFacingException;
import io.orgshell.csv.ColumnSpec;
import io.orgshell.csv.CsvIssue;
import io.orgshell.csv.CsvRow;
import io.orgshell.csv.LoadedCsv;
import io.orgshell.csv.PlanCsvReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Turns a change file into a {@link Plan}. A file that cannot be read as a plan at all (wrong header, not UTF-8,
 * empty) is refused with every reason; otherwise each row is kept, and a row the file itself makes impossible
 * (malformed, or contradicting another row) carries its reason into preview.
 */
@Service
public class PlanLoader {

    /** {@code unusedColumns}: header names the operation does not read; they are kept (results.csv repeats them). */
    public record Loaded(Plan plan, List<CsvIssue> problems, List<String> unusedColumns) {}

    public Loaded load(Path file, Operation operation) {
        LoadedCsv csv;
        try {
            csv = new PlanCsvReader(operation.columns()).read(file);
        } catch (NoSuchFileException e) {
            throw new UserFacingException(MissingFile.message(file), ExitCodes.USAGE);
        } catch (IOException e) {
            throw new UserFacingException("cannot read " + file + ": " + e.getMessage(), ExitCodes.USAGE);
        }
        if (csv.fatal()) {
            String reasons = csv.problems().stream()
                    .filter(p -> p.line() == 0)
                    .map(p -> file + ": " + p.message())
                    .collect(Collectors.joining(System.lineSeparator()));
            throw new UserFacingException(
                    "cannot load " + file + " for '" + operation.cliName() + "':" + System.lineSeparator() + reasons,
                    ExitCodes.USAGE);
        }
        List<PlanRow> rows = new ArrayList<>(csv.rows().size());
        for (CsvRow r : csv.rows()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (ColumnSpec.Column c : operation.columns().columns()) {
                values.put(c.name(), csv.value(r, c.name()));
            }
            List<CsvIssue> problems = csv.problemsAt(r.line());
            String invalid = problems.isEmpty()
                    ? null
                    : problems.stream().map(CsvIssue::message).collect(Collectors.joining("; "));
            rows.add(new PlanRow(
                    rows.size(), r.line(), values.get(Operation.Columns.ACCOUNT_ID), values, r.cells(), invalid, null));
        }
        rows = markConflicts(rows, operation);
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < csv.header().size(); i++) {
            if (!csv.columns().containsValue(i) && !csv.header().get(i).isEmpty()) {
                unused.add(csv.header().get(i));
            }
        }
        return new Loaded(new Plan(file, operation, csv.header(), rows, csv.repairs()), csv.problems(), unused);
    }

    /**
     * Rows that contradict each other are all held back, each naming the others' lines: the same account twice, or
     * (for email) the same target twice. Which one the admin meant cannot be guessed.
     */
    static List<PlanRow> markConflicts(List<PlanRow> rows, Operation operation) {
        boolean groups = operation == Operation.GROUP_ADD || operation == Operation.GROUP_REMOVE;
        boolean tokens = operation == Operation.TOKEN_REVOKE;
        boolean products = operation == Operation.ACCESS_GRANT || operation == Operation.ACCESS_REVOKE;
        // one account may be in several groups, hold several tokens and have several products; anything else about an
        // account is said once. A row that names its account by address alone is keyed by the address (any case: it
        // names one account either way)
        Function<PlanRow, String> account =
                r -> namedByEmail(r, operation) ? r.value(Operation.Columns.EMAIL) : r.accountId();
        Function<PlanRow, String> accountKey = groups
                ? r -> account.apply(r) + "|" + r.value(Operation.Columns.GROUP)
                : tokens
                        ? r -> r.accountId() + "|" + r.value(Operation.Columns.TOKEN_ID)
                        : products ? r -> account.apply(r) + "|" + r.value(Operation.Columns.PRODUCT) : account;
        Map<String, List<PlanRow>> byAccount = group(rows, accountKey);
        Map<String, List<PlanRow>> byTarget =
                operation == Operation.EMAIL ? group(rows, r -> r.value(Operation.Columns.EMAIL)) : Map.of();
        List<PlanRow> out = new ArrayList<>(rows.size());
        for (PlanRow r : rows) {
            List<String> reasons = new ArrayList<>();
            others(byAccount, accountKey.apply(r), r)
                    .ifPresent(l -> reasons.add((namedByEmail(r, operation) ? "email " : "account ") + account.apply(r)
                            + (groups ? " and group " + r.value(Operation.Columns.GROUP) : "")
                            + (tokens ? " and token " + r.value(Operation.Columns.TOKEN_ID) : "") + " also on line "
                            + l));
            if (operation == Operation.EMAIL) {
                others(byTarget, r.value(Operation.Columns.EMAIL), r)
                        .ifPresent(l ->
                                reasons.add("target email " + r.value(Operation.Columns.EMAIL) + " also on line " + l));
            }
            out.add(
                    reasons.isEmpty()
                            ? r
                            : new PlanRow(
                                    r.index(),
                                    r.line(),
                                    r.accountId(),
                                    r.values(),
                                    r.cells(),
                                    r.invalidReason(),
                                    String.join("; ", reasons)));
        }
        return out;
    }

    /**
     * An offboarding plan with {@code load}'s options written into each row (a row's own {@code deactivate} or
     * {@code keep_groups} cell is overridden only by an option given), values and cells both: the run's archived plan
     * and a {@code preview --out} file record them, so a file loaded again offboards as this load does.
     */
    public static Loaded offboarding(Loaded loaded, boolean deactivate, boolean keepGroups) {
        Plan plan = loaded.plan();
        if (plan.operation() != Operation.OFFBOARD || !deactivate && !keepGroups) {
            return loaded;
        }
        List<String> header = new ArrayList<>(plan.header());
        int deactivateAt = deactivate ? columnAt(header, Operation.Columns.DEACTIVATE) : -1;
        int keepGroupsAt = keepGroups ? columnAt(header, Operation.Columns.KEEP_GROUPS) : -1;
        List<PlanRow> rows = new ArrayList<>();
        for (PlanRow r : plan.rows()) {
            Map<String, String> values = new LinkedHashMap<>(r.values());
            List<String> cells = new ArrayList<>(r.cells());
            while (cells.size() < header.size()) {
                cells.add("");
            }
            if (deactivate) {
                values.put(Operation.Columns.DEACTIVATE, "yes");
                cells.set(deactivateAt, "yes");
            }
            if (keepGroups) {
                values.put(Operation.Columns.KEEP_GROUPS, "yes");
                cells.set(keepGroupsAt, "yes");
            }
            rows.add(new PlanRow(
                    r.index(),
                    r.line(),
                    r.accountId(),
                    values,
                    List.copyOf(cells),
                    r.invalidReason(),
                    r.conflictReason()));
        }
        Plan with = new Plan(plan.source(), plan.operation(), List.copyOf(header), List.copyOf(rows), plan.repairs());
        return new Loaded(with, loaded.problems(), loaded.unusedColumns());
    }

    /** Where {@code column} is in {@code header} (any case, spaces for underscores), added at the end when absent. */
    private static int columnAt(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (name.equals(column)) {
                return i;
            }
        }
        header.add(column);
        return header.size() - 1;
    }

    /** A row of a file that names its accounts by email alone: preview finds the account. */
    public static boolean namedByEmail(PlanRow r, Operation operation) {
        return operation.acceptsEmailsAlone()
                && (r.accountId() == null || r.accountId().isEmpty())
                && !r.value(Operation.Columns.EMAIL).isEmpty();
    }

    private static Map<String, List<PlanRow>> group(List<PlanRow> rows, Function<PlanRow, String> key) {
        Map<String, List<PlanRow>> map = new HashMap<>();
        for (PlanRow r : rows) {
            String k = key.apply(r);
            if (k != null && !k.isBlank()) {
                map.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>(1))
                        .add(r);
            }
        }
        return map;
    }

    private static Optional<String> others(Map<String, List<PlanRow>> groups, String key, PlanRow self) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        List<PlanRow> group = groups.get(key.toLowerCase(Locale.ROOT));
        if (group == null || group.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(group.stream()
                .filter(o -> o != self)
                .map(o -> String.valueOf(o.line()))
                .collect(Collectors.joining(", ")));
    }
}
