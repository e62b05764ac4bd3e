package io.starexport;

import io.starexport.api.Content;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.Page;
import io.starexport.spi.Platform;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.RateLimit;
import io.starexport.testplatform.TestPlatform;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plugins are found with ServiceLoader, can be registered explicitly, and clash loudly. */
public class DiscoveryTest {

    public DiscoveryTest() {
    }

    /** A second platform claiming the test platform's id, with a different display name. */
    public static class Impostor implements Platform {

        public Impostor() {
        }

        @Override
        public String id() {
            return TestPlatform.ID;
        }

        @Override
        public String displayName() {
            return "Impostor";
        }

        @Override
        public Optional<Target> resolve(URI url) {
            return Optional.of(Target.of(TestPlatform.ID, Target.Kind.POST, "x", url.toString()));
        }

        @Override
        public Set<Content> contents(Target.Kind kind) {
            return Set.of(Content.COMMENTS);
        }

        @Override
        public Extractor<?> extractor(ExportQuery query, PlatformContext context) {
            return request -> Page.of(List.of(), null);
        }

        @Override
        public RateLimit defaultRateLimit(Credentials credentials) {
            return RateLimit.perSecond(1);
        }

        @Override
        public List<Endpoint> endpoints() {
            return List.of();
        }
    }

    @Test
    void findsPlatformAndFormatPluginsOnTheClassPath() {
        try (StarExport star = StarExport.builder().environment(Map.of()).build()) {
            assertThat(star.platforms()).extracting(PlatformInfo::id).containsExactly(TestPlatform.ID);
            PlatformInfo info = star.platforms().get(0);
            assertThat(info.contents()).containsExactly(Content.COMMENTS);
            assertThat(info.endpoints()).containsEntry("api", URI.create("https://api.test.example"));
            assertThat(info.credentials()).containsExactly("api_token");
            assertThat(star.formats()).extracting(OutputFormat::id).contains("csv", "json", "jsonl");
        }
    }

    @Test
    void explicitRegistrationWinsOverDiscovery() {
        try (StarExport star = StarExport.builder().environment(Map.of()).platform(new Impostor()).build()) {
            assertThat(star.detect("https://anything.example/").platformName()).isEqualTo("Impostor");
        }
    }

    @Test
    void registeringOneIdTwiceIsAnError() {
        assertThatThrownBy(() -> StarExport.builder().platform(new Impostor()).platform(new TestPlatform()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registered twice");
    }

    @Test
    void discoveryCanBeSwitchedOff() {
        try (StarExport star = StarExport.builder().discovery(false).platform(new TestPlatform()).build()) {
            assertThat(star.platforms()).extracting(PlatformInfo::id).containsExactly(TestPlatform.ID);
            assertThat(star.formats()).isEmpty();
        }
    }

    @Test
    void detectDescribesTheTarget() {
        try (StarExport star = StarExport.builder().environment(Map.of()).build()) {
            Detection detection = star.detect("https://test.example/posts/abc");
            assertThat(detection.target()).isEqualTo(Target.of(TestPlatform.ID, Target.Kind.POST, "abc",
                    "https://test.example/posts/abc"));
            assertThat(detection.contents()).containsExactly(Content.COMMENTS);
        }
    }

    @Test
    void settingsNamingUnknownPlatformsOrEndpointsFailFast() {
        assertThatThrownBy(() -> StarExport.builder().endpoint("nope", "api", "http://localhost:1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no platform 'nope'");
        assertThatThrownBy(() -> StarExport.builder().endpoint(TestPlatform.ID, "web", "http://localhost:1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no endpoint named 'web'");
        assertThatThrownBy(() -> StarExport.builder().readTimeout(java.time.Duration.ofSeconds(1))
                .readTimeout(java.time.Duration.ofSeconds(2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("readTimeout was already set");
    }

    @Test
    void exportSettingsMayBeGivenOnce() {
        try (StarExport star = StarExport.builder().environment(Map.of()).build()) {
            assertThatThrownBy(() -> star.export("https://test.example/posts/abc").limit(5).limit(6))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("limit was already set to 5");
            assertThatThrownBy(() -> star.export("https://test.example/posts/abc").posts().stream())
                    .isInstanceOfSatisfying(io.starexport.api.ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(io.starexport.api.ErrorCode.UNSUPPORTED_CONTENT);
                        assertThat(e.getMessage()).contains("cannot export posts from a post").contains("comments");
                    });
        }
    }
}
