package io.orgshell.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 100,000-row file loads whole. Timing is the benchmark's business; the time is printed for a look. */
class LargeFileTest {

    static final int ROWS = 100_000;

    @TempDir
    Path dir;

    @Test
    void aHundredThousandRowsLoad() throws IOException {
        Path file = dir.resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("\uFEFFUser id,User name,email,User status,new_email,\r\n");
            for (int i = 0; i < ROWS; i++) {
                String id = Long.toHexString(0x5b10ac8d82e00000L + i);
                out.write(id + ",\"Person " + i + ", Jr\",user" + i + "@old.example.com,Active,user" + i
                        + "@new.example.com,\r\n");
            }
        }
        long start = System.nanoTime();
        LoadedCsv csv = EmailSpec.READER.read(file);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.println(
                "loaded " + csv.rows().size() + " rows of " + Files.size(file) / 1024 + " KiB in " + elapsedMs + " ms");

        assertThat(csv.problems()).isEmpty();
        assertThat(csv.rows()).hasSize(ROWS);
        CsvRow last = csv.rows().get(ROWS - 1);
        assertThat(last.line()).isEqualTo(ROWS + 1);
        assertThat(csv.value(last, "email")).isEqualTo("user" + (ROWS - 1) + "@new.example.com");
        assertThat(last.cells()).hasSize(5).contains("Person 99999, Jr");
    }
}
