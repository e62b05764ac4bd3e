package io.starexport;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Platform;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.RateLimit;
import io.starexport.testplatform.TestPlatform;
import io.starexport.writer.json.JsonLinesFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.TestPages.URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An {@link Error} thrown inside an export (a plugin's {@link StackOverflowError}, say) fails the export the way an
 * exception does: a typed {@code INTERNAL} error, the partial file kept, and a checkpoint to resume from.
 */
class ErrorContainmentTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    /** The test platform, whose extractor throws {@code error} when asked for the page at cursor "c3". */
    private record ThrowingOnThirdPage(Platform delegate, Error error) implements Platform {
        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public String displayName() {
            return delegate.displayName();
        }

        @Override
        public Optional<Target> resolve(URI url) {
            return delegate.resolve(url);
        }

        @Override
        public Set<Content> contents(Target.Kind kind) {
            return delegate.contents(kind);
        }

        @Override
        public Extractor<? extends Item> extractor(ExportQuery query, PlatformContext context) {
            return throwingOnThirdPage(delegate.extractor(query, context));
        }

        private <T extends Item> Extractor<T> throwingOnThirdPage(Extractor<T> pages) {
            return request -> {
                if (request.cursor().filter("c3"::equals).isPresent()) {
                    throw error;
                }
                return pages.fetch(request);
            };
        }

        @Override
        public RateLimit defaultRateLimit(Credentials credentials) {
            return delegate.defaultRateLimit(credentials);
        }

        @Override
        public List<Endpoint> endpoints() {
            return delegate.endpoints();
        }
    }

    private static StarExport engine(Error error) {
        return StarExport.builder().discovery(false).platform(new ThrowingOnThirdPage(new TestPlatform(), error))
                .format(new JsonLinesFormat()).endpoint(TestPlatform.ID, "api", server.baseUrl())
                .environment(Map.of()).retryPolicy(TestPages.FAST_RETRIES).build();
    }

    @Test
    void aStackOverflowInsideAnExportFailsWithACheckpointToResumeFrom() throws Exception {
        TestPages.threePages(server);
        Path out = dir.resolve("comments.jsonl");
        try (StarExport star = engine(new StackOverflowError())) {
            assertThatThrownBy(() -> star.export(URL).comments().to(out).run())
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                        assertThat(e.getMessage()).contains("StackOverflowError");
                        assertThat(e.checkpoint()).hasValueSatisfying(cp -> assertThat(cp.items()).isEqualTo(20));
                    });
        }
        assertThat(Files.readAllLines(dir.resolve("comments.jsonl.partial"))).hasSize(20);
        assertThat(dir.resolve("comments.jsonl.checkpoint.json")).exists();
    }

    @Test
    void aStackOverflowInsideAStreamedExportFailsWithATypedError() {
        TestPages.threePages(server);
        try (StarExport star = engine(new StackOverflowError());
             Stream<io.starexport.api.Comment> items = star.export(URL).comments().stream()) {
            assertThatThrownBy(() -> items.count()).isInstanceOfSatisfying(ExportException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
        }
    }

    @Test
    void anOutOfMemoryErrorIsNotSwallowed() {
        TestPages.threePages(server);
        try (StarExport star = engine(new OutOfMemoryError("synthetic"))) {
            assertThatThrownBy(() -> star.export(URL).comments().to(dir.resolve("comments.jsonl")).run())
                    .isInstanceOf(OutOfMemoryError.class);
        }
    }
}
