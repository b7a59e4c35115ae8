package io.orgshell.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How a change file's text is written: its encoding and its separator. UTF-8 is the default; a byte order mark says
 * UTF-16 (Excel's "Unicode text" is UTF-16LE with one, and tabs). UTF-16 without a byte order mark is told by its
 * header line, which is ASCII: every other byte of it is NUL, and no UTF-8 text has a NUL byte at all. Values are
 * separated by tabs in a {@code .tsv} file, or when the first non-blank line has tabs and no commas; by commas
 * otherwise.
 *
 * <p>The rest of the reader sees every file as UTF-8 bytes after the byte order mark ({@link #open}): the same line
 * breaks, so the same line numbers, whatever the encoding on disk.
 */
public record TextFormat(Encoding encoding, boolean bom, char delimiter) {

    public enum Encoding {
        UTF_8("UTF-8"),
        UTF_16LE("UTF-16LE"),
        UTF_16BE("UTF-16BE");

        private final String label;

        Encoding(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Enough of a file to hold its header line; a header longer than this is not told apart by its NUL bytes. */
    private static final int SNIFF = 4096;

    public boolean tabs() {
        return delimiter == '\t';
    }

    /** The separator as a person names it, for messages ("a trailing comma", "a tab in a value"). */
    public String separatorName() {
        return tabs() ? "tab" : "comma";
    }

    public static TextFormat of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF);
        }
        Encoding encoding;
        boolean bom = true;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            encoding = Encoding.UTF_8;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            encoding = Encoding.UTF_16LE;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            encoding = Encoding.UTF_16BE;
        } else {
            bom = false;
            encoding = asciiHeaderInUtf16(head, 0)
                    ? Encoding.UTF_16BE
                    : asciiHeaderInUtf16(head, 1) ? Encoding.UTF_16LE : Encoding.UTF_8;
        }
        TextFormat commas = new TextFormat(encoding, bom, ',');
        boolean tsv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv");
        return tsv || commas.firstLineIsTabSeparated(file) ? new TextFormat(encoding, bom, '\t') : commas;
    }

    /** The file's text as UTF-8, after the byte order mark; a broken UTF-16 character reads as the byte 0xFF. */
    public InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            if (bom) {
                in.skipNBytes(encoding == Encoding.UTF_8 ? 3 : 2);
            }
            return encoding == Encoding.UTF_8 ? in : new Utf16AsUtf8(in, encoding == Encoding.UTF_16BE);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** What was done to read the file that UTF-8 CSV would not need, for the repair report; null when nothing. */
    public String reading() {
        String how = null;
        if (encoding == Encoding.UTF_8) {
            how = bom ? "removed the UTF-8 byte order mark" : null;
        } else if (bom) {
            how = "read " + encoding.label() + " text (Excel's Unicode text) and removed its byte order mark";
        } else {
            how = "read " + encoding.label() + " text without a byte order mark (told by the NUL bytes of its first"
                    + " line)";
        }
        if (tabs()) {
            how = (how == null ? "" : how + "; ") + "read tab-separated values";
        }
        return how;
    }

    private boolean firstLineIsTabSeparated(Path file) throws IOException {
        try (InputStream in = open(file)) {
            byte[] text = in.readNBytes(SNIFF);
            int tabs = 0;
            int commas = 0;
            boolean content = false;
            for (byte b : text) {
                if (b == '\n' || b == '\r') {
                    if (content) {
                        break;
                    }
                } else if (b == '\t') {
                    tabs++;
                } else if (b == ',') {
                    commas++;
                } else if (b != ' ') {
                    content = true;
                }
            }
            return tabs > 0 && commas == 0;
        }
    }

    /**
     * Whether the first line reads as ASCII text in UTF-16, the NUL byte of each character at {@code nulAt} (0: big
     * endian, 1: little endian). At least two characters, and a line end or the end of the sniffed bytes after them.
     */
    private static boolean asciiHeaderInUtf16(byte[] head, int nulAt) {
        int characters = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            int c = head[i + 1 - nulAt] & 0xFF;
            if (head[i + nulAt] != 0) {
                return false;
            }
            if (c == '\n' || c == '\r') {
                return characters >= 2;
            }
            if (c != '\t' && (c < 0x20 || c > 0x7E)) {
                return false;
            }
            characters++;
        }
        return characters >= 2;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
