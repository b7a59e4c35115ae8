package io.orgshell.shell;

import java.util.function.Supplier;
import org.jline.reader.LineReader;
import org.springframework.shell.core.InputReader;

/**
 * Answers typed at the terminal to a command's question (the batch question, a typed confirmation, the masked key).
 * They are not commands, so they are kept out of the history: Up-arrow recalls commands, not a stray "c".
 */
final class TerminalInputReader implements InputReader {

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
