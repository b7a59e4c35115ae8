package io.orgshell.shell;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * JLine's {@link DefaultParser}, whose parsed lines escape a completion for the word being typed, so that
 * {@link ShellCommandParser} reads the completed line back as the same words. One change: a completion typed without
 * an opening quote always has its spaces, quotes and backslashes escaped, as a POSIX shell reads them; DefaultParser
 * escapes nothing but backslashes in a name that holds a quote ({@code Bob's list.csv}), and its space split it.
 */
final class CompletingLineParser extends DefaultParser {

    CompletingLineParser() {
        // as Spring Shell's parser: Enter inside an open quote or after a trailing backslash continues the line
        setEofOnUnclosedQuote(true);
        setEofOnEscapedNewLine(true);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        ParsedLine parsed = super.parse(line, cursor, context);
        return context == ParseContext.COMPLETE && parsed instanceof CompletingParsedLine c ? new Escaping(c) : parsed;
    }

    private record Escaping(CompletingParsedLine parsed) implements CompletingParsedLine {

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            if (openedWithQuote()) {
                return parsed.escape(candidate, complete); // escapes inside the quote and closes it
            }
            StringBuilder sb = new StringBuilder();
            candidate.chars().forEach(c -> {
                if (Character.isWhitespace(c) || c == '\'' || c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append((char) c);
            });
            return sb;
        }

        private boolean openedWithQuote() {
            int start = parsed.cursor() - parsed.rawWordCursor();
            String line = parsed.line();
            return start >= 0 && start < line.length() && (line.charAt(start) == '"' || line.charAt(start) == '\'');
        }

        @Override
        public int rawWordCursor() {
            return parsed.rawWordCursor();
        }

        @Override
        public int rawWordLength() {
            return parsed.rawWordLength();
        }

        @Override
        public String word() {
            return parsed.word();
        }

        @Override
        public int wordCursor() {
            return parsed.wordCursor();
        }

        @Override
        public int wordIndex() {
            return parsed.wordIndex();
        }

        @Override
        public List<String> words() {
            return parsed.words();
        }

        @Override
        public String line() {
            return parsed.line();
        }

        @Override
        public int cursor() {
            return parsed.cursor();
        }
    }
}
