package io.orgshell.completion;

import io.orgshell.shell.Repl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** JLine's line editor with the shell's completer and line parser, on an in-memory terminal. */
record LineEditor(Completer completer, Parser parser) {

    /** Types {@code keys} (a tab completes) and Enter; answers the line the editor accepted. */
    String type(String keys) throws IOException {
        ByteArrayInputStream keyboard = new ByteArrayInputStream((keys + "\r").getBytes(StandardCharsets.UTF_8));
        try (Terminal terminal = TerminalBuilder.builder()
                .system(false)
                .provider("exec")
                .type("xterm")
                .encoding(StandardCharsets.UTF_8)
                .streams(keyboard, new ByteArrayOutputStream())
                .build()) {
            LineReader reader = Repl.lineEditing(LineReaderBuilder.builder()
                    .terminal(terminal)
                    .completer(completer)
                    .parser(parser)
                    .build());
            return reader.readLine("> ");
        }
    }
}
