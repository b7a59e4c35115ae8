package io.orgshell.csv;

import java.util.Objects;

/**
 * A repair made or a problem found. {@code line} is the physical line of the file (1-based); 0 means the whole file.
 * The message reads well after "file.csv:LINE: ".
 */
public record CsvIssue(int line, String message) {
    public CsvIssue {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return line + ": " + message;
    }
}
