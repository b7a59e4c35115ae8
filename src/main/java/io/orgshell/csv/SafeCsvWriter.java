package io.orgshell.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.orgshell.core.DurableFiles;
import io.orgshell.core.OwnerOnlyFiles;
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

    private final Path target;
    private final Path part;
    private final CSVPrinter printer;
    private boolean committed;

    private SafeCsvWriter(Path target, Path part, CSVPrinter printer) {
        this.target = target;
        this.part = part;
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
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("the directory " + dir + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + " is a directory");
        }
        Path part = dir.resolve(absolute.getFileName() + ".part");
        if (!Files.isSymbolicLink(part)) {
            Files.deleteIfExists(part); // left by an export that was killed; a planted link is refused below
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(OwnerOnlyFiles.createNew(part), StandardCharsets.UTF_8));
        CSVPrinter printer = format.builder().setHeader(header.toArray(String[]::new)).get().print(writer);
        return new SafeCsvWriter(absolute, part, printer);
    }

    public void row(List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(c -> neutralise(c == null ? "" : String.valueOf(c))).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes, and moves the complete file into place, forced to disk (see {@link DurableFiles}). */
    public void commit() throws IOException {
        printer.close(true);
        DurableFiles.replace(part, target);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            printer.close();
            Files.deleteIfExists(part);
        }
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
