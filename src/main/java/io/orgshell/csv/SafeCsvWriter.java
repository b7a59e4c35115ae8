package io.orgshell.csv;

import io.orgshell.core.OutputFile;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a CSV of account data the safe way: owner-only from its creation (the folder it is written into is left
 * as it is), to a {@code .part} file renamed into place only when
 * complete (an interrupted export never leaves a truncated file under the real name), and with every cell that a
 * spreadsheet would run as a formula ({@code = + - @}, tab, CR) prefixed with an apostrophe, at its start and after
 * each {@code ;} or tab inside it. {@link #unneutralise} undoes those so an exported file loads back unchanged.
 */
public final class SafeCsvWriter implements Closeable {

    /** Null for rows kept aside to be appended to another writer's file ({@link #continuing}). */
    private final OutputFile file;

    private final Writer out;
    private final CSVPrinter printer;

    private SafeCsvWriter(OutputFile file, Writer out, CSVPrinter printer) {
        this.file = file;
        this.out = out;
        this.printer = printer;
    }

    /**
     * Rows (no header) for a later part of a file another writer holds, written to {@code out} and brought in with
     * {@link #append}: same format, same guards.
     */
    public static SafeCsvWriter continuing(Writer out) throws IOException {
        return new SafeCsvWriter(null, out, CSVFormat.DEFAULT.print(out));
    }

    /** Copies rows a {@link #continuing} writer wrote after the rows written so far. */
    public void append(Reader rows) throws IOException {
        printer.flush();
        rows.transferTo(out);
    }

    /** Opens {@code target} for writing; fails at once (before any request) when the place is not writable. */
    public static SafeCsvWriter open(Path target, List<String> header) throws IOException {
        return open(OutputFile.open(target), header);
    }

    /** Writes into {@code file}, a file or a stream (see {@link OutputFile}); closing this closes it. */
    public static SafeCsvWriter open(OutputFile file, List<String> header) throws IOException {
        return open(file, header, CSVFormat.DEFAULT);
    }

    /** A file orgshell itself loads back ({@code plan}): LF line ends, as a hand-edited file usually has. */
    public static SafeCsvWriter openWithLf(Path target, List<String> header) throws IOException {
        return openWithLf(OutputFile.open(target), header);
    }

    public static SafeCsvWriter openWithLf(OutputFile file, List<String> header) throws IOException {
        return open(
                file,
                header,
                CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
    }

    private static SafeCsvWriter open(OutputFile file, List<String> header, CSVFormat format) throws IOException {
        try {
            Writer out = file.writer();
            CSVPrinter printer = format.builder()
                    .setHeader(header.toArray(String[]::new))
                    .get()
                    .print(out);
            return new SafeCsvWriter(file, out, printer);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    public void row(List<?> cells) {
        try {
            // cell by cell, as printRecord does, without the stream it builds around each record (an export writes
            // one row per account)
            for (Object c : cells) {
                printer.print(neutralise(c == null ? "" : String.valueOf(c)));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() throws IOException {
        printer.flush();
    }

    /** Flushes, and moves the complete file into place, forced to disk (see {@link OutputFile}). */
    public void commit() throws IOException {
        printer.flush();
        if (file != null) {
            file.commit();
        }
    }

    /** See {@link OutputFile#isStream()}. */
    public boolean isStream() {
        return file != null && file.isStream();
    }

    @Override
    public void close() throws IOException {
        if (file == null) {
            printer.close();
        } else {
            file.close();
        }
    }

    /**
     * Prefixes {@code '} to a cell a spreadsheet would run as a formula, and to a cell that itself starts with
     * {@code '}, so that {@link #unneutralise} can always tell the guard from the data. A spreadsheet that splits
     * lines on {@code ;} or tab (the list separator of many locales) starts a cell after each of them, where quoting
     * does not reach: {@code Frances;=1+1} would run {@code =1+1}. So the same guard goes after each {@code ;} or tab
     * that is followed by a formula start or an apostrophe.
     */
    public static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        String inner = guardAfterSeparators(cell);
        char first = cell.charAt(0);
        return isFormulaStart(first) || first == '\'' ? "'" + inner : inner;
    }

    public static String unneutralise(String cell) {
        String inner = cell;
        if (cell.length() >= 2 && cell.charAt(0) == '\'' && isGuarded(cell.charAt(1))) {
            inner = cell.substring(1);
        }
        return unguardAfterSeparators(inner);
    }

    private static String guardAfterSeparators(String cell) {
        StringBuilder out = null;
        for (int i = 0; i + 1 < cell.length(); i++) {
            if (isSeparator(cell.charAt(i)) && isGuarded(cell.charAt(i + 1))) {
                if (out == null) {
                    out = new StringBuilder(cell.length() + 4).append(cell, 0, i + 1);
                } else {
                    out.append(cell.charAt(i));
                }
                out.append('\'');
            } else if (out != null) {
                out.append(cell.charAt(i));
            }
        }
        return out == null ? cell : out.append(cell.charAt(cell.length() - 1)).toString();
    }

    /**
     * Drops each apostrophe {@link #guardAfterSeparators} put in; one the data holds there was doubled. Answers its
     * argument itself when there is none (the loader counts the guards it took off by identity).
     */
    private static String unguardAfterSeparators(String cell) {
        StringBuilder out = null;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (out != null) {
                out.append(c);
            }
            if (isSeparator(c)
                    && i + 2 < cell.length()
                    && cell.charAt(i + 1) == '\''
                    && isGuarded(cell.charAt(i + 2))) {
                if (out == null) {
                    out = new StringBuilder(cell.length()).append(cell, 0, i + 1);
                }
                i++;
            }
        }
        return out == null ? cell : out.toString();
    }

    private static boolean isSeparator(char c) {
        return c == ';' || c == '\t';
    }

    private static boolean isGuarded(char c) {
        return isFormulaStart(c) || c == '\'';
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
