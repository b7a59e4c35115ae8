package io.orgshell.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The state of one streaming pass over parsed records: the first non-blank record is the header, every later
 * non-blank record a row. Cells are repaired (trimmed, formula guard removed) in place, so a row costs its cells
 * and nothing more; what each line got wrong is recorded as it goes, repeats of unique values at the end.
 */
final class RowLoader {

    /** Collections are sized for the file's line count up to this; growing them row by row shows in the load time. */
    private static final int MAX_PRESIZE = 1 << 20;
    /** Far more than any operation reads (an export has eight): a wider header is not a plan. */
    static final int MAX_COLUMNS = 64;
    /**
     * What the rows may take in memory, estimated as they are kept: a value costs some fifty bytes besides its text.
     * 200,000 rows of an email plan take about 60 MB; much more would not leave a 128 MB heap room to work.
     */
    static final long MAX_HELD_BYTES = 72L << 20;

    private final ColumnSpec spec;
    final List<CsvIssue> repairs = new ArrayList<>();
    final List<CsvIssue> problems = new ArrayList<>();
    final List<CsvRow> rows;
    List<String> header;
    Map<String, Integer> columns = Map.of();

    private int width;
    private int emptyHeaderTail;
    private long rowsWithEmptyTail;
    private long guardsRemoved;
    private final List<Integer> blankLines = new ArrayList<>();
    private long blankLineCount;
    // per spec column, in spec order: its header index (-1 when absent) and its duplicate finder (null unless unique)
    private int[] indexes;
    private DuplicateFinder[] finders;

    private final int expectedRows;
    private long heldBytes;

    /** "comma" or "tab": the repairs and problems name what separates the values in this file. */
    private final String separator;

    RowLoader(ColumnSpec spec, long expectedRows, String separator) {
        this.spec = spec;
        this.separator = separator;
        this.expectedRows = (int) Math.min(MAX_PRESIZE, Math.max(0, expectedRows));
        this.rows = new ArrayList<>(this.expectedRows);
    }

