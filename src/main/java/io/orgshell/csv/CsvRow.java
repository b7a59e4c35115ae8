package io.orgshell.csv;

import java.util.List;

/** One data row: the file line it starts on, and every cell, repaired, in header order. */
public record CsvRow(int line, List<String> cells) {
}
