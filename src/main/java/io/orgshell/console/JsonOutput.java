package io.orgshell.console;

import java.io.PrintWriter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --json}: the one writer of every read command's JSON document. A command hands it a small view record of
 * what it would print; record components become snake_case fields, and a field with no value is there as
 * {@code null}, so a script can rely on each documented field. One indented document, the same in a pipe and at a
 * terminal, never coloured. Values from the API or a file are not sanitised as they are for the terminal: JSON
 * escaping makes them inert, and every character the terminal sanitiser would hide (C0 and C1 controls, DEL, the
 * bidi and other format characters, the line and paragraph separators) is written as a JSON escape (backslash, u,
 * four hex digits), so a document printed at a terminal cannot move the cursor or reorder the text around it.
 */
public final class JsonOutput {

    /** The option every read command takes, and its help. */
    public static final String OPTION = "json";

    public static final String HELP =
            "print one JSON document on standard output (fields: see docs/scripts-and-json.md)";

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .characterEscapes(new InertEscapes())
                    .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
                    .build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("")
                            .withObjectEmptySeparator(""))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")))
            .build();

    private JsonOutput() {}

    /** Writes the document whole, or nothing when it cannot be serialised: never half a document. */
    public static void print(PrintWriter out, Object document) {
        String text = MAPPER.writeValueAsString(document);
        out.println(text);
        out.flush();
    }

    /** True for {@code --json} given (Spring Shell leaves an absent flag null). */
    public static boolean wanted(Boolean option) {
        return Boolean.TRUE.equals(option);
    }

    /** Same rule as the terminal sanitiser, but the character is escaped for JSON rather than shown as text. */
    static boolean needsEscape(int c) {
        return Character.isISOControl(c)
                || c == '\u2028'
                || c == '\u2029'
                || Character.getType(c) == Character.FORMAT && c != '\u200d';
    }

    private static final class InertEscapes extends CharacterEscapes {

        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        InertEscapes() {
            ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return needsEscape(c) ? new SerializedString(String.format("\\u%04X", c)) : null;
        }
    }
}
