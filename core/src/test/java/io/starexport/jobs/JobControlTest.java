package io.starexport.jobs;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.jobs.ThreePlatforms.body;
import static io.starexport.jobs.ThreePlatforms.pageRequest;
import static io.starexport.jobs.ThreePlatforms.stubPost;
import static io.starexport.jobs.ThreePlatforms.url;
import static org.assertj.core.api.Assertions.assertThat;

/** Cancellation, event delivery and shutdown. */
class JobControlTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private static int requestsFor(String platform, String post, String cursor) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/" + platform + "/comments"))
                .withQueryParam("post", equalTo(post))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor)).build()).getCount();
    }

    /** Pages 2 and 3 of a post answer after a pause, so a cancel made after page 1 lands before page 3. */
    private static void slowPost(String platform, String post) {
        for (int page = 1; page <= 3; page++) {
            String cursor = page == 1 ? null : "c" + page;
            server.stubFor(pageRequest(platform, post, cursor).willReturn(okJson(body(post, (page - 1) * 5,
                    page * 5 - 1, page == 3 ? null : "c" + (page + 1))).withFixedDelay(page == 1 ? 0 : 200)));
        }
    }

    @Test
    void cancelStopsARunningJobWithinOnePageAndKeepsItsCheckpoint() throws Exception {
        slowPost("alpha", "long");
        AtomicReference<JobExecutor> executor = new AtomicReference<>();
        ExportListener cancelOnFirstProgress = new ExportListener() {
            @Override
            public void onProgress(ExportEvent.ProgressMade event) {
                executor.get().job(event.exportId()).ifPresent(Job::cancel);
            }
        };
        EventLog log = new EventLog();
        Path out = dir.resolve("long.jsonl");
        try (StarExport star = ThreePlatforms.engine(server).progressInterval(Duration.ZERO).build();
             JobExecutor jobs = JobExecutor.builder(star).progressInterval(Duration.ZERO)
                     .listener(cancelOnFirstProgress).listener(log).build()) {
            executor.set(jobs);
            Job job = jobs.submit(ExportRequest.builder(url("alpha", "long")).to(out).build()).completion().join();

            assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(job.finishedAt()).isPresent();
            assertThat(job.checkpoint()).isPresent();
            assertThat(requestsFor("alpha", "long", "c3")).isZero();
            assertThat(Files.exists(out)).isFalse();
            assertThat(log.transitions(job.id())).containsExactly("Created", "Started", "Cancelled");
            assertThat(log.of(job.id(), ExportEvent.Cancelled.class).get(0).checkpoint()).isEqualTo(job.checkpoint());
        }
    }

    @Test
    void aQueuedJobIsCancelledAtOnceAndNeverRuns() {
        slowPost("beta", "first");
        try (StarExport star = ThreePlatforms.engine(server).build();
             JobExecutor jobs = JobExecutor.builder(star).concurrency(1).build()) {
            List<Job> batch = jobs.submitAll(List.of(
                    ExportRequest.builder(url("beta", "first")).to(dir.resolve("first.jsonl")).build(),
                    ExportRequest.builder(url("beta", "second")).to(dir.resolve("second.jsonl")).build()));
            Job second = batch.get(1);
            assertThat(second.status()).isEqualTo(JobStatus.QUEUED);

            second.cancel();

            assertThat(second.completion()).isCompleted();
            assertThat(second.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(batch.get(0).completion().join().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(requestsFor("beta", "second", null)).isZero();
        }
    }

    @Test
    void aThrowingListenerBreaksNeitherTheJobNorOtherListeners() {
        stubPost(server, "gamma", "loud", 0);
        ExportListener throwing = new ExportListener() {
            @Override
            public void onEvent(ExportEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        EventLog log = new EventLog();
        try (StarExport star = ThreePlatforms.engine(server).build();
             JobExecutor jobs = JobExecutor.builder(star).listener(throwing).listener(log)
                     .progressInterval(Duration.ofHours(1)).build()) {
            Job job = jobs.submit(ExportRequest.builder(url("gamma", "loud")).to(dir.resolve("loud.jsonl")).build())
                    .completion().join();

            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            // Progress is throttled to one event per hour here: the first, and the last held back until the end.
            assertThat(log.kinds(job.id())).containsExactly("Created", "Started", "ProgressMade", "ProgressMade",
                    "Finished");
            assertThat(log.of(job.id(), ExportEvent.ProgressMade.class)).extracting(e -> e.progress().items())
                    .containsExactly(5L, 15L);
            assertThat(log.of(job.id(), ExportEvent.Finished.class).get(0).result().items()).isEqualTo(15);
        }
    }

    @Test
    void closeLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<ExportRequest> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String platform = ThreePlatforms.IDS.get(i % 3);
            slowPost(platform, "t" + i);
            requests.add(ExportRequest.builder(url(platform, "t" + i)).to(dir.resolve("t" + i + ".jsonl")).build());
        }
        List<Job> batch;
        try (StarExport star = ThreePlatforms.engine(server).build()) {
            JobExecutor jobs = JobExecutor.builder(star).closeTimeout(Duration.ZERO).maxAttempts(5)
                    .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
            batch = jobs.submitAll(requests);
            jobs.close();

            assertThat(batch).allSatisfy(job -> {
                assertThat(job.status()).isIn(JobStatus.QUEUED, JobStatus.SUCCEEDED);
                assertThat(job.completion()).isDone();
            });
            assertThat(threadsStartedSince(before)).noneMatch(t -> t.getName().startsWith("starexport-jobs"));
        }
        for (Thread thread : threadsStartedSince(before)) {
            if (thread.getName().startsWith("starexport-")) {
                thread.join(10_000);
            }
        }
        assertThat(threadsStartedSince(before)).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("starexport-"));
    }

    private static Set<Thread> threadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }
}
