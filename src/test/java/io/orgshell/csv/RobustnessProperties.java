package io.orgshell.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** However broken the content, reading returns a result: no exception, line numbers within the file. */
class RobustnessProperties {

    @Property(tries = 200)
    void csvLikeGarbageNeverThrows(@ForAll("csvLikeText") String text) throws IOException {
        check(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 100)
    void arbitraryBytesNeverThrow(@ForAll("bytes") byte[] bytes) throws IOException {
        check(bytes);
    }

    private static void check(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("garbage", ".csv");
        try {
            Files.write(file, bytes);
            LoadedCsv csv = EmailSpec.READER.read(file);
            long lines = 1
                    + new String(bytes, StandardCharsets.ISO_8859_1)
                            .chars()
                            .filter(c -> c == '\n' || c == '\r')
                            .count();
            assertThat(csv.problems()).allSatisfy(p -> assertThat(p.line()).isBetween(0, (int) lines));
            assertThat(csv.rows()).allSatisfy(r -> assertThat(r.line()).isBetween(1, (int) lines));
            assertThat(csv.rows()).isSortedAccordingTo((a, b) -> Integer.compare(a.line(), b.line()));
            if (csv.rows().isEmpty() && !csv.header().isEmpty()) {
                assertThat(csv.fatal()).isTrue(); // a header and nothing under it cannot be run
            }
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<String> csvLikeText() {
        List<String> pieces = List.of(
                "account_id",
                "email",
                "new_email",
                "User id",
                ",",
                ",",
                "\"",
                "\"\"",
                "\n",
                "\r\n",
                "\r",
                " ",
                "\t",
                "'=",
                "'",
                "a@b.co",
                "5b10ac8d82e05b22cc7d4ef5",
                "x",
                "\u00e9",
                "\u0430",
                "\uFEFF",
                "\u0000");
        return Arbitraries.of(pieces).list().ofMaxSize(60).map(p -> String.join("", p));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }
}
