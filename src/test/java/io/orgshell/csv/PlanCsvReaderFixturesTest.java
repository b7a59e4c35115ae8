package io.orgshell.csv;

import static io.orgshell.csv.EmailSpec.lines;
import static io.orgshell.csv.EmailSpec.load;
import static io.orgshell.csv.EmailSpec.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One fixture per defect and per repair, with the exact repairs, problems and line numbers expected. */
class PlanCsvReaderFixturesTest {

    static final String ANN = "5b10ac8d82e05b22cc7d4ef5";
    static final String BOB = "5b10a2844c20165700ede21g";
    static final String CY = "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077";
    static final String DEE = "5c8e1f2a3b4c5d6e7f809102";

    @Test
    void aTrailingCommaOnEveryLineIsRemovedAndTheTargetIsTheEmailColumn() throws IOException {
        LoadedCsv csv = load("trailing-comma.csv");
        assertThat(csv.header()).containsExactly("account_id", "old_email", "email");
        assertThat(csv.columns())
                .containsExactly(Map.entry("account_id", 0), Map.entry("email", 2), Map.entry("old_email", 1));
        assertThat(lines(csv.repairs()))
                .containsExactly(
                        "0: removed the empty last column (a trailing comma on the header line and on 3 data lines)");
        assertThat(csv.problems()).isEmpty();
        assertThat(values(csv))
                .containsExactly(
                        "2 " + ANN + " ann@new.example.com ann@old.example.com",
                        "3 " + BOB + " bob@new.example.com bob@old.example.com",
                        "4 " + CY + " cy@new.example.com cy@old.example.com");
        assertThat(csv.rows()).allSatisfy(r -> assertThat(r.cells()).hasSize(3));
    }

    @Test
    void newEmailIsReadAsTheEmailColumn() throws IOException {
        LoadedCsv csv = load("new-email-header.csv");
        assertThat(lines(csv.repairs())).containsExactly("0: header 'new_email' read as 'email'");
        assertThat(csv.problems()).isEmpty();
        assertThat(values(csv))
                .containsExactly("2 " + ANN + " ann@new.example.com ", "3 " + BOB + " bob@new.example.com ");
    }

    @Test
    void withEmailAndNewEmailTheNewOneIsTheTargetAndEmailTheCurrent() throws IOException {
        LoadedCsv csv = load("email-and-new-email.csv");
        assertThat(lines(csv.repairs()))
                .containsExactly("0: header 'new_email' read as 'email'", "0: header 'email' read as 'old_email'");
        assertThat(csv.problems()).isEmpty();
        assertThat(values(csv)).containsExactly("2 " + ANN + " ann@new.example.com ann@old.example.com");
    }

    @Test
    void theByteOrderMarkIsRemovedFromTheFirstHeaderName() throws IOException {
        LoadedCsv csv = load("bom.csv");
        assertThat(csv.header()).containsExactly("account_id", "email");
        assertThat(lines(csv.repairs())).containsExactly("0: removed the UTF-8 byte order mark");
        assertThat(csv.problems()).isEmpty();
        assertThat(values(csv)).containsExactly("2 " + ANN + " ann@new.example.com ");
    }

    @Test
    void windowsLineEndsLeaveNoCarriageReturnInTheValues() throws IOException {
        LoadedCsv csv = load("crlf.csv");
        assertThat(csv.repairs()).as("CRLF is CSV's own line end, not a repair").isEmpty();
        assertThat(csv.problems()).isEmpty();
        assertThat(values(csv))
                .containsExactly("2 " + ANN + " ann@new.example.com ", "3 " + BOB + " bob@new.example.com ");
    }

    @Test
    void oldMacLineEndsEndLinesToo() throws IOException {
        LoadedCsv csv = load("cr.csv");
        assertThat(lines(csv.repairs())).containsExactly("0: accepted 2 old Mac (CR) line ends");
        assertThat(values(csv)).containsExactly("2 " + ANN + " ann@new.example.com ann@old.example.com");
    }

    @Test
    void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() throws IOException {
        LoadedCsv csv = load("quoted.csv");
        assertThat(lines(csv.repairs())).containsExactly("0: removed the quotes around 6 values");
        assertThat(csv.problems()).isEmpty();
        assertThat(csv.rows())
                .extracting(r -> r.cells().get(2))
                .containsExactly("Smith, Ann", "Bob \"The Builder\" Jones", "Cy\non two lines", "plain");
        // the third row spans lines 4 and 5, so the next row is on line 6
        assertThat(csv.rows()).extracting(CsvRow::line).containsExactly(2, 3, 4, 6);
        assertThat(csv.value(csv.rows().get(2), "account_id")).isEqualTo(CY);
    }

