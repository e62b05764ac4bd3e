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
    void knownPlatformWithoutItsModuleSaysWhatToAdd() {
        assertThatThrownBy(() -> star.export("https://www.youtube.com/watch?v=dQw4w9WgXcQ"))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_PLATFORM);
                    assertThat(e.getMessage()).contains("starexport-platforms-youtube");
                });
    }
}
