package io.starexport.benchmarks;

import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import io.starexport.writer.csv.CsvFormat;
import io.starexport.writer.json.JsonFormat;
import io.starexport.writer.json.JsonLinesFormat;
import io.starexport.writer.xlsx.XlsxFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * (2) Writers: each format's {@link RecordWriter} against {@link BaselineWriters} ({@link BaselineXlsx} for xlsx), writing the same
 * {@value #ROWS} sandbox comments to a discarding stream, so only formatting and encoding are measured.
 * Scores are rows per second. Run through {@link WritersMeasurement}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WriterBenchmark {
    static final int ROWS = 2_000;
    private static final WriterOptions OPTIONS = WriterOptions.ofDefaults(Content.COMMENTS);

    private List<Comment> comments;

    @Setup
    public void sampleComments() {
        comments = SampleComments.youtube(ROWS);
        if (comments.size() != ROWS) {
            throw new IllegalStateException("the sandbox gave " + comments.size() + " comments, expected " + ROWS);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void csvWriter() throws IOException {
        write(new CsvFormat(), OPTIONS.withFormatOptions(CsvFormat.options().formulaProtection(false).asMap()));
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void csvBaseline() throws IOException {
        BaselineWriters.csv(comments, OutputStream.nullOutputStream());
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void jsonlWriter() throws IOException {
        write(new JsonLinesFormat());
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void jsonlBaseline() throws IOException {
        BaselineWriters.jsonl(comments, OutputStream.nullOutputStream());
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void jsonWriter() throws IOException {
        write(new JsonFormat());
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void jsonBaseline() throws IOException {
        BaselineWriters.json(comments, OutputStream.nullOutputStream());
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void xlsxWriter() throws IOException {
        write(new XlsxFormat());
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void xlsxBaseline() throws IOException {
        BaselineXlsx.write(comments, OutputStream.nullOutputStream());
    }

    private void write(OutputFormat format) throws IOException {
        write(format, OPTIONS);
    }

    private void write(OutputFormat format, WriterOptions options) throws IOException {
        try (RecordWriter writer = format.open(OutputStream.nullOutputStream(), options)) {
            for (Comment comment : comments) {
                writer.write(comment);
            }
        }
    }
}
