package io.starexport.jobs;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.jobs.ThreePlatforms.expectedIds;
import static io.starexport.jobs.ThreePlatforms.ids;
import static io.starexport.jobs.ThreePlatforms.pageRequest;
import static io.starexport.jobs.ThreePlatforms.stubPost;
import static io.starexport.jobs.ThreePlatforms.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Automatic retries of transient failures, immediate failure on permanent ones, and manual retry. */
class JobRetryTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private JobExecutor.Builder executor(StarExport star, EventLog log) {
        return JobExecutor.builder(star).maxAttempts(3).backoff(Duration.ofMillis(1), Duration.ofMillis(5)).listener(log);
    }

    private static int requestsFor(String platform, String post, String cursor) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/" + platform + "/comments"))
                .withQueryParam("post", equalTo(post))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor)).build()).getCount();
    }

    /** Two 503s on the second page, then the page: the engine itself does not retry (RetryPolicy.none()). */
    private static void burstOnSecondPage(String platform, String post) {
        server.stubFor(pageRequest(platform, post, "c2").inScenario("burst " + post)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(serviceUnavailable()).willSetStateTo("one more"));
        server.stubFor(pageRequest(platform, post, "c2").inScenario("burst " + post)
                .whenScenarioStateIs("one more").willReturn(serviceUnavailable()).willSetStateTo("recovered"));
    }

    @Test
    void aServerErrorBurstIsRetriedFromTheCheckpointAndTheOutputMatchesACleanRun() throws Exception {
        stubPost(server, "alpha", "p1", 0);
        EventLog log = new EventLog();
        try (StarExport star = ThreePlatforms.engine(server).build(); JobExecutor jobs = executor(star, log).build()) {
            Path clean = dir.resolve("clean.jsonl");
            assertThat(jobs.submit(ExportRequest.builder(url("alpha", "p1")).to(clean).build()).completion().join().status())
                    .isEqualTo(JobStatus.SUCCEEDED);

            burstOnSecondPage("alpha", "p1");
            Path burst = dir.resolve("burst.jsonl");
            Job job = jobs.submit(ExportRequest.builder(url("alpha", "p1")).to(burst).build()).completion().join();

            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.attempts()).isEqualTo(3);
            assertThat(Files.readAllBytes(burst)).isEqualTo(Files.readAllBytes(clean));
            assertThat(ids(burst)).isEqualTo(expectedIds("p1"));
            // The first page was fetched once per job: the retries resumed at the second page.
            assertThat(requestsFor("alpha", "p1", null)).isEqualTo(2);
            assertThat(log.of(job.id(), ExportEvent.Requeued.class)).hasSize(2)
                    .allSatisfy(requeued -> assertThat(requeued.cause().code()).isEqualTo(ErrorCode.NETWORK));
            assertThat(log.of(job.id(), ExportEvent.Started.class))
                    .extracting(ExportEvent.Started::attempt, ExportEvent.Started::resumed)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false),
                            org.assertj.core.groups.Tuple.tuple(2, true), org.assertj.core.groups.Tuple.tuple(3, true));
            assertThat(log.transitions(job.id())).containsExactly("Created", "Started", "Requeued", "Started", "Requeued",
                    "Started", "Finished");
        }
    }

    @Test
    void eachAutomaticRetryWaitsHalfToAllOfADoublingCeiling() {
        stubPost(server, "alpha", "p2", 0);
        burstOnSecondPage("alpha", "p2");
        EventLog log = new EventLog();
        try (StarExport star = ThreePlatforms.engine(server).build(); JobExecutor jobs = executor(star, log).build()) {
            Job job = jobs.submit(ExportRequest.builder(url("alpha", "p2")).to(dir.resolve("p2.jsonl")).build())
                    .completion().join();

            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            // backoff(1 ms, 5 ms): the ceilings of the first two retries are 1 ms and 2 ms.
            assertThat(log.of(job.id(), ExportEvent.Requeued.class)).extracting(ExportEvent.Requeued::delay)
                    .satisfiesExactly(
                            first -> assertThat(first).isBetween(Duration.ofNanos(500_000), Duration.ofMillis(1)),
                            second -> assertThat(second).isBetween(Duration.ofMillis(1), Duration.ofMillis(2)));
        }
    }

    @Test
    void aTransientFailureThatOutlastsTheAttemptsFailsTheJob() {
        server.stubFor(pageRequest("beta", "down", null).willReturn(serviceUnavailable()));
        EventLog log = new EventLog();
        try (StarExport star = ThreePlatforms.engine(server).build();
             JobExecutor jobs = executor(star, log).build()) {
            Job job = jobs.submit(ExportRequest.builder(url("beta", "down")).to(dir.resolve("down.jsonl")).build())
                    .completion().join();

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.attempts()).isEqualTo(3);
            assertThat(job.error().orElseThrow().code()).isEqualTo(ErrorCode.NETWORK);
            assertThat(job.error().orElseThrow().message()).contains("503");
            assertThat(log.kinds(job.id())).endsWith("Failed");
        }
    }

    @Test
    void aPermanentErrorFailsAfterOneAttempt() {
        server.stubFor(pageRequest("gamma", "gone", null).willReturn(notFound()));
        EventLog log = new EventLog();
        try (StarExport star = ThreePlatforms.engine(server).build(); JobExecutor jobs = executor(star, log).build()) {
            Job job = jobs.submit(ExportRequest.builder(url("gamma", "gone")).to(dir.resolve("gone.jsonl")).build())
                    .completion().join();

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.error().orElseThrow().code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(job.finishedAt()).isPresent();
            assertThat(requestsFor("gamma", "gone", null)).isEqualTo(1);
            assertThat(log.transitions(job.id())).containsExactly("Created", "Started", "Failed");
        }
    }

    @Test
    void retryPutsAFailedJobBackInTheQueueFromItsCheckpoint() throws Exception {
        stubPost(server, "alpha", "p2", 0);
        server.stubFor(pageRequest("alpha", "p2", "c3").inScenario("vanishing page")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(notFound()).willSetStateTo("back"));
        EventLog log = new EventLog();
        try (StarExport star = ThreePlatforms.engine(server).build(); JobExecutor jobs = executor(star, log).build()) {
            Path out = dir.resolve("p2.jsonl");
            Job job = jobs.submit(ExportRequest.builder(url("alpha", "p2")).to(out).build()).completion().join();
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.checkpoint().orElseThrow().cursor()).hasValue("c3");
            assertThat(job.checkpoint().orElseThrow().items()).isEqualTo(10);

            Job retried = jobs.retry(job.id());
            assertThat(retried).isSameAs(job);
            assertThat(retried.completion().join().status()).isEqualTo(JobStatus.SUCCEEDED);

            assertThat(job.attempts()).isEqualTo(2);
            assertThat(job.error()).isEmpty();
            assertThat(ids(out)).isEqualTo(expectedIds("p2"));
            assertThat(requestsFor("alpha", "p2", null)).isEqualTo(1);
            assertThat(log.transitions(job.id())).containsExactly("Created", "Started", "Failed", "Requeued", "Started",
                    "Finished");
        }
    }

    @Test
    void retryOfAJobThatDidNotFailIsAClearError() {
        stubPost(server, "beta", "p3", 0);
        try (StarExport star = ThreePlatforms.engine(server).build(); JobExecutor jobs = executor(star, new EventLog()).build()) {
            Job job = jobs.submit(ExportRequest.builder(url("beta", "p3")).to(dir.resolve("p3.jsonl")).build())
                    .completion().join();

            assertThatThrownBy(() -> jobs.retry(job.id())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is SUCCEEDED").hasMessageContaining("only a FAILED job can be retried");
            UUID unknown = UUID.randomUUID();
            assertThatThrownBy(() -> jobs.retry(unknown)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(unknown.toString());
        }
    }
}
