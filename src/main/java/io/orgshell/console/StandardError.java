package io.orgshell.console;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

/**
 * The standard error of the command being run. Spring Shell hands a command its standard output only; a command
 * whose standard output carries data ({@code --json}) sends its notes and progress here instead, so the data stays
 * one parsable document. The dispatcher sets it around each command (scripts nest: it puts the outer one back).
 */
@Component
public class StandardError {

    private static final PrintWriter PROCESS = new PrintWriter(new OutputStreamWriter(System.err,
            StandardCharsets.UTF_8), true);

    private volatile PrintWriter current;

    public PrintWriter writer() {
        PrintWriter w = current;
        return w == null ? PROCESS : w;
    }

    /** Makes {@code writer} the current one; returns the one it replaces, for the caller to put back. */
    public PrintWriter use(PrintWriter writer) {
        PrintWriter before = current;
        current = writer;
        return before;
    }
}
