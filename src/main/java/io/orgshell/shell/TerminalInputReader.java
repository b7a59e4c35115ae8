package io.orgshell.shell;

import io.orgshell.console.KeyInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jline.reader.LineReader;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;
import org.springframework.shell.core.InputReader;

/**
 * Answers typed at the terminal to a command's question (the batch question, a typed confirmation, the masked key).
 * They are not commands, so they are kept out of the history: Up-arrow recalls commands, not a stray "c". A question
 * of single-key choices reads one key in raw mode, Enter not needed.
 */
final class TerminalInputReader implements InputReader, KeyInput {

    /** How often a wait for a key looks whether Ctrl-C was pressed. */
    private static final long POLL_MILLIS = 100;

    private static final int CTRL_C = 3;
    private static final int CTRL_D = 4;

    private final LineReader reader;

    TerminalInputReader(LineReader reader) {
        this.reader = reader;
    }

    @Override
    public String readInput(String prompt) {
        return withoutHistory(() -> reader.readLine(prompt));
    }

    @Override
    public char[] readPassword(String prompt) {
        return withoutHistory(() -> reader.readLine(prompt, '*')).toCharArray();
    }

    /**
     * One key, the terminal in raw mode meanwhile and put back as it was afterwards, Ctrl-C included. A dumb
     * terminal cannot leave line mode: it reads a line.
     */
    @Override
    public String readKey(String prompt) throws IOException {
        Terminal terminal = reader.getTerminal();
        if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
            return readInput(prompt);
        }
        AtomicBoolean interrupted = new AtomicBoolean();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> interrupted.set(true));
        Attributes saved = terminal.enterRawMode();
        try {
            NonBlockingReader keys = terminal.reader();
            // typed while a batch ran: a key meant for nothing must not answer this question
            while (keys.peek(1) >= 0) {
                keys.read();
            }
            PrintWriter screen = terminal.writer();
            screen.print(prompt);
            screen.flush();
            while (true) {
                int c = keys.read(POLL_MILLIS);
                if (interrupted.get() || c == NonBlockingReader.EOF || c == CTRL_C || c == CTRL_D) {
                    screen.println();
                    screen.flush();
                    return null;
                }
                if (c != NonBlockingReader.READ_EXPIRED) {
                    String key = c == '\r' || c == '\n' ? "" : String.valueOf((char) c);
                    // shown as typed when it can be seen: an escape or another control key is not drawn
                    screen.println(Character.isISOControl(c) ? "" : key);
                    screen.flush();
                    return key;
                }
            }
        } finally {
            terminal.setAttributes(saved);
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    private String withoutHistory(Supplier<String> read) {
        Object before = reader.getVariable(LineReader.DISABLE_HISTORY);
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            return read.get();
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, before == null ? false : before);
        }
    }
}
