package io.orgshell.csv;

import java.util.List;

/**
 * One data row: its physical line number in the file (1-based, the header is a line of its own, blank lines count)
 * and all its cells, repaired, in header order. A row with the wrong number of cells keeps the cells it had.
 */
public record CsvRow(int line, List<String> cells) {
    public CsvRow {
        cells = List.copyOf(cells); // no copy when the reader already built an immutable list
    }
}
