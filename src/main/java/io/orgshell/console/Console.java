package io.orgshell.console;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.IntSupplier;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;

/**
 * The console one command runs with, built by whoever runs it (the launcher, the interactive loop, a script, a test):
 * where its results go and where its messages go, the colours of each, whether a person is there to answer, and how
 * wide the screen is. Standard output carries results only (tables, CSV, JSON, a record shown field by field) when it
 * is not a terminal; messages and progress then go to standard error, so {@code orgshell ... | jq .} reads a
 * document and nothing else. At a terminal both are for a person, and messages stay beside the results they explain.
 *
 * <p>It travels to the command as the {@link CommandContext}'s input reader, the one per-command object Spring Shell
 * hands a command method besides its options: {@link #of(CommandContext)} finds it there.
 */
public final class Console implements InputReader {

    /** Lines as long as the data: a program reading tab-separated lines wants no wrapping. */
    static final int NO_TERMINAL_WIDTH = 512;

    static final int DEFAULT_WIDTH = 120;

    private final PrintWriter out;
    private final PrintWriter err;
    private final InputReader input;
    private final Styles outStyles;
    private final Styles errStyles;
    private final boolean canAsk;
    private final boolean outputIsTerminal;
    private final boolean liveProgress;
    private final IntSupplier width;
    private final boolean debug;
    /** Standard output carries data a program reads (a document, CSV) even at a terminal: messages keep off it. */
    private final boolean dataOnOut;

    private Console(Builder b) {
        this.dataOnOut = false;
        this.out = b.out;
        this.err = b.err;
        this.input = b.input;
        this.outStyles = b.outStyles;
        this.errStyles = b.errStyles;
        this.canAsk = b.canAsk;
        this.outputIsTerminal = b.outputIsTerminal || b.canAsk;
        this.liveProgress = b.liveProgress;
        this.width = b.width;
        this.debug = b.debug;
    }

    private Console(Console c) {
        this.dataOnOut = true;
        this.out = c.out;
        this.err = c.err;
        this.input = c.input;
        this.outStyles = c.outStyles;
        this.errStyles = c.errStyles;
        this.canAsk = c.canAsk;
        this.outputIsTerminal = c.outputIsTerminal;
        this.liveProgress = c.liveProgress;
        this.width = c.width;
        this.debug = c.debug;
    }

    /** A console writing results to {@code out} and messages and errors to {@code err}, with nobody to answer. */
    public static Builder builder(PrintWriter out, PrintWriter err) {
        return new Builder(out, err);
    }

    /**
     * The console the command of {@code ctx} was given; a context built elsewhere (Spring Shell's own) gets a plain
     * one on its output writer.
     */
    public static Console of(CommandContext ctx) {
        return ctx.inputReader() instanceof Console c
                ? c
                : builder(ctx.outputWriter(), ctx.outputWriter())
                        .input(ctx.inputReader())
                        .build();
    }

    /** Results: a table, CSV, JSON, a record shown field by field. */
    public PrintWriter out() {
        return out;
    }

    /** Errors, always standard error (in the interactive shell, the terminal). */
    public PrintWriter err() {
        return err;
    }

    /** Notes, hints and progress: beside the results at a terminal, on standard error otherwise. */
    public PrintWriter messages() {
        return outputIsTerminal && !dataOnOut ? out : err;
    }

    /** Colours for what goes to {@link #out()}. */
    public Styles styles() {
        return outStyles;
    }

    public Styles messageStyles() {
        return outputIsTerminal && !dataOnOut ? outStyles : errStyles;
    }

    /**
     * This console for a command that writes data for a program to standard output ({@code --json}, {@code --out -}):
     * its messages and progress go to standard error at a terminal too.
     */
    public Console dataOnOut() {
        return new Console(this);
    }

    public Styles errorStyles() {
        return errStyles;
    }

    /** A person is at a terminal and can answer a question (batch confirmation, masked key). */
    public boolean canAsk() {
        return canAsk;
    }

    /** Standard output is a terminal: listings are tables drawn for a person, not tab-separated lines. */
    public boolean outputIsTerminal() {
        return outputIsTerminal;
    }

    /** A progress bar is redrawn in place only while a person watches it. */
    public boolean liveProgress() {
        return liveProgress && outputIsTerminal && !dataOnOut;
    }

    /** Columns a table may take: the terminal's width, or long lines when standard output is a file or a pipe. */
    public int width() {
        if (!outputIsTerminal) {
            return NO_TERMINAL_WIDTH;
        }
        int w = width.getAsInt();
        return w <= 0 ? DEFAULT_WIDTH : w;
    }

    /** {@code --debug}: an unexpected error shows its stack trace. */
    public boolean debug() {
        return debug;
    }

    /** A progress bar on {@link #messages()}, drawn live or only cleared at the end. */
    public Progress progress(String label, long total) {
        return new Progress(messages(), liveProgress(), label, total);
    }

    /** A listing: a table fitted to the terminal, or tab-separated lines for a program. */
    public String table(Table table) {
        return outputIsTerminal
                ? TableRenderer.render(table.header(), table.rows(), width())
                : TableRenderer.tabSeparated(table.header(), table.rows());
    }

    /** Prints a listing on {@link #out()}. */
    public void print(Table table) {
        out.print(table(table));
        out.flush();
    }

    @Override
    public String readInput(String prompt) throws Exception {
        return input.readInput(prompt);
    }

    /**
     * The answer to a question whose choices are single keys: one key at a terminal that can read one
     * ({@link KeyInput}), else a line, as in a test or a pipe.
     */
    public String readKey(String prompt) throws Exception {
        return input instanceof KeyInput keys ? keys.readKey(prompt) : input.readInput(prompt);
    }

    @Override
    public char[] readPassword(String prompt) throws Exception {
        return input.readPassword(prompt);
    }

    /** A listing, the same header and rows for a table and for tab-separated lines. */
    public record Table(List<String> header, List<List<String>> rows) {

        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    public static final class Builder {

        private final PrintWriter out;
        private final PrintWriter err;
        private InputReader input = new InputReader() {};
        private Styles outStyles = new Styles(false);
        private Styles errStyles = new Styles(false);
        private boolean canAsk;
        private boolean outputIsTerminal;
        private boolean liveProgress;
        private IntSupplier width = () -> DEFAULT_WIDTH;
        private boolean debug;

        private Builder(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        public Builder input(InputReader input) {
            this.input = input;
            return this;
        }

        public Builder styles(Styles out, Styles err) {
            this.outStyles = out;
            this.errStyles = err;
            return this;
        }

        /** A person answers questions at a terminal on standard input and output. */
        public Builder personAnswers(boolean canAsk) {
            this.canAsk = canAsk;
            return this;
        }

        public Builder outputIsTerminal(boolean outputIsTerminal) {
            this.outputIsTerminal = outputIsTerminal;
            return this;
        }

        public Builder liveProgress(boolean liveProgress) {
            this.liveProgress = liveProgress;
            return this;
        }

        /** The terminal's width, asked each time a table is laid out (the window may have been resized). */
        public Builder width(IntSupplier width) {
            this.width = width;
            return this;
        }

        public Builder debug(boolean debug) {
            this.debug = debug;
            return this;
        }

        public Console build() {
            return new Console(this);
        }
    }
}
