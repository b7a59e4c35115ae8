package io.orgshell.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

import io.orgshell.console.Styles;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.Sanitizer;
import org.springframework.shell.core.InputReader;

/**
 * Runs a {@code .shell} script: one command per line, a trailing backslash continues the line, blank lines and
 * comments ({@code #}, {@code //}) are skipped. Stops at the first command that fails and names its line.
 */
public final class ScriptRunner {

    private final CommandDispatcher dispatcher;

    public ScriptRunner(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public int run(BufferedReader script, String source, PrintWriter out, PrintWriter err, InputReader input,
                   Styles styles) throws IOException {
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
            int code = dispatcher.execute(command, out, err, input);
            if (code != ExitCodes.OK) {
                err.println(styles.error("stopped: ") + source + ":" + startLine + ": '" + Sanitizer.forTerminal(command)
                        + "' failed (exit " + code + "); the rest of the script was not run");
                err.flush();
                return code;
            }
            if (Thread.currentThread().isInterrupted()) {
                return ExitCodes.INTERRUPTED;
            }
        }
        if (pending.length() > 0) {
            err.println(styles.error("error: ") + source + ":" + startLine + ": the script ends inside a continued line");
            err.flush();
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }
}
