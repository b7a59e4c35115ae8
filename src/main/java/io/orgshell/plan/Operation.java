package io.orgshell.plan;

import java.util.List;
import java.util.Locale;

import io.orgshell.csv.ColumnSpec;
import io.orgshell.csv.ColumnSpec.Column;
import io.orgshell.csv.ColumnSpec.Kind;

/** A bulk operation a plan can carry. Each names the columns its CSV needs. */
public enum Operation {

    /** Move accounts to new email addresses: {@code PUT /users/{id}/manage/email}. */
    EMAIL("email", ColumnSpec.of(
            new Column(Columns.ACCOUNT_ID, true, Kind.ACCOUNT_ID, false,
                    List.of("account_id", "accountid", "account id", "user id", "userid", "atlassian id", "id")),
            new Column(Columns.EMAIL, true, Kind.EMAIL, false,
                    List.of("new_email", "new email", "target_email", "target email", "email")),
            new Column(Columns.OLD_EMAIL, false, Kind.EMAIL, false,
                    List.of("old_email", "old email", "current_email", "current email", "email"))));

    private final String cliName;
    private final ColumnSpec columns;

    Operation(String cliName, ColumnSpec columns) {
        this.cliName = cliName;
        this.columns = columns;
    }

    public String cliName() {
        return cliName;
    }

    public ColumnSpec columns() {
        return columns;
    }

    public static Operation fromCli(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Operation op : values()) {
            if (op.cliName.equals(n)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + name + "' (known: " + String.join(", ",
                java.util.Arrays.stream(values()).map(Operation::cliName).toList()) + ")");
    }

    /** Canonical column names. */
    public static final class Columns {
        public static final String ACCOUNT_ID = "account_id";
        public static final String EMAIL = "email";
        public static final String OLD_EMAIL = "old_email";

        private Columns() {
        }
    }
}