    @Test
    void spacesAroundValuesAndHeaderNamesAreTrimmedInsideAndOutsideQuotes() throws IOException {
        LoadedCsv csv = load("spaces.csv");
        assertThat(csv.header()).containsExactly("account_id", "email");
        assertThat(lines(csv.repairs()))
                .containsExactly("0: trimmed spaces around 6 values", "0: removed the quotes around 2 values");
        assertThat(csv.problems()).isEmpty();
        assertThat(values(csv))
                .containsExactly(
                        "2 " + ANN + " ann@new.example.com ",
                        "3 " + BOB + " bob@new.example.com ",
                        "4 " + DEE + " dee@new.example.com ");
    }

    @Test
    void blankLinesAreSkippedButStillCountForLineNumbers() throws IOException {
        LoadedCsv csv = load("blank-lines.csv");
        // line 1 is empty, 4 empty, 5 spaces only, 7 only a comma, 9 empty at the end
        assertThat(lines(csv.repairs())).containsExactly("0: skipped 5 blank lines (lines 1, 4, 5, 7, 9)");
        assertThat(csv.problems()).isEmpty();
        assertThat(values(csv))
                .containsExactly(
                        "3 " + ANN + " ann@new.example.com ",
                        "6 " + BOB + " bob@new.example.com ",
                        "8 " + DEE + " dee@new.example.com ");
    }

    @Test
    void atlassiansManagedAccountsExportWithANewEmailColumn() throws IOException {
        LoadedCsv csv = load("atlassian-export.csv");
        assertThat(lines(csv.repairs()))
                .containsExactly(
                        "0: header 'User id' read as 'account_id'",
                        "0: header 'new_email' read as 'email'",
                        "0: header 'email' read as 'old_email'");
        assertThat(csv.problems()).isEmpty();
        assertThat(values(csv))
                .containsExactly(
                        "2 " + ANN + " ann@new.example.com ann@old.example.com",
                        "3 " + BOB + " bob@new.example.com bob@old.example.com");
        assertThat(csv.header()).hasSize(8).contains("User status", "Last seen in Jira");
        assertThat(csv.rows().get(1).cells()).hasSize(8).contains("Suspended", "Never accessed");
    }

    @Test
    void extraColumnsAreKeptInTheHeaderAndTheRows() throws IOException {
        LoadedCsv csv = load("extra-columns.csv");
        assertThat(csv.header()).containsExactly("ticket", "account_id", "email", "note");
        assertThat(csv.repairs()).isEmpty();
        assertThat(csv.problems()).isEmpty();
        assertThat(csv.rows())
                .extracting(CsvRow::cells)
                .containsExactly(
                        List.of("HR-1", ANN, "ann@new.example.com", "married"),
                        List.of("HR-2", BOB, "bob@new.example.com", ""));
    }

    @Test
    void aMissingColumnIsFatalAndSuggestsTheCloseHeader() throws IOException {
        LoadedCsv csv = load("missing-column.csv");
        assertThat(csv.fatal()).isTrue();
        assertThat(lines(csv.problems()))
                .containsExactly("0: no column for 'account_id' (accepted: account_id, "
                        + "accountid, account id, user id, userid, atlassian id, id); found: acount_id, email"
                        + " — did you mean 'account_id' for 'acount_id'?");
        assertThat(csv.rows()).isEmpty();
        assertThat(csv.header()).containsExactly("acount_id", "email");
    }

    @Test
    void anUnrecognisedHeaderNamesEveryMissingColumn() throws IOException {
        LoadedCsv csv = load("unrecognised-header.csv");
        assertThat(csv.fatal()).isTrue();
        assertThat(lines(csv.problems()))
                .containsExactly(
                        "0: no column for 'account_id' (accepted: account_id, accountid, account id, user id, userid, "
                                + "atlassian id, id); found: name, department",
                        "0: no column for 'email' (accepted: new_email, new email, target_email, target email, email); "
                                + "found: name, department");
    }

    @Test
    void aFileWithoutAHeaderLineIsToldToAddOne() throws IOException {
        LoadedCsv csv = load("headerless.csv");
        assertThat(csv.fatal()).isTrue();
        assertThat(lines(csv.problems()))
                .hasSize(3)
                .last()
                .isEqualTo(
                        "0: the first line looks like data, not a header; add a header line such as 'account_id,email'");
    }

    @Test
    void aHeaderNameTwiceIsFatalWhenAColumnCouldReadEither() throws IOException {
        LoadedCsv csv = load("duplicate-header.csv");
        assertThat(csv.fatal()).isTrue();
        assertThat(lines(csv.problems()))
                .containsExactly(
                        "0: columns 2 and 3 have the same name ('email'); rename or remove one so it is clear which to read");
        assertThat(csv.rows()).isEmpty();
    }

    @Test
    void emptyRequiredValuesAreProblemsOfTheirLine() throws IOException {
        LoadedCsv csv = load("empty-account-id.csv");
        assertThat(csv.fatal()).isFalse();
        assertThat(lines(csv.problems())).containsExactly("3: empty account_id", "4: empty email");
        assertThat(csv.rows()).hasSize(3);
        assertThat(csv.problemsAt(2)).isEmpty();
        assertThat(lines(csv.problemsAt(3))).containsExactly("3: empty account_id");
    }

