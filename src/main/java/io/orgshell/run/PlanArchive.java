package io.orgshell.run;

import io.orgshell.core.DurableFiles;
import io.orgshell.core.OwnerOnlyFiles;
import io.orgshell.csv.SafeCsvWriter;
import io.orgshell.plan.Operation;
import io.orgshell.plan.Plan;
import io.orgshell.plan.PlanRow;
import io.orgshell.plan.Preview;
import io.orgshell.plan.RowCheck;
import io.orgshell.plan.Step;
import io.orgshell.plan.Verdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The plan exactly as previewed, stored in the run directory so that {@code resume} works from what was agreed,
 * not from a file that may have changed since: {@code plan.csv} (each row's verdict, reason, the account's email at
 * preview, the operation's values, then every input column) and {@code steps.csv} (the writes in order). Every
 * cell, header included, goes through the formula guard and is read back through its inverse.
 */
public final class PlanArchive {

    private static final String VALUE = "_v:";
    private static final List<String> FIXED =
            List.of("_line", "_verdict", "_reason", "_current", "_invalid", "_conflict");
    /** Input headers may repeat or be empty; the archive must still round-trip them. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setAllowMissingColumnNames(true)
            .get();

    private static final List<String> STEP_COLUMNS =
            List.of("step", "row", "account_id", "from", "to", "temporary", "after");

    private PlanArchive() {}

    public static void write(RunDirectory dir, Preview preview) throws IOException {
        Plan plan = preview.plan();
        List<String> valueColumns = valueColumns(plan.operation());
        List<String> header = new ArrayList<>(FIXED);
        valueColumns.forEach(c -> header.add(VALUE + c));
        header.addAll(plan.header());
        writeDurably(dir.planFile(), FORMAT, header, out -> {
            for (RowCheck c : preview.checks()) {
                PlanRow r = c.row();
                List<String> record = new ArrayList<>(List.of(
                        String.valueOf(r.line()),
                        c.verdict().name(),
                        Objects.toString(c.reason(), ""),
                        Objects.toString(c.current(), ""),
                        Objects.toString(r.invalidReason(), ""),
                        Objects.toString(r.conflictReason(), "")));
                valueColumns.forEach(v -> record.add(r.value(v)));
                record.addAll(r.cells());
                out.printRecord(guarded(record));
            }
        });
        writeDurably(dir.stepsFile(), CSVFormat.DEFAULT, STEP_COLUMNS, out -> {
            for (Step s : preview.steps()) {
                out.printRecord(guarded(List.of(
                        String.valueOf(s.number()),
                        String.valueOf(s.rowIndex()),
                        Objects.toString(s.accountId(), ""),
                        Objects.toString(s.from(), ""),
                        Objects.toString(s.to(), ""),
                        String.valueOf(s.temporary()),
                        String.valueOf(s.after()))));
            }
        });
    }

    private interface Records {
        void print(CSVPrinter out) throws IOException;
    }

    /**
     * Written once, when the run starts, and needed by every {@code resume} after: complete and on disk before the
     * first write is sent, or not there under its name at all.
     */
    private static void writeDurably(Path file, CSVFormat format, List<String> header, Records records)
            throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (Writer w = new BufferedWriter(
                        new OutputStreamWriter(OwnerOnlyFiles.createNew(tmp), StandardCharsets.UTF_8));
                CSVPrinter out = format.builder()
                        .setHeader(guarded(header).toArray(String[]::new))
                        .get()
                        .print(w)) {
            records.print(out);
        }
        DurableFiles.replace(tmp, file);
    }

    /** Every cell through the formula guard: the archive opens safely in a spreadsheet, and reads back exactly. */
    private static List<String> guarded(List<String> cells) {
        return cells.stream()
                .map(c -> SafeCsvWriter.neutralise(c == null ? "" : c))
                .toList();
    }

    private static String cell(CSVRecord rec, int i) {
        return SafeCsvWriter.unneutralise(rec.get(i));
    }

    /** The preview a run was started from; files that do not read back as written make the run damaged. */
    public static Preview read(RunDirectory dir, RunMeta meta) throws IOException {
        try {
            return readAsWritten(dir, meta);
        } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
            throw new RunDirectory.Damaged(dir.id(), "its plan files cannot be read back (" + e.getMessage() + ")");
        }
    }

    private static Preview readAsWritten(RunDirectory dir, RunMeta meta) throws IOException {
        Operation op = Operation.named(meta.operation())
                .orElseThrow(() -> new IllegalArgumentException("no operation '" + meta.operation() + "'"));
        List<String> valueColumns = valueColumns(op);
        List<RowCheck> checks = new ArrayList<>();
        List<PlanRow> rows = new ArrayList<>();
        List<String> inputHeader;
        try (Reader r = Files.newBufferedReader(dir.planFile(), StandardCharsets.UTF_8);
                CSVParser parser = FORMAT.builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(r)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(SafeCsvWriter::unneutralise)
                    .toList();
            // by name: a run archived before an operation gained a column reads back with that column empty
            List<String> archived = new ArrayList<>();
            for (int i = FIXED.size(); i < header.size() && archived.size() < valueColumns.size(); i++) {
                String name = header.get(i).startsWith(VALUE) ? header.get(i).substring(VALUE.length()) : "";
                if (!valueColumns.contains(name) || archived.contains(name)) {
                    break;
                }
                archived.add(name);
            }
            if (!archived.contains(Operation.Columns.ACCOUNT_ID)) {
                throw new IOException(dir.planFile() + ": not a plan archive of a '" + op.cliName() + "' run");
            }
            int inputStart = FIXED.size() + archived.size();
            inputHeader = header.subList(inputStart, header.size());
            for (CSVRecord rec : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < archived.size(); i++) {
                    values.put(archived.get(i), cell(rec, FIXED.size() + i));
                }
                List<String> cells = new ArrayList<>();
                for (int i = inputStart; i < rec.size(); i++) {
                    cells.add(cell(rec, i));
                }
                PlanRow row = new PlanRow(
                        rows.size(),
                        Integer.parseInt(cell(rec, 0)),
                        values.get(Operation.Columns.ACCOUNT_ID),
                        values,
                        cells,
                        emptyToNull(cell(rec, 4)),
                        emptyToNull(cell(rec, 5)));
                rows.add(row);
                checks.add(new RowCheck(
                        row, Verdict.valueOf(cell(rec, 1)), emptyToNull(cell(rec, 2)), emptyToNull(cell(rec, 3))));
            }
        }
        List<Step> steps = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(dir.stepsFile(), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(r)) {
            for (CSVRecord rec : parser) {
                steps.add(new Step(
                        Integer.parseInt(cell(rec, 0)),
                        Integer.parseInt(cell(rec, 1)),
                        cell(rec, 2),
                        cell(rec, 3),
                        cell(rec, 4),
                        Boolean.parseBoolean(cell(rec, 5)),
                        Integer.parseInt(cell(rec, 6))));
            }
        }
        Plan plan = new Plan(Path.of(meta.source()), op, List.copyOf(inputHeader), rows, List.of());
        RunMeta.Limits limits = meta.limits() == null ? new RunMeta.Limits(0, 0, null) : meta.limits();
        return new Preview(
                plan,
                meta.orgId(),
                checks,
                steps,
                Instant.parse(meta.created()),
                limits.orgAccounts(),
                limits.adminRows(),
                limits.adminAccounts() == null ? limits.adminRows() : limits.adminAccounts(),
                null);
    }

    static List<String> valueColumns(Operation op) {
        return op.columns().columns().stream().map(c -> c.name()).toList();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
