package io.orgshell.console;

import io.orgshell.core.Sanitizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.shell.jline.tui.table.ArrayTableModel;
import org.springframework.shell.jline.tui.table.BorderStyle;
import org.springframework.shell.jline.tui.table.TableBuilder;

/**
 * Listings: box-drawn tables through Spring Shell's TableBuilder for a person at a terminal, tab-separated lines
 * (a header line, then a line a row) for files and pipes, where {@code cut} and {@code awk} read them. Every cell
 * goes through {@link Sanitizer}.
 *
 * <p>A table is fitted to the terminal's width before TableBuilder draws it, because TableBuilder, short of room,
 * wraps every column at its spaces ({@code ALREADY DONE} over two lines) and still overflows. Here the widest
 * columns give way first, none below {@link #NARROWEST} characters, so a status word ({@code OK},
 * {@code ALREADY DONE}...) is never touched: text folds inside its cell at spaces, and a word that is still too
 * long (an email, an ID) is broken over lines of its cell, never cut.
 */
public final class TableRenderer {

    /** The longest status word ({@code ALREADY DONE}): no column is narrowed below it. */
    static final int NARROWEST = 12;

    private TableRenderer() {}

    /** Tab-separated: a tab or a line break inside a cell becomes a space, so every row stays one line. */
    public static String tabSeparated(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null
                    ? ""
                    : cells.get(i).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
            out.append(i == 0 ? "" : "\t").append(Sanitizer.forTerminal(cell));
        }
        out.append(System.lineSeparator());
    }

    /** A table no wider than {@code width} columns (a line break in a cell starts a new line in it). */
    public static String render(List<String> header, List<List<String>> rows, int width) {
        int columns = header.size();
        List<List<String>> all = new ArrayList<>();
        all.add(header.stream()
                .map(h -> Sanitizer.forTerminal(h == null ? "" : h))
                .toList());
        for (List<String> row : rows) {
            // Sanitizer turns a line break into a visible mark: keep the cell's own lines
            all.add(row.stream()
                    .map(c -> c == null
                            ? ""
                            : String.join(
                                    "\n", c.lines().map(Sanitizer::forTerminal).toList()))
                    .toList());
        }
        int[] widths = fit(all, columns, width <= 0 ? 120 : width);
        Object[][] data = new Object[all.size()][];
        for (int r = 0; r < all.size(); r++) {
            data[r] = new Object[columns];
            for (int c = 0; c < columns; c++) {
                data[r][c] = r == 0 ? all.get(0).get(c) : fold(all.get(r).get(c), widths[c]);
            }
        }
        TableBuilder table = new TableBuilder(new ArrayTableModel(data));
        table.addHeaderAndVerticalsBorders(BorderStyle.fancy_light);
        // narrower than the headers and status words allow: draw it whole and let the terminal wrap the lines,
        // rather than have TableBuilder break a status word
        int needed = Arrays.stream(widths).sum() + columns + 1;
        return table.build().render(Math.max(needed, width <= 0 ? 120 : width));
    }

    /**
     * Column widths that fit {@code width} with the borders: the widest columns are narrowed first, folding their
     * text at spaces; only when that is not enough are words broken (an email after a reason's words), and no
     * column goes below {@link #NARROWEST} or its header.
     */
    static int[] fit(List<List<String>> table, int columns, int width) {
        int[] widths = new int[columns];
        int[] floor = new int[columns];
        int[] longestWord = new int[columns];
        for (int c = 0; c < columns; c++) {
            for (List<String> row : table) {
                for (String line : row.get(c).split("\n", -1)) {
                    widths[c] = Math.max(widths[c], length(line));
                    for (String word : line.split(" ")) {
                        longestWord[c] = Math.max(longestWord[c], length(word));
                    }
                }
            }
            floor[c] =
                    Math.min(widths[c], Math.max(NARROWEST, length(table.get(0).get(c))));
        }
        int room = width - (columns + 1); // a border before each column and one after the last
        int[] uncut = new int[columns];
        for (int c = 0; c < columns; c++) {
            uncut[c] = Math.min(widths[c], Math.max(floor[c], longestWord[c]));
        }
        narrow(widths, uncut, room);
        narrow(widths, floor, room);
        return widths;
    }

    /** Takes a character at a time from the widest column still above its limit, until the row fits. */
    private static void narrow(int[] widths, int[] limits, int room) {
        int total = Arrays.stream(widths).sum();
        while (total > room) {
            int widest = -1;
            for (int c = 0; c < widths.length; c++) {
                if (widths[c] > limits[c] && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                return;
            }
            widths[widest]--;
            total--;
        }
    }

    /**
     * Folds at spaces to {@code width}; a word longer than that (an email, an ID) is broken after an {@code @},
     * {@code .}, {@code -} or {@code :} where one falls in the second half of the line, else at the width: folded, not
     * cut, so an ID or address can still be read whole.
     */
    static String fold(String cell, int width) {
        List<String> out = new ArrayList<>();
        for (String line : cell.split("\n", -1)) {
            StringBuilder current = new StringBuilder();
            for (String word : line.split(" ", -1)) {
                String rest = word;
                if (current.length() > 0 && length(current) + 1 + length(rest) > width) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                while (length(rest) > width && current.length() == 0) {
                    int end = breakAt(rest, width);
                    out.add(rest.substring(0, end));
                    rest = rest.substring(end);
                }
                current.append(current.length() > 0 ? " " : "").append(rest);
            }
            out.add(current.toString());
        }
        return String.join("\n", out);
    }

    /** Where to break a word too long for {@code width}: after a separator in the second half, else at the width. */
    private static int breakAt(String word, int width) {
        int limit = word.offsetByCodePoints(0, width);
        for (int i = limit - 1; i >= limit / 2; i--) {
            if ("@.-:".indexOf(word.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return limit;
    }

    private static int length(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }
}
