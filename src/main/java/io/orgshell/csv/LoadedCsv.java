package io.orgshell.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A change file as read: the header (all columns, extra ones too), where each spec column is, the rows (with
 * problems or not; blank lines are not rows), the repairs made and the problems found.
 */
public final class LoadedCsv {

    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<CsvRow> rows;
    private final List<CsvIssue> repairs;
    private final List<CsvIssue> problems;
    private final Map<Integer, List<CsvIssue>> problemsByLine = new HashMap<>();

    public LoadedCsv(Path file, List<String> header, Map<String, Integer> columns, List<CsvRow> rows,
                     List<CsvIssue> repairs, List<CsvIssue> problems) {
        this.file = file;
        this.header = List.copyOf(header);
        this.columns = Map.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.repairs = List.copyOf(repairs);
        this.problems = List.copyOf(problems);
        problems.forEach(p -> problemsByLine.computeIfAbsent(p.line(), k -> new ArrayList<>(1)).add(p));
    }

    public Path file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public Map<String, Integer> columns() {
        return columns;
    }

    public List<CsvRow> rows() {
        return rows;
    }

    public List<CsvIssue> repairs() {
        return repairs;
    }

    public List<CsvIssue> problems() {
        return problems;
    }

    /** A problem with the whole file: nothing can be loaded. */
    public boolean fatal() {
        return problemsByLine.containsKey(0);
    }

    public List<CsvIssue> problemsAt(int line) {
        return problemsByLine.getOrDefault(line, List.of());
    }

    /** The repaired value of a spec column in a row; empty when the column or the cell is missing. */
    public String value(CsvRow row, String column) {
        Integer i = columns.get(column);
        return i == null || i >= row.cells().size() ? "" : row.cells().get(i);
    }
}
