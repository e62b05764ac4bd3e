package io.starexport;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.api.Checkpoint;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.api.Item;
import io.starexport.jobs.Job;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobStatus;
import io.starexport.jobs.JobStore;
import io.starexport.spi.FormatOptions;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.TestPages.URL;
import static io.starexport.TestPages.pageRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * A new output option, end to end, touches only the format that owns it. The hypothetical {@code tsv-test}
 * format below gains a {@code separator} option with the code a real format would add and nothing else: it
 * declares the name in {@link OutputFormat#optionNames()}, offers a typed {@link FormatOptions} value, and its
 * writer reads {@link WriterOptions#option(String)}. {@link ExportRequest}, its codec {@link RequestJson}, the
 * checkpoint, the engine, the job executor and its store are not changed, yet real exports (the test platform
 * served by WireMock) show that the option reaches the writer; survives a failure in the checkpoint file and is
 * used again on resume; is kept by a directory job store across a reload; makes requests unequal; and that a
 * name the format does not declare fails when the export is planned, naming the format and what it accepts.
 * This is the "Core v2" done-when: a hypothetical option goes end to end touching only the request value, its
 * codec and the code that uses it; here the request value and codec need no change at all, since a format's
 * options travel in the request as a map of names to values.
 */
class HypotheticalOptionTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    /** The format with the new option: one line per item, {@code id<separator>text}, under a header. */
    static final class TsvTestFormat implements OutputFormat {
        static final String ID = "tsv-test";
        static final String SEPARATOR = "separator";

        /** The option as a typed value, the way {@code CsvFormat.options()} offers csv's. */
        static FormatOptions separator(String separator) {
            return new FormatOptions() {
                @Override
                public String format() {
                    return ID;
                }

                @Override
                public Map<String, String> asMap() {
                    return Map.of(SEPARATOR, separator);
                }
            };
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public List<String> extensions() {
            return List.of("tsv");
        }

        @Override
        public String mediaType() {
            return "text/tab-separated-values";
        }

        @Override
        public Set<String> optionNames() {
            return Set.of(SEPARATOR);
        }

        @Override
        public RecordWriter open(OutputStream out, WriterOptions options) throws IOException {
            String separator = options.option(SEPARATOR).orElse("\t");
            if (!options.resume()) {
                out.write(("id" + separator + "text\n").getBytes(StandardCharsets.UTF_8));
            }
            return new RecordWriter() {
                @Override
                public void write(Item item) throws IOException {
                    String text = item instanceof Comment comment ? comment.text() : "";
                    out.write((item.id() + separator + text + "\n").getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }
    }

    private static StarExport.Builder engine() {
        return TestPages.engine(server).format(new TsvTestFormat());
    }

    /** The lines {@link TsvTestFormat} writes for comments {@code c0..c<last>} of {@link TestPages}. */
    private static List<String> expectedLines(String separator, int last) {
        return Stream.concat(Stream.of("id" + separator + "text"),
                IntStream.rangeClosed(0, last).mapToObj(i -> "c" + i + separator + "comment " + i)).toList();
    }

    @Test
    void theOptionReachesTheWriterAndOnlyThatOutput() throws IOException {
        TestPages.threePages(server);
        Path semicolons = dir.resolve("semicolons.tsv");
        Path tabs = dir.resolve("tabs.tsv");
        try (StarExport star = engine().build()) {
            star.export(URL).comments().to(semicolons, TsvTestFormat.separator(";")).to(tabs).run();
        }
        assertThat(Files.readAllLines(semicolons)).isEqualTo(expectedLines(";", 29));
        assertThat(Files.readAllLines(tabs)).isEqualTo(expectedLines("\t", 29));
    }

    @Test
    void theCheckpointOfAFailedExportKeepsTheOptionAndTheResumeWritesWithIt() throws IOException {
        server.stubFor(pageRequest(null).willReturn(TestPages.page(0, 9, "c2")));
        server.stubFor(pageRequest("c2").willReturn(serverError()));
        Path out = dir.resolve("comments.tsv");
        ExportException failure;
        try (StarExport star = engine().build()) {
            failure = org.junit.jupiter.api.Assertions.assertThrows(ExportException.class,
                    () -> star.export(URL).comments().to(out, TsvTestFormat.separator("|")).run());
        }
        assertThat(failure.code()).isEqualTo(ErrorCode.NETWORK);
        // Page 2 was tried as often as the retry policy allows before the export gave up.
        server.verify(exactly(TestPages.FAST_RETRIES.maxAttempts()), TestPages.pageRequested("c2"));

        Path checkpointFile = Checkpoint.fileFor(out);
        Checkpoint saved = RequestJson.readCheckpoint(Files.readString(checkpointFile));
        assertThat(saved.request().outputs()).containsExactly(
                new ExportRequest.Output(out, Optional.of(TsvTestFormat.ID), Map.of(TsvTestFormat.SEPARATOR, "|")));
        assertThat(saved.items()).isEqualTo(10);
        assertThat(failure.checkpoint().orElseThrow().request()).isEqualTo(saved.request());

        server.stubFor(pageRequest("c2").willReturn(TestPages.page(10, 19, null)));
        try (StarExport star = engine().build()) {
            assertThat(star.resume(checkpointFile).run().items()).isEqualTo(20);
        }
        assertThat(Files.readAllLines(out)).isEqualTo(expectedLines("|", 19));
        assertThat(checkpointFile).doesNotExist();
    }

    @Test
    void aJobOnADirectoryStoreKeepsTheOptionAcrossAReload() throws IOException {
        TestPages.threePages(server);
        Path store = dir.resolve("jobs");
        Path out = dir.resolve("job.tsv");
        ExportRequest request = ExportRequest.builder(URL).to(out, TsvTestFormat.separator(";")).build();
        UUID id;
        try (StarExport star = engine().build();
             JobExecutor jobs = JobExecutor.builder(star).store(JobStore.directory(store)).build()) {
            Job job = jobs.submit(request);
            id = job.id();
            assertThat(job.completion().join().status()).isEqualTo(JobStatus.SUCCEEDED);
        }
        assertThat(Files.readAllLines(out)).isEqualTo(expectedLines(";", 29));

        try (StarExport star = engine().build();
             JobExecutor reloaded = JobExecutor.builder(star).store(JobStore.directory(store)).build()) {
            ExportRequest stored = reloaded.job(id).orElseThrow().request();
            assertThat(stored.outputs()).hasSize(1);
            assertThat(stored.outputs().get(0).options()).containsExactly(entry(TsvTestFormat.SEPARATOR, ";"));
            assertThat(stored).isEqualTo(request);
        }
    }

    @Test
    void requestsThatDifferOnlyInTheOptionAreNotEqual() {
        Path out = dir.resolve("comments.tsv");
        ExportRequest semicolons = ExportRequest.builder(URL).to(out, TsvTestFormat.separator(";")).build();

        assertThat(ExportRequest.builder(URL).to(out, TsvTestFormat.separator(";")).build()).isEqualTo(semicolons)
                .hasSameHashCodeAs(semicolons);
        assertThat(ExportRequest.builder(URL).to(out, TsvTestFormat.separator("|")).build()).isNotEqualTo(semicolons);
        assertThat(ExportRequest.builder(URL).to(out, TsvTestFormat.ID).build()).isNotEqualTo(semicolons);
        assertThat(RequestJson.readRequest(RequestJson.write(semicolons))).isEqualTo(semicolons);
    }

    @Test
    void anOptionNameTheFormatDoesNotDeclareFailsAtPlanningNamingTheFormatAndItsOptions() {
        TestPages.threePages(server);
        ExportRequest misspelt = ExportRequest.builder(URL).outputs(List.of(new ExportRequest.Output(
                dir.resolve("comments.tsv"), Optional.of(TsvTestFormat.ID), Map.of("delimiter", ";")))).build();
        // The option belongs to tsv-test alone: csv does not take it.
        ExportRequest elsewhere = ExportRequest.builder(URL).outputs(List.of(new ExportRequest.Output(
                dir.resolve("comments.csv"), Optional.empty(), Map.of(TsvTestFormat.SEPARATOR, ";")))).build();
        try (StarExport star = engine().build()) {
            assertThatThrownBy(() -> star.run(misspelt)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(TsvTestFormat.ID).hasMessageContaining("delimiter")
                    .hasMessageContaining(TsvTestFormat.SEPARATOR);
            assertThatThrownBy(() -> star.run(elsewhere)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("csv").hasMessageContaining(TsvTestFormat.SEPARATOR);
            try (JobExecutor jobs = JobExecutor.builder(star).build()) {
                assertThatThrownBy(() -> jobs.submit(misspelt)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(TsvTestFormat.ID).hasMessageContaining("delimiter");
            }
        }
        server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/v1/comments")));
        assertThat(dir).isEmptyDirectory();
    }
}
