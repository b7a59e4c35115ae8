package io.orgshell.csv;

import static io.orgshell.csv.ColumnSpec.Kind.ACCOUNT_ID;
import static io.orgshell.csv.ColumnSpec.Kind.EMAIL;

import io.orgshell.csv.ColumnSpec.Column;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The spec of the bulk email change, as the operation uses it, and fixture loading. */
final class EmailSpec {

    static final ColumnSpec SPEC = ColumnSpec.of(
            new Column(
                    "account_id",
                    true,
                    ACCOUNT_ID,
                    true,
                    List.of("account_id", "accountid", "account id", "user id", "userid", "atlassian id", "id")),
            new Column(
                    "email",
                    true,
                    EMAIL,
                    true,
                    List.of("new_email", "new email", "target_email", "target email", "email")),
            new Column(
                    "old_email",
                    false,
                    EMAIL,
                    false,
                    List.of("old_email", "old email", "current_email", "current email", "email")));

    static final PlanCsvReader READER = new PlanCsvReader(SPEC);

    private EmailSpec() {}

    static Path fixture(String name) {
        try {
            return Path.of(EmailSpec.class.getResource("/csv/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture " + name, e);
        }
    }

    static LoadedCsv load(String name) throws IOException {
        return READER.read(fixture(name));
    }

    /** Issues as "LINE: message", the way they read after a file name. */
    static List<String> lines(List<CsvIssue> issues) {
        return issues.stream().map(CsvIssue::toString).toList();
    }

    /** Each row as its line number and the values of account_id, email, old_email. */
    static List<String> values(LoadedCsv csv) {
        return csv.rows().stream()
                .map(r -> r.line() + " " + csv.value(r, "account_id") + " " + csv.value(r, "email") + " "
                        + csv.value(r, "old_email"))
                .toList();
    }
}
