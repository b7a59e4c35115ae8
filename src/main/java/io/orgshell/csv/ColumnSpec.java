package io.orgshell.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which columns an operation needs. Columns are matched in list order; a header cell is claimed by at most one
 * column, so with {@code email} listed before {@code old_email} and both accepting the header {@code email}, the
 * first {@code email} cell goes to the earlier column. With {@code needsAnOptionalColumn}, a file with none of the
 * optional columns is refused: it would change nothing. {@code standIns} maps a required column to an optional one that
 * may stand in for it: a file without the required column loads when it has the stand-in, and each row must then fill
 * it (a list of email addresses names its accounts as well as a list of IDs does).
 */
public record ColumnSpec(List<Column> columns, boolean needsAnOptionalColumn, Map<String, String> standIns) {

    public enum Kind {
        ACCOUNT_ID,
        EMAIL,
        TEXT
    }

    /**
     * @param headers accepted header names in preference order, compared normalised (lower-case, every
     *                non-alphanumeric character dropped, so "New Email", "new_email" and "new-email" are equal).
     *                The first one present in the file and not yet claimed wins. Empty means the name itself.
     */
    public record Column(String name, boolean required, Kind kind, boolean unique, List<String> headers) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            headers = headers == null || headers.isEmpty() ? List.of(name) : List.copyOf(headers);
        }

        /** A column of free text every row must fill, found under the first of these headers the file has. */
        public static Column requiredText(String name, String... headers) {
            return new Column(name, true, Kind.TEXT, false, List.of(headers));
        }
    }

    public ColumnSpec {
        columns = List.copyOf(columns);
        standIns = Map.copyOf(standIns);
        long distinct = columns.stream().map(Column::name).distinct().count();
        if (distinct != columns.size()) {
            throw new IllegalArgumentException("column names must be unique: "
                    + columns.stream().map(Column::name).toList());
        }
    }

    public static ColumnSpec of(Column... columns) {
        return new ColumnSpec(List.of(columns), false, Map.of());
    }

    /** The same columns, a file without {@code required} loading when it has {@code standIn} instead. */
    public ColumnSpec standingIn(String standIn, String required) {
        Map<String, String> more = new HashMap<>(standIns);
        more.put(required, standIn);
        return new ColumnSpec(columns, needsAnOptionalColumn, more);
    }

    /** Whether the column only stands in for a required one: it names the row, it changes nothing. */
    public boolean isStandIn(String column) {
        return standIns.containsValue(column);
    }

    /** The same columns, of which at least one optional one must be present (a profile file must change something). */
    public ColumnSpec needingAnOptionalColumn() {
        return new ColumnSpec(columns, true, standIns);
    }
}
