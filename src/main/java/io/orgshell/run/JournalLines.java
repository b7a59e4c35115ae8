package io.orgshell.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a journal one line at a time, never whole. Lines are split on the byte {@code \n}, which no multi-byte UTF-8
 * character contains, then decoded strictly. The last line is torn when the process died while writing it: it has
 * no line end, or it is not a record (cut inside a character, or padded with zeros by a power loss). A line that is
 * not a record with records after it is damage, reported with its line number.
 */
final class JournalLines {

    /** A record is a few hundred bytes; a line longer than this is not one, and is not held to find out. */
    static final int MAX_LINE = 4 << 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    interface Visitor {
        void record(JsonNode record);
    }

    /** How a read ended: the lines seen, and whether the last one was torn. */
    record Summary(long lines, boolean tornTail) {}

    private JournalLines() {}

    /** Hands every record in bytes {@code [from, to)} of {@code file} to {@code visitor}, in order. */
    static Summary read(Path file, long from, long to, Visitor visitor) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            byte[] line = new byte[1024];
            int length = 0;
            boolean overlong = false;
            long lineNumber = 0;
            long damagedLine = 0;
            String damage = null;
            long position = from;
            while (position < to) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), to - position));
                int n = ch.read(chunk, position);
                if (n < 0) {
                    break;
                }
                position += n;
                chunk.flip();
                while (chunk.hasRemaining()) {
                    byte b = chunk.get();
                    if (b != '\n') {
                        if (length < MAX_LINE) {
                            if (length == line.length) {
                                line = Arrays.copyOf(line, Math.min(MAX_LINE, line.length * 2));
                            }
                            line[length++] = b;
                        } else {
                            overlong = true;
                        }
                        continue;
                    }
                    lineNumber++;
                    String problem = overlong ? "longer than " + (MAX_LINE >> 20) + " MiB" : null;
                    JsonNode node = null;
                    if (problem == null && !isBlank(line, length)) {
                        try {
                            node = parse(utf8, line, length);
                        } catch (CharacterCodingException e) {
                            problem = "not UTF-8";
                        }
                        if (node == null && problem == null) {
                            problem = "not a record";
                        }
                    }
                    if (problem != null || node != null) {
                        if (damage != null) {
                            throw damaged(file, from, damagedLine, damage);
                        }
                        if (problem != null) {
                            damage = problem;
                            damagedLine = lineNumber;
                        } else {
                            visit(visitor, node, file, from, lineNumber);
                        }
                    }
                    length = 0;
                    overlong = false;
                }
            }
            boolean unterminated = length > 0 || overlong;
            if (unterminated) {
                lineNumber++;
                if (damage != null && !isBlank(line, length)) {
                    throw damaged(file, from, damagedLine, damage);
                }
            }
            return new Summary(lineNumber, unterminated || damage != null);
        }
    }

    /** Whether {@code bytes} hold one whole record: what a line must be to be kept when a journal is reopened. */
    static boolean isRecord(byte[] bytes) {
        try {
            return parse(StandardCharsets.UTF_8.newDecoder(), bytes, bytes.length) != null;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static JsonNode parse(CharsetDecoder utf8, byte[] line, int length) throws CharacterCodingException {
        CharBuffer text = utf8.decode(ByteBuffer.wrap(line, 0, length));
        try {
            JsonNode node = JSON.readTree(text.toString());
            return node != null && node.isObject() && node.has("event") ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean isBlank(byte[] line, int length) {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * A line that is JSON but not a record this version can read (a state it does not know, a field missing) is
     * damage like any other, named by its line, never an internal error.
     */
    private static void visit(Visitor visitor, JsonNode node, Path file, long from, long line) throws IOException {
        try {
            visitor.record(node);
        } catch (RuntimeException e) {
            throw damage(
                    file,
                    from,
                    line,
                    "a record that cannot be read" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static IOException damaged(Path file, long from, long line, String problem) throws IOException {
        return damage(file, from, line, problem + ", with records after it");
    }

    /** Line {@code line} counted from byte {@code from}, named by its number in the whole file. */
    private static IOException damage(Path file, long from, long line, String what) throws IOException {
        long before = from == 0 ? 0 : linesBefore(file, from);
        return new IOException(file + ":" + (before + line) + ": the journal is damaged (" + what + ")");
    }

    private static long linesBefore(Path file, long offset) throws IOException {
        long count = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            long position = 0;
            while (position < offset) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), offset - position));
                int n = ch.read(chunk, position);
                if (n < 0) {
                    break;
                }
                position += n;
                for (int i = 0; i < n; i++) {
                    if (chunk.get(i) == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
