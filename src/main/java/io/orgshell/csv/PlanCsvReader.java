package io.orgshell.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads an admin's change file: repairs what is safe to repair (byte order mark, Windows line ends, a trailing comma
 * on every line, spaces, blank lines, quotes, header aliases, the formula guard of orgshell's own exports) and
 * reports everything else by line, so a bad line is shown rather than silently run or silently dropped.
 * <p>
 * Two passes: a strict byte scan (encoding, binary content, exact positions of bad bytes), then one streaming parse
 * by Commons CSV. Reusable and thread-safe: each {@link #read} keeps its state to itself.
 */
public final class PlanCsvReader {

    // Empty lines come through as records so that every line keeps its number; spaces around a quoted value
    // (, "a, b" ,) must not break the quoting.
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .get();

    /** More rows than any org has accounts to change: a file this long is a mistake, and would not fit in memory. */
    public static final int MAX_ROWS = 200_000;
    /** A row is an account ID, an email and a few short values: a longer line is not a plan, and can fill the heap. */
    public static final int MAX_LINE_BYTES = 64 * 1024;
    /** 200,000 rows of a profile plan fit in well under this; the values of a larger file would not fit in the heap. */
    public static final long MAX_FILE_BYTES = 48L << 20;

    private final ColumnSpec spec;

    public PlanCsvReader(ColumnSpec spec) {
        this.spec = spec;
    }

    /** Never throws for bad content (that is reported in the result); IOException only when the file cannot be read. */
    public LoadedCsv read(Path file) throws IOException {
        TextFormat format = TextFormat.of(file);
        ByteScan scan = ByteScan.of(file, format);
        String unreadable = unreadable(scan, format);
        if (unreadable == null) {
            unreadable = tooLarge(scan);
        }
        if (unreadable != null) {
            return new LoadedCsv(file, List.of(), Map.of(), List.of(), List.of(), List.of(new CsvIssue(0, unreadable)));
        }
        List<CsvIssue> repairs = new ArrayList<>(textRepairs(scan, format));
        RowLoader loader = new RowLoader(spec, scan.lines(), format.separatorName());
        parse(file, format, loader);
        loader.finish();
        repairs.addAll(loader.repairs);
        List<CsvIssue> problems = loader.problems;
        if (loader.header == null) {
            problems.add(new CsvIssue(0, "the file is empty (only blank lines)"));
        }
        return new LoadedCsv(
                file,
                loader.header == null ? List.of() : loader.header,
                loader.columns,
                loader.rows,
                repairs,
                problems);
    }

    private static void parse(Path file, TextFormat format, RowLoader loader) throws IOException {
        int line = 1;
        try (InputStream in = format.open(file)) {
            // the bytes were checked to be UTF-8 already, so this decoder has nothing to replace
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVFormat csv = FORMAT.builder().setDelimiter(format.delimiter()).get();
            try (CSVParser parser = csv.parse(reader)) {
                Iterator<CSVRecord> records = parser.iterator();
                while (true) {
                    // a record starts on the line after the line breaks read so far; read before hasNext() parses it
                    line = (int) parser.getCurrentLineNumber() + 1;
                    if (!records.hasNext() || !loader.take(line, records.next().values())) {
                        return;
                    }
                }
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CSVException)) {
                throw e.getCause();
            }
            cannotParse(line, e.getCause(), loader, format);
        } catch (CSVException | RuntimeException e) {
            cannotParse(line, e, loader, format);
        }
    }

    /** The rest of the file cannot be read: a problem on the row's line, and the file as a whole unloadable. */
    private static void cannotParse(int line, Exception e, RowLoader loader, TextFormat format) {
        String detail = String.valueOf(e.getMessage());
        String why;
        if (detail.contains("EOF reached before encapsulated token finished")) {
            why = "a quote in this row is never closed, so everything after it reads as one value; "
                    + "close it, or write a quote inside a value as \"\"";
        } else if (detail.contains("between encapsulated token and delimiter")) {
            why = "text follows a closing quote before the next " + format.separatorName() + "; quote the whole value "
                    + "and write a quote inside it as \"\"";
        } else {
            why = "cannot be read as " + (format.tabs() ? "tab-separated values" : "CSV") + " (" + detail + ")";
        }
        loader.problems.add(new CsvIssue(line, why));
        loader.problems.add(new CsvIssue(0, "the file cannot be read past line " + line + " (see that line)"));
    }

    /** Why the file is too large to be a plan, judged by the byte scan before anything is held; null when it is not. */
    private static String tooLarge(ByteScan scan) {
        if (scan.longestRecord > MAX_LINE_BYTES) {
            return scan.longestRecordLines <= 1
                    ? String.format(
                            Locale.ROOT,
                            "line %d is %,d bytes long, more than the %,d a row may be; " + "is this the right file?",
                            scan.longestRecordAt,
                            scan.longestRecord,
                            MAX_LINE_BYTES)
                    : String.format(
                            Locale.ROOT,
                            "the row that starts on line %d is %,d bytes long over %,d lines (a "
                                    + "quoted value that runs on: is a closing quote missing?), more than the %,d a row may be",
                            scan.longestRecordAt,
                            scan.longestRecord,
                            scan.longestRecordLines,
                            MAX_LINE_BYTES);
        }
        if (scan.textLines() > MAX_ROWS + 1) {
            return String.format(
                    Locale.ROOT,
                    "the file has %,d lines, more than a header and the %,d rows a plan "
                            + "may hold; split it into smaller files",
                    scan.textLines(),
                    MAX_ROWS);
        }
        if (scan.lineAtSizeLimit > 0) {
            return String.format(
                    Locale.ROOT,
                    "the file is %,d bytes, more than the %,d a plan may be (it passes "
                            + "that on line %,d); split it into smaller files",
                    scan.bytes,
                    MAX_FILE_BYTES,
                    scan.lineAtSizeLimit);
        }
        return null;
    }

    /** Why the file is not UTF-8 (or UTF-16) text at all, or null when it is. */
    private static String unreadable(ByteScan scan, TextFormat format) {
        if (scan.empty()) {
            return "the file is empty";
        }
        if (scan.notText != null) {
            return scan.notText;
        }
        if (scan.badBytes.isEmpty()) {
            return null;
        }
        ByteScan.BadByte first = scan.badBytes.get(0);
        boolean utf8 = format.encoding() == TextFormat.Encoding.UTF_8;
        // a UTF-16 file reaches the scan as UTF-8: its byte positions are not the file's, so only the line is told
        StringBuilder message = new StringBuilder("line " + first.line() + ": not valid "
                + format.encoding().label()
                + (utf8
                        ? " (byte " + String.format(Locale.ROOT, "0x%02X", first.value()) + " at column "
                                + first.column() + ")"
                        : " (a broken character: half of a surrogate pair, or an odd byte at the end)"));
        if (scan.badLineCount > 1) {
            List<Long> others =
                    scan.badBytes.stream().skip(1).map(ByteScan.BadByte::line).toList();
            message.append(", also on ").append(IssueText.lines(others, scan.badLineCount - 1));
        }
        return message.append("; save the file as UTF-8").toString();
    }

    private static List<CsvIssue> textRepairs(ByteScan scan, TextFormat format) {
        List<CsvIssue> repairs = new ArrayList<>();
        String reading = format.reading();
        if (reading != null) {
            repairs.add(new CsvIssue(0, reading));
        }
        // CRLF is CSV's own line end (RFC 4180, and what orgshell writes): nothing was wrong, so nothing is listed
        if (scan.crLineEnds > 0) {
            repairs.add(new CsvIssue(0, "accepted " + IssueText.count(scan.crLineEnds, "old Mac (CR) line end")));
        }
        if (scan.shapes.spacedCells() > 0) {
            repairs.add(
                    new CsvIssue(0, "trimmed spaces around " + IssueText.count(scan.shapes.spacedCells(), "value")));
        }
        if (scan.shapes.quotedCells() > 0) {
            repairs.add(new CsvIssue(
                    0, "removed the quotes around " + IssueText.count(scan.shapes.quotedCells(), "value")));
        }
        return repairs;
    }
}
