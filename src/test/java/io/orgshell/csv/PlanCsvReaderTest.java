package io.orgshell.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.orgshell.plan.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSVs admins actually have: each repair made and listed, each defect reported with its line. */
class PlanCsvReaderTest {

    static final ColumnSpec EMAIL = Operation.EMAIL.columns();
    static final String A = "5b86be50b8e3cb5895860d6d";
    static final String B = "557057:4f9acfd2-6155-419b-8de5-5b5cf27a59a0";

    @TempDir
    Path tmp;

    LoadedCsv read(String content) throws IOException {
        return read(content.getBytes(StandardCharsets.UTF_8));
    }

    LoadedCsv read(byte[] content) throws IOException {
        Path f = Files.createTempFile(tmp, "in", ".csv");
        Files.write(f, content);
        return new PlanCsvReader(EMAIL).read(f);
    }

    static List<String> messages(List<CsvIssue> issues) {
        return issues.stream().map(i -> i.line() + ": " + i.message()).toList();
    }

    @Test
    void bomCrlfTrailingCommasSpacesAndBlankLinesAreRepaired() throws IOException {
        LoadedCsv csv = read("\ufeffaccount_id,old_email,email,\r\n" + A + ", a@acme.example , a@acme.io,\r\n\r\n"
                + B + ",b@acme.example,b@acme.io,\r\n");
        assertThat(csv.fatal()).isFalse();
        assertThat(csv.problems()).isEmpty();
        assertThat(csv.header()).containsExactly("account_id", "old_email", "email");
        assertThat(csv.rows()).extracting(CsvRow::line).containsExactly(2, 4);
        assertThat(csv.value(csv.rows().get(0), "old_email")).isEqualTo("a@acme.example");
        assertThat(messages(csv.repairs())).contains("0: removed the UTF-8 byte order mark",
                "0: read Windows (CRLF) line ends", "0: removed the empty last column (every line ends with a comma)",
                "0: trimmed spaces around 2 values", "0: skipped 1 blank line");
    }

    @Test
    void headerAliasesAndTheAtlassianExport() throws IOException {
        LoadedCsv renamed = read("account_id,new_email\n" + A + ",a@acme.io\n");
        assertThat(renamed.value(renamed.rows().get(0), "email")).isEqualTo("a@acme.io");
        assertThat(messages(renamed.repairs())).contains("0: header 'new_email' read as 'email'");

        LoadedCsv export = read("User id,User name,email,User status,new_email\n" + A
                + ",Ann,a@acme.example,Active,a@acme.io\n");
        assertThat(export.problems()).isEmpty();
        assertThat(export.value(export.rows().get(0), "account_id")).isEqualTo(A);
        assertThat(export.value(export.rows().get(0), "email")).isEqualTo("a@acme.io");
        assertThat(export.value(export.rows().get(0), "old_email")).isEqualTo("a@acme.example");
        assertThat(export.rows().get(0).cells()).hasSize(5).contains("Ann", "Active");
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndNewlines() throws IOException {
        LoadedCsv csv = read("account_id,email,note\n" + A + ",a@acme.io,\"one, \"\"two\"\"\nthree\"\n" + B
                + ",b@acme.io,x\n");
        assertThat(csv.rows()).hasSize(2);
        assertThat(csv.rows().get(0).cells().get(2)).isEqualTo("one, \"two\"\nthree");
        assertThat(csv.rows().get(1).line()).isEqualTo(4);
    }

    @Test
    void rowDefectsAreReportedWithTheirLine() throws IOException {
        LoadedCsv csv = read("account_id,email\n" + A + ",a@acme.io\n,b@acme.io\n" + B + ",not-an-email\n"
                + "bad id!,c@acme.io\n" + A + "\n" + B + ",d@acme.io,extra\n" + B + ",p\u0430ypal@acme.io\n");
        assertThat(messages(csv.problems())).contains("3: empty account_id",
                "4: malformed email 'not-an-email': it needs exactly one @",
                "6: 1 cell, the header has 2", "7: 3 cells, the header has 2 (a value has an unquoted comma?)");
        assertThat(messages(csv.problems())).anyMatch(m -> m.startsWith("5: account_id 'bad id!' is not an account ID"))
                .anyMatch(m -> m.startsWith("8: ") && m.contains("U+0430 CYRILLIC SMALL LETTER A")
                        && m.contains("looks like 'a'"));
    }

    @Test
    void fileLevelProblemsAreFatalWithTheirReason() throws IOException {
        assertThat(messages(read("").problems())).containsExactly("0: the file is empty");
        assertThat(messages(read("account_id,email\n").problems())).containsExactly("0: no rows: the file has only a header");
        assertThat(messages(read(new byte[] {'a', 0, 1, 2, 'b'}).problems())).singleElement().asString()
                .contains("binary file");
        LoadedCsv latin1 = read("account_id,email\n5b86be50b8e3cb5895860d6d,ren\u00e9@acme.io\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.fatal()).isTrue();
        assertThat(messages(latin1.problems())).singleElement().asString()
                .contains("line 2: not valid UTF-8 (byte 0xE9 at column 29)");
        LoadedCsv typo = read("acount_id,email\n" + A + ",a@acme.io\n");
        assertThat(typo.fatal()).isTrue();
        assertThat(messages(typo.problems())).singleElement().asString().contains("no column for 'account_id'")
                .contains("did you mean 'account_id' for 'acount_id'?").contains("found: acount_id, email");
        assertThat(read("foo,bar\n1,2\n").fatal()).isTrue();
    }

    @Test
    void theFormulaGuardOfOurOwnExportIsRemoved() throws IOException {
        LoadedCsv csv = read("account_id,email,name\n" + A + ",a@acme.io,'=SUM(A1)\n");
        assertThat(csv.rows().get(0).cells().get(2)).isEqualTo("=SUM(A1)");
        assertThat(messages(csv.repairs())).contains("0: removed the spreadsheet-formula guard (') from 1 cells");
    }

    @Test
    void aHundredThousandRowsLoad() throws IOException {
        StringBuilder sb = new StringBuilder("account_id,email\n");
        for (int i = 0; i < 100_000; i++) {
            sb.append(String.format("%024x", i)).append(",user").append(i).append("@acme.io\n");
        }
        long start = System.nanoTime();
        LoadedCsv csv = read(sb.toString());
        System.out.printf("100,000 rows loaded in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(csv.rows()).hasSize(100_000);
        assertThat(csv.problems()).isEmpty();
    }
}
