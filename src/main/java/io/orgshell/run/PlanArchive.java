package io.orgshell.run;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.orgshell.core.OwnerOnlyFiles;
import io.orgshell.plan.Operation;
import io.orgshell.plan.Plan;
import io.orgshell.plan.PlanRow;
import io.orgshell.plan.Preview;
import io.orgshell.plan.RowCheck;
import io.orgshell.plan.Step;
import io.orgshell.plan.Verdict;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The plan exactly as previewed, stored in the run directory so that {@code resume} works from what was agreed,
 * not from a file that may have changed since: {@code plan.csv} (each row's verdict, reason, the account's email at
 * preview, the operation's values, then every input column) and {@code steps.csv} (the writes in order).
 */
public final class PlanArchive {

    private static final String VALUE = "_v:";
    private static final List<String> FIXED = List.of("_line", "_verdict", "_reason", "_current", "_invalid",
            "_conflict");
    /** Input headers may repeat or be empty; the archive must still round-trip them. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).setAllowMissingColumnNames(true).get();
    private static final List<String> STEP_COLUMNS = List.of("step", "row", "account_id", "from", "to", "temporary",
            "after");

    private PlanArchive() {
    }

    public static void write(RunDirectory dir, Preview preview) throws IOException {
        Plan plan = preview.plan();
        List<String> valueColumns = valueColumns(plan.operation());
        List<String> header = new ArrayList<>(FIXED);
        valueColumns.forEach(c -> header.add(VALUE + c));
        header.addAll(plan.header());
        try (Writer w = Files.newBufferedWriter(OwnerOnlyFiles.ensureFile(dir.planFile()));
             CSVPrinter out = FORMAT.builder().setHeader(header.toArray(String[]::new)).get().print(w)) {
            for (RowCheck c : preview.checks()) {
                PlanRow r = c.row();
                List<String> record = new ArrayList<>(List.of(String.valueOf(r.line()), c.verdict().name(),
                        nz(c.reason()), nz(c.current()), nz(r.invalidReason()), nz(r.conflictReason())));
                valueColumns.forEach(v -> record.add(r.value(v)));
                record.addAll(r.cells());
                out.printRecord(record);
            }
        }
        try (Writer w = Files.newBufferedWriter(OwnerOnlyFiles.ensureFile(dir.stepsFile()));
             CSVPrinter out = CSVFormat.DEFAULT.builder().setHeader(STEP_COLUMNS.toArray(String[]::new)).get()
                     .print(w)) {
            for (Step s : preview.steps()) {
                out.printRecord(s.number(), s.rowIndex(), s.accountId(), s.from(), s.to(), s.temporary(), s.after());
            }
        }
    }

    public static Preview read(RunDirectory dir, RunMeta meta) throws IOException {
        Operation op = Operation.fromCli(meta.operation());
        List<String> valueColumns = valueColumns(op);
        List<RowCheck> checks = new ArrayList<>();
        List<PlanRow> rows = new ArrayList<>();
        List<String> inputHeader;
        try (Reader r = Files.newBufferedReader(dir.planFile(), StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<String> header = parser.getHeaderNames();
            if (header.size() < FIXED.size() + valueColumns.size()) {
                throw new IOException(dir.planFile() + ": not a plan archive of a '" + op.cliName() + "' run");
            }
            int inputStart = FIXED.size() + valueColumns.size();
            inputHeader = header.subList(inputStart, header.size());
            for (CSVRecord rec : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < valueColumns.size(); i++) {
                    values.put(valueColumns.get(i), rec.get(FIXED.size() + i));
                }
                List<String> cells = new ArrayList<>();
                for (int i = inputStart; i < rec.size(); i++) {
                    cells.add(rec.get(i));
                }
                PlanRow row = new PlanRow(rows.size(), Integer.parseInt(rec.get(0)),
                        values.get(Operation.Columns.ACCOUNT_ID), values, cells, emptyToNull(rec.get(4)),
                        emptyToNull(rec.get(5)));
                rows.add(row);
                checks.add(new RowCheck(row, Verdict.valueOf(rec.get(1)), emptyToNull(rec.get(2)),
                        emptyToNull(rec.get(3))));
            }
        }
        List<Step> steps = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(dir.stepsFile(), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : parser) {
                steps.add(new Step(Integer.parseInt(rec.get(0)), Integer.parseInt(rec.get(1)), rec.get(2), rec.get(3),
                        rec.get(4), Boolean.parseBoolean(rec.get(5)), Integer.parseInt(rec.get(6))));
            }
        }
        Plan plan = new Plan(Path.of(meta.source()), op, List.copyOf(inputHeader), rows, List.of());
        RunMeta.Limits limits = meta.limits() == null ? new RunMeta.Limits(0, 0) : meta.limits();
        return new Preview(plan, meta.orgId(), checks, steps, Instant.parse(meta.created()), limits.orgAccounts(),
                limits.adminRows());
    }

    static List<String> valueColumns(Operation op) {
        return op.columns().columns().stream().map(c -> c.name()).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
