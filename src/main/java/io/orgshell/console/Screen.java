package io.orgshell.console;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What commands need to know about the screen: its width, whether to draw live progress, and the colours. */
@Component
public class Screen {

    private final ShellMode mode;
    private final ObjectProvider<Terminal> terminal;
    /** Standard error of the command running on this thread (a script's commands run one inside another). */
    private final ThreadLocal<PrintWriter> messages = new ThreadLocal<>();

    private volatile int fixedWidth;

    public Screen(ShellMode mode, ObjectProvider<Terminal> terminal) {
        this.mode = mode;
        this.terminal = terminal;
    }

    /** The terminal's width in columns; 512 when standard output is a file or a pipe. */
    public int width() {
        if (fixedWidth > 0) {
            return fixedWidth;
        }
        if (!drawsTables()) {
            return 512; // logs and pipes: long lines beat wrapped cells
        }
        Terminal t = terminal.getIfAvailable();
        return t == null || t.getWidth() <= 0 ? 120 : t.getWidth();
    }

    /** Lays tables out for {@code columns} instead of the terminal's width (0: the terminal's again). */
    public void fixWidth(int columns) {
        this.fixedWidth = Math.max(0, columns);
    }

    /** Whether {@link #table} draws a table for a person (true) or writes tab-separated lines for a program. */
    public boolean drawsTables() {
        return mode.isInteractive() || mode.outputIsTerminal();
    }

    /** Redraw a progress bar in place only when a person is watching a terminal. */
    public boolean liveProgress() {
        return mode.isInteractive() || mode.kind() == ShellMode.Kind.ONE_SHOT && mode.outputIsTerminal();
    }

    /** A listing: a table fitted to the terminal, or tab-separated lines when standard output is a file or a pipe. */
    public String table(List<String> header, List<List<String>> rows) {
        return drawsTables() ? TableRenderer.render(header, rows, width()) : TableRenderer.tabSeparated(header, rows);
    }

    /**
     * Where a command writes notes that must stay out of the data it writes to standard output ({@code --out -}):
     * the standard error the running command was given.
     */
    public PrintWriter messages() {
        PrintWriter w = messages.get();
        return w != null ? w : new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    }

    /** Makes {@code err} the running command's {@link #messages()}; answers the one it replaces, to put back. */
    public PrintWriter useMessages(PrintWriter err) {
        PrintWriter previous = messages.get();
        if (err == null) {
            messages.remove();
        } else {
            messages.set(err);
        }
        return previous;
    }

    public Styles styles() {
        return mode.styles();
    }

    public ShellMode mode() {
        return mode;
    }
}
