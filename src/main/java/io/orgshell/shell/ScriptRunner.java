package io.orgshell.shell;

import io.orgshell.console.Console;
import io.orgshell.console.Styles;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Runs a {@code .shell} script: one command per line, a trailing backslash continues the line, blank lines and
 * comments ({@code #}, {@code //}) are skipped. Stops at the first command that fails and names its line.
 * <p>
 * A script may run another with {@code script F.shell}. Scripts have no conditions, so one that runs itself, directly
 * or through others, would never end: it is refused at the line that would start the loop, as is a chain deeper than
 * {@link #MAX_DEPTH}. The scripts open at any moment are kept here, one shell running one command at a time.
 */
@Component
public class ScriptRunner {

    public static final int MAX_DEPTH = 16;

    private final CommandDispatcher dispatcher;
    private final Deque<Frame> open = new ArrayDeque<>();

    public ScriptRunner(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** A script being run; {@code file} is its real path, null for standard input. */
    private static final class Frame {
        final String source;
        final Path file;
        int line;

        Frame(String source, Path file) {
            this.source = source;
            this.file = file;
        }

        String at() {
            return Sanitizer.forTerminal(source) + ":" + line;
        }
    }

    /**
     * Runs {@code script}, read from {@code file} ({@code null}: standard input); {@code source} names it in messages.
     * Throws {@link UsageException} before reading a line when the script is already running or the chain of scripts
     * running each other would be too deep.
     */
    public int run(BufferedReader script, String source, Path file, Console console) throws IOException {
        Frame frame = enter(source, file);
        try {
            return runLines(script, frame, console);
        } finally {
            leave(frame);
        }
    }

    private synchronized Frame enter(String source, Path file) {
        Frame caller = open.peekLast();
        Frame frame = new Frame(source, file == null ? null : realPath(file));
        String name = Sanitizer.forTerminal(source);
        if (frame.file != null && open.stream().anyMatch(f -> frame.file.equals(f.file))) {
            throw new UsageException(caller.at() + ": " + name + " is already running (" + chain()
                    + "): a script cannot run itself, directly or through another");
        }
        if (open.size() >= MAX_DEPTH) {
            throw new UsageException(caller.at() + ": scripts run inside each other at most " + MAX_DEPTH
                    + " deep; " + name + " would be number " + (MAX_DEPTH + 1) + " ("
                    + open.peekFirst().at()
                    + " > ... > " + caller.at() + ")");
        }
        open.addLast(frame);
        return frame;
    }

    private synchronized void leave(Frame frame) {
        open.remove(frame);
    }

    private String chain() {
        return open.stream().map(Frame::at).collect(Collectors.joining(" > "));
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private int runLines(BufferedReader script, Frame frame, Console console) throws IOException {
        PrintWriter err = console.err();
        Styles styles = console.errorStyles();
        StringBuilder pending = new StringBuilder();
        int lineNumber = 0;
        int startLine = 0;
        String raw;
        while ((raw = script.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && raw.startsWith("\ufeff")) {
                raw = raw.substring(1);
            }
            String line = raw.strip();
            if (pending.length() == 0) {
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("//")) {
                    continue;
                }
                startLine = lineNumber;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String command = pending.toString().strip();
            pending.setLength(0);
            if (command.equals("quit") || command.equals("exit")) {
                return ExitCodes.OK;
            }
            frame.line = startLine;
            int code = dispatcher.execute(command, console);
            if (code != ExitCodes.OK) {
                err.println(styles.error("stopped: ") + frame.source + ":" + startLine + ": '"
                        + Sanitizer.forTerminal(command) + "' failed (exit " + code + "); the rest of the script was "
                        + "not run");
                err.flush();
                return code;
            }
            if (Thread.currentThread().isInterrupted()) {
                return ExitCodes.INTERRUPTED;
            }
        }
        if (pending.length() > 0) {
            err.println(styles.error("error: ") + frame.source + ":" + startLine
                    + ": the script ends inside a continued line");
            err.flush();
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }
}
