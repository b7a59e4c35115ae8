package io.orgshell.console;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jline.jansi.AnsiConsole;
import org.jline.jansi.AnsiMode;
import org.jline.jansi.AnsiPrintStream;
import org.jline.jansi.AnsiType;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalExt;
import org.jline.terminal.spi.TerminalProvider;
import org.jline.utils.OSUtils;

/**
 * Which standard streams are terminals and which take colour, each stream on its own. Jansi ({@link AnsiConsole})
 * is handed the JLine terminal Spring Shell already built for standard output, so it opens no second system
 * terminal (JLine 3.30 refuses one while another runs, and falls back to a dumb terminal). Jansi's verdict is about
 * that terminal as a whole: in JLine 3.30.6 {@code out()} and {@code err()} report the same type, and write to the
 * same stream, even when standard error goes to a file. So a stream takes colour when Jansi allows it and that very
 * stream is a terminal, as JLine's isatty says; {@code systemInstall()} is not used, as it would send standard error
 * into standard output.
 */
public final class ConsoleStreams {

    private static final boolean WINDOWS_CONSOLE =
            OSUtils.IS_WINDOWS && !(OSUtils.IS_CYGWIN || OSUtils.IS_MSYSTEM || OSUtils.IS_CONEMU);

    private final Terminal terminal;
    private final boolean outTerminal;
    private final Styles out;
    private final Styles err;

    private ConsoleStreams(Terminal terminal, boolean outTerminal, Styles out, Styles err) {
        this.terminal = terminal;
        this.outTerminal = outTerminal;
        this.out = out;
        this.err = err;
    }

    /** {@code noColorOption} is {@code --no-color}; {@code noColorEnv} the value of {@code NO_COLOR}, if any. */
    public static ConsoleStreams detect(Terminal terminal, boolean noColorOption, String noColorEnv) {
        if (AnsiConsole.getTerminal() == null) {
            AnsiConsole.setTerminal(terminal);
        }
        boolean wanted = !noColorOption && (noColorEnv == null || noColorEnv.isEmpty());
        // Spring Shell builds its terminal for standard output (SystemOutput.SysOut): when JLine's isatty finds
        // standard output a terminal, the terminal, dumb or not, names it as its stream
        boolean outTerminal = terminal instanceof TerminalExt ext && ext.getSystemStream() == SystemStream.Output;
        return new ConsoleStreams(
                terminal,
                outTerminal,
                new Styles(wanted
                        && allows(AnsiConsole.out(), servedBy(terminal, SystemStream.Output), () -> outTerminal)),
                new Styles(wanted && allows(AnsiConsole.err(), false, () -> isTerminal(terminal, SystemStream.Error))));
    }

    /**
     * Jansi's word on a stream: {@code jansi.mode}, {@code jansi.out.mode} or {@code jansi.err.mode} set to
     * {@code force} or {@code strip}, or else colour when the stream is a terminal and ANSI reaches the screen. With
     * a dumb terminal (standard input is no terminal) Jansi strips for every stream, yet ANSI written straight to a
     * terminal works everywhere but on a Windows console, which takes it only on the handle JLine switched to
     * virtual-terminal processing: the one its terminal serves.
     */
    private static boolean allows(AnsiPrintStream jansi, boolean served, BooleanSupplier isTerminal) {
        AnsiMode mode = jansi.getMode();
        if (mode == AnsiMode.Force) {
            return true;
        }
        boolean reaches = jansi.getType() == AnsiType.Native
                ? mode != AnsiMode.Strip && (!WINDOWS_CONSOLE || served)
                : !WINDOWS_CONSOLE;
        return reaches && isTerminal.getAsBoolean();
    }

    private static boolean servedBy(Terminal terminal, SystemStream stream) {
        return !(terminal instanceof DumbTerminal)
                && terminal instanceof TerminalExt ext
                && ext.getSystemStream() == stream;
    }

    private static boolean isTerminal(Terminal terminal, SystemStream stream) {
        TerminalProvider own = terminal instanceof TerminalExt ext ? ext.getProvider() : null;
        TerminalProvider provider = own != null && !(terminal instanceof DumbTerminal) ? own : nativeProvider();
        try {
            return provider != null && provider.isSystemStream(stream);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** JLine's native isatty, loaded already while the terminal was built; the exec provider would fork. */
    private static TerminalProvider nativeProvider() {
        for (String name : Runtime.version().feature() >= 22 ? List.of("ffm", "jni") : List.of("jni")) {
            try {
                return TerminalProvider.load(name);
            } catch (IOException | RuntimeException | LinkageError e) {
                // not on this platform: try the next
            }
        }
        return null;
    }

    /**
     * A person can type at the shell: standard input and output are terminals. Unlike {@code System.console()},
     * which on Java 22 and later answers for pipes as well; a dumb terminal ({@code TERM=dumb}) still counts.
     */
    public boolean interactive() {
        return outTerminal && isTerminal(terminal, SystemStream.Input);
    }

    public boolean outputIsTerminal() {
        return outTerminal;
    }

    public Styles out() {
        return out;
    }

    public Styles err() {
        return err;
    }

    /**
     * Where standard output is written. Coloured text goes through Jansi's stream when the terminal serves standard
     * output: on a Windows console that stream is JLine's writer, which passes ANSI on or translates it.
     */
    public PrintStream stdout() {
        return out.color() && servedBy(terminal, SystemStream.Output) ? AnsiConsole.out() : System.out;
    }
}
