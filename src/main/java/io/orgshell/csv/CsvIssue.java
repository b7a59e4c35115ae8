package io.orgshell.csv;

/** A repair made or a problem found; {@code line} is the file's line (1 = the header), 0 for the whole file. */
public record CsvIssue(int line, String message) {
}
