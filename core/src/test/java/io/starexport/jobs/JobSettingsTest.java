package io.starexport.jobs;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.jobs.ThreePlatforms.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests and executor settings fail fast with messages that name the setting. */
class JobSettingsTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Path OUT = Path.of("out.jsonl");

    @Test
    void requestsRejectBadValues() {
        assertThatThrownBy(() -> JobRequest.builder(url("alpha", "a")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one output");
        assertThatThrownBy(() -> JobRequest.builder(url("alpha", "a")).to(OUT).priority(11).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("priority must be between 1 and 10");
        assertThatThrownBy(() -> JobRequest.builder(url("alpha", "a")).to(OUT).priority(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was 0");
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> JobRequest.builder(url("alpha", "a")).to(OUT).since(now).until(now).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("since").hasMessageContaining("until");
        assertThatThrownBy(() -> JobRequest.builder(url("alpha", "a")).limit(5).limit(6))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("limit was already set to 5");
        assertThat(JobRequest.builder(url("alpha", "a")).to(OUT).build().priority()).isEqualTo(JobRequest.DEFAULT_PRIORITY);
    }

    @Test
    void executorSettingsAreCheckedWhenBuilt() {
        try (StarExport star = ThreePlatforms.engine(server).build()) {
            assertThatThrownBy(() -> JobExecutor.builder(star).platformConcurrency("delta", 1).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'delta'")
                    .hasMessageContaining("alpha");
            assertThatThrownBy(() -> JobExecutor.builder(star).concurrency(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrency must be >= 1");
            assertThatThrownBy(() -> JobExecutor.builder(star).maxAttempts(2).maxAttempts(3))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxAttempts was already set to 2");
            assertThatThrownBy(() -> JobExecutor.builder(star).backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial <= max");
            JobExecutor closed = JobExecutor.builder(star).build();
            closed.close();
            assertThatThrownBy(() -> closed.submit(JobRequest.builder(url("alpha", "a")).to(OUT).build()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }
}
