package io.orgshell.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * One sheet saved the ways Excel saves it: CSV UTF-8, Unicode text (UTF-16LE, byte order mark, tabs), UTF-16BE CSV
 * with a byte order mark, UTF-16LE CSV without one. Each loads to the same rows on the same lines, with the same
 * problems: values with separators, quotes, line breaks and characters outside the BMP included.
 */
class EncodingProperties {

    record Row(String accountId, String email, String note, boolean blankBefore) {}

    record Saved(String name, Charset charset, byte[] bom, char separator) {}

    static final List<Saved> WAYS = List.of(
            new Saved("plan.csv", StandardCharsets.UTF_8, new byte[0], ','),
            new Saved("plan.txt", StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, '\t'),
            new Saved("plan.csv", StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}, ','),
            new Saved("plan.csv", StandardCharsets.UTF_16LE, new byte[0], ','),
            new Saved("plan.tsv", StandardCharsets.UTF_8, new byte[0], '\t'));

    @Property(tries = 150)
    void everyWayExcelSavesASheetLoadsTheSameRowsOnTheSameLines(
            @ForAll("rows") @Size(min = 1, max = 12) List<Row> rows, @ForAll boolean crlf) throws IOException {
        List<LoadedCsv> loaded = new ArrayList<>();
        for (Saved way : WAYS) {
            loaded.add(load(way, rows, crlf ? "\r\n" : "\n"));
        }
        LoadedCsv utf8 = loaded.get(0);
        assertThat(utf8.rows()).hasSize(rows.size());
        for (int i = 1; i < loaded.size(); i++) {
            LoadedCsv other = loaded.get(i);
            assertThat(other.rows()).as(WAYS.get(i).toString()).isEqualTo(utf8.rows());
            assertThat(other.problems()).as(WAYS.get(i).toString()).isEqualTo(utf8.problems());
        }
    }

    private static LoadedCsv load(Saved way, List<Row> rows, String lineEnd) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(String.join(String.valueOf(way.separator()), "account_id", "email", "note"))
                .append(lineEnd);
        for (Row r : rows) {
            if (r.blankBefore()) {
                text.append(lineEnd);
            }
            text.append(cell(r.accountId(), way.separator()))
                    .append(way.separator())
                    .append(cell(r.email(), way.separator()))
                    .append(way.separator())
                    .append(cell(r.note(), way.separator()))
                    .append(lineEnd);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(way.bom());
        bytes.writeBytes(text.toString().getBytes(way.charset()));
        Path dir = Files.createTempDirectory("encodings");
        Path file = dir.resolve(way.name());
        try {
            Files.write(file, bytes.toByteArray());
            return EmailSpec.READER.read(file);
        } finally {
            Files.delete(file);
            Files.delete(dir);
        }
    }

    /** As a spreadsheet writes a cell: quoted when it holds the separator, a quote or a line break. */
    private static String cell(String value, char separator) {
        if (value.indexOf(separator) >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<String> ids =
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(24).injectDuplicates(0.1);
        Arbitrary<String> emails = Arbitraries.strings()
                .withChars("abcxyz.")
                .ofMinLength(1)
                .ofMaxLength(8)
                .map(s -> s + "@new.example.com");
        // tokens, not chars: a character outside the BMP is two chars, and half of one is not text
        Arbitrary<String> notes = Arbitraries.of(
                        "a", "b", " ", ",", "\t", "\"", "\n", ";", "é", "ß", "€", "\uD83D\uDE00")
                .list()
                .ofMaxSize(12)
                .map(t -> String.join("", t).strip())
                .filter(s -> !s.startsWith("\""));
        return Combinators.combine(ids, emails, notes, Arbitraries.of(true, false, false, false))
                .as(Row::new)
                .list();
    }
}
