package io.starexport.jobs;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.ExportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.jobs.ThreePlatforms.pageRequest;
import static io.starexport.jobs.ThreePlatforms.stubPost;
import static io.starexport.jobs.ThreePlatforms.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

/** Listing jobs by status, platform and creation time, page by page, and the statistics over them. */
class JobQueryTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    /** A clock that moves one second forward each time it is read, so every timestamp differs. */
    static final class SteppingClock extends Clock {
        private final AtomicLong seconds = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seconds.incrementAndGet());
        }
    }

    @Test
    void listsJobsByStatusPlatformAndCreationTimePageByPageAndSumsThemUp() throws Exception {
        stubPost(server, "alpha", "s1", 0);
        stubPost(server, "alpha", "s2", 0);
        stubPost(server, "alpha", "s3", 200);
        server.stubFor(pageRequest("beta", "x1", null).willReturn(notFound()));
        server.stubFor(pageRequest("beta", "x2", null).willReturn(notFound()));
        try (StarExport star = ThreePlatforms.engine(server).build();
             JobExecutor jobs = JobExecutor.builder(star).clock(new SteppingClock()).concurrency(1).build()) {
            List<Job> submitted = new ArrayList<>();
            for (String post : List.of("s1", "s2")) {
                submitted.add(jobs.submit(ExportRequest.builder(url("alpha", post)).to(dir.resolve(post + ".jsonl")).build()));
            }
            // With one slot, the slow s3 runs while the gamma job waits in the queue, where it is cancelled.
            submitted.addAll(jobs.submitAll(List.of(
                    ExportRequest.builder(url("alpha", "s3")).to(dir.resolve("s3.jsonl")).build(),
                    ExportRequest.builder(url("gamma", "never")).to(dir.resolve("never.jsonl")).build())));
            Job cancelled = submitted.get(3);
            cancelled.cancel();
            for (String post : List.of("x1", "x2")) {
                submitted.add(jobs.submit(ExportRequest.builder(url("beta", post)).to(dir.resolve(post + ".jsonl")).build()));
            }
            submitted.forEach(job -> job.completion().join());
            assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);

            assertThat(jobs.list(JobQuery.builder().status(JobStatus.FAILED).build()).jobs())
                    .containsExactly(submitted.get(4), submitted.get(5));
            assertThat(jobs.list(JobQuery.builder().platform("alpha", "gamma").build()).jobs())
                    .containsExactly(submitted.get(0), submitted.get(1), submitted.get(2), cancelled);
            assertThat(jobs.list(JobQuery.builder().createdFrom(submitted.get(2).createdAt())
                    .createdBefore(submitted.get(5).createdAt()).build()).jobs())
                    .containsExactly(submitted.get(2), cancelled, submitted.get(4));

            List<Job> paged = new ArrayList<>();
            Optional<JobQuery> query = Optional.of(JobQuery.builder().pageSize(4).build());
            int pages = 0;
            while (query.isPresent()) {
                JobPage page = jobs.list(query.get());
                assertThat(page.total()).isEqualTo(6);
                paged.addAll(page.jobs());
                query = page.nextQuery();
                pages++;
            }
            assertThat(pages).isEqualTo(2);
            assertThat(paged).containsExactlyElementsOf(submitted);

            JobStats stats = jobs.stats();
            assertThat(stats.total()).isEqualTo(6);
            assertThat(stats.byStatus()).contains(entry(JobStatus.SUCCEEDED, 3L), entry(JobStatus.FAILED, 2L),
                    entry(JobStatus.CANCELLED, 1L), entry(JobStatus.QUEUED, 0L), entry(JobStatus.RUNNING, 0L));
            assertThat(stats.byPlatform()).containsOnly(entry("alpha", 3L), entry("beta", 2L), entry("gamma", 1L));
            assertThat(stats.items()).isEqualTo(45);
            long bytes = 0;
            for (String post : List.of("s1", "s2", "s3")) {
                bytes += Files.size(dir.resolve(post + ".jsonl"));
            }
            assertThat(stats.bytes()).isEqualTo(bytes);
            assertThat(stats.successRate().orElseThrow()).isCloseTo(0.6, within(1e-9));
            assertThat(stats.averageDuration()).hasValueSatisfying(d -> assertThat(d).isPositive());
        }
    }

    @Test
    void anEmptyExecutorHasNoRates() {
        try (StarExport star = ThreePlatforms.engine(server).build(); JobExecutor jobs = JobExecutor.builder(star).build()) {
            JobStats stats = jobs.stats();
            assertThat(stats.total()).isZero();
            assertThat(stats.successRate()).isEmpty();
            assertThat(stats.averageDuration()).isEmpty();
            assertThat(jobs.list(JobQuery.all()).nextQuery()).isEmpty();
        }
    }
}
