package io.starexport;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad URLs end in INVALID_URL or UNSUPPORTED_PLATFORM with a message a person can act on. */
class UrlValidationTest {
    private static StarExport star;

    @BeforeAll
    static void engine() {
        star = StarExport.builder().environment(Map.of()).build();
    }

    @AfterAll
    static void close() {
        star.close();
    }

    private static void assertFails(String url, ErrorCode code) {
        assertThatThrownBy(() -> star.export(url)).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "/posts/p1", "posts/p1", "javascript:alert(1)", "ftp://test.example/posts/p1",
            "data:text/html,hi", "file:///etc/passwd", "https://", "http://exa mple.com/x", "mailto:a@test.example"})
    void rejectsWhatIsNotAnHttpUrl(String url) {
        assertFails(url, ErrorCode.INVALID_URL);
    }

    @org.junit.jupiter.api.Test
    void rejectsOverLongInput() {
        assertFails("https://test.example/posts/" + "a".repeat(5000), ErrorCode.INVALID_URL);
    }

    @org.junit.jupiter.api.Test
    void rejectsNull() {
        assertFails(null, ErrorCode.INVALID_URL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://unknown.example/posts/p1", "https://test.example.evil.example/posts/p1",
            "https://nottest.example/posts/p1", "https://test.example@evil.example/posts/p1",
            "https://evil.example/?u=https://test.example/posts/p1", "https://test.example/other/p1"})
    void rejectsHostsAndPathsNoPlatformClaims(String url) {
        assertFails(url, ErrorCode.UNSUPPORTED_PLATFORM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://test.example/posts/p1", "HTTPS://TEST.EXAMPLE/posts/p1", "test.example/posts/p1",
            "  https://www.test.example/posts/p1  ", "http://test.example/posts/p1/"})
    void acceptsTheShapesPeoplePaste(String url) {
        assertThat(star.detect(url).target().id()).isEqualTo("p1");
    }

    @org.junit.jupiter.api.Test
    void aUrlOfAPlatformThatIsNotInstalledListsTheInstalledOnesAndWhatToAdd() {
        assertThatThrownBy(() -> star.export("https://www.youtube.com/watch?v=dQw4w9WgXcQ"))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_PLATFORM);
                    assertThat(e.getMessage()).contains("installed: ").contains("io.starexport:starexport-platforms-");
                });
    }

    @org.junit.jupiter.api.Test
    void aPlatformsOwnUrlErrorReachesTheHostAndOtherExceptionsSkipThePlatform() {
        io.starexport.spi.Platform strict = new io.starexport.spi.Platform() {
            @Override
            public String id() {
                return "strict";
            }

            @Override
            public String displayName() {
                return "Strict";
            }

            @Override
            public java.util.Optional<io.starexport.api.Target> resolve(java.net.URI url) {
                if (url.getHost().equals("strict.example")) {
                    throw ExportException.of(ErrorCode.INVALID_URL, "Strict URLs look like https://strict.example/p/ID");
                }
                if (url.getHost().equals("broken.example")) {
                    throw new IllegalStateException("bug in the plugin");
                }
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Set<io.starexport.api.Content> contents(io.starexport.api.Target.Kind kind) {
                return java.util.Set.of();
            }

            @Override
            public io.starexport.spi.Extractor<? extends io.starexport.api.Item> extractor(
                    io.starexport.spi.ExportQuery query, io.starexport.spi.PlatformContext context) {
                throw new UnsupportedOperationException("never asked: no URL resolves");
            }

            @Override
            public io.starexport.spi.RateLimit defaultRateLimit(io.starexport.spi.Credentials credentials) {
                return io.starexport.spi.RateLimit.perSecond(1);
            }

            @Override
            public java.util.List<io.starexport.spi.Endpoint> endpoints() {
                return java.util.List.of();
            }
        };
        try (StarExport engine = StarExport.builder().discovery(false).platform(strict).environment(Map.of()).build()) {
            assertThatThrownBy(() -> engine.export("https://strict.example/nope"))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL);
                        assertThat(e.getMessage()).contains("https://strict.example/p/ID");
                    });
            assertThatThrownBy(() -> engine.export("https://broken.example/p/1"))
                    .isInstanceOfSatisfying(ExportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_PLATFORM));
        }
    }
}
