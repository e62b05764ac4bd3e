package io.starexport.testing;

import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings given with {@code withEngine} reach the engine, and one engine serves {@code @BeforeEach} and the test. */
class RegisteredExtensionTest {
    @RegisterExtension
    static final StarExportExtension STAR_EXPORT = new StarExportExtension()
            .withEngine(builder -> builder.retryPolicy(RetryPolicy.ofDefaults().withMaxAttempts(2)
                    .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))));

    private StarExport fromSetUp;

    @BeforeEach
    void setUp(StarExport star) {
        fromSetUp = star;
    }

    @Test
    void appliesTheEngineSettings(StarExport star, FakePlatform fake) {
        fake.post("p1", 5).failPage("p1", 1, Failure.status(500), Failure.status(500));

        assertThat(star).isSameAs(fromSetUp);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> star.export(fake.url("p1")).comments().stream().toList()))
                .hasMessageContaining("after 2 attempts");
    }

    @Test
    void exportsAfterRetriesWithinTheAttempts(StarExport star, FakePlatform fake) {
        fake.post("p1", 5).failPage("p1", 1, Failure.connectionReset());

        assertThat(star.export(fake.url("p1")).comments().stream().map(Comment::id)).containsExactly("c1", "c2", "c3", "c4", "c5");
    }
}