    @Test
    void malformedAccountIdsAndEmailsSayWhatIsWrong() throws IOException {
        LoadedCsv csv = load("bad-values.csv");
        assertThat(csv.fatal()).isFalse();
        assertThat(lines(csv.problems()))
                .containsExactly(
                        "2: email 'ann.new.example.com' is not a valid email address: no @",
                        "3: email 'bob@example' is not a valid email address: the domain 'example' has no dot",
                        "4: account_id 'has space' is not an Atlassian account ID (1 to 128 letters, digits, _ | : or -)",
                        "5: email 'dee@@new.example.com' is not a valid email address: more than one @",
                        "6: email contains U+0430 CYRILLIC SMALL LETTER A, which looks like 'a' (character 1 of "
                                + "'\u0430nn@new.example.com')",
                        "7: email 'eve@new_example.com' is not a valid email address: the domain contains '_' "
                                + "(only letters, digits, hyphens and dots)",
                        "8: email contains U+00E4 LATIN SMALL LETTER A WITH DIAERESIS, which looks like 'a' (character 11 of "
                                + "'fay@new.ex\u00e4mple.com')");
        assertThat(csv.rows()).hasSize(7);
    }

    @Test
    void everyRowOfARepeatedAccountIdNamesTheOthers() throws IOException {
        LoadedCsv csv = load("duplicate-account-id.csv");
        assertThat(lines(csv.problems()))
                .containsExactly(
                        "2: account_id " + ANN + " also on line 4", "4: account_id " + ANN + " also on line 2");
        assertThat(csv.problemsAt(3)).isEmpty();
    }

    @Test
    void theSameTargetEmailIsRepeatedWhateverItsCaseButOldEmailsMayRepeat() throws IOException {
        LoadedCsv csv = load("duplicate-target-email.csv");
        assertThat(lines(csv.problems()))
                .containsExactly(
                        "2: email shared@new.example.com also on lines 4, 5",
                        "4: email Shared@New.Example.com also on lines 2, 5",
                        "5: email SHARED@new.example.com also on lines 2, 4");
    }

    @Test
    void theFormulaGuardOfAnExportIsRemoved() throws IOException {
        LoadedCsv csv = load("exported.csv");
        assertThat(lines(csv.repairs()))
                .containsExactly(
                        "0: removed the quotes around 1 value",
                        "0: removed the spreadsheet formula guard (a leading ') from 4 values");
        assertThat(csv.problems()).isEmpty();
        assertThat(csv.rows())
                .extracting(r -> r.cells().get(2))
                .containsExactly("=HYPERLINK(\"http://x\")", "+1 555 0100", "@home");
        assertThat(csv.value(csv.rows().get(2), "email")).isEqualTo("-dee@new.example.com");
    }

    @Test
    void rowsWithTooFewOrTooManyCellsAreReportedAndKept() throws IOException {
        LoadedCsv csv = load("cell-counts.csv");
        assertThat(lines(csv.problems()))
                .containsExactly(
                        "2: 2 cells, the header has 3",
                        "3: 4 cells, the header has 3 — is there a comma in a value that should be quoted?");
        assertThat(lines(csv.repairs()))
                .containsExactly(
                        "0: trimmed spaces around 1 value", "0: removed empty cells after the last column on 1 line");
        assertThat(csv.rows())
                .extracting(CsvRow::cells)
                .containsExactly(
                        List.of(ANN, "ann@new.example.com"),
                        List.of(BOB, "bob@new.example.com", "Jones", "Bob"),
                        List.of(DEE, "dee@new.example.com", "Dee"));
        assertThat(csv.value(csv.rows().get(0), "old_email")).isEmpty();
    }

    @Test
    void anUnclosedQuoteStopsTheFileAtItsLine() throws IOException {
        LoadedCsv csv = load("unclosed-quote.csv");
        assertThat(csv.fatal()).isTrue();
        assertThat(lines(csv.problems()))
                .containsExactly(
                        "0: the file cannot be read past line 2 (see that line)",
                        "2: a quote in this row is never closed, so everything after it reads as one value; "
                                + "close it, or write a quote inside a value as \"\"");
    }

    @Test
    void anEmptyFileIsFatal() throws IOException {
        LoadedCsv csv = load("empty.csv");
        assertThat(csv.fatal()).isTrue();
        assertThat(lines(csv.problems())).containsExactly("0: the file is empty");
        assertThat(csv.header()).isEmpty();
        assertThat(csv.rows()).isEmpty();
    }

    @Test
    void aHeaderWithoutRowsIsFatal() throws IOException {
        LoadedCsv csv = load("header-only.csv");
        assertThat(csv.fatal()).isTrue();
        assertThat(lines(csv.problems())).containsExactly("0: no rows: the file has only the header line");
        assertThat(csv.header()).containsExactly("account_id", "email");
    }
}
