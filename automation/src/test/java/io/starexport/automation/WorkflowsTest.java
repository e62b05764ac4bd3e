package io.starexport.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.ExportRequest;
import io.starexport.api.Post;
import io.starexport.jobs.Job;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobQuery;
import io.starexport.jobs.JobStatus;
import io.starexport.jobs.JobStore;
import io.starexport.testing.FakePlatform;
import io.starexport.writer.json.JsonLinesFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workflows over the sandbox (a YouTube channel's videos, then each video's comments) on a real job executor,
 * driven by a fake clock at the end of the sandbox's calendar.
 */
class WorkflowsTest {
    private static final String CHANNEL = "https://www.youtube.com/@starexport";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    private StarExport star;

    @BeforeEach
    void sandbox() {
        star = StarExport.builder().sandbox(true).build();
    }

    @AfterEach
    void close() {
        star.close();
    }

    private WorkflowSpec.Builder postsThenComments(long posts) {
        return WorkflowSpec.builder(CHANNEL, dir.resolve("out"))
                .step(WorkflowStep.builder(Content.POSTS).limit(posts).build())
                .step(WorkflowStep.builder(Content.COMMENTS).input(InputMode.PREVIOUS_RESULTS).limit(20).build());
    }

    @Test
    void aRunExportsTheProfilesPostsThenEachPostsCommentsAsOrdinaryJobs() throws IOException {
        try (JobExecutor jobs = JobExecutor.builder(star).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            Workflows workflows = Workflows.builder(scheduler).build();
            Workflow w = workflows.create(postsThenComments(3).build());

            WorkflowRun run = workflows.runNow(w.id()).join();

            assertThat(run.status()).as(run.error().orElse("")).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            assertThat(run.stepsCompleted()).isEqualTo(2);
            assertThat(run.newItems()).hasSize(2).first().isEqualTo(3L);
            assertThat(run.totalResults()).isEqualTo(3 + run.newItems().get(1)).isGreaterThan(3);
            List<Job> listed = jobs.list(JobQuery.all()).jobs();
            assertThat(listed).hasSize(4).allSatisfy(job -> assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED));
            assertThat(listed.stream().map(Job::id)).containsExactlyInAnyOrderElementsOf(run.jobIds());
            assertThat(jobs.stats().count(JobStatus.SUCCEEDED)).isEqualTo(4);

            Path runFolder = dir.resolve("out/20260601T000000Z");
            List<JsonNode> posts = lines(runFolder.resolve("1-posts.jsonl"));
            assertThat(posts).hasSize(3);
            List<String> commentedUrls = listed.stream().filter(j -> j.request().content().orElseThrow() == Content.COMMENTS)
                    .map(j -> j.request().url()).toList();
            // Each post's URL, as the job holds it: canonical (a short's /shorts/ID becomes /watch?v=ID).
            assertThat(commentedUrls).containsExactlyInAnyOrderElementsOf(posts.stream()
                    .map(p -> "https://www.youtube.com/watch?v=" + p.get("id").asText()).toList());
            for (JsonNode p : posts) {
                Path comments = runFolder.resolve("2-comments-" + p.get("id").asText() + ".jsonl");
                assertThat(lines(comments)).isNotEmpty().allSatisfy(c -> assertThat(c.get("postId").asText()).isEqualTo(p.get("id").asText()));
            }
            assertThat(workflows.get(w.id()).orElseThrow()).satisfies(after -> {
                assertThat(after.runCount()).isEqualTo(1);
                assertThat(after.history()).containsExactly(run);
                assertThat(after.running()).isFalse();
            });
        }
    }

    @Test
    void aLaterRunExportsOnlyPostsNotSeenBeforeAndOnlyTheirComments() throws IOException {
        try (JobExecutor jobs = JobExecutor.builder(star).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            Workflows workflows = Workflows.builder(scheduler).build();
            Workflow w = workflows.create(postsThenComments(3).build());
            WorkflowRun first = workflows.runNow(w.id()).join();
            Set<String> firstPosts = Set.copyOf(ids(first.files().get(0)));

            clock.advance(Duration.ofHours(1));
            workflows.update(w.id(), postsThenComments(5).build());
            WorkflowRun second = workflows.runNow(w.id()).join();

            assertThat(second.status()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            assertThat(second.newItems().get(0)).isEqualTo(2);
            List<String> secondPosts = ids(second.files().get(0));
            assertThat(secondPosts).hasSize(2).doesNotContainAnyElementsOf(firstPosts);
            assertThat(second.jobIds()).hasSize(3); // the posts, then the comments of the two new posts

            clock.advance(Duration.ofHours(1));
            WorkflowRun third = workflows.runNow(w.id()).join();
            assertThat(third.status()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            assertThat(third.newItems()).containsExactly(0L, 0L);
            assertThat(lines(third.files().get(0))).isEmpty();
            assertThat(jobs.list(JobQuery.all()).total()).isEqualTo(4 + 3 + 1);
        }
    }

    @Test
    void commentsOfAPostAreExportedOnceAcrossRuns() throws IOException {
        try (JobExecutor jobs = JobExecutor.builder(star).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            Workflows workflows = Workflows.builder(scheduler).build();
            Workflow w = workflows.create(WorkflowSpec.postComments("https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    dir.resolve("video")).build());

            WorkflowRun first = workflows.runNow(w.id()).join();
            clock.advance(Duration.ofHours(1));
            WorkflowRun second = workflows.runNow(w.id()).join();

            assertThat(first.newItems().get(0)).isPositive().isEqualTo(lines(first.files().get(0)).size());
            assertThat(second.newItems()).containsExactly(0L); // the sandbox's comments never change
            assertThat(lines(second.files().get(0))).isEmpty();
        }
    }

    @Test
    void conditionsDropPostsOlderThanMaxAgeAndTheirCommentsAreNotExported() throws IOException {
        Instant cutoff = clock.instant().minus(Duration.ofDays(30));
        // The same limit as the step: in the sandbox a limit above a target's size grows the target.
        long recent = star.stream(ExportRequest.builder(CHANNEL).content(Content.POSTS).limit(1000).sandbox(true).build())
                .map(Post.class::cast).filter(p -> !p.createdAt().orElseThrow().isBefore(cutoff)).count();
        try (JobExecutor jobs = JobExecutor.builder(star).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            Workflows workflows = Workflows.builder(scheduler).build();
            Workflow w = workflows.create(WorkflowSpec.builder(CHANNEL, dir.resolve("out"))
                    .step(WorkflowStep.builder(Content.POSTS).limit(1000).maxAge(Duration.ofDays(30)).build())
                    .step(WorkflowStep.builder(Content.COMMENTS).input(InputMode.PREVIOUS_RESULTS).limit(5).build()).build());

            WorkflowRun run = workflows.runNow(w.id()).join();

            assertThat(recent).isPositive();
            assertThat(run.newItems().get(0)).isEqualTo(recent);
            assertThat(lines(run.files().get(0))).allSatisfy(p ->
                    assertThat(Instant.parse(p.get("createdAt").asText())).isAfterOrEqualTo(cutoff));
            assertThat(run.jobIds()).hasSize(1 + (int) recent);
        }
    }

    @Test
    void aKeywordKeepsOnlyPostsWhoseTitleOrTextHasIt() throws IOException {
        List<Post> first20 = star.stream(ExportRequest.builder(CHANNEL).content(Content.POSTS).limit(20).sandbox(true).build())
                .map(Post.class::cast).toList();
        String keyword = first20.get(4).title().orElseThrow().split(" ")[0].toUpperCase(Locale.ROOT);
        List<String> expected = first20.stream().filter(p -> (p.title().orElse("") + "\n" + p.text().orElse(""))
                .toLowerCase(Locale.ROOT).contains(keyword.toLowerCase(Locale.ROOT))).map(Post::id).toList();
        try (JobExecutor jobs = JobExecutor.builder(star).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            Workflows workflows = Workflows.builder(scheduler).build();
            Workflow w = workflows.create(WorkflowSpec.builder(CHANNEL, dir.resolve("out"))
                    .step(WorkflowStep.builder(Content.POSTS).limit(20).keyword(keyword).build())
                    .step(WorkflowStep.builder(Content.COMMENTS).input(InputMode.PREVIOUS_RESULTS).limit(5).build()).build());

            WorkflowRun run = workflows.runNow(w.id()).join();

            assertThat(expected).isNotEmpty().hasSizeLessThan(20);
            assertThat(ids(run.files().get(0))).containsExactlyElementsOf(expected);
            assertThat(run.jobIds()).hasSize(1 + expected.size());
        }
    }

    @Test
    void schedulerTicksRunDueWorkflowsButNotPausedOnesAndRunNowRunsPausedOnes() {
        clock.set(Instant.parse("2026-06-01T00:30:00Z"));
        try (JobExecutor jobs = JobExecutor.builder(star).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            Workflows workflows = Workflows.builder(scheduler).build();
            Workflow w = workflows.create(postsThenComments(1).hourly(0).build());
            assertThat(w.nextRunAt()).hasValue(Instant.parse("2026-06-01T01:00:00Z"));

            workflows.pause(w.id());
            clock.advance(Duration.ofHours(2));
            scheduler.tick();
            assertThat(workflows.awaitRuns(WAIT)).isTrue();
            assertThat(jobs.list(JobQuery.all()).total()).isZero();

            WorkflowRun now = workflows.runNow(w.id()).join();
            assertThat(now.status()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            assertThat(workflows.get(w.id()).orElseThrow().nextRunAt()).isEmpty();

            Workflow resumed = workflows.resume(w.id());
            assertThat(resumed.nextRunAt()).hasValue(Instant.parse("2026-06-01T03:00:00Z"));
            clock.set(Instant.parse("2026-06-01T03:00:30Z"));
            scheduler.tick();
            assertThat(workflows.awaitRuns(WAIT)).isTrue();

            Workflow after = workflows.get(w.id()).orElseThrow();
            assertThat(after.runCount()).isEqualTo(2);
            assertThat(after.history().get(0).scheduledFor()).isEqualTo(Instant.parse("2026-06-01T03:00:00Z"));
            assertThat(after.nextRunAt()).hasValue(Instant.parse("2026-06-01T04:00:00Z"));
        }
    }

    @Test
    void workflowsAndWhatTheySawSurviveARestart() throws IOException {
        Path store = dir.resolve("workflows");
        WorkflowSpec spec = postsThenComments(3).daily(java.time.LocalTime.of(9, 0)).build();
        java.util.UUID id;
        WorkflowRun first;
        try (JobExecutor jobs = JobExecutor.builder(star).store(JobStore.directory(dir.resolve("jobs"))).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            Workflows workflows = Workflows.builder(scheduler).directory(store).build();
            id = workflows.create(spec).id();
            first = workflows.runNow(id).join();
        }
        try (StarExport restarted = StarExport.builder().sandbox(true).build();
             JobExecutor jobs = JobExecutor.builder(restarted).store(JobStore.directory(dir.resolve("jobs"))).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            Workflows workflows = Workflows.builder(scheduler).directory(store).build();

            Workflow loaded = workflows.get(id).orElseThrow();
            assertThat(loaded.spec()).isEqualTo(spec);
            assertThat(loaded.history()).containsExactly(first);
            assertThat(loaded.runCount()).isEqualTo(1);
            assertThat(loaded.nextRunAt()).hasValue(Instant.parse("2026-06-01T09:00:00Z"));

            clock.advance(Duration.ofHours(1));
            workflows.update(id, postsThenComments(5).daily(java.time.LocalTime.of(9, 0)).build());
            WorkflowRun second = workflows.runNow(id).join();
            assertThat(second.newItems().get(0)).isEqualTo(2);
            assertThat(jobs.list(JobQuery.all()).total()).isEqualTo(4 + 3);
        }
    }

    @Test
    void aRunLeftInProgressByAStoppedProcessIsRecordedAsFailedAndTheNextRunExportsItsItems() throws IOException {
        Path store = dir.resolve("workflows");
        java.util.UUID id;
        try (JobExecutor jobs = JobExecutor.builder(star).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            id = Workflows.builder(scheduler).directory(store).build().create(postsThenComments(2).build()).id();
        }
        // What a process that stopped during a run leaves: the run written down as started.
        Path document = store.resolve(id + ".json");
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) Documents.JSON.readTree(document.toFile());
        doc.putObject("running").put("scheduledFor", "2026-06-01T00:00:00Z").put("startedAt", "2026-06-01T00:00:00Z");
        Files.write(document, Documents.JSON.writeValueAsBytes(doc));

        clock.advance(Duration.ofMinutes(10));
        try (JobExecutor jobs = JobExecutor.builder(star).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            Workflows workflows = Workflows.builder(scheduler).directory(store).build();

            Workflow loaded = workflows.get(id).orElseThrow();
            assertThat(loaded.running()).isFalse();
            assertThat(loaded.failCount()).isEqualTo(1);
            assertThat(loaded.history()).singleElement().satisfies(run -> {
                assertThat(run.status()).isEqualTo(WorkflowRun.Status.FAILED);
                assertThat(run.error()).hasValue("the process stopped during this run");
            });
            assertThat(workflows.runNow(id).join().newItems().get(0)).isEqualTo(2);
        }
    }

    @Test
    void workflowFinishedIsDeliveredOncePerRunWithItsResults() throws Exception {
        receiver.stubFor(post("/hook").willReturn(ok()));
        try (Webhooks webhooks = Webhooks.builder().allowHttpOnLoopback().clock(clock)
                .retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO)).build();
             JobExecutor jobs = JobExecutor.builder(star).listener(webhooks.listener()).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).webhooks(webhooks).build()) {
            WebhookRegistration hook = webhooks.register("http://localhost:" + receiver.getPort() + "/hook",
                    Set.of(WebhookEvent.WORKFLOW_FINISHED));
            Workflows workflows = Workflows.builder(scheduler).build();
            Workflow w = workflows.create(postsThenComments(2).name("Channel").build());

            WorkflowRun first = workflows.runNow(w.id()).join();
            WorkflowRun second = workflows.runNow(w.id()).join();
            assertThat(webhooks.awaitDeliveries(WAIT)).isTrue();

            List<LoggedRequest> delivered = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
            assertThat(delivered).hasSize(2);
            List<JsonNode> bodies = new ArrayList<>();
            for (LoggedRequest request : delivered) {
                assertThat(Webhooks.verify(request.getBody(), request.getHeader("X-Signature"), hook.secret())).isTrue();
                bodies.add(Documents.JSON.readTree(request.getBody()));
            }
            bodies.sort(Comparator.comparing(b -> b.at("/data/total_results").asLong(), Comparator.reverseOrder()));
            JsonNode data = bodies.get(0).get("data");
            assertThat(bodies.get(0).get("event").asText()).isEqualTo("workflow.finished");
            assertThat(data.get("workflow_id").asText()).isEqualTo(w.id().toString());
            assertThat(data.get("name").asText()).isEqualTo("Channel");
            assertThat(data.get("status").asText()).isEqualTo("succeeded");
            assertThat(data.get("steps_completed").asInt()).isEqualTo(2);
            assertThat(data.get("total_results").asLong()).isEqualTo(first.totalResults());
            assertThat(data.get("job_ids")).hasSize(3);
            assertThat(bodies.get(1).at("/data/total_results").asLong()).isEqualTo(second.totalResults()).isZero();
        }
    }

    @Test
    void aFailedJobFailsTheRunAndIsCounted() {
        try (FakePlatform fake = FakePlatform.start();
             StarExport live = StarExport.builder().platform(fake).discovery(false).format(new JsonLinesFormat()).build();
             JobExecutor jobs = JobExecutor.builder(live).maxAttempts(1).build();
             Scheduler scheduler = Scheduler.builder(jobs).clock(clock).build()) {
            Workflows workflows = Workflows.builder(scheduler).build();
            Workflow w = workflows.create(WorkflowSpec.builder(fake.url("missing"), dir.resolve("fake"))
                    .step(WorkflowStep.builder(Content.COMMENTS).build()).build());

            WorkflowRun run = workflows.runNow(w.id()).join();

            assertThat(run.status()).isEqualTo(WorkflowRun.Status.FAILED);
            assertThat(run.stepsCompleted()).isZero();
            assertThat(run.error()).hasValueSatisfying(e -> assertThat(e).startsWith("Step 1 (comments of ").contains("NOT_FOUND"));
            assertThat(workflows.get(w.id()).orElseThrow().failCount()).isEqualTo(1);
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            items.add(Documents.JSON.readTree(line));
        }
        return items;
    }

    private static List<String> ids(Path file) throws IOException {
        return lines(file).stream().map(n -> n.get("id").asText()).toList();
    }
}
