package io.orgshell.plan;

import io.orgshell.csv.CsvIssue;
import java.nio.file.Path;
import java.util.List;

/** A loaded change file: the operation, the input header, its rows, and the repairs made while loading. */
public record Plan(Path source, Operation operation, List<String> header, List<PlanRow> rows, List<CsvIssue> repairs) {

    public int size() {
        return rows.size();
    }

    /** One line naming the plan for the operator: its operation, row count and file ("suspend, 5 rows from x.csv"). */
    public String describe() {
        return operation.cliName() + ", " + size() + (size() == 1 ? " row" : " rows") + " from " + source.getFileName();
    }

    public long invalidCount() {
        return rows.stream().filter(PlanRow::isInvalid).count();
    }
}
