package io.orgshell.csv;

import java.io.IOException;
import java.io.InputStream;

/**
 * UTF-16 text read as UTF-8 bytes, a character at a time, so that the byte scan and the parser read a UTF-16 file
 * exactly as they read UTF-8 (same checks, same line numbers) without holding the file. A character that is not
 * valid UTF-16 (a lone surrogate, an odd last byte) reads as the byte 0xFF, which no UTF-8 text has: the byte scan
 * reports it on its line. A decoder's replacement character would let the file load with a value nobody wrote.
 */
final class Utf16AsUtf8 extends InputStream {

    static final int BROKEN = 0xFF;

    private final InputStream in;
    private final boolean bigEndian;
    private final byte[] pending = new byte[4];
    private int pendingAt;
    private int pendingLength;
    /** A code unit read ahead while looking for a low surrogate, or -1. */
    private int unitAhead = -1;

    Utf16AsUtf8(InputStream in, boolean bigEndian) {
        this.in = in;
        this.bigEndian = bigEndian;
    }

    @Override
    public int read() throws IOException {
        if (pendingAt == pendingLength && !fill()) {
            return -1;
        }
        return pending[pendingAt++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (pendingAt == pendingLength && !fill()) {
                break;
            }
            int take = Math.min(len - n, pendingLength - pendingAt);
            System.arraycopy(pending, pendingAt, b, off + n, take);
            pendingAt += take;
            n += take;
        }
        return n == 0 ? -1 : n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Decodes the next character into {@code pending}; false at the end of the text. */
    private boolean fill() throws IOException {
        pendingAt = 0;
        pendingLength = 0;
        int unit = unitAhead >= 0 ? unitAhead : unit();
        unitAhead = -1;
        if (unit == -1) {
            return false;
        }
        if (unit == -2) { // an odd byte at the end
            return put(BROKEN);
        }
        int codePoint = unit;
        if (Character.isHighSurrogate((char) unit)) {
            int low = unit();
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                codePoint = Character.toCodePoint((char) unit, (char) low);
            } else {
                unitAhead = low;
                return put(BROKEN);
            }
        } else if (Character.isLowSurrogate((char) unit)) {
            return put(BROKEN);
        }
        if (codePoint < 0x80) {
            return put(codePoint);
        }
        if (codePoint < 0x800) {
            return put(0xC0 | codePoint >> 6, 0x80 | codePoint & 0x3F);
        }
        if (codePoint < 0x10000) {
            return put(0xE0 | codePoint >> 12, 0x80 | codePoint >> 6 & 0x3F, 0x80 | codePoint & 0x3F);
        }
        return put(
                0xF0 | codePoint >> 18,
                0x80 | codePoint >> 12 & 0x3F,
                0x80 | codePoint >> 6 & 0x3F,
                0x80 | codePoint & 0x3F);
    }

    /** The next code unit; -1 at the end, -2 for a last byte without its pair. */
    private int unit() throws IOException {
        int first = in.read();
        if (first < 0) {
            return -1;
        }
        int second = in.read();
        if (second < 0) {
            return -2;
        }
        return bigEndian ? first << 8 | second : second << 8 | first;
    }

    private boolean put(int... bytes) {
        for (int b : bytes) {
            pending[pendingLength++] = (byte) b;
        }
        return true;
    }
}
