package io.starexport.jobs;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.jobs.ThreePlatforms.body;
import static io.starexport.jobs.ThreePlatforms.expectedIds;
import static io.starexport.jobs.ThreePlatforms.ids;
import static io.starexport.jobs.ThreePlatforms.pageRequest;
import static io.starexport.jobs.ThreePlatforms.stubPost;
import static io.starexport.jobs.ThreePlatforms.url;
import static org.assertj.core.api.Assertions.assertThat;

/** The file job store: documents written atomically, surviving a restart, and unfinished jobs resumed. */
class JobStoreTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private static int requestsFor(String platform, String post, String cursor) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/" + platform + "/comments"))
                .withQueryParam("post", equalTo(post))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor)).build()).getCount();
    }

    @Test
    void aCrashedExecutorsJobIsResumedByANewOneAndWritesExactlyTheRecordsOfAnUninterruptedRun() throws Exception {
        stubPost(server, "beta", "c1", 0);
        server.stubFor(pageRequest("beta", "c1", "c3").inScenario("crash").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serviceUnavailable()).willSetStateTo("up"));
        Path store = dir.resolve("jobs");
        Path out = dir.resolve("out").resolve("c1.jsonl");
        CountDownLatch requeued = new CountDownLatch(1);
        ExportListener onRequeue = new ExportListener() {
            @Override
            public void onRequeued(ExportEvent.Requeued event) {
                requeued.countDown();
            }
        };
        // The first process: its job fails transiently at page 3 and waits an hour to retry; then the process "dies"
        // (it is never told anything again, and only closed once the test is over).
        StarExport firstEngine = ThreePlatforms.engine(server).build();
        JobExecutor first = JobExecutor.builder(firstEngine).store(JobStore.directory(store))
                .backoff(Duration.ofHours(1), Duration.ofHours(1)).listener(onRequeue).build();
        try {
            Job job = first.submit(JobRequest.builder(url("beta", "c1")).to(out).build());
            assertThat(requeued.await(30, TimeUnit.SECONDS)).isTrue();

            try (StarExport engine = ThreePlatforms.engine(server).build();
                 JobExecutor second = JobExecutor.builder(engine).store(JobStore.directory(store)).build()) {
                Job reloaded = second.job(job.id()).orElseThrow();
                assertThat(reloaded.status()).isEqualTo(JobStatus.QUEUED);
                assertThat(reloaded.attempts()).isEqualTo(1);
                assertThat(reloaded.checkpoint().orElseThrow().cursor()).hasValue("c3");
                assertThat(reloaded.error().orElseThrow().code()).isEqualTo(ErrorCode.NETWORK);
                assertThat(reloaded.request().url()).isEqualTo(url("beta", "c1"));

                assertThat(second.resumeUnfinished()).containsExactly(reloaded);
                assertThat(reloaded.completion().join().status()).isEqualTo(JobStatus.SUCCEEDED);
                assertThat(reloaded.attempts()).isEqualTo(2);
            }
            assertThat(ids(out)).isEqualTo(expectedIds("c1"));
            assertThat(requestsFor("beta", "c1", null)).isEqualTo(1);
            assertThat(requestsFor("beta", "c1", "c2")).isEqualTo(1);
        } finally {
            first.close();
            firstEngine.close();
        }
        // The dead process's executor wrote nothing more on close: the store still says the job succeeded.
        assertThat(JobStore.directory(store).loadAll()).singleElement()
                .satisfies(record -> assertThat(record.status()).isEqualTo(JobStatus.SUCCEEDED));
    }

    /** A store that stops writing once it has saved a RUNNING job, as if the process died right after. */
    static final class DyingStore implements JobStore {
        private final JobStore disk;
        private volatile boolean dead;

        DyingStore(JobStore disk) {
            this.disk = disk;
        }

        @Override
        public void save(JobRecord job) {
            if (!dead) {
                disk.save(job);
                dead = job.status() == JobStatus.RUNNING;
            }
        }

        @Override
        public List<JobRecord> loadAll() {
            return disk.loadAll();
        }
    }

    @Test
    void aJobThatWasRunningWhenItsProcessDiedResumesFromTheCheckpointBesideItsOutput() throws Exception {
        for (int page = 1; page <= 3; page++) {
            String cursor = page == 1 ? null : "c" + page;
            server.stubFor(pageRequest("alpha", "died", cursor).willReturn(okJson(body("died", (page - 1) * 5,
                    page * 5 - 1, page == 3 ? null : "c" + (page + 1))).withFixedDelay(page == 1 ? 0 : 200)));
        }
        Path store = dir.resolve("jobs");
        Path out = dir.resolve("died.jsonl");
        java.util.concurrent.atomic.AtomicReference<JobExecutor> dying = new java.util.concurrent.atomic.AtomicReference<>();
        ExportListener stopAfterFirstPage = new ExportListener() {
            @Override
            public void onProgress(ExportEvent.ProgressMade event) {
                dying.get().job(event.exportId()).ifPresent(Job::cancel);
            }
        };
        try (StarExport engine = ThreePlatforms.engine(server).progressInterval(Duration.ZERO).build();
             JobExecutor first = JobExecutor.builder(engine).store(new DyingStore(JobStore.directory(store)))
                     .progressInterval(Duration.ZERO).listener(stopAfterFirstPage).build()) {
            dying.set(first);
            first.submit(JobRequest.builder(url("alpha", "died")).to(out).build()).completion().join();
        }
        // The store still says RUNNING with no checkpoint; the engine's checkpoint file says where the output stands.
        assertThat(JobStore.directory(store).loadAll()).singleElement().satisfies(record -> {
            assertThat(record.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(record.checkpoint()).isEmpty();
        });
        assertThat(dir.resolve("died.jsonl.checkpoint.json")).exists();

        try (StarExport engine = ThreePlatforms.engine(server).build();
             JobExecutor second = JobExecutor.builder(engine).store(JobStore.directory(store)).build()) {
            Job job = second.list(JobQuery.all()).jobs().get(0);
            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            second.resumeUnfinished();
            assertThat(job.completion().join().status()).isEqualTo(JobStatus.SUCCEEDED);
        }
        assertThat(ids(out)).isEqualTo(expectedIds("died"));
        assertThat(requestsFor("alpha", "died", null)).isEqualTo(1);
        assertThat(dir.resolve("died.jsonl.checkpoint.json")).doesNotExist();
    }

    @Test
    void closingStopsRunningJobsAfterTheTimeoutAndANewExecutorResumesThem() throws Exception {
        for (int page = 1; page <= 3; page++) {
            String cursor = page == 1 ? null : "c" + page;
            server.stubFor(pageRequest("gamma", "slow", cursor).willReturn(okJson(body("slow", (page - 1) * 5,
                    page * 5 - 1, page == 3 ? null : "c" + (page + 1))).withFixedDelay(page == 1 ? 0 : 300)));
        }
        Path store = dir.resolve("jobs");
        Path out = dir.resolve("slow.jsonl");
        CountDownLatch firstPage = new CountDownLatch(1);
        ExportListener onProgress = new ExportListener() {
            @Override
            public void onProgress(ExportEvent.ProgressMade event) {
                firstPage.countDown();
            }
        };
        Job job;
        try (StarExport engine = ThreePlatforms.engine(server).progressInterval(Duration.ZERO).build()) {
            JobExecutor first = JobExecutor.builder(engine).store(JobStore.directory(store))
                    .closeTimeout(Duration.ZERO).listener(onProgress).build();
            job = first.submit(JobRequest.builder(url("gamma", "slow")).to(out).build());
            assertThat(firstPage.await(30, TimeUnit.SECONDS)).isTrue();
            first.close();

            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(job.checkpoint()).isPresent();
            assertThat(job.completion()).isCompletedExceptionally();
            assertThat(Files.exists(out)).isFalse();
        }
        try (StarExport engine = ThreePlatforms.engine(server).build();
             JobExecutor second = JobExecutor.builder(engine).store(JobStore.directory(store)).build()) {
            List<Job> resumed = second.resumeUnfinished();
            assertThat(resumed).extracting(Job::id).containsExactly(job.id());
            assertThat(resumed.get(0).completion().join().status()).isEqualTo(JobStatus.SUCCEEDED);
        }
        assertThat(ids(out)).isEqualTo(expectedIds("slow"));
        assertThat(requestsFor("gamma", "slow", null)).isEqualTo(1);
    }

    @Test
    void theFileStoreKeepsOneJsonDocumentPerJobWithoutSecretsOrTemporaryFiles() throws Exception {
        stubPost(server, "alpha", "d1", 0);
        stubPost(server, "alpha", "d2", 0);
        Path store = dir.resolve("jobs");
        List<JobRecord> saved;
        try (StarExport engine = ThreePlatforms.engine(server).credential("alpha", "api_token", "tok-SECRET-123").build();
             JobExecutor jobs = JobExecutor.builder(engine).store(JobStore.directory(store)).build()) {
            List<Job> batch = jobs.submitAll(List.of(
                    JobRequest.builder("https://user:hunter2@alpha.example/posts/d1?utm_source=x&token=s3cret")
                            .to(dir.resolve("d1.jsonl")).priority(9).build(),
                    JobRequest.builder(url("alpha", "d2")).to(dir.resolve("d2.csv"), "jsonl").limit(7).build()));
            batch.forEach(job -> job.completion().join());
            saved = batch.stream().map(Job::snapshot).toList();
            assertThat(batch.get(0).request().url()).isEqualTo(url("alpha", "d1"));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(store)) {
            files = listing.sorted().toList();
        }
        assertThat(files).extracting(file -> file.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(saved.stream().map(job -> job.id() + ".json").toList());
        for (Path file : files) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain("s3cret", "hunter2", "SECRET", "utm_source");
        }
        assertThat(JobStore.directory(store).loadAll()).containsExactlyInAnyOrderElementsOf(saved);
    }

    @Test
    void aDamagedDocumentIsSkippedAndTheOtherJobsLoad() throws Exception {
        stubPost(server, "beta", "ok", 0);
        Path store = dir.resolve("jobs");
        Job job;
        try (StarExport engine = ThreePlatforms.engine(server).build();
             JobExecutor jobs = JobExecutor.builder(engine).store(JobStore.directory(store)).build()) {
            job = jobs.submit(JobRequest.builder(url("beta", "ok")).to(dir.resolve("ok.jsonl")).build());
            job.completion().join();
        }
        Files.writeString(store.resolve("00000000-0000-0000-0000-000000000000.json"), "{\"version\":1,\"id\":");
        assertThat(JobStore.directory(store).loadAll()).extracting(JobRecord::id).containsExactly(job.id());
    }

    /** A job record can hold a platform's error text; other users of the machine must not read it. */
    @Test
    void jobRecordsAreReadableByTheirOwnerOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
                .contains("posix"), "POSIX permissions");
        JobRecord record = JobRecord.queued(java.util.UUID.randomUUID(), JobRequest.builder(url("alpha", "c1")).to(dir.resolve("out.jsonl")).build(),
                "alpha", java.time.Instant.EPOCH);
        Path store = dir.resolve("jobs");
        JobStore.directory(store).save(record);
        JobStore.directory(store).save(record);
        assertThat(Files.getPosixFilePermissions(store.resolve(record.id() + ".json")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
}
