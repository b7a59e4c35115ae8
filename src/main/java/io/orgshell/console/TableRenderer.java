package io.orgshell.console;

import java.util.List;

import io.orgshell.core.Sanitizer;
import org.springframework.shell.jline.tui.table.ArrayTableModel;
import org.springframework.shell.jline.tui.table.BorderStyle;
import org.springframework.shell.jline.tui.table.TableBuilder;

/** Box-drawn tables through Spring Shell's TableBuilder; every cell goes through {@link Sanitizer}. */
public final class TableRenderer {

    private TableRenderer() {
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
