package io.orgshell.bench;

import io.orgshell.csv.LoadedCsv;
import io.orgshell.csv.PlanCsvReader;
import io.orgshell.plan.Operation;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code scripts/bench csv}: the plan reader (byte scan, parse, repairs, every check and the duplicate search) on an
 * email plan, against a bare Commons CSV parse of the same file, in the same JVM: the ratio of the two is what the
 * reader's safety costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvReaderBench {

    @Param("10000")
    int rows;

    Path file;
    PlanCsvReader reader;

    @Setup(Level.Trial)
    public void write() throws IOException {
        file = Files.createTempFile("orgshell-bench", ".csv");
        StringBuilder csv = new StringBuilder("\ufeffaccount_id,old_email,email,\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format("%024x", i))
                    .append(",user")
                    .append(i)
                    .append("@acme.example, user")
                    .append(i)
                    .append("@acme.io ,\r\n");
        }
        Files.writeString(file, csv);
        reader = new PlanCsvReader(Operation.EMAIL.columns());
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public LoadedCsv planCsvReader() throws IOException {
        LoadedCsv loaded = reader.read(file);
        if (loaded.rows().size() != rows || !loaded.problems().isEmpty()) {
            throw new IllegalStateException("the plan did not load: " + loaded.problems());
        }
        return loaded;
    }

    @Benchmark
    public long bareCommonsCsv() throws IOException {
        long cells = 0;
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord record : CSVFormat.DEFAULT.parse(in)) {
                cells += record.size();
            }
        }
        return cells;
    }
}
