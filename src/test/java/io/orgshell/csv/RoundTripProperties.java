package io.orgshell.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever orgshell exports with {@link SafeCsvWriter}, it reads back unchanged. */
class RoundTripProperties {

    record Account(String accountId, String email, String name) {
        List<String> cells() {
            return List.of(accountId, email, name);
        }
    }

    @Property(tries = 200)
    void exportedRowsLoadBackWithIdenticalValues(@ForAll("accounts") List<Account> accounts) throws IOException {
        Path dir = Files.createTempDirectory("csv-roundtrip");
        Path file = dir.resolve("export.csv");
        try {
            try (SafeCsvWriter writer = SafeCsvWriter.open(file, List.of("account_id", "email", "display_name"))) {
                accounts.forEach(a -> writer.row(a.cells()));
                writer.commit();
            }
            LoadedCsv csv = EmailSpec.READER.read(file);

            assertThat(csv.problems()).isEmpty();
            assertThat(csv.header()).containsExactly("account_id", "email", "display_name");
            assertThat(csv.rows())
                    .extracting(CsvRow::cells)
                    .containsExactlyElementsOf(
                            accounts.stream().map(Account::cells).toList());
            int line = 2; // values with line breaks make rows span several lines
            for (int i = 0; i < accounts.size(); i++) {
                assertThat(csv.rows().get(i).line()).isEqualTo(line);
                line += lineBreaks(accounts.get(i).name()) + 1;
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Provide
    Arbitrary<List<Account>> accounts() {
        Arbitrary<String> ids =
                Arbitraries.strings().withChars("abcXYZ0189_|:-").ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> locals = Arbitraries.strings()
                .withChars("abz09+_=-")
                .ofMinLength(1)
                .ofMaxLength(8)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(parts -> String.join(".", parts));
        Arbitrary<String> domains = Arbitraries.strings()
                .withChars("abz09")
                .ofMinLength(1)
                .ofMaxLength(8)
                .list()
                .ofMinSize(2)
                .ofMaxSize(3)
                .map(parts -> String.join(".", parts));
        Arbitrary<String> emails = Combinators.combine(locals, domains).as((l, d) -> l + "@" + d);
        return Combinators.combine(ids, emails, names())
                .as(Account::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(25)
                .uniqueElements(Account::accountId)
                .uniqueElements(a -> a.email().toLowerCase(Locale.ROOT));
    }

    /**
     * A spreadsheet whose locale splits on {@code ;} or tab starts a cell after each of them, quoted or not: no such
     * piece of a written cell may start a formula.
     */
    @Property(tries = 500)
    void noPieceASpreadsheetSplitsACellIntoRunsAsAFormula(@ForAll("names") String name) {
        String written = SafeCsvWriter.neutralise(name);
        for (String piece : written.split("[;\t]", -1)) {
            assertThat(piece)
                    .as("a piece of %s", written)
                    .doesNotStartWith("=")
                    .doesNotStartWith("+")
                    .doesNotStartWith("-")
                    .doesNotStartWith("@")
                    .doesNotStartWith("\r");
        }
        assertThat(SafeCsvWriter.unneutralise(written)).isEqualTo(name);
    }

    @Provide
    Arbitrary<String> names() {
        return Combinators.combine(
                        Arbitraries.of(
                                "", "=", "+", "-", "@", "\t", "\r", "=cmd|' /C calc'!A0", "'", "'=", "''", "'\t"),
                        // whole characters, not chars: an emoji is two chars, and half of one cannot be written
                        Arbitraries.of(
                                        "a",
                                        "Z",
                                        " ",
                                        ",",
                                        "\"",
                                        "'",
                                        "\n",
                                        "\r",
                                        "\r\n",
                                        "=",
                                        "+",
                                        "-",
                                        "@",
                                        ";",
                                        "\t",
                                        ";=",
                                        "\t'",
                                        "\u00e9",
                                        "\u0416",
                                        "\u6f22",
                                        "\uD83D\uDE00")
                                .list()
                                .ofMaxSize(12)
                                .map(parts -> String.join("", parts)),
                        Arbitraries.strings().withChars("aZ9,\"'=@\u00e9\u0416").ofLength(1))
                .as((start, middle, end) -> start + middle + end)
                .filter(RoundTripProperties::survivesTrimming);
    }

    /**
     * The reader trims every value: values that begin or end with spaces cannot come back unchanged, by design.
     * Leading tab and CR are fine: the writer guards them. So is a leading apostrophe of the value's own ("'=x"):
     * the writer guards that too, so the reader never mistakes it for the guard.
     */
    static boolean survivesTrimming(String name) {
        char first = name.charAt(0);
        boolean guarded = first == '\t' || first == '\r';
        return guarded || !Character.isWhitespace(first);
    }

    /** Physical line breaks as the parser counts them: CRLF, CR and LF each one. */
    static int lineBreaks(String value) {
        int breaks = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r'))) {
                breaks++;
            }
        }
        return breaks;
    }
}
