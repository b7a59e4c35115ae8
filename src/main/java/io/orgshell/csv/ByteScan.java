package io.orgshell.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict pass over the raw bytes before any parsing: is this UTF-8 text at all, and where exactly is it not.
 * A Reader's MalformedInputException cannot say on which line it happened, so the bytes are decoded here by hand,
 * counting line breaks the way the CSV parser counts them (CR, LF and CRLF each end one line). The same pass counts
 * line-end styles and cell shapes for the repair report. Nothing of the content is kept.
 */
final class ByteScan {

    /** A byte that does not start a valid UTF-8 sequence, by line and byte position in the line (both 1-based). */
    record BadByte(long line, long column, int value) {}

    static final int BAD_LINES_LISTED = 5;
    private static final int BUFFER = 1 << 16;

    /** The text's length in UTF-8 bytes, byte order mark excluded. */
    long bytes;

    final boolean bom;
    /** Set when the file is not text at all (binary, a workbook, UTF-16): the whole explanation. */
    String notText;

    long crlfLineEnds;
    long crLineEnds;
    final List<BadByte> badBytes = new ArrayList<>();
    long badLineCount;
    /** The longest line in bytes, line end excluded, and where it is: a guard against loading one huge line. */
    long longestLine;

    long longestLineAt;
    /**
     * The longest record (a row as the CSV parser will read it: a quoted value may run over many lines) in bytes, the
     * line it starts on and how many lines it spans: one record is one value held whole, however short its lines.
     */
    long longestRecord;

    long longestRecordAt;
    long longestRecordLines;
    /** The line on which the file passes {@link PlanCsvReader#MAX_FILE_BYTES}, 0 when it never does. */
    long lineAtSizeLimit;

    final CellShapeCounter shapes;

    private long line = 1;
    private long column;
    private long position;
    private boolean inQuotes;
    private long recordBytes;
    private long recordStart = 1;
    private boolean previousWasCr;
    private int lastByte;
    private long controlBytes;
    private long badByteCount;
    private long lastBadLine;
    // the UTF-8 sequence being decoded: how many continuation bytes are still needed, and the range the next allows
    private int needed;
    private int low = 0x80;
    private int high = 0xBF;
    private int leadByte;
    private long leadLine;
    private long leadColumn;

    private ByteScan(TextFormat format) {
        this.bom = format.bom();
        this.shapes = new CellShapeCounter(format.delimiter());
    }

    /** Scans the file's text as {@link TextFormat#open} gives it: UTF-8, after the byte order mark. */
    static ByteScan of(Path file, TextFormat format) throws IOException {
        ByteScan scan = new ByteScan(format);
        try (InputStream in = format.open(file)) {
            scan.run(in);
        }
        return scan;
    }

    /** Physical lines (a last line without a line end counts), an upper bound for the number of rows. */
    long lines() {
        return line;
    }

    /** Lines as {@code wc -l} and editors count them: a line end at the very end does not start another. */
    long textLines() {
        return lastByte == '\n' || lastByte == '\r' ? line - 1 : line;
    }

    boolean empty() {
        return bytes == 0;
    }

    private void run(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int n = in.readNBytes(buffer, 0, buffer.length);
        bytes = n;
        int start = 0;
        if (startsWith(buffer, n, 0x50, 0x4B, 0x03, 0x04) || startsWith(buffer, n, 0xD0, 0xCF, 0x11, 0xE0)) {
            notText = "this is a spreadsheet workbook (or another ZIP or binary file), not CSV text; "
                    + "save it as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8)";
            return;
        }
        while (n > 0) {
            for (int i = start; i < n; i++) {
                if (!accept(buffer[i] & 0xFF)) {
                    return; // binary: nothing more worth knowing
                }
            }
            start = 0;
            n = in.read(buffer);
            if (n > 0) {
                bytes += n;
            }
        }
        if (needed > 0) {
            bad(leadLine, leadColumn, leadByte); // the file ends inside a multi-byte character
        }
        lineEnded();
        if (recordBytes > 0) {
            recordBytes++; // as if a line end followed: recordEnded leaves it out
            recordEnded('\n');
        }
        shapes.finish();
        if (bytes >= 32 && (controlBytes + badByteCount) * 10 > bytes * 3) {
            notText = "this is not a text file (most of its bytes are control characters or not UTF-8); "
                    + "save it as CSV UTF-8";
        }
    }

    /** Takes one byte; false when the file turns out to be binary. */
    private boolean accept(int b) {
        column++;
        recordBytes++;
        if (++position == PlanCsvReader.MAX_FILE_BYTES + 1) {
            lineAtSizeLimit = line;
        }
        lastByte = b;
        if (needed > 0) {
            if (b >= low && b <= high) {
                low = 0x80;
                high = 0xBF;
                needed--;
                return true;
            }
            bad(leadLine, leadColumn, leadByte); // the sequence broke off; this byte starts afresh
            needed = 0;
            low = 0x80;
            high = 0xBF;
        }
        if (b < 0x80) {
            return ascii(b);
        }
        previousWasCr = false;
        shapes.accept(b);
        leadByte = b;
        leadLine = line;
        leadColumn = column;
        if (b >= 0xC2 && b <= 0xDF) {
            needed = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            needed = 2;
            low = b == 0xE0 ? 0xA0 : 0x80; // no overlong forms
            high = b == 0xED ? 0x9F : 0xBF; // no UTF-16 surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            needed = 3;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
        } else {
            bad(line, column, b); // a stray continuation byte, an overlong lead, or not UTF-8 at all
        }
        return true;
    }

    private boolean ascii(int b) {
        if (b == 0) {
            notText = "this is not a text file (it contains NUL bytes, the first at line " + line + ", column " + column
                    + "); save it as CSV UTF-8";
            return false;
        }
        shapes.accept(b);
        if (b == '"') {
            inQuotes = !inQuotes; // an escaped quote ("") toggles twice
        }
        if (b == '\n' || b == '\r') {
            column--;
            lineEnded();
            if (!inQuotes && !(b == '\n' && previousWasCr)) {
                recordEnded(b);
            }
        }
        if (b == '\n') {
            if (previousWasCr) {
                crlfLineEnds++;
                crLineEnds--;
            } else {
                line++;
            }
            column = 0;
        } else if (b == '\r') {
            crLineEnds++;
            line++;
            column = 0;
        } else if ((b < 0x20 && b != '\t' && b != 0x0B && b != 0x0C) || b == 0x7F) {
            controlBytes++;
        }
        previousWasCr = b == '\r';
        return true;
    }

    private void recordEnded(int lineEnd) {
        long length = recordBytes - 1; // without the line end
        if (length > longestRecord) {
            longestRecord = length;
            longestRecordAt = recordStart;
            longestRecordLines = line - recordStart + 1;
        }
        recordBytes = lineEnd == '\r' ? -1 : 0; // the LF of a CRLF belongs to this record's line end
        recordStart = line + 1;
    }

    private void lineEnded() {
        if (column > longestLine) {
            longestLine = column;
            longestLineAt = line;
        }
    }

    private void bad(long atLine, long atColumn, int value) {
        badByteCount++;
        if (atLine != lastBadLine) {
            lastBadLine = atLine;
            badLineCount++;
            if (badBytes.size() < BAD_LINES_LISTED) {
                badBytes.add(new BadByte(atLine, atColumn, value));
            }
        }
    }

    private static boolean startsWith(byte[] buffer, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((buffer[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
