package io.orgshell.plan;

import java.nio.file.Path;
import java.util.List;

import io.orgshell.csv.CsvIssue;

/** A loaded change file: the operation, the input header, its rows, and the repairs made while loading. */
public record Plan(Path source, Operation operation, List<String> header, List<PlanRow> rows, List<CsvIssue> repairs) {

    public int size() {
        return rows.size();
    }

    public long invalidCount() {
        return rows.stream().filter(PlanRow::isInvalid).count();
    }
}
