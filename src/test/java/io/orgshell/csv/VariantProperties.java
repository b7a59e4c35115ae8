package io.orgshell.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The same valid content written the ways admins' tools write it: with or without a byte order mark, LF, CRLF or CR,
 * quoted or not, spaces around values, a trailing comma on every line, blank lines anywhere, Atlassian's export
 * headers. Each row loads with its values on its line, or has a problem on exactly that line; nothing throws.
 */
class VariantProperties {

    enum Quoting {
        NONE,
        MINIMAL,
        ALL
    }

    record Change(String accountId, String oldEmail, String email, String name) {}

    @Property(tries = 200)
    void variantsOfAValidFileLoadTheSameValuesOrSayWhichLineIsWrong(
            @ForAll("changes") List<Change> changes,
            @ForAll boolean bom,
            @ForAll("lineEnds") String lineEnd,
            @ForAll boolean finalLineEnd,
            @ForAll Quoting quoting,
            @ForAll boolean spaces,
            @ForAll boolean trailingComma,
            @ForAll boolean exportHeaders,
            @ForAll @Size(max = 6) Set<@IntRange(min = 0, max = 30) Integer> blanksBefore,
            @ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        List<String> header = exportHeaders
                ? List.of("User id", "email", "new_email", "User name")
                : List.of("account_id", "old_email", "email", "display_name");
        blank(lines, blanksBefore, -1, random);
        lines.add(line(header, quoting, spaces, trailingComma, random));
        int[] expectedLine = new int[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            blank(lines, blanksBefore, i, random);
            Change c = changes.get(i);
            lines.add(line(
                    List.of(c.accountId(), c.oldEmail(), c.email(), c.name()), quoting, spaces, trailingComma, random));
            expectedLine[i] = lines.size();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (bom) {
            bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        bytes.writeBytes(
                (String.join(lineEnd, lines) + (finalLineEnd ? lineEnd : "")).getBytes(StandardCharsets.UTF_8));

        Path file = Files.createTempFile("variant", ".csv");
        LoadedCsv csv;
        try {
            Files.write(file, bytes.toByteArray());
            csv = EmailSpec.READER.read(file);
        } finally {
            Files.delete(file);
        }

        assertThat(csv.repairs().stream().anyMatch(r -> r.message().equals("removed the UTF-8 byte order mark")))
                .isEqualTo(bom);
        int unpredictable = changes.size(); // the first row whose unquoted comma is followed by a quote
        for (int i = 0; i < changes.size(); i++) {
            List<String> parts = parts(changes.get(i).name(), quoting);
            if (parts.size() > 1 && parts.stream().anyMatch(p -> p.startsWith("\""))) {
                unpredictable = i;
                break;
            }
        }
        if (unpredictable < changes.size()) {
            // that quote opens a quoted value that may run on for lines: from there on all that can be promised
            // is a problem on its line or after, never an exception
            int line = expectedLine[unpredictable];
            assertThat(csv.problems()).as("line %d", line).anyMatch(p -> p.line() >= line);
        } else {
            assertThat(csv.fatal()).as("%s", csv.problems()).isFalse();
            assertThat(csv.rows()).hasSize(changes.size());
        }
        for (int i = 0; i < unpredictable; i++) {
            Change c = changes.get(i);
            int line = expectedLine[i];
            List<String> parts = parts(c.name(), quoting);
            CsvRow row = csv.rows().get(i);
            assertThat(row.line()).isEqualTo(line);
            if (parts.size() > 1) { // an unquoted comma split the name: the row says so, on its own line
                assertThat(csv.problemsAt(line)).as("line %d", line).isNotEmpty();
                continue;
            }
            assertThat(csv.problemsAt(line)).as("line %d", line).isEmpty();
            assertThat(List.of(
                            csv.value(row, "account_id"),
                            csv.value(row, "old_email"),
                            csv.value(row, "email"),
                            row.cells().get(3)))
                    .containsExactly(c.accountId(), c.oldEmail(), c.email(), parts.get(0));
        }
        assertThat(csv.problems()).allSatisfy(p -> assertThat(p.line()).isBetween(0, lines.size()));
        if (csv.fatal()) { // a variant that cannot be loaded still says which line is at fault
            assertThat(csv.problems()).anyMatch(p -> p.line() >= 1);
        }
    }

    static List<String> parts(String name, Quoting quoting) {
        return quoting == Quoting.NONE ? unquotedParts(name) : List.of(name);
    }

    /**
     * The cells an unquoted name becomes: split at its commas, trimmed, and empty ones at the end gone, since they
     * cannot be told from a trailing comma ("N," and "N,\" \"" read as "N"; "N,a" as two cells, one too many).
     */
    static List<String> unquotedParts(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split(",", -1)) {
            String cell = part.strip();
            // a part that is one whole quoted value ("", " ", "a") reads as that value; other quotes stay unpredictable
            boolean wholeQuoted = cell.length() >= 2
                    && cell.startsWith("\"")
                    && cell.endsWith("\"")
                    && cell.indexOf('"', 1) == cell.length() - 1;
            parts.add(wholeQuoted ? cell.substring(1, cell.length() - 1).strip() : cell);
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    private static void blank(List<String> lines, Set<Integer> blanksBefore, int row, Random random) {
        if (blanksBefore.contains(row + 1)) {
            lines.add(random.nextBoolean() ? "" : "   ");
        }
    }

    private static String line(
            List<String> cells, Quoting quoting, boolean spaces, boolean trailingComma, Random random) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            boolean quote = quoting == Quoting.ALL
                    || (quoting == Quoting.MINIMAL && (cell.contains(",") || cell.contains("\"")));
            String written = quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
            String pad = spaces ? " ".repeat(random.nextInt(3)) : "";
            String padAfter = spaces ? " ".repeat(random.nextInt(3)) : "";
            line.append(pad).append(written).append(padAfter);
        }
        return trailingComma ? line.append(',').toString() : line.toString();
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\n", "\r\n", "\r");
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<String> ids = Arbitraries.strings()
                .withChars("abcdef0123456789")
                .ofMinLength(8)
                .ofMaxLength(24)
                .map(id -> id.length() > 12 ? "557058:" + id : id);
        Arbitrary<String> users = Arbitraries.strings()
                .withChars("abcxyz.-_")
                .ofMinLength(1)
                .ofMaxLength(10)
                .filter(u -> !u.startsWith(".") && !u.endsWith(".") && !u.contains(".."));
        Arbitrary<String> names = Arbitraries.strings()
                .withChars("abAB ,\"'\u00e9")
                .ofMinLength(0)
                .ofMaxLength(10)
                .map(n -> "N" + n.strip());
        return Combinators.combine(ids, users, users, names)
                .as((id, old, now, name) -> new Change(id, old + "@old.example.com", now + "@new.example.com", name))
                .list()
                .ofMinSize(1)
                .ofMaxSize(30)
                .uniqueElements(Change::accountId)
                .uniqueElements(c -> c.email().toLowerCase(Locale.ROOT));
    }
}
