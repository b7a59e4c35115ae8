package io.orgshell.csv;

import java.util.List;

/** Which columns an operation needs. Columns are matched in list order; a header cell is claimed by at most one. */
public record ColumnSpec(List<Column> columns) {

    public enum Kind { ACCOUNT_ID, EMAIL, TEXT }

    /**
     * {@code headers}: accepted header names in preference order, compared normalised (lower case, letters and digits
     * only: "New Email", "new_email" and "new-email" are equal). The first one present and not yet claimed wins.
     */
    public record Column(String name, boolean required, Kind kind, boolean unique, List<String> headers) {
    }

    public static ColumnSpec of(Column... columns) {
        return new ColumnSpec(List.of(columns));
    }
}
