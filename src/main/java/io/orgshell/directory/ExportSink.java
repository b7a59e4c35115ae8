package io.orgshell.directory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.orgshell.core.PartFile;

import io.orgshell.csv.SafeCsvWriter;
import tools.jackson.databind.json.JsonMapper;

/** Where an export's rows go: a CSV, or JSON Lines (one object per account); owner-only, complete or not at all. */
interface ExportSink extends Closeable {

    void row(List<Object> cells);

    void commit() throws IOException;

    static ExportSink csv(Path out, List<String> columns) throws IOException {
        SafeCsvWriter csv = SafeCsvWriter.open(out, columns);
        return new ExportSink() {
            @Override
            public void row(List<Object> cells) {
                csv.row(cells);
            }

            @Override
            public void commit() throws IOException {
                csv.commit();
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }

    /** Keys are the CSV's column names; true/false and lists stay JSON booleans and arrays, nothing is neutralised. */
    static ExportSink jsonLines(Path out, List<String> columns) throws IOException {
        PartFile file = PartFile.create(out);
        Writer writer = file.writer();
        JsonMapper json = JsonMapper.builder().build();
        return new ExportSink() {
            @Override
            public void row(List<Object> cells) {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    object.put(columns.get(i), cells.get(i));
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
            public void close() throws IOException {
                file.close();
            }
        };
    }
}