    /** Takes the record that starts on this physical line; false when the header makes loading pointless. */
    boolean take(int line, String[] cells) {
        boolean blank = true;
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip(); // Commons CSV trims outside quotes; this trims inside them too
            blank &= cells[i].isEmpty();
        }
        if (blank) {
            blankLineCount++;
            if (blankLines.size() < IssueText.LINES_LISTED) {
                blankLines.add(line);
            }
            return true;
        }
        if (header == null) {
            return takeHeader(cells);
        }
        return takeRow(line, cells);
    }

    /** Problems and repairs known only at the end: repeated unique values, counts. */
    void finish() {
        if (header != null && problems.isEmpty() && rows.isEmpty()) {
            problems.add(new CsvIssue(0, "no rows: the file has only the header line"));
        }
        for (int c = 0; finders != null && c < finders.length; c++) {
            if (finders[c] != null) {
                reportRepeats(spec.columns().get(c), indexes[c], finders[c]);
            }
        }
        if (emptyHeaderTail == 1) {
            repairs.add(new CsvIssue(
                    0,
                    "removed the empty last column (a trailing " + separator + " on the header line"
                            + (rowsWithEmptyTail > 0
                                    ? " and on " + IssueText.count(rowsWithEmptyTail, "data line")
                                    : "")
                            + ")"));
        } else if (emptyHeaderTail > 1) {
            repairs.add(new CsvIssue(
                    0,
                    "removed " + emptyHeaderTail + " empty last columns (trailing " + separator + "s on the "
                            + "header line"
                            + (rowsWithEmptyTail > 0
                                    ? " and on " + IssueText.count(rowsWithEmptyTail, "data line")
                                    : "")
                            + ")"));
        } else if (rowsWithEmptyTail > 0) {
            repairs.add(new CsvIssue(
                    0, "removed empty cells after the last column on " + IssueText.count(rowsWithEmptyTail, "line")));
        }
        if (guardsRemoved > 0) {
            repairs.add(new CsvIssue(
                    0,
                    "removed the spreadsheet formula guard (a leading ') from "
                            + IssueText.count(guardsRemoved, "value")));
        }
        if (blankLineCount > 0) {
            repairs.add(new CsvIssue(
                    0,
                    "skipped " + IssueText.count(blankLineCount, "blank line") + " ("
                            + IssueText.lines(blankLines, blankLineCount) + ")"));
        }
    }

    private boolean takeHeader(String[] cells) {
        width = cells.length;
        while (cells[width - 1].isEmpty()) { // a blank header was skipped, so some cell is not empty
            width--;
        }
        if (width > MAX_COLUMNS) {
            header = List.of();
            problems.add(new CsvIssue(
                    1,
                    "the header has " + width + " columns, more than the " + MAX_COLUMNS
                            + " a plan may have; is this the right file?"));
            return false;
        }
        emptyHeaderTail = cells.length - width;
        header = List.of(Arrays.copyOf(cells, width));
        HeaderMatcher.Match match = HeaderMatcher.match(header, spec);
        columns = match.columns();
        match.aliases().forEach(a -> repairs.add(new CsvIssue(0, a)));
        match.problems().forEach(p -> problems.add(new CsvIssue(0, p)));
        int n = spec.columns().size();
        indexes = new int[n];
        finders = new DuplicateFinder[n];
        for (int c = 0; c < n; c++) {
            ColumnSpec.Column column = spec.columns().get(c);
            indexes[c] = columns.getOrDefault(column.name(), -1);
            finders[c] = column.unique() && indexes[c] >= 0 ? new DuplicateFinder(expectedRows) : null;
        }
        return match.problems().isEmpty();
    }

    /** False when the file holds more values than a plan may: loading stops there, with the line. */
    private boolean takeRow(int line, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            String unguarded = SafeCsvWriter.unneutralise(cells[i]);
            if (unguarded != cells[i]) { // unneutralise returns its argument when there is no guard
                cells[i] = unguarded;
                guardsRemoved++;
            }
        }
        int size = cells.length;
        while (size > width && cells[size - 1].isEmpty()) { // empty cells past the header: a trailing comma
            size--;
        }
        if (size < cells.length) {
            rowsWithEmptyTail++;
            cells = Arrays.copyOf(cells, size);
        }
        heldBytes += 64 + 8L * cells.length;
        for (String cell : cells) {
            heldBytes += 48 + cell.length();
        }
        if (heldBytes > MAX_HELD_BYTES) {
            problems.add(new CsvIssue(
                    0,
                    "by line " + line + " the rows take more than " + (MAX_HELD_BYTES >> 20)
                            + " MB of memory, more than a plan may; split the file into smaller ones"));
            return false;
        }
        int rowIndex = rows.size();
        rows.add(new CsvRow(line, List.of(cells)));
        if (size != width) {
            // cells have shifted, so no value can be trusted to be in its column: report only the count
            problems.add(new CsvIssue(
                    line,
                    IssueText.count(size, "cell") + ", the header has " + width
                            + (size > width
                                    ? " — is there a " + separator + " in a value that should be quoted?"
                                    : "")));
            return true;
        }
        if (repeatsHeader(cells)) {
            problems.add(new CsvIssue(line, "this line repeats the header line (were two files joined?)"));
            return true;
        }
        for (int c = 0; c < indexes.length; c++) {
            if (indexes[c] >= 0) {
                check(line, rowIndex, spec.columns().get(c), cells[indexes[c]], finders[c]);
            }
        }
        return true;
    }

    /** Whether the column stands in for a required column the file does not have: each row must fill it. */
    private boolean standingIn(ColumnSpec.Column column) {
        for (Map.Entry<String, String> e : spec.standIns().entrySet()) {
            if (e.getValue().equals(column.name()) && !columns.containsKey(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    private boolean repeatsHeader(String[] cells) {
        if (!cells[0].equalsIgnoreCase(header.get(0))) { // the cheap test first: this runs for every row
            return false;
        }
        for (int i = 0; i < width; i++) {
            if (!cells[i].equalsIgnoreCase(header.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void check(int line, int rowIndex, ColumnSpec.Column column, String value, DuplicateFinder finder) {
        if (value.isEmpty()) {
            if (column.required() || standingIn(column)) {
                problems.add(new CsvIssue(line, "empty " + column.name()));
            }
            return;
        }
        String wrong = switch (column.kind()) {
            case ACCOUNT_ID -> ValueChecks.accountId(column.name(), value);
            case EMAIL -> ValueChecks.email(column.name(), value);
            case TEXT -> null;
        };
        if (wrong != null) {
            problems.add(new CsvIssue(line, wrong));
        }
        if (finder != null) {
            finder.add(column.kind() == ColumnSpec.Kind.EMAIL ? value.toLowerCase(Locale.ROOT) : value, rowIndex);
        }
    }

    /** Every row of a repeated value gets a problem naming the other lines: any of them may be the mistake. */
    private void reportRepeats(ColumnSpec.Column column, int index, DuplicateFinder finder) {
        for (int[] group : finder.repeats()) {
            for (int rowIndex : group) {
                CsvRow row = rows.get(rowIndex);
                List<Integer> others = new ArrayList<>();
                for (int other : group) {
                    if (other != rowIndex && others.size() < IssueText.LINES_LISTED) {
                        others.add(rows.get(other).line());
                    }
                }
                problems.add(new CsvIssue(
                        row.line(),
                        column.name() + " " + plain(row.cells().get(index)) + " also on "
                                + IssueText.lines(others, group.length - 1)));
            }
        }
    }

    private static String plain(String value) {
        return value.chars().anyMatch(c -> c < 0x20) || value.length() > 60 ? ValueChecks.show(value) : value;
    }
}
