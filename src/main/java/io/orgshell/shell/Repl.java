package io.orgshell.shell;

import io.orgshell.console.Console;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.springframework.shell.jline.PromptProvider;

/**
 * The interactive loop. Spring Shell 4.0.1's own runner leaves the shell on Ctrl-C and prints errors its own way;
 * here Ctrl-C at the prompt cancels the line, Ctrl-C during a command interrupts that command, and Ctrl-D or
 * {@code quit} leaves.
 */
public final class Repl {

    private final LineReader reader;
    private final PromptProvider prompt;
    private final CommandDispatcher dispatcher;
    private final Path historyFile;
    private final Console console;
    private final TypedCommands typed;

    /** {@code console}: the terminal's, with a person to answer; every command typed runs with it. */
    public Repl(
            LineReader reader,
            PromptProvider prompt,
            CommandDispatcher dispatcher,
            Path historyFile,
            Console console,
            TypedCommands typed) {
        this.reader = reader;
        this.typed = typed;
        this.console = console;
        this.prompt = prompt;
        this.dispatcher = dispatcher;
        this.historyFile = historyFile;
    }

    public int run() throws IOException {
        lineEditing(reader);
        // created owner-only before JLine first appends to it; JLine would create it world-readable
        OwnerOnlyFiles.ensureDirectory(historyFile.toAbsolutePath().getParent()); // the config directory is orgshell's
        reader.setVariable(LineReader.HISTORY_FILE, OwnerOnlyFiles.ensureFile(historyFile));
        reader.getHistory().load();
        typed.sessionStarted();
        try {
            return loop();
        } finally {
            reader.getHistory().save();
        }
    }

    /**
     * Leaves the typed line as it is for {@link ShellCommandParser}, which reads quotes and backslashes like a POSIX
     * shell: JLine's history expansion would first drop each backslash ({@code my\ plans} became two words, Tab's
     * own escaping included) and replace {@code !!} with the previous command.
     */
    public static LineReader lineEditing(LineReader reader) {
        reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION);
        return reader;
    }

    private int loop() {
        Terminal terminal = reader.getTerminal();
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt.getPrompt().toAnsi(terminal));
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            String command = line == null ? "" : line.strip();
            if (command.isEmpty() || command.startsWith("#") || command.startsWith("//")) {
                continue;
            }
            if (command.equals("quit") || command.equals("exit")) {
                break;
            }
            Thread worker = Thread.currentThread();
            Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> worker.interrupt());
            try {
                typed.add(command, dispatcher.execute(command, console));
            } finally {
                terminal.handle(Terminal.Signal.INT, previous);
                Thread.interrupted(); // an interrupt that arrived after the command ended must not hit the next one
            }
        }
        console.out().flush();
        return ExitCodes.OK;
    }
}
