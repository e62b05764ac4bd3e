package io.starexport.jobs;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.ExportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.jobs.ThreePlatforms.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests, priorities and executor settings fail fast with messages that name the setting. */
class JobSettingsTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Path OUT = Path.of("out.jsonl");

    @TempDir
    Path dir;

    @Test
    void requestsAndPrioritiesAreCheckedAtSubmit() {
        ThreePlatforms.stubPost(server, "alpha", "a", 0);
        try (StarExport star = ThreePlatforms.engine(server).build(); JobExecutor jobs = JobExecutor.builder(star).build()) {
            assertThatThrownBy(() -> jobs.submit(ExportRequest.builder(url("alpha", "a")).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one output");
            ExportRequest request = ExportRequest.builder(url("alpha", "a")).to(dir.resolve("a.jsonl")).build();
            assertThatThrownBy(() -> jobs.submit(request, 11))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("priority must be between 1 and 10");
            assertThatThrownBy(() -> jobs.submitAll(List.of(request), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was 0");
            assertThat(jobs.list(JobQuery.all()).total()).isZero();

            Job job = jobs.submit(request);
            assertThat(job.priority()).isEqualTo(JobExecutor.DEFAULT_PRIORITY);
            job.completion().join();
        }
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> ExportRequest.builder(url("alpha", "a")).to(OUT).since(now).until(now).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("since").hasMessageContaining("until");
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
            assertThatThrownBy(() -> closed.submit(ExportRequest.builder(url("alpha", "a")).to(OUT).build()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }
}
