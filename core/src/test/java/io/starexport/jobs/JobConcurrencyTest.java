package io.starexport.jobs;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportException;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportRequest;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
        List<ExportRequest> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String platform = IDS.get(i % 3);
            stubPost(server, platform, "p" + i, 10);
            requests.add(ExportRequest.builder(url(platform, "p" + i)).to(dir.resolve(platform + "-p" + i + ".jsonl")).build());
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
    void higherPrioritiesStartFirstAndEqualOnesInSubmissionOrder() throws InterruptedException {
        int[] priorities = {1, 5, 10, 5, 1, 10};
        stubPost(server, "beta", "gate", 0);
        for (int i = 0; i < priorities.length; i++) {
            stubPost(server, "alpha", "q" + i, 0);
        }
        // The first job holds the only slot until all six are queued: its Started event waits for the gate.
        CountDownLatch gate = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        ExportListener holdTheFirst = new ExportListener() {
            @Override
            public void onStarted(ExportEvent.Started event) {
                if (first.getAndSet(false)) {
                    try {
                        gate.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        EventLog log = new EventLog();
        try (StarExport star = ThreePlatforms.engine(server).build();
             JobExecutor jobs = JobExecutor.builder(star).concurrency(1).listener(holdTheFirst).listener(log).build()) {
            Job holder = jobs.submit(ExportRequest.builder(url("beta", "gate")).to(dir.resolve("gate.jsonl")).build());
            List<Job> batch = new ArrayList<>();
            for (int i = 0; i < priorities.length; i++) {
                batch.add(jobs.submit(ExportRequest.builder(url("alpha", "q" + i)).to(dir.resolve("q" + i + ".jsonl"))
                        .build(), priorities[i]));
            }
            assertThat(batch).extracting(Job::priority).containsExactly(1, 5, 10, 5, 1, 10);
            assertThat(batch).extracting(Job::status).containsOnly(JobStatus.QUEUED);
            gate.countDown();
            holder.completion().join();
            CompletableFuture.allOf(batch.stream().map(Job::completion).toArray(CompletableFuture[]::new)).join();

            List<UUID> startOrder = log.all(ExportEvent.Started.class).stream().map(ExportEvent::exportId)
                    .filter(id -> !id.equals(holder.id())).toList();
            assertThat(startOrder).containsExactly(batch.get(2).id(), batch.get(5).id(), batch.get(1).id(),
                    batch.get(3).id(), batch.get(0).id(), batch.get(4).id());
        }
    }

    @Test
    void aBatchThatDoesNotFitTheQueueIsRejectedWithQueueFull() {
        List<ExportRequest> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requests.add(ExportRequest.builder(url("beta", "f" + i)).to(dir.resolve("f" + i + ".jsonl")).build());
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
            assertThatThrownBy(() -> jobs.submit(ExportRequest.builder("https://nowhere.example/x")
                    .to(dir.resolve("x.jsonl")).build()))
                    .isInstanceOfSatisfying(ExportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_PLATFORM));
            assertThatThrownBy(() -> jobs.submit(ExportRequest.builder(url("alpha", "a1")).to(dir.resolve("x.xlsx")).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.xlsx");
            assertThatThrownBy(() -> jobs.submitAll(List.of(
                    ExportRequest.builder(url("alpha", "a1")).to(dir.resolve("same.jsonl")).build(),
                    ExportRequest.builder(url("beta", "b1")).to(dir.resolve("same.jsonl")).build())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same.jsonl");
            assertThat(jobs.list(JobQuery.all()).total()).isZero();
        }
    }
}
