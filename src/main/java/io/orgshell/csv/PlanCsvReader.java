package io.orgshell.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a change file the way admins actually have them. Safe repairs are made and listed once each (BOM, CRLF,
 * a trailing comma on every line, spaces around values, blank lines, header aliases, the formula guard of our own
 * exports); everything else is a problem with its line. Bytes are checked as UTF-8 first, with line numbers,
 * because a decoding error raised inside a CSV parser no longer knows where it was.
 */
public final class PlanCsvReader {

    private static final int BAD_LINES_SHOWN = 5;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    private final ColumnSpec spec;

    public PlanCsvReader(ColumnSpec spec) {
        this.spec = spec;
    }

    public LoadedCsv read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<CsvIssue> repairs = new ArrayList<>();
        List<CsvIssue> problems = new ArrayList<>();
        String fatal = binaryOrEmpty(bytes);
        if (fatal != null) {
            return failed(file, fatal);
        }
        String text = decode(bytes, problems);
        if (!problems.isEmpty()) {
            return new LoadedCsv(file, List.of(), Map.of(), List.of(), repairs, problems);
        }
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
            repairs.add(new CsvIssue(0, "removed the UTF-8 byte order mark"));
        }
        if (text.contains("\r")) {
            repairs.add(new CsvIssue(0, "read Windows (CRLF) line ends"));
        }
        if (text.isBlank()) {
            return failed(file, "the file is empty");
        }
        int[] lineStarts = lineStarts(text);
        List<CSVRecord> records;
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            records = parser.getRecords();
        } catch (UncheckedIOException | IllegalStateException e) {
            String where = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
            return failed(file, "not a readable CSV file (" + where + "); check for an unclosed quote");
        }
        return rows(file, text, lineStarts, records, repairs, problems);
    }

    private LoadedCsv rows(Path file, String text, int[] lineStarts, List<CSVRecord> records, List<CsvIssue> repairs,
                           List<CsvIssue> problems) {
        List<String> header = new ArrayList<>();
        records.get(0).forEach(h -> header.add(h.strip()));
        boolean trailingEmpty = header.size() > 1 && header.get(header.size() - 1).isEmpty();
        if (trailingEmpty) {
            header.remove(header.size() - 1);
            repairs.add(new CsvIssue(0, "removed the empty last column (every line ends with a comma)"));
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        String headerProblem = matchColumns(header, columns, repairs);
        if (headerProblem != null) {
            return failed(file, headerProblem);
        }
        if (records.size() == 1) {
            return failed(file, "no rows: the file has only a header");
        }
        int trimmed = 0;
        int unguarded = 0;
        int blank = countBlankLines(text, lineStarts, line(text, lineStarts, records.get(0)));
        List<CsvRow> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            CSVRecord rec = records.get(r);
            int line = line(text, lineStarts, rec);
            List<String> cells = new ArrayList<>(rec.size());
            boolean allEmpty = true;
            for (String raw : rec) {
                String v = raw.strip();
                if (v.length() != raw.length()) {
                    trimmed++;
                }
                String unneutralised = SafeCsvWriter.unneutralise(v);
                if (unneutralised.length() != v.length()) {
                    unguarded++;
                }
                allEmpty &= unneutralised.isEmpty();
                cells.add(unneutralised);
            }
            if (allEmpty) {
                blank++;
                continue;
            }
            if (trailingEmpty && cells.size() == header.size() + 1 && cells.get(header.size()).isEmpty()) {
                cells.remove(header.size());
            }
            rows.add(new CsvRow(line, List.copyOf(cells)));
            checkRow(line, cells, header.size(), columns, problems);
        }
        checkUnique(rows, columns, problems);
        if (trimmed > 0) {
            repairs.add(new CsvIssue(0, "trimmed spaces around " + trimmed + (trimmed == 1 ? " value" : " values")));
        }
        if (blank > 0) {
            repairs.add(new CsvIssue(0, "skipped " + blank + (blank == 1 ? " blank line" : " blank lines")));
        }
        if (unguarded > 0) {
            repairs.add(new CsvIssue(0, "removed the spreadsheet-formula guard (') from " + unguarded + " cells"));
        }
        return new LoadedCsv(file, header, columns, rows, repairs, problems);
    }

    /** Claims a header cell for each spec column, in the spec's order and each column's order of preference. */
    private String matchColumns(List<String> header, Map<String, Integer> columns, List<CsvIssue> repairs) {
        Set<Integer> claimed = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Integer before = seen.put(normalise(header.get(i)), i);
            if (before != null && !header.get(i).isEmpty() && accepted(header.get(i))) {
                return "the column '" + header.get(i) + "' appears twice (columns " + (before + 1) + " and " + (i + 1)
                        + ")";
            }
        }
        List<String> missing = new ArrayList<>();
        for (ColumnSpec.Column c : spec.columns()) {
            Integer found = null;
            for (String accepted : c.headers()) {
                for (int i = 0; i < header.size() && found == null; i++) {
                    if (!claimed.contains(i) && normalise(header.get(i)).equals(normalise(accepted))) {
                        found = i;
                    }
                }
                if (found != null) {
                    break;
                }
            }
            if (found != null) {
                claimed.add(found);
                columns.put(c.name(), found);
                if (!header.get(found).equals(c.name())) {
                    repairs.add(new CsvIssue(0, "header '" + header.get(found) + "' read as '" + c.name() + "'"));
                }
            } else if (c.required()) {
                missing.add(describeMissing(c, header));
            }
        }
        return missing.isEmpty() ? null : String.join("; ", missing) + "; found: " + String.join(", ", header);
    }

    private boolean accepted(String name) {
        return spec.columns().stream().flatMap(c -> c.headers().stream())
                .anyMatch(h -> normalise(h).equals(normalise(name)));
    }

    private static String describeMissing(ColumnSpec.Column c, List<String> header) {
        StringBuilder sb = new StringBuilder("no column for '" + c.name() + "' (accepted: "
                + String.join(", ", c.headers()) + ")");
        for (String h : header) {
            for (String accepted : c.headers()) {
                if (!h.isEmpty() && distance(normalise(h), normalise(accepted)) <= 2) {
                    return sb.append(" - did you mean '").append(accepted).append("' for '").append(h).append("'?")
                            .toString();
                }
            }
        }
        return sb.toString();
    }

    private void checkRow(int line, List<String> cells, int width, Map<String, Integer> columns,
                          List<CsvIssue> problems) {
        if (cells.size() < width) {
            problems.add(new CsvIssue(line, cells.size() + (cells.size() == 1 ? " cell" : " cells") + ", the header has "
                    + width));
        } else if (cells.size() > width && cells.subList(width, cells.size()).stream().anyMatch(v -> !v.isEmpty())) {
            problems.add(new CsvIssue(line, cells.size() + " cells, the header has " + width
                    + " (a value has an unquoted comma?)"));
        }
        for (ColumnSpec.Column c : spec.columns()) {
            Integer i = columns.get(c.name());
            String v = i == null || i >= cells.size() ? "" : cells.get(i);
            if (v.isEmpty()) {
                if (c.required() && i != null && i < cells.size()) {
                    problems.add(new CsvIssue(line, "empty " + c.name()));
                }
                continue;
            }
            String reason = switch (c.kind()) {
                case ACCOUNT_ID -> CellChecks.accountId(c.name(), v);
                case EMAIL -> CellChecks.email(c.name(), v);
                case TEXT -> v.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\t')
                        ? c.name() + " contains a control character" : null;
            };
            if (reason != null) {
                problems.add(new CsvIssue(line, reason));
            }
        }
    }

    /** Every row sharing a value of a unique column names the others' lines. */
    private void checkUnique(List<CsvRow> rows, Map<String, Integer> columns, List<CsvIssue> problems) {
        for (ColumnSpec.Column c : spec.columns()) {
            Integer i = columns.get(c.name());
            if (!c.unique() || i == null) {
                continue;
            }
            Map<String, List<Integer>> lines = new HashMap<>();
            for (CsvRow r : rows) {
                String v = i < r.cells().size() ? r.cells().get(i) : "";
                if (!v.isEmpty()) {
                    lines.computeIfAbsent(c.kind() == ColumnSpec.Kind.EMAIL ? v.toLowerCase(Locale.ROOT) : v,
                            k -> new ArrayList<>(1)).add(r.line());
                }
            }
            for (CsvRow r : rows) {
                String v = i < r.cells().size() ? r.cells().get(i) : "";
                List<Integer> same = lines.get(c.kind() == ColumnSpec.Kind.EMAIL ? v.toLowerCase(Locale.ROOT) : v);
                if (same != null && same.size() > 1) {
                    problems.add(new CsvIssue(r.line(), c.name() + " " + v + " also on line "
                            + String.join(", ", same.stream().filter(l -> l != r.line()).map(String::valueOf).toList())));
                }
            }
        }
    }

    private static String binaryOrEmpty(byte[] bytes) {
        if (bytes.length == 0) {
            return "the file is empty";
        }
        int control = 0;
        for (int i = 0; i < Math.min(bytes.length, 64 * 1024); i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return "this is a binary file (it contains NUL bytes), not a CSV";
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                control++;
            }
        }
        return control > 16 ? "this is a binary file (control bytes), not a CSV" : null;
    }

    /** Strict UTF-8, naming the first few lines and columns (in bytes) where the bytes are not UTF-8. */
    private static String decode(byte[] bytes, List<CsvIssue> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        List<Integer> bad = new ArrayList<>();
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                bad.add(in.position());
                in.position(in.position() + r.length());
                continue;
            }
            break;
        }
        decoder.flush(out);
        if (bad.isEmpty()) {
            return out.flip().toString();
        }
        int line = 1;
        int lineStart = 0;
        int next = 0;
        for (int i = 0; i < bytes.length && next < bad.size() && problems.size() < BAD_LINES_SHOWN; i++) {
            if (i == bad.get(next)) {
                problems.add(new CsvIssue(0, String.format("line %d: not valid UTF-8 (byte 0x%02X at column %d); save "
                        + "the file as UTF-8", line, bytes[i] & 0xff, i - lineStart + 1)));
                while (next < bad.size() && bad.get(next) < lineStartAfter(bytes, i)) {
                    next++;
                }
            }
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        if (bad.size() > problems.size()) {
            problems.add(new CsvIssue(0, "... and more bytes that are not UTF-8"));
        }
        return null;
    }

    private static int lineStartAfter(byte[] bytes, int i) {
        int j = i;
        while (j < bytes.length && bytes[j] != '\n') {
            j++;
        }
        return j + 1;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /**
     * The file line (1-based) a record starts on. The parser's position of a record that follows skipped empty
     * lines is where it started skipping, so line breaks are stepped over first.
     */
    private static int line(String text, int[] lineStarts, CSVRecord rec) {
        int pos = (int) rec.getCharacterPosition();
        while (pos < text.length() && (text.charAt(pos) == '\r' || text.charAt(pos) == '\n')) {
            pos++;
        }
        int i = Arrays.binarySearch(lineStarts, pos);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static int countBlankLines(String text, int[] lineStarts, int headerLine) {
        int blank = 0;
        for (int l = headerLine; l < lineStarts.length; l++) {
            int from = lineStarts[l];
            int to = l + 1 < lineStarts.length ? lineStarts[l + 1] : text.length();
            // only truly empty lines: the parser skips them; a line of spaces is a record and counted there
            if (from < text.length() && l + 1 < lineStarts.length
                    && text.substring(from, to).replace("\r", "").replace("\n", "").isEmpty()) {
                blank++;
            }
        }
        return blank;
    }

    private static LoadedCsv failed(Path file, String why) {
        return new LoadedCsv(file, List.of(), Map.of(), List.of(), List.of(), List.of(new CsvIssue(0, why)));
    }

    static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
