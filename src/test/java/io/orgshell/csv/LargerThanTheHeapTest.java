package io.orgshell.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.support.OrgShellProcess;
import io.orgshell.support.Slow;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files larger than the heap of the shell that loads them (64 MB here): refused by the byte scan, which holds
 * nothing, with a message naming the problem, rather than an OutOfMemoryError or a hang.
 */
@Slow
class LargerThanTheHeapTest {

    static final List<String> SMALL_HEAP = List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError");
    /** The heap scripts/bench gives orgshell: what a plan may hold is measured against it. */
    static final List<String> BENCH_HEAP = List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError");

    static final long SIZE = 80L << 20;

    @TempDir
    static Path home;

    @BeforeAll
    static void files() throws Exception {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(home.resolve("many-rows.csv")))) {
            out.write("account_id,email\n".getBytes(StandardCharsets.US_ASCII));
            for (long i = 0, written = 0; written < SIZE; i++) {
                byte[] row = String.format("%024x,user%d@acme.example\n", i, i).getBytes(StandardCharsets.US_ASCII);
                out.write(row);
                written += row.length;
            }
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(home.resolve("one-line.csv")))) {
            out.write("account_id,email\n5b10ac8d82e05b22cc7d4ef5,\"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < SIZE; written += chunk.length) {
                out.write(chunk);
            }
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(home.resolve("one-quoted-value.csv")))) {
            // short lines, all inside one quoted value that never closes: one value of 80 MB
            out.write("account_id,email\n5b10ac8d82e05b22cc7d4ef5,\"".getBytes(StandardCharsets.US_ASCII));
            byte[] lines = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n".repeat(2048).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < SIZE; written += lines.length) {
                out.write(lines);
            }
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(home.resolve("long-lines.csv")))) {
            // every line just under the 64 KiB a row may be, and far fewer lines than the row limit
            out.write("account_id,email\n".getBytes(StandardCharsets.US_ASCII));
            String padding = "x".repeat(PlanCsvReader.MAX_LINE_BYTES - 60);
            for (long i = 0, written = 0; written < SIZE; i++) {
                byte[] row = String.format("%024x,\"%s\"\n", i, padding).getBytes(StandardCharsets.US_ASCII);
                out.write(row);
                written += row.length;
            }
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(home.resolve("many-cells.csv")))) {
            // within every byte and row limit, but a value in each of 64 columns on 190,000 rows: 12 million values
            String cells = ",a".repeat(63);
            out.write(("account_id,name" + ",c".repeat(62) + "\n").getBytes(StandardCharsets.US_ASCII));
            for (long i = 0; i < 190_000; i++) {
                out.write(String.format("%024x%s\n", i, cells).getBytes(StandardCharsets.US_ASCII));
            }
        }
        assertThat(Files.size(home.resolve("many-rows.csv"))).isGreaterThan(64L << 20);
        assertThat(Files.size(home.resolve("many-cells.csv"))).isLessThan(PlanCsvReader.MAX_FILE_BYTES);
    }

    @Test
    void tooManyRowsIsRefusedWithTheCount() throws Exception {
        OrgShellProcess.Finished r = OrgShellProcess.start(
                        SMALL_HEAP,
                        home,
                        Map.of(),
                        null,
                        "load",
                        home.resolve("many-rows.csv").toString())
                .await();
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err())
                .contains("more than a header and the 200,000 rows a plan may hold")
                .doesNotContain("OutOfMemoryError")
                .doesNotContain("\tat ");
    }

    @Test
    void aQuotedValueOverManyLinesIsRefusedWithTheLineItStartsOn() throws Exception {
        OrgShellProcess.Finished r = load("one-quoted-value.csv");
        assertThat(r.err())
                .contains("the row that starts on line 2 is 83,886,")
                .contains("more than the 65,536 a row may be");
    }

    @Test
    void longLinesAddingUpToMoreThanAPlanAreRefusedWithTheLine() throws Exception {
        OrgShellProcess.Finished r = load("long-lines.csv");
        assertThat(r.err()).contains("more than the 50,331,648 a plan may be (it passes that on line 7");
    }

    @Test
    void tooManyValuesAreRefusedWithTheLine() throws Exception {
        OrgShellProcess.Finished r = load(BENCH_HEAP, "many-cells.csv");
        assertThat(r.out() + r.err()).containsPattern("by line [0-9]+ the rows take more than 72 MB of memory");
    }

    private OrgShellProcess.Finished load(String file) throws Exception {
        return load(SMALL_HEAP, file);
    }

    private OrgShellProcess.Finished load(List<String> heap, String file) throws Exception {
        OrgShellProcess.Finished r = OrgShellProcess.start(
                        heap, home, Map.of(), null, "load", home.resolve(file).toString(), "--op", "profile")
                .await();
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err()).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        return r;
    }

    @Test
    void aHugeLineIsRefusedWithItsNumber() throws Exception {
        OrgShellProcess.Finished r = OrgShellProcess.start(
                        SMALL_HEAP,
                        home,
                        Map.of(),
                        null,
                        "load",
                        home.resolve("one-line.csv").toString())
                .await();
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err())
                .contains("line 2 is 83,886,")
                .contains("bytes long, more than the 65,536 a row may be")
                .doesNotContain("OutOfMemoryError")
                .doesNotContain("\tat ");
    }
}
