package io.starexport.automation;

import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportRequest;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobQuery;
import io.starexport.jobs.JobStore;
import io.starexport.testing.Failure;
import io.starexport.testing.FakePlatform;
import io.starexport.writer.json.JsonLinesFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Schedules over the fake platform of the test kit and a real job executor, driven by a fake clock. */
class SchedulerTest {
    private static final Instant MONDAY_0859 = Instant.parse("2026-12-07T08:59:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(MONDAY_0859);
    private FakePlatform fake;
    private StarExport star;

    @BeforeEach
    void startFake() {
        fake = FakePlatform.start();
        star = StarExport.builder().platform(fake).discovery(false).format(new JsonLinesFormat()).build();
    }

    @AfterEach
    void stopFake() {
        star.close();
        fake.close();
    }

    private ScheduleSpec.Builder daily(String post) {
        return ScheduleSpec.builder(ExportRequest.builder(fake.url(post)).to(dir.resolve("out/comments.jsonl")).build())
                .daily(LocalTime.of(9, 0));
    }

    @Test
    void aDueScheduleSubmitsOneOrdinaryJobAndRecordsTheRun() {
        fake.post("p1", 15);
        try (JobExecutor jobs = JobExecutor.builder(star).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            Schedule created = scheduler.create(daily("p1").build());
            assertThat(created.nextRunAt()).hasValue(Instant.parse("2026-12-07T09:00:00Z"));
            assertThat(scheduler.tick()).isEmpty();

            clock.advance(Duration.ofMinutes(1));
            List<java.util.concurrent.CompletableFuture<ScheduleRun>> runs = scheduler.tick();
            assertThat(runs).hasSize(1);
            assertThat(scheduler.tick()).isEmpty();
            ScheduleRun run = runs.get(0).join();

            assertThat(run.status()).isEqualTo(ScheduleRun.Status.SUCCEEDED);
            assertThat(run.items()).isEqualTo(15);
            assertThat(run.files()).containsExactly(dir.resolve("out/comments-20261207T090000Z.jsonl"));
            assertThat(jobs.list(JobQuery.all()).jobs()).singleElement()
                    .satisfies(job -> assertThat(job.id()).isEqualTo(run.jobId().orElseThrow()));
            Schedule after = scheduler.get(created.id()).orElseThrow();
            assertThat(after.runCount()).isEqualTo(1);
            assertThat(after.failCount()).isZero();
            assertThat(after.history()).containsExactly(run);
            assertThat(after.nextRunAt()).hasValue(Instant.parse("2026-12-08T09:00:00Z"));
        }
    }

    @Test
    void pausedSchedulesDoNotRunButRunNowDoesAndFailuresAreCounted() {
        try (JobExecutor jobs = JobExecutor.builder(star).maxAttempts(1).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            Schedule s = scheduler.create(daily("missing").build());
            scheduler.pause(s.id());
            clock.advance(Duration.ofDays(2));
            assertThat(scheduler.tick()).isEmpty();

            ScheduleRun run = scheduler.runNow(s.id()).join();

            assertThat(run.status()).isEqualTo(ScheduleRun.Status.FAILED);
            assertThat(run.error()).hasValueSatisfying(e -> assertThat(e).startsWith("NOT_FOUND"));
            Schedule after = scheduler.resume(s.id());
            assertThat(after.failCount()).isEqualTo(1);
            assertThat(after.nextRunAt()).hasValue(Instant.parse("2026-12-09T09:00:00Z"));
        }
    }

    @Test
    void afterDowntimeRunOnceRunsOnceAndSkipRecordsASkippedRun() {
        fake.post("p1", 3);
        try (JobExecutor jobs = JobExecutor.builder(star).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            Schedule once = scheduler.create(daily("p1").build());
            Schedule skip = scheduler.create(daily("p1").missedRuns(MissedRunPolicy.SKIP)
                    .request(ExportRequest.builder(fake.url("p1")).to(dir.resolve("skip.jsonl")).build()).build());
            clock.set(Instant.parse("2026-12-10T12:00:00Z")); // down for three and a half days

            List<java.util.concurrent.CompletableFuture<ScheduleRun>> runs = scheduler.tick();

            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).join().scheduledFor()).isEqualTo(Instant.parse("2026-12-10T09:00:00Z"));
            assertThat(scheduler.get(once.id()).orElseThrow().runCount()).isEqualTo(1);
            Schedule skipped = scheduler.get(skip.id()).orElseThrow();
            assertThat(skipped.history()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(ScheduleRun.Status.SKIPPED));
            assertThat(skipped.nextRunAt()).hasValue(Instant.parse("2026-12-11T09:00:00Z"));
            assertThat(jobs.list(JobQuery.all()).total()).isEqualTo(1);
        }
    }

    @Test
    void aRestartInTheMiddleOfADueScheduleRunsItOnce() throws Exception {
        fake.post("p1", 12).failPage("p1", 1, Failure.status(503));
        Path jobDir = dir.resolve("jobs");
        Path scheduleDir = dir.resolve("schedules");
        CountDownLatch requeued = new CountDownLatch(1);
        ExportListener onRequeue = new ExportListener() {
            @Override
            public void onRequeued(ExportEvent.Requeued event) {
                requeued.countDown();
            }
        };
        // First process: the run's first attempt fails and waits an hour to be retried; then the process dies.
        try (StarExport noRetries = StarExport.builder().platform(fake).discovery(false).format(new JsonLinesFormat())
                .retryPolicy(RetryPolicy.none()).build();
             JobExecutor jobs = JobExecutor.builder(noRetries).store(JobStore.directory(jobDir))
                     .backoff(Duration.ofHours(1), Duration.ofHours(1)).listener(onRequeue).closeTimeout(Duration.ZERO).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).directory(scheduleDir).build()) {
            scheduler.create(daily("p1").build());
            clock.advance(Duration.ofMinutes(1));
            assertThat(scheduler.tick()).hasSize(1);
            assertThat(requeued.await(60, TimeUnit.SECONDS)).isTrue();
        }

        // Second process, same folders, same minute.
        try (JobExecutor jobs = JobExecutor.builder(star).store(JobStore.directory(jobDir)).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).directory(scheduleDir).build()) {
            assertThat(scheduler.list()).singleElement().satisfies(s -> assertThat(s.running()).isTrue());
            assertThat(scheduler.tick()).isEmpty();
            jobs.resumeUnfinished();
            assertThat(scheduler.awaitRuns(WAIT)).isTrue();

            Schedule after = scheduler.list().get(0);
            assertThat(after.runCount()).isEqualTo(1);
            assertThat(after.history()).singleElement().satisfies(r -> assertThat(r.items()).isEqualTo(12));
            assertThat(jobs.list(JobQuery.all()).total()).isEqualTo(1);
            assertThat(Files.readAllLines(dir.resolve("out/comments-20261207T090000Z.jsonl"))).hasSize(12);
            assertThat(scheduler.tick()).isEmpty();
        }
    }

    @Test
    void tenOnlyNewRunsOverAScriptedPlatformExportEachItemExactlyOnce() throws IOException {
        List<Comment> all = new ArrayList<>();
        try (JobExecutor jobs = JobExecutor.builder(star).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).directory(dir.resolve("schedules")).build()) {
            Schedule s = scheduler.create(daily("p1").onlyNew(true).build());
            for (int run = 1; run <= 10; run++) {
                // Each day brings five comments; one of them arrives late, dated 30 minutes before the
                // newest comment of the previous day, and one shares the second of that newest comment.
                Instant newestBefore = all.isEmpty() ? Instant.parse("2026-12-01T00:00:00Z") : all.get(0).createdAt().orElseThrow();
                List<Comment> today = new ArrayList<>();
                for (int i = 3; i >= 1; i--) {
                    today.add(comment("d" + run + "n" + i, newestBefore.plus(Duration.ofHours(i))));
                }
                today.add(comment("d" + run + "same", newestBefore));
                today.add(comment("d" + run + "late", newestBefore.minus(Duration.ofMinutes(30))));
                all.addAll(0, today);
                all.sort((a, b) -> b.createdAt().orElseThrow().compareTo(a.createdAt().orElseThrow()));
                List<List<Comment>> pages = new ArrayList<>();
                for (int from = 0; from < all.size(); from += 10) {
                    pages.add(all.subList(from, Math.min(all.size(), from + 10)));
                }
                fake.post("p1", pages);
                clock.set(Instant.parse("2026-12-07T09:00:00Z").plus(Duration.ofDays(run - 1)));

                ScheduleRun done = scheduler.tick().get(0).join();

                assertThat(done.status()).isEqualTo(ScheduleRun.Status.SUCCEEDED);
                assertThat(done.newItems()).hasValue(5);
            }
            assertThat(scheduler.get(s.id()).orElseThrow().runCount()).isEqualTo(10);
        }
        assertThat(idsWritten(dir.resolve("out"))).hasSize(50)
                .containsOnlyKeys(all.stream().map(Comment::id).toList()).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void tenOnlyNewRunsOverTheSandboxExportEachItemExactlyOnceAcrossARestart() throws IOException {
        Path out = dir.resolve("sandbox");
        ExportRequest request = ExportRequest.builder("https://www.youtube.com/watch?v=dQw4w9WgXcQ").sandbox(true)
                .limit(300).to(out.resolve("comments.jsonl")).build();
        long total = 0;
        for (int run = 1; run <= 10; run++) {
            // A new executor and scheduler every five runs: the memory of what was seen is on disk.
            try (StarExport sandbox = StarExport.builder().sandbox(true).build();
                 JobExecutor jobs = JobExecutor.builder(sandbox).build();
                 Scheduler scheduler = Scheduler.builder(jobs).clock(clock).directory(dir.resolve("schedules")).build()) {
                if (run == 1) {
                    scheduler.create(ScheduleSpec.builder(request).hourly(0).onlyNew(true).build());
                }
                clock.set(Instant.parse("2026-12-07T09:00:00Z").plus(Duration.ofHours(run - 1)));
                ScheduleRun done = scheduler.tick().get(0).join();
                assertThat(done.status()).as(done.error().orElse("")).isEqualTo(ScheduleRun.Status.SUCCEEDED);
                total += done.newItems().orElseThrow();
                if (run == 1) {
                    assertThat(done.newItems()).hasValue(done.items());
                }
            }
        }
        Map<String, Integer> ids = idsWritten(out);
        assertThat(ids).hasSize((int) total).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(total).isPositive();
    }

    private static Comment comment(String id, Instant at) {
        return Comment.builder().platform(FakePlatform.ID).id(id).postId("p1").text("text of " + id)
                .author(Author.builder().handle("u-" + id).build()).createdAt(at).likeCount(1L).build();
    }

    private static Map<String, Integer> idsWritten(Path folder) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    counts.merge(Documents.JSON.readTree(line).path("id").asText(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
