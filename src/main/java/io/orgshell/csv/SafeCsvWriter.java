package io.orgshell.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import io.orgshell.core.PartFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a CSV of account data the safe way: owner-only from its creation (the folder it is written into is left
 * as it is), to a {@code .part} file renamed into place only when
 * complete (an interrupted export never leaves a truncated file under the real name), and with every cell that a
 * spreadsheet would run as a formula ({@code = + - @}, tab, CR) prefixed with an apostrophe. {@link #unneutralise}
 * undoes that prefix so an exported file loads back unchanged.
 */
public final class SafeCsvWriter implements Closeable {

    private final PartFile file;
    private final CSVPrinter printer;

    private SafeCsvWriter(PartFile file, CSVPrinter printer) {
        this.file = file;
        this.printer = printer;
    }

    /** Opens {@code target} for writing; fails at once (before any request) when the place is not writable. */
    public static SafeCsvWriter open(Path target, List<String> header) throws IOException {
        return open(target, header, CSVFormat.DEFAULT);
    }

    /** A file orgshell itself loads back ({@code plan}): LF line ends, as a hand-edited file usually has. */
    public static SafeCsvWriter openWithLf(Path target, List<String> header) throws IOException {
        return open(target, header, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
    }

    private static SafeCsvWriter open(Path target, List<String> header, CSVFormat format) throws IOException {
        PartFile file = PartFile.create(target);
        CSVPrinter printer = format.builder().setHeader(header.toArray(String[]::new)).get().print(file.writer());
        return new SafeCsvWriter(file, printer);
    }

    public void row(List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(c -> neutralise(c == null ? "" : String.valueOf(c))).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes, and moves the complete file into place, forced to disk (see {@link PartFile}). */
    public void commit() throws IOException {
        printer.flush();
        file.commit();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /**
     * Prefixes {@code '} to a cell a spreadsheet would run as a formula, and to a cell that itself starts with
     * {@code '}, so that {@link #unneutralise} can always tell the guard from the data.
     */
    public static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return isFormulaStart(first) || first == '\'' ? "'" + cell : cell;
    }

    public static String unneutralise(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'') {
            char second = cell.charAt(1);
            if (isFormulaStart(second) || second == '\'') {
                return cell.substring(1);
            }
        }
        return cell;
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
