package io.orgshell.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.orgshell.support.OrgShellProcess;
import io.orgshell.support.Slow;
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
        assertThat(Files.size(home.resolve("many-rows.csv"))).isGreaterThan(64L << 20);
    }

    @Test
    void tooManyRowsIsRefusedWithTheCount() throws Exception {
        OrgShellProcess.Finished r = OrgShellProcess.start(SMALL_HEAP, home, Map.of(), null, "load",
                home.resolve("many-rows.csv").toString()).await();
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err()).contains("more than a header and the 200,000 rows a plan may hold")
                .doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }

    @Test
    void aHugeLineIsRefusedWithItsNumber() throws Exception {
        OrgShellProcess.Finished r = OrgShellProcess.start(SMALL_HEAP, home, Map.of(), null, "load",
                home.resolve("one-line.csv").toString()).await();
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err()).contains("line 2 is 83,886,").contains("bytes long, more than the 65,536 a row may be")
                .doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }
}
