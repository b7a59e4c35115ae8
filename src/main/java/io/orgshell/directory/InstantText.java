package io.orgshell.directory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#toString()}'s text, written without a formatter: an export writes one per account, and the
 * formatter's general machinery cost more than the rest of the cell. Years outside 1 to 9999 (a sign, more digits)
 * are left to {@link Instant#toString()}.
 */
final class InstantText {

    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
    private static final long FIRST = -62_135_596_800L;

    private static final long LAST = 253_402_300_799L;

    private InstantText() {}

    static String of(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return at.toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        int nanos = at.getNano();
        StringBuilder out = new StringBuilder(30);
        digits(out, t.getYear(), 4).append('-');
        digits(out, t.getMonthValue(), 2).append('-');
        digits(out, t.getDayOfMonth(), 2).append('T');
        digits(out, t.getHour(), 2).append(':');
        digits(out, t.getMinute(), 2).append(':');
        digits(out, t.getSecond(), 2);
        // as ISO_INSTANT: the fraction in groups of three digits, as many as it needs
        if (nanos > 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(out, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                digits(out, nanos / 1000, 6);
            } else {
                digits(out, nanos, 9);
            }
        }
        return out.append('Z').toString();
    }

    /** {@code value} in exactly {@code width} decimal digits, zeros in front. */
    private static StringBuilder digits(StringBuilder out, int value, int width) {
        int at = out.length();
        for (int i = 0; i < width; i++) {
            out.append('0');
        }
        for (int i = at + width - 1, v = value; i >= at && v > 0; i--, v /= 10) {
            out.setCharAt(i, (char) ('0' + v % 10));
        }
        return out;
    }
}
