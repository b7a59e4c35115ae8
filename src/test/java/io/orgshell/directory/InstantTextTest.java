package io.orgshell.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The export's own writing of a date-time gives Instant.toString()'s text, to the character. */
class InstantTextTest {

    @Test
    void writesWhatInstantToStringWrites() {
        List<Instant> edges = List.of(
                Instant.EPOCH,
                Instant.parse("2026-12-02T03:05:13Z"),
                Instant.parse("2026-12-02T03:05:00Z"),
                Instant.parse("2026-12-02T03:00:00.5Z"),
                Instant.parse("2026-12-02T03:05:13.120Z"),
                Instant.parse("2026-12-02T03:05:13.000120Z"),
                Instant.parse("2026-12-02T03:05:13.000000001Z"),
                Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("0000-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.9Z"),
                Instant.MIN,
                Instant.MAX);
        for (Instant at : edges) {
            assertThat(InstantText.of(at)).isEqualTo(at.toString());
        }
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-62_135_596_800L - 1000, 253_402_300_799L + 1000);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant at = Instant.ofEpochSecond(seconds, nanos);
            assertThat(InstantText.of(at)).isEqualTo(at.toString());
        }
    }
}
