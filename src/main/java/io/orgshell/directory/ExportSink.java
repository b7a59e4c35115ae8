package io.orgshell.directory;

import io.orgshell.core.OutputFile;
import io.orgshell.core.OutputTarget;
import io.orgshell.core.Sanitizer;
import io.orgshell.csv.SafeCsvWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where an export's rows go: a CSV, or JSON Lines (one object per account); a file is owner-only, complete or not at
 * all, a stream ({@code -}, a FIFO, a device) gets the rows as they come.
 */
interface ExportSink extends Closeable {

    void row(List<Object> cells);

    void commit() throws IOException;

    /** See {@link OutputFile#isStream()}. */
    boolean isStream();

    static ExportSink open(OutputTarget target, List<String> columns, boolean json) throws IOException {
        OutputFile file = target.open();
        // on a person's screen an account's text could carry escape sequences: they are shown, not obeyed
        UnaryOperator<Object> inert = target.terminal()
                ? c -> c instanceof String s ? Sanitizer.forTerminal(s) : c
                : UnaryOperator.identity();
        return json ? jsonLines(file, columns, inert) : csv(file, columns, inert);
    }

    private static ExportSink csv(OutputFile file, List<String> columns, UnaryOperator<Object> inert)
            throws IOException {
        SafeCsvWriter csv = SafeCsvWriter.open(file, columns);
        return new ExportSink() {
            @Override
            public void row(List<Object> cells) {
                csv.row(cells.stream().map(inert).toList());
            }

            @Override
            public void commit() throws IOException {
                csv.commit();
            }

            @Override
            public boolean isStream() {
                return file.isStream();
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }

    /** Keys are the CSV's column names; true/false and lists stay JSON booleans and arrays, nothing is neutralised. */
    private static ExportSink jsonLines(OutputFile file, List<String> columns, UnaryOperator<Object> inert) {
        Writer writer = file.writer();
        JsonMapper json = JsonMapper.builder().build();
        return new ExportSink() {
            @Override
            public void row(List<Object> cells) {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    object.put(columns.get(i), inert.apply(cells.get(i)));
                }
                try {
                    writer.write(json.writeValueAsString(object));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void commit() throws IOException {
                file.commit();
            }

            @Override
            public boolean isStream() {
                return file.isStream();
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }
}
