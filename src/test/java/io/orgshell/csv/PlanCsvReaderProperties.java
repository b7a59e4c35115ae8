package io.orgshell.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.plan.Operation;
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

/** What the exporter writes loads back identically; any mangling of line ends, quotes or spaces loads or says where. */
class PlanCsvReaderProperties {

    record Row(String accountId, String email, String name) {}

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<String> id =
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(24);
        Arbitrary<String> local = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz0123456789._-")
                .ofMinLength(1)
                .ofMaxLength(20)
                .filter(s -> !s.startsWith(".") && !s.endsWith(".") && !s.contains(".."));
        Arbitrary<String> email = local.map(l -> l + "@acme.io");
        Arbitrary<String> name = Arbitraries.strings()
                .withChars("Aé€ä ,\"'\n=+-@x;\t")
                .ofMaxLength(15)
                .map(String::strip);
        return Combinators.combine(id, email, name)
                .as(Row::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(20)
                .uniqueElements(Row::accountId);
    }

    @Property(tries = 150)
    void whatTheExporterWritesLoadsBackIdentically(@ForAll("rows") List<Row> rows) throws Exception {
        Path dir = Files.createTempDirectory("prop");
        Path file = dir.resolve("export.csv");
        try (SafeCsvWriter w = SafeCsvWriter.open(file, List.of("account_id", "email", "name"))) {
            rows.forEach(r -> w.row(List.of(r.accountId(), r.email(), r.name())));
            w.commit();
        }
        LoadedCsv csv = new PlanCsvReader(Operation.EMAIL.columns()).read(file);
        assertThat(csv.problems()).isEmpty();
        assertThat(csv.rows()).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(csv.value(csv.rows().get(i), "account_id"))
                    .isEqualTo(rows.get(i).accountId());
            assertThat(csv.value(csv.rows().get(i), "email"))
                    .isEqualTo(rows.get(i).email());
            assertThat(csv.rows().get(i).cells().get(2)).isEqualTo(rows.get(i).name());
        }
    }

    @Property(tries = 200)
    void manglingsLoadTheSameValuesOrNameALine(
            @ForAll("rows") List<Row> rows,
            @ForAll boolean bom,
            @ForAll("lineEnds") String eol,
            @ForAll boolean quote,
            @ForAll boolean spaces,
            @ForAll boolean trailingComma,
            @ForAll boolean blankLines)
            throws Exception {
        StringBuilder sb = new StringBuilder(bom ? "\ufeff" : "");
        sb.append("account_id,email").append(trailingComma ? "," : "").append(eol);
        for (Row r : rows) {
            String pad = spaces ? "  " : "";
            sb.append(quote ? "\"" + r.accountId() + "\"" : r.accountId())
                    .append(',')
                    .append(pad)
                    .append(quote ? "\"" + r.email() + "\"" : r.email())
                    .append(pad)
                    .append(trailingComma ? "," : "")
                    .append(eol);
            if (blankLines) {
                sb.append(eol);
            }
        }
        Path file = Files.createTempFile("mangled", ".csv");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        LoadedCsv csv = new PlanCsvReader(Operation.EMAIL.columns()).read(file);
        if (!csv.problems().isEmpty()) {
            assertThat(csv.problems()).allSatisfy(p -> assertThat(p.line()).isGreaterThanOrEqualTo(1));
            return;
        }
        List<String> ids = new ArrayList<>();
        csv.rows().forEach(r -> ids.add(csv.value(r, "account_id")));
        assertThat(ids)
                .containsExactlyElementsOf(rows.stream().map(Row::accountId).toList());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(csv.value(csv.rows().get(i), "email"))
                    .isEqualTo(rows.get(i).email());
        }
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\n", "\r\n", "\r");
    }

    @Property(tries = 200)
    void randomBytesNeverEscapeAsAnException(@ForAll byte[] bytes) throws Exception {
        Path file = Files.createTempFile("random", ".csv");
        Files.write(file, bytes);
        LoadedCsv csv = new PlanCsvReader(Operation.EMAIL.columns()).read(file);
        if (csv.rows().isEmpty()) { // nothing to run is never a silent, empty plan
            assertThat(csv.fatal()).as("%s", csv.problems()).isTrue();
        }
    }
}
