package io.orgshell.console;

import java.util.List;

import io.orgshell.core.Sanitizer;
import org.springframework.shell.jline.tui.table.ArrayTableModel;
import org.springframework.shell.jline.tui.table.BorderStyle;
import org.springframework.shell.jline.tui.table.TableBuilder;

/**
 * Listings: box-drawn tables through Spring Shell's TableBuilder for a person at a terminal, tab-separated lines
 * (a header line, then a line a row) for files and pipes, where {@code cut} and {@code awk} read them. Every cell
 * goes through {@link Sanitizer}.
 */
public final class TableRenderer {

    private TableRenderer() {
    }

    /** Tab-separated: a tab or a line break inside a cell becomes a space, so every row stays one line. */
    public static String tabSeparated(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i).replace('\t', ' ').replace('\n', ' ')
                    .replace('\r', ' ');
            out.append(i == 0 ? "" : "\t").append(Sanitizer.forTerminal(cell));
        }
        out.append(System.lineSeparator());
    }

    public static String render(List<String> header, List<List<String>> rows, int width) {
        Object[][] data = new Object[rows.size() + 1][];
        data[0] = header.toArray();
        for (int i = 0; i < rows.size(); i++) {
            data[i + 1] = rows.get(i).stream().map(Sanitizer::forTerminal).toArray();
        }
        TableBuilder table = new TableBuilder(new ArrayTableModel(data));
        table.addHeaderAndVerticalsBorders(BorderStyle.fancy_light);
        return table.build().render(width <= 0 ? 120 : width);
    }
}
