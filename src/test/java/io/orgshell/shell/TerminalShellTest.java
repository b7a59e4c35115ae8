package io.orgshell.shell;

import io.orgshell.support.ShellTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.shell.jline.PromptProvider;

/** Tests that type at the real JLine loop on an in-memory terminal, as a person at a terminal would. */
abstract class TerminalShellTest extends ShellTest {

    @Autowired
    PromptProvider prompt;

    @Autowired
    History history;

    @Autowired
    CommandCompleter completer;

    @Autowired
    TypedCommands typed;

    /** The terminal of the shell started last, and its settings before the shell ran. */
    Terminal terminal;

    Attributes settingsBefore;

    /** The real REPL on an in-memory terminal, in a thread of its own, as the launcher starts it. */
    Thread startShell(PipedInputStream keyboard, ByteArrayOutputStream screen, Path historyFile, AtomicInteger exit)
            throws IOException {
        Terminal terminal = this.terminal = TerminalBuilder.builder()
                .system(false)
                .provider("exec")
                .type("xterm")
                .encoding(StandardCharsets.UTF_8)
                .streams(keyboard, screen)
                .build();
        // like a real terminal in raw mode: the line editor draws what is typed, so input is not echoed twice
        Attributes attributes = terminal.getAttributes();
        attributes.setLocalFlag(Attributes.LocalFlag.ECHO, false);
        terminal.setAttributes(attributes);
        settingsBefore = new Attributes(terminal.getAttributes());
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .history(history)
                .completer(completer)
                .build();
        atTerminal();
        Thread shell = new Thread(
                () -> {
                    try {
                        exit.set(new Repl(
                                        reader,
                                        prompt,
                                        dispatcher,
                                        historyFile,
                                        console(terminal.writer(), terminal.writer(), new TerminalInputReader(reader)),
                                        typed)
                                .run());
                    } catch (Exception e) {
                        exit.set(99);
                    }
                },
                "repl");
        shell.start();
        return shell;
    }

    /** Types into the terminal and waits for the shell to be back at a prompt, as a person would. */
    record Keyboard(PipedOutputStream keys, ByteArrayOutputStream display) {

        /** Emitted by JLine each time it starts reading a line (bracketed paste on). */
        static final String READING = "\u001b[?2004h";

        /** A bound, not a pause: generous for a machine that many builds share. */
        static final long WAIT_NANOS = 60_000_000_000L;

        void type(String text, int promptsAfter) throws IOException, InterruptedException {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
            awaitPrompts(promptsAfter);
        }

        void typeUntilShown(String text, String shown) throws IOException, InterruptedException {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (!screen().contains(shown)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("'" + shown + "' never shown; screen:\n" + screen());
                }
                Thread.sleep(10);
            }
        }

        /** Presses keys (no Enter) and waits until {@code shown} is on the screen {@code times} times in all. */
        void press(String keys, String shown, int times) throws IOException, InterruptedException {
            this.keys.write(keys.getBytes(StandardCharsets.UTF_8));
            this.keys.flush();
            awaitShown(shown, times);
        }

        void awaitShown(String shown, int times) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (screen().split(Pattern.quote(shown), -1).length - 1 < times) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("'" + shown + "' not shown " + times + " times; screen:\n" + screen());
                }
                Thread.sleep(10);
            }
        }

        void awaitPrompts(int n) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (screen().split(Pattern.quote(READING), -1).length - 1 < n) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no prompt #" + n + "; screen:\n" + screen());
                }
                Thread.sleep(10);
            }
        }

        String screen() {
            return display.toString(StandardCharsets.UTF_8);
        }
    }
}
