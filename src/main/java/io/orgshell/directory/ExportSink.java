package io.orgshell.directory;

import io.orgshell.core.OutputFile;
import io.orgshell.core.OutputTarget;
import io.orgshell.core.Sanitizer;
import io.orgshell.csv.SafeCsvWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where an export's rows go: a CSV, or JSON Lines (one object per account); a file is owner-only, complete or not at
 * all, a stream ({@code -}, a FIFO, a device) gets the rows as they come. Rows read out of order (the slices of a
 * partitioned walk) go to {@link Part}s, owner-only temporary files in the same format (beside the file, or in the
 * system's temporary folder for a stream), appended in order at the end.
 */
final class ExportSink implements Closeable {

    /** Rows for a later part of the file; closing it deletes its temporary file. */
    interface Part extends Closeable {
        void row(List<Object> cells);
    }

    /** Rows in the export's format over one writer. */
    private interface Rows {
        void row(List<Object> cells);

        void flush() throws IOException;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutputFile file;
    private final List<String> columns;
    private final boolean json;
    /** On a person's screen an account's text could carry escape sequences: they are shown, not obeyed. */
    private final UnaryOperator<Object> inert;

    private final boolean terminal;

    private final SafeCsvWriter csv;
    private final Rows rows;

    private ExportSink(OutputFile file, List<String> columns, boolean json, UnaryOperator<Object> inert)
            throws IOException {
        this.file = file;
        this.columns = columns;
        this.json = json;
        this.inert = inert;
        this.terminal = inert != UnaryOperator.identity();
        this.csv = json ? null : SafeCsvWriter.open(file, columns);
        this.rows = json ? jsonLines(file.writer()) : csvRows(csv);
    }

    static ExportSink open(OutputTarget target, List<String> columns, boolean json) throws IOException {
        UnaryOperator<Object> inert = target.terminal()
                ? c -> c instanceof String s ? Sanitizer.forTerminal(s) : c
                : UnaryOperator.identity();
        OutputFile file = target.open();
        try {
            clearStaleScratch(file.scratchPrefix());
            return new ExportSink(file, columns, json, inert);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Scratch files an export of the same file left when it was killed: account data nobody will append. */
    private static void clearStaleScratch(Path prefix) throws IOException {
        if (prefix == null || prefix.getParent() == null) {
            return;
        }
        String name = prefix.getFileName().toString();
        try (DirectoryStream<Path> left = Files.newDirectoryStream(
                prefix.getParent(), p -> p.getFileName().toString().startsWith(name))) {
            for (Path p : left) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    void row(List<Object> cells) {
        rows.row(cells);
    }

    /** A part of its own, written by whichever thread holds it. */
    Part part() throws IOException {
        // beside the file when there is one: the slices of a large org take room where the export was asked to go
        Path prefix = file.scratchPrefix();
        Path path = prefix == null
                ? Files.createTempFile("orgshell-export-", ".part")
                : Files.createTempFile(prefix.getParent(), prefix.getFileName().toString(), "");
        Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        Rows partRows = json ? jsonLines(writer) : csvRows(SafeCsvWriter.continuing(writer));
        return new PartFile(path, writer, partRows);
    }

    /** Appends the part's rows after the rows written so far, and deletes its file. */
    void append(Part part) throws IOException {
        PartFile p = (PartFile) part;
        p.rows.flush();
        p.writer.close();
        try (Reader in = Files.newBufferedReader(p.path, StandardCharsets.UTF_8)) {
            if (csv != null) {
                csv.append(in);
            } else {
                in.transferTo(file.writer());
            }
        }
        p.close();
    }

    void commit() throws IOException {
        rows.flush();
        if (csv != null) {
            csv.commit();
        } else {
            file.commit();
        }
    }

    /** See {@link OutputFile#isStream()}. */
    boolean isStream() {
        return file.isStream();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private record PartFile(Path path, Writer writer, Rows rows) implements Part {
        @Override
        public void row(List<Object> cells) {
            rows.row(cells);
        }

        @Override
        public void close() throws IOException {
            try {
                writer.close();
            } finally {
                Files.deleteIfExists(path);
            }
        }
    }

    private Rows csvRows(SafeCsvWriter out) {
        return new Rows() {
            @Override
            public void row(List<Object> cells) {
                out.row(terminal ? cells.stream().map(inert).toList() : cells);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
    }

    /** Keys are the CSV's column names; true/false and lists stay JSON booleans and arrays, nothing is neutralised. */
    private Rows jsonLines(Writer writer) {
        return new Rows() {
            @Override
            public void row(List<Object> cells) {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    object.put(columns.get(i), inert.apply(cells.get(i)));
                }
                try {
                    writer.write(JSON.writeValueAsString(object));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
            }
        };
    }
}
