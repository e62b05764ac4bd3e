package io.starexport.jobs;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportException;
import io.starexport.api.ExportListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.jobs.ThreePlatforms.IDS;
import static io.starexport.jobs.ThreePlatforms.stubPost;
import static io.starexport.jobs.ThreePlatforms.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The executor's limits: concurrency globally and per platform, priorities, queue size. */
class JobConcurrencyTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    /**
     * Counts the exports running at once, globally and per platform, from the engine's own events: an export
     * starts and ends inside its job's slot, so the counts never exceed what the executor lets run.
     */
    static final class ConcurrencyRecorder implements ExportListener {
        private final Map<UUID, String> platformOf = new HashMap<>();
        private final Map<String, Integer> running = new HashMap<>();
        private final Map<String, Integer> maxRunning = new HashMap<>();
        private int runningAll;
        private int maxAll;

        @Override
        public synchronized void onCreated(ExportEvent.Created event) {
            platformOf.put(event.exportId(), event.target().platform());
        }

        @Override
        public synchronized void onStarted(ExportEvent.Started event) {
            String platform = platformOf.get(event.exportId());
            int now = running.merge(platform, 1, Integer::sum);
            maxRunning.merge(platform, now, Math::max);
            maxAll = Math.max(maxAll, ++runningAll);
        }

        @Override
        public synchronized void onFinished(ExportEvent.Finished event) {
            ended(event.exportId());
        }

        @Override
        public synchronized void onFailed(ExportEvent.Failed event) {
            ended(event.exportId());
        }

        @Override
        public synchronized void onCancelled(ExportEvent.Cancelled event) {
            ended(event.exportId());
        }

        private void ended(UUID exportId) {
            running.merge(platformOf.get(exportId), -1, Integer::sum);
            runningAll--;
        }
    }

    @Test
    void fiftyJobsAcrossThreePlatformsNeverExceedTheGlobalOrPerPlatformLimits() {
        List<JobRequest> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String platform = IDS.get(i % 3);
            stubPost(server, platform, "p" + i, 10);
            requests.add(JobRequest.builder(url(platform, "p" + i)).to(dir.resolve(platform + "-p" + i + ".jsonl")).build());
        }
        ConcurrencyRecorder recorder = new ConcurrencyRecorder();
        try (StarExport star = ThreePlatforms.engine(server).listener(recorder).build();
             JobExecutor jobs = JobExecutor.builder(star).concurrency(4).platformConcurrency(2)
                     .platformConcurrency("gamma", 1).build()) {
            List<Job> batch = jobs.submitAll(requests);
            CompletableFuture.allOf(batch.stream().map(Job::completion).toArray(CompletableFuture[]::new)).join();

            assertThat(batch).allSatisfy(job -> {
                assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
                assertThat(job.result().orElseThrow().items()).isEqualTo(15);
            });
            synchronized (recorder) {
                assertThat(recorder.maxAll).isBetween(2, 4);
                assertThat(recorder.maxRunning.get("alpha")).isLessThanOrEqualTo(2);
                assertThat(recorder.maxRunning.get("beta")).isLessThanOrEqualTo(2);
                assertThat(recorder.maxRunning.get("gamma")).isEqualTo(1);
            }
            JobStats stats = jobs.stats();
            assertThat(stats.total()).isEqualTo(50);
            assertThat(stats.count(JobStatus.SUCCEEDED)).isEqualTo(50);
            assertThat(stats.byPlatform()).containsOnly(entry("alpha", 17L), entry("beta", 17L), entry("gamma", 16L));
            assertThat(stats.items()).isEqualTo(50 * 15);
            assertThat(stats.successRate()).hasValue(1.0);
        }
    }

    @Test
    void higherPrioritiesStartFirstAndEqualOnesInSubmissionOrder() {
        int[] priorities = {1, 5, 10, 5, 1, 10};
        List<JobRequest> requests = new ArrayList<>();
        for (int i = 0; i < priorities.length; i++) {
            stubPost(server, "alpha", "q" + i, 0);
            requests.add(JobRequest.builder(url("alpha", "q" + i)).to(dir.resolve("q" + i + ".jsonl"))
                    .priority(priorities[i]).build());
        }
        EventLog log = new EventLog();
        try (StarExport star = ThreePlatforms.engine(server).build();
             JobExecutor jobs = JobExecutor.builder(star).concurrency(1).listener(log).build()) {
            List<Job> batch = jobs.submitAll(requests);
            CompletableFuture.allOf(batch.stream().map(Job::completion).toArray(CompletableFuture[]::new)).join();

            List<UUID> startOrder = log.all(ExportEvent.Started.class).stream().map(ExportEvent::exportId).toList();
            assertThat(startOrder).containsExactly(batch.get(2).id(), batch.get(5).id(), batch.get(1).id(),
                    batch.get(3).id(), batch.get(0).id(), batch.get(4).id());
        }
    }

    @Test
    void aBatchThatDoesNotFitTheQueueIsRejectedWithQueueFull() {
        List<JobRequest> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requests.add(JobRequest.builder(url("beta", "f" + i)).to(dir.resolve("f" + i + ".jsonl")).build());
        }
        try (StarExport star = ThreePlatforms.engine(server).build();
             JobExecutor jobs = JobExecutor.builder(star).maxQueueSize(2).build()) {
            assertThatThrownBy(() -> jobs.submitAll(requests))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.QUEUE_FULL);
                        assertThat(e.getMessage()).contains("limit is 2");
                    });
            assertThat(jobs.list(JobQuery.all()).total()).isZero();
        }
    }

    @Test
    void submitChecksTheRequestBeforeQueueingIt() {
        try (StarExport star = ThreePlatforms.engine(server).build(); JobExecutor jobs = JobExecutor.builder(star).build()) {
            assertThatThrownBy(() -> jobs.submit(JobRequest.builder("https://nowhere.example/x")
                    .to(dir.resolve("x.jsonl")).build()))
                    .isInstanceOfSatisfying(ExportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_PLATFORM));
            assertThatThrownBy(() -> jobs.submit(JobRequest.builder(url("alpha", "a1")).to(dir.resolve("x.xlsx")).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.xlsx");
            assertThatThrownBy(() -> jobs.submitAll(List.of(
                    JobRequest.builder(url("alpha", "a1")).to(dir.resolve("same.jsonl")).build(),
                    JobRequest.builder(url("beta", "b1")).to(dir.resolve("same.jsonl")).build())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same.jsonl");
            assertThat(jobs.list(JobQuery.all()).total()).isZero();
        }
    }
}
