package io.orgshell.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link PlanCsvReader} made of a file.
 *
 * @param header   the header as read: byte order mark and empty trailing columns removed, names trimmed; every
 *                 column, extra ones included (a results file repeats them all)
 * @param columns  spec column name → index in {@code header}, for the spec columns found
 * @param rows     every data row, those with problems included; blank lines are not rows
 * @param repairs  what was repaired, each kind once (line 0)
 * @param problems what could not be repaired, ordered by line; line 0 is about the whole file
 */
public record LoadedCsv(
        Path file,
        List<String> header,
        Map<String, Integer> columns,
        List<CsvRow> rows,
        List<CsvIssue> repairs,
        List<CsvIssue> problems) {

    public LoadedCsv {
        header = List.copyOf(header);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        rows = List.copyOf(rows);
        repairs = List.copyOf(repairs);
        problems = byLine(problems);
    }

    /** A file-level problem (line 0): nothing can be loaded. */
    public boolean fatal() {
        return !problems.isEmpty() && problems.get(0).line() == 0;
    }

    /** The problems of one data line (a binary search: callers ask for every row of large files). */
    public List<CsvIssue> problemsAt(int line) {
        int from = firstAtOrAfter(line);
        int to = firstAtOrAfter(line + 1);
        return problems.subList(from, to);
    }

    /** The repaired value of a spec column in that row; "" when the column or the cell is absent. */
    public String value(CsvRow row, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= row.cells().size()) {
            return "";
        }
        return row.cells().get(index);
    }

    private int firstAtOrAfter(int line) {
        int low = 0;
        int high = problems.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (problems.get(mid).line() < line) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static List<CsvIssue> byLine(List<CsvIssue> problems) {
        List<CsvIssue> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(CsvIssue::line)); // stable: a line's problems keep their order
        return List.copyOf(sorted);
    }
}
