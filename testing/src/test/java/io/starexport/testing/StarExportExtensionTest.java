package io.starexport.testing;

import io.starexport.StarExport;
import io.starexport.api.Comment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension gives each test an engine in the mode the test asks for. Every test here also passes the
 * extension's leak check after it runs. The recordings under {@code recordings/fake-p1} are synthetic (see
 * the README there).
 */
@ExtendWith(StarExportExtension.class)
class StarExportExtensionTest {

    @Test
    void givesASandboxEngineByDefault(StarExport star) {
        List<Comment> comments = star.export("https://www.youtube.com/watch?v=dQw4w9WgXcQ").comments().limit(20)
                .stream().toList();

        assertThat(comments).hasSize(20).allSatisfy(c -> assertThat(c.platform()).isEqualTo("youtube"));
        assertThat(star.toString()).contains("sandbox=true");
    }

    @Test
    void givesAnEngineWiredToTheFakePlatform(StarExport star, FakePlatform fake) {
        fake.post("p1", 12);

        assertThat(star.export(fake.url("p1")).comments().stream().map(Comment::id)).hasSize(12).startsWith("c1", "c2");
        assertThat(fake.requests("p1")).hasSize(2);
        assertThat(star.toString()).contains("sandbox=false");
    }

    @Test
    @RecordedResponses(value = "recordings/fake-p1", platforms = FakePlatform.ID)
    void pointsThePlatformAtRecordedResponses(StarExport star, FakePlatform fake, RecordedResponseServer recordings) {
        List<Comment> comments = star.export(fake.url("p1")).comments().replies(true).stream().toList();

        assertThat(comments).extracting(Comment::id).containsExactly("r1", "r2", "r3");
        assertThat(comments.get(2).parentId()).contains("r1");
        assertThat(recordings.requests()).extracting(r -> r.query("cursor"))
                .containsExactly(Optional.empty(), Optional.of("2"), Optional.of("2"));
        assertThat(fake.requests()).isEmpty();
        assertThat(recordings.unmatched()).isEmpty();
    }

    /**
     * The recordings in {@code recordings/wiremock-recorder-p1} are WireMock 3.13.2's own output: its recorder
     * ({@code POST /__admin/recordings/start}, {@code "extractBodyCriteria": {"textSizeThreshold": "100"}}) proxied
     * this plugin's requests to a WireMock stub server playing the fake platform, whose page 2 first answered 503.
     * The recorder wrote {@code hasExactly} query matchers, a scenario for the repeated request, bodies both inline
     * and in {@code __files/}, and stripped the gzip encoding the stub server used.
     */
    @Test
    @RecordedResponses(value = "recordings/wiremock-recorder-p1", platforms = FakePlatform.ID)
    void replaysWhatWireMocksRecorderWrote(StarExport star, FakePlatform fake, RecordedResponseServer recordings) {
        List<Comment> comments = star.export(fake.url("p1")).comments().replies(true).stream().toList();

        assertThat(comments).extracting(Comment::text).containsExactly("h\u00e9llo \u2603", "two", "three");
        assertThat(comments.get(1).parentId()).contains("w1");
        assertThat(recordings.requests()).extracting(r -> r.query("cursor"))
                .containsExactly(Optional.empty(), Optional.of("2"), Optional.of("2"), Optional.of("3"));
    }

    /** A fake platform asked for only in {@code @BeforeEach} is the one the test's engine exports from. */
    @Nested
    class WithTheFakeScriptedBeforeEach {
        private FakePlatform fake;

        @BeforeEach
        void script(FakePlatform fake) {
            this.fake = fake.post("p9", 12);
        }

        @Test
        void exportsFromTheFakeGivenToBeforeEach(StarExport star) {
            assertThat(star.export(fake.url("p9")).comments().stream()).hasSize(12);
            assertThat(fake.requests("p9")).hasSize(2);
        }
    }
}
