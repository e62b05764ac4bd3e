package io.starexport;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportException;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.TestPages.URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two exports must never write one file at once (issue 16, defect 5): the second is refused before it touches the
 * first one's partial file or checkpoint. The test platform's pages are served by WireMock (see {@code TestPages}).
 */
class OutputLockTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    @Test
    void aSecondExportToTheSameFileFailsAtOnceAndTheFirstFinishesIntact() throws Exception {
        TestPages.threePages(server);
        Path out = dir.resolve("comments.jsonl");
        CountDownLatch firstPageWritten = new CountDownLatch(1);
        CountDownLatch secondTried = new CountDownLatch(1);
        // The first export pauses after its first page, holding a partial file and a checkpoint-worthy state.
        ExportListener pauseAfterFirstPage = new ExportListener() {
            @Override
            public void onProgress(ExportEvent.ProgressMade event) {
                if (event.progress().items() > 0 && firstPageWritten.getCount() > 0) {
                    firstPageWritten.countDown();
                    await(secondTried);
                }
            }
        };
        try (StarExport star = TestPages.engine(server).progressInterval(java.time.Duration.ZERO).build()) {
            RunningExport first = star.export(URL).comments().to(out).listener(pauseAfterFirstPage).start();
            assertThat(firstPageWritten.await(10, TimeUnit.SECONDS)).isTrue();
            byte[] partialBefore = Files.readAllBytes(dir.resolve("comments.jsonl.partial"));
            Path checkpoint = dir.resolve("comments.jsonl.checkpoint.json");
            byte[] checkpointBefore = Files.exists(checkpoint) ? Files.readAllBytes(checkpoint) : null;

            try (StarExport other = TestPages.engine(server).build()) {
                assertThatThrownBy(() -> other.export(URL).comments().to(out).run())
                        .isInstanceOfSatisfying(ExportException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT);
                            assertThat(e.getMessage()).contains(out.toString()).contains("another export is writing it");
                            assertThat(e.checkpoint()).isEmpty();
                        });
                // Refused before any request, and without touching the first export's partial file (checked while
                // the first export still waits).
                server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/comments")));
                assertThat(Files.readAllBytes(dir.resolve("comments.jsonl.partial"))).isEqualTo(partialBefore);
                assertThat(Files.exists(checkpoint) ? Files.readAllBytes(checkpoint) : null).isEqualTo(checkpointBefore);
            } finally {
                secondTried.countDown();
            }

            ExportResult result = first.result().get(10, TimeUnit.SECONDS);
            assertThat(result.items()).isEqualTo(30);
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(30).allSatisfy(line -> assertThat(line).startsWith("{").doesNotContain("\0"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("comments.jsonl");
        }
    }

    @Test
    void theFileIsFreeAgainOnceAnExportFailed() {
        server.stubFor(TestPages.pageRequest(null).willReturn(TestPages.page(0, 9, "c2")));
        server.stubFor(TestPages.pageRequest("c2").willReturn(com.github.tomakehurst.wiremock.client.WireMock.notFound()));
        Path out = dir.resolve("comments.csv");
        try (StarExport star = TestPages.engine(server).build()) {
            assertThatThrownBy(() -> star.export(URL).comments().to(out).run()).isInstanceOf(ExportException.class);
            assertThat(dir.resolve("comments.csv.lock")).doesNotExist();

            TestPages.threePages(server);
            assertThat(star.export(URL).comments().to(out).run().items()).isEqualTo(30);
        }
    }

    @Test
    void anOutputThatIsAnExistingFolderFailsBeforeAnyRequest() throws Exception {
        TestPages.threePages(server);
        Path folder = Files.createDirectory(dir.resolve("comments.csv"));

        try (StarExport star = TestPages.engine(server).build()) {
            assertThatThrownBy(() -> star.export(URL).comments().to(folder).run())
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT);
                        assertThat(e.getMessage()).contains(folder + " is a folder");
                    });
        }
        server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/v1/comments")));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("comments.csv");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
