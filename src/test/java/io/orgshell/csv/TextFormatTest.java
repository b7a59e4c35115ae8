package io.orgshell.csv;

import static io.orgshell.csv.EmailSpec.READER;
import static io.orgshell.csv.EmailSpec.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Excel's other ways of saving a sheet: UTF-16 with or without a byte order mark, tab-separated. */
class TextFormatTest {

    static final String ID1 = "5b10ac8d82e05b22cc7d4ef5";
    static final String ID2 = "5b10a2844c20165700ede21f";
    static final byte[] LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    static final byte[] BE_BOM = {(byte) 0xFE, (byte) 0xFF};

    @TempDir
    Path dir;

    LoadedCsv read(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        Path file = dir.resolve(name);
        Files.write(file, out.toByteArray());
        return READER.read(file);
    }

    static byte[] text(String s, Charset charset) {
        return s.getBytes(charset);
    }

    @Test
    void excelsUnicodeTextLoadsWithItsRepairsAndLines() throws IOException {
        // Excel's "Unicode text": UTF-16LE, a byte order mark, tabs, CRLF, a non-ASCII value
        String tsv = "account_id\temail\told_email\tnote\r\n\r\n" + ID1 + "\tjo@new.example.com\t\tZoë 😀\r\n" + ID2
                + "\t\"ann@new.example.com\"\tann@old.example.com\t\r\n";
        LoadedCsv csv = read("users.txt", LE_BOM, text(tsv, StandardCharsets.UTF_16LE));
        assertThat(csv.problems()).isEmpty();
        assertThat(csv.rows()).extracting(CsvRow::line).containsExactly(3, 4);
        assertThat(csv.rows().get(0).cells()).containsExactly(ID1, "jo@new.example.com", "", "Zoë 😀");
        assertThat(csv.value(csv.rows().get(1), "old_email")).isEqualTo("ann@old.example.com");
        assertThat(lines(csv.repairs()))
                .contains(
                        "0: read UTF-16LE text (Excel's Unicode text) and removed its byte order mark; read"
                                + " tab-separated values",
                        "0: removed the quotes around 1 value",
                        "0: skipped 1 blank line (line 2)");
    }

    @Test
    void utf16BigEndianCommaSeparatedLoads() throws IOException {
        String csvText = "account_id,email\n" + ID1 + ",ann@new.example.com\n";
        LoadedCsv csv = read("plan.csv", BE_BOM, text(csvText, StandardCharsets.UTF_16BE));
        assertThat(csv.problems()).isEmpty();
        assertThat(csv.value(csv.rows().get(0), "email")).isEqualTo("ann@new.example.com");
        assertThat(lines(csv.repairs()))
                .contains("0: read UTF-16BE text (Excel's Unicode text) and removed its byte order mark");
    }

    @Test
    void utf16WithoutAByteOrderMarkIsToldByItsHeaderLine() throws IOException {
        LoadedCsv csv = read(
                "plan.csv", text("account_id,email\n" + ID1 + ",ann@new.example.com\n", StandardCharsets.UTF_16LE));
        assertThat(csv.problems()).isEmpty();
        assertThat(lines(csv.repairs()))
                .contains("0: read UTF-16LE text without a byte order mark (told by the NUL bytes of its first line)");
    }

    @Test
    void aBrokenUtf16CharacterIsReportedOnItsLine() throws IOException {
        byte[] lone = {0x00, (byte) 0xD8}; // a high surrogate (LE) with no low one after it
        LoadedCsv csv = read(
                "plan.csv",
                LE_BOM,
                text("account_id,email\n" + ID1 + ",ann@new.example.com\n" + ID2 + ",b", StandardCharsets.UTF_16LE),
                lone,
                text("@x.com\n", StandardCharsets.UTF_16LE));
        assertThat(lines(csv.problems()))
                .containsExactly("0: line 3: not valid UTF-16LE (a broken character: half of a surrogate pair, or an"
                        + " odd byte at the end); save the file as UTF-8");
    }

    @Test
    void aTsvFileIsTabSeparatedEvenWithCommasInItsValues() throws IOException {
        String tsv = "account_id\temail\tmessage\n" + ID1 + "\tann@new.example.com\tleft, see HR\n";
        Path file = dir.resolve("leavers.tsv");
        Files.writeString(file, tsv);
        ColumnSpec spec = ColumnSpec.of(
                new ColumnSpec.Column("account_id", true, ColumnSpec.Kind.ACCOUNT_ID, false, List.of()),
                new ColumnSpec.Column("message", false, ColumnSpec.Kind.TEXT, false, List.of()));
        LoadedCsv csv = new PlanCsvReader(spec).read(file);
        assertThat(csv.problems()).isEmpty();
        assertThat(csv.value(csv.rows().get(0), "message")).isEqualTo("left, see HR");
    }

    @Test
    void tabSeparatedValuesGetTheSameRepairsWordedForTabs() throws IOException {
        String tsv =
                "account_id\temail\t\n" + ID1 + "\t ann@new.example.com \t\n" + ID2 + "\tbob@new.example.com\tx\ty\n";
        LoadedCsv csv = read("plan.txt", text(tsv, StandardCharsets.UTF_8));
        assertThat(lines(csv.repairs()))
                .contains(
                        "0: read tab-separated values",
                        "0: trimmed spaces around 1 value",
                        "0: removed the empty last column (a trailing tab on the header line and on 1 data line)");
        assertThat(lines(csv.problems()))
                .containsExactly("3: 4 cells, the header has 2 — is there a tab in a value that should be quoted?");
    }

    @Test
    void aHeaderWithTabsAndCommasIsReadAsCsv() throws IOException {
        LoadedCsv csv =
                read("plan.txt", text("account_id,email\n" + ID1 + ",ann@new.example.com\t\n", StandardCharsets.UTF_8));
        assertThat(csv.problems()).isEmpty();
        assertThat(lines(csv.repairs())).noneMatch(r -> r.contains("tab-separated"));
    }
}
