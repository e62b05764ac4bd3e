package io.starexport;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportException;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportResult;
import io.starexport.api.Item;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.TestPages.URL;
import static io.starexport.TestPages.pageRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The export loop against the test platform served by WireMock: paging, limits, dates, dedup, cancel, resume. */
class ExportLoopTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private static List<String> ids(Stream<? extends Item> items) {
        try (items) {
            return items.map(Item::id).toList();
        }
    }

    private static List<String> range(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "c" + i).toList();
    }

    @Test
    void followsCursorsThroughEveryPage() {
        TestPages.threePages(server);
        try (StarExport star = TestPages.engine(server).build()) {
            assertThat(ids(star.export(URL).comments().stream())).isEqualTo(range(0, 29));
        }
        server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/v1/comments")));
    }

    @Test
    void stopsAtTheLimitWithoutFetchingMorePages() {
        TestPages.threePages(server);
        try (StarExport star = TestPages.engine(server).build()) {
            ExportResult result = star.export(URL).comments().limit(15).to(dir.resolve("out.jsonl")).run();
            assertThat(result.items()).isEqualTo(15);
            assertThat(result.stopReason()).isEqualTo(ExportResult.StopReason.LIMIT);
            assertThat(result.reportedTotal()).hasValue(30);
            assertThat(result.completeness()).contains("15 comments exported of 30").contains("limit");
        }
        server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/comments")));
    }

    @Test
    void sinceStopsEarlyOnNewestFirstPages() {
        TestPages.threePages(server);
        try (StarExport star = TestPages.engine(server).build()) {
            // Items are one hour apart going back from NEWEST: c0..c12 are within 12.5 hours.
            ExportResult result = star.export(URL).comments().since(TestPages.NEWEST.minus(Duration.ofMinutes(750)))
                    .to(dir.resolve("out.csv")).run();
            assertThat(result.items()).isEqualTo(13);
            assertThat(result.stopReason()).isEqualTo(ExportResult.StopReason.DATE_WINDOW);
            assertThat(result.outsideWindow()).isEqualTo(7);
        }
        server.verify(exactly(0), TestPages.pageRequested("c3"));
    }

    @Test
    void untilDropsNewerItemsButKeepsPaging() {
        TestPages.threePages(server);
        try (StarExport star = TestPages.engine(server).build()) {
            List<String> ids = ids(star.export(URL).comments().until(TestPages.NEWEST.minus(Duration.ofHours(25))).stream());
            assertThat(ids).isEqualTo(range(26, 29));
        }
    }

    @Test
    void dropsItemsRepeatedAcrossPages() {
        server.stubFor(pageRequest(null).willReturn(TestPages.page(0, 9, "c2")));
        // A new comment pushed c8 and c9 onto the next page as well.
        server.stubFor(pageRequest("c2").willReturn(TestPages.page(8, 14, null)));
        try (StarExport star = TestPages.engine(server).build()) {
            ExportResult result = star.export(URL).comments().to(dir.resolve("out.json")).run();
            assertThat(result.items()).isEqualTo(15);
            assertThat(result.duplicates()).isEqualTo(2);
        }
    }

    @Test
    void skipsUnparseableItemsAndReportsTheirPath() {
        server.stubFor(pageRequest(null).willReturn(okJson("{\"data\":{\"items\":[{\"id\":\"a\",\"created\":\"2025-01-01T00:00:00Z\"},"
                + "{\"text\":\"no id\"},{\"id\":\"b\",\"created\":\"2025-01-01T00:00:00Z\"}],\"next\":null}}")));
        try (StarExport star = TestPages.engine(server).build()) {
            ExportResult result = star.export(URL).comments().to(dir.resolve("out.csv")).run();
            assertThat(result.items()).isEqualTo(2);
            assertThat(result.skipped()).isEqualTo(1);
            assertThat(result.skippedSamples().get(0).path()).isEqualTo("data.items[1].id");
        }
    }

    @Test
    void writesUnderAPartialNameAndMovesIntoPlaceOnSuccess() throws Exception {
        TestPages.threePages(server);
        Path out = dir.resolve("comments.csv");
        try (StarExport star = TestPages.engine(server).build()) {
            ExportResult result = star.export(URL).comments().to(out).to(dir.resolve("comments.json")).run();
            assertThat(result.files()).containsExactly(out, dir.resolve("comments.json"));
            assertThat(result.bytes()).isEqualTo(Files.size(out) + Files.size(dir.resolve("comments.json")));
        }
        assertThat(out).exists();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("comments.csv", "comments.json");
        }
    }

    @Test
    void failureKeepsPartialFileAndCheckpointThenResumeCompletesWithoutDuplicates() throws Exception {
        server.stubFor(pageRequest(null).willReturn(TestPages.page(0, 9, "c2")));
        server.stubFor(pageRequest("c2").willReturn(TestPages.page(10, 19, "c3")));
        server.stubFor(pageRequest("c3").willReturn(serverError()));
        Path out = dir.resolve("comments.jsonl");
        ExportException failure;
        try (StarExport star = TestPages.engine(server, RetryPolicy.none()).build()) {
            failure = org.junit.jupiter.api.Assertions.assertThrows(ExportException.class,
                    () -> star.export(URL).comments().to(out).run());
        }
        assertThat(failure.code()).isEqualTo(ErrorCode.NETWORK);
        assertThat(failure.checkpoint()).isPresent();
        assertThat(failure.checkpoint().get().cursor()).hasValue("c3");
        assertThat(failure.checkpoint().get().items()).isEqualTo(20);
        assertThat(out).doesNotExist();
        Path partial = dir.resolve("comments.jsonl.partial");
        Path checkpoint = dir.resolve("comments.jsonl.checkpoint.json");
        assertThat(Files.readAllLines(partial)).hasSize(20);
        assertThat(checkpoint).exists();

        server.stubFor(pageRequest("c3").willReturn(TestPages.page(20, 29, null)));
        try (StarExport star = TestPages.engine(server).build()) {
            ExportResult result = star.resume(checkpoint).run();
            assertThat(result.items()).isEqualTo(30);
        }
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.stream().map(l -> l.replaceAll(".*\"id\":\"(c\\d+)\".*", "$1")).toList()).isEqualTo(range(0, 29));
        assertThat(partial).doesNotExist();
        assertThat(checkpoint).doesNotExist();
    }

    /** A format like xlsx: it cannot continue a file, so an interrupted export must start over. */
    private static final class FinishedDocumentFormat implements OutputFormat {
        @Override
        public String id() {
            return "book";
        }

        @Override
        public List<String> extensions() {
            return List.of("book");
        }

        @Override
        public String mediaType() {
            return "application/x-book";
        }

        @Override
        public boolean appendable() {
            return false;
        }

        @Override
        public RecordWriter open(OutputStream out, WriterOptions options) {
            return new RecordWriter() {
                @Override
                public void write(Item item) throws IOException {
                    out.write((item.id() + "\n").getBytes(StandardCharsets.UTF_8));
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

    @Test
    void anExportToAFormatThatCannotResumeLeavesNoCheckpointAndNoPartialFile() {
        server.stubFor(pageRequest(null).willReturn(TestPages.page(0, 9, "c2")));
        server.stubFor(pageRequest("c2").willReturn(serverError()));
        Path book = dir.resolve("comments.book");
        Path jsonl = dir.resolve("comments.jsonl");
        ExportException failure;
        try (StarExport star = TestPages.engine(server, RetryPolicy.none()).format(new FinishedDocumentFormat()).build()) {
            failure = org.junit.jupiter.api.Assertions.assertThrows(ExportException.class,
                    () -> star.export(URL).comments().to(book).to(jsonl).run());
        }
        assertThat(failure.code()).isEqualTo(ErrorCode.NETWORK);
        assertThat(failure.checkpoint()).isEmpty();
        assertThat(dir.resolve("comments.book.partial")).doesNotExist();
        assertThat(dir.resolve("comments.jsonl.partial")).doesNotExist();
        assertThat(dir.resolve("comments.book.checkpoint.json")).doesNotExist();
    }

    @Test
    void resumeDiscardsBytesWrittenAfterTheCheckpoint() throws Exception {
        server.stubFor(pageRequest(null).willReturn(TestPages.page(0, 9, "c2")));
        server.stubFor(pageRequest("c2").willReturn(serverError()));
        Path out = dir.resolve("comments.csv");
        try (StarExport star = TestPages.engine(server, RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> star.export(URL).comments().to(out).run()).isInstanceOf(ExportException.class);
        }
        Path partial = dir.resolve("comments.csv.partial");
        Files.writeString(partial, "half a row,\"unterminated", java.nio.file.StandardOpenOption.APPEND);
        server.stubFor(pageRequest("c2").willReturn(TestPages.page(10, 12, null)));
        try (StarExport star = TestPages.engine(server).build()) {
            star.resume(dir.resolve("comments.csv.checkpoint.json")).run();
        }
        String csv = Files.readString(out);
        assertThat(csv).doesNotContain("half a row");
        assertThat(csv.lines().skip(1).map(l -> l.split(",")[1]).toList()).isEqualTo(range(0, 12));
    }

    @Test
    void cancelStopsBeforeTheNextPageAndLeavesACheckpoint() throws Exception {
        server.stubFor(pageRequest(null).willReturn(TestPages.page(0, 9, "c2")));
        server.stubFor(pageRequest("c2").willReturn(TestPages.page(10, 19, "c3").withFixedDelay(300)));
        server.stubFor(pageRequest("c3").willReturn(TestPages.page(20, 29, null)));
        CountDownLatch firstPage = new CountDownLatch(1);
        List<ExportEvent> events = new ArrayList<>();
        try (StarExport star = TestPages.engine(server).progressInterval(Duration.ZERO).build()) {
            RunningExport running = star.export(URL).comments().to(dir.resolve("out.csv"))
                    .listener(new ExportListener() {
                        @Override
                        public void onEvent(ExportEvent event) {
                            events.add(event);
                            if (event instanceof ExportEvent.ProgressMade) {
                                firstPage.countDown();
                            }
                        }
                    }).start();
            assertThat(firstPage.await(10, TimeUnit.SECONDS)).isTrue();
            running.cancel();
            assertThatThrownBy(() -> running.result().join()).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED);
                        assertThat(e.checkpoint()).isPresent();
                    });
        }
        server.verify(exactly(0), TestPages.pageRequested("c3"));
        assertThat(dir.resolve("out.csv.partial")).exists();
        assertThat(dir.resolve("out.csv.checkpoint.json")).exists();
        assertThat(events).first().isInstanceOf(ExportEvent.Created.class);
        assertThat(events).last().isInstanceOf(ExportEvent.Cancelled.class);
    }

    @Test
    void closingAStreamEarlyStopsFetching() {
        TestPages.threePages(server);
        try (StarExport star = TestPages.engine(server).build()) {
            try (Stream<Comment> comments = star.export(URL).comments().stream()) {
                assertThat(comments.limit(3).map(Comment::id).collect(Collectors.toList())).containsExactly("c0", "c1", "c2");
            }
        }
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/comments")));
    }

    @Test
    void eventsArriveInOrderAndAThrowingListenerBreaksNothing() {
        TestPages.threePages(server);
        List<String> seen = new ArrayList<>();
        try (StarExport star = TestPages.engine(server).progressInterval(Duration.ZERO)
                .listener(new ExportListener() {
                    @Override
                    public void onProgress(ExportEvent.ProgressMade event) {
                        throw new IllegalStateException("listener bug");
                    }
                }).build()) {
            ExportResult result = star.export(URL).comments().to(dir.resolve("out.csv"))
                    .listener(new ExportListener() {
                        @Override
                        public void onEvent(ExportEvent event) {
                            seen.add(event.getClass().getSimpleName());
                        }
                    }).run();
            assertThat(result.items()).isEqualTo(30);
        }
        assertThat(seen.get(0)).isEqualTo("Created");
        assertThat(seen.get(1)).isEqualTo("Started");
        assertThat(seen.subList(2, seen.size() - 1)).containsOnly("ProgressMade").hasSizeGreaterThanOrEqualTo(3);
        assertThat(seen.get(seen.size() - 1)).isEqualTo("Finished");
    }

    @Test
    void malformedJsonFailsWithPlatformChangedNamingThePath() {
        server.stubFor(pageRequest(null).willReturn(okJson("{\"data\":{\"entries\":[]}}")));
        try (StarExport star = TestPages.engine(server).build()) {
            assertThatThrownBy(() -> star.export(URL).comments().to(dir.resolve("out.csv")).run())
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED);
                        assertThat(e.getMessage()).contains("data.items");
                    });
        }
        assertThat(dir.resolve("out.csv.partial")).doesNotExist();
    }

    @Test
    void truncatedJsonFailsWithPlatformChanged() {
        server.stubFor(pageRequest(null).willReturn(okJson("{\"data\":{\"items\":[{\"id\":\"a\"")));
        try (StarExport star = TestPages.engine(server).build()) {
            assertThatThrownBy(() -> star.export(URL).comments().stream().count())
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED));
        }
    }

    @Test
    void sortThePlatformCannotHonourIsReported() {
        TestPages.threePages(server);
        try (StarExport star = TestPages.engine(server).build()) {
            ExportResult result = star.export(URL).comments().sort(io.starexport.api.Sort.OLDEST)
                    .to(dir.resolve("o.csv")).run();
            assertThat(result.notes()).singleElement().asString().contains("cannot order comments by oldest");
        }
    }

    @Test
    void outputsMustBeDistinctAndOfAKnownFormat() {
        try (StarExport star = TestPages.engine(server).build()) {
            assertThatThrownBy(() -> star.export(URL).to(dir.resolve("a.csv")).to(dir.resolve("./a.csv")).run())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
            assertThatThrownBy(() -> star.export(URL).to(dir.resolve("a.txt")).run())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot tell the format");
            assertThatThrownBy(() -> star.export(URL).to(dir.resolve("a.csv"), "yaml").run())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown output format 'yaml'");
        }
        server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/v1/comments")));
    }

    @Test
    void aCheckpointIsReadableByItsOwnerOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
                .contains("posix"), "POSIX permissions");
        server.stubFor(pageRequest(null).willReturn(TestPages.page(0, 9, "c2")));
        server.stubFor(pageRequest("c2").willReturn(serverError()));
        try (StarExport star = TestPages.engine(server, RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> star.export(URL).comments().to(dir.resolve("comments.jsonl")).run())
                    .isInstanceOf(ExportException.class);
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("comments.jsonl.checkpoint.json")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
}
