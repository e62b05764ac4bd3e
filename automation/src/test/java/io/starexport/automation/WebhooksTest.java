package io.starexport.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.jobs.Job;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobStatus;
import io.starexport.testing.FakePlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deliveries to a WireMock receiver on loopback. The envelope and the signature follow the ExportComments
 * "Webhook Security" section (seed 003): {@code X-Signature} = hex HMAC-SHA256 of the raw body.
 */
class WebhooksTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private Webhooks webhooks;

    @AfterEach
    void closeWebhooks() {
        if (webhooks != null) {
            webhooks.close();
        }
    }

    private Webhooks.Builder loopback() {
        return Webhooks.builder().allowHttpOnLoopback().retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    private String hook() {
        return "http://localhost:" + receiver.getPort() + "/hook";
    }

    /** The documented algorithm, written out as a receiver in another language would. */
    private static String hmacHex(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void jobEventsArriveSignedInTheEnvelopeWithTheJobsData() throws Exception {
        receiver.stubFor(post("/hook").willReturn(ok()));
        webhooks = loopback().build();
        WebhookRegistration created = webhooks.register(hook(), Set.of(WebhookEvent.EXPORT_CREATED, WebhookEvent.EXPORT_FINISHED));
        Path out = dir.resolve("c.jsonl");
        try (FakePlatform fake = FakePlatform.start();
             StarExport star = StarExport.builder().platform(fake).discovery(false)
                     .format(new io.starexport.writer.json.JsonLinesFormat()).build();
             JobExecutor jobs = JobExecutor.builder(star).listener(webhooks.listener()).build()) {
            fake.post("p1", 12);
            Job job = jobs.submit(ExportRequest.builder(fake.url("p1")).to(out).build());
            assertThat(job.completion().join().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(webhooks.awaitDeliveries(WAIT)).isTrue();

            List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
            assertThat(requests).hasSize(2);
            for (LoggedRequest request : requests) {
                String signature = request.getHeader("X-Signature");
                assertThat(signature).isEqualTo(hmacHex(request.getBody(), created.secret()));
                assertThat(Webhooks.verify(request.getBody(), signature, created.secret())).isTrue();
            }
            JsonNode finished = null;
            for (LoggedRequest request : requests) {
                JsonNode payload = Documents.JSON.readTree(request.getBody());
                if (payload.path("event").asText().equals("export.finished")) {
                    finished = payload;
                }
            }
            assertThat(finished).isNotNull();
            assertThat(finished.path("message_id").asText()).startsWith("msg_");
            assertThat(finished.path("timestamp").asText()).isNotEmpty();
            JsonNode data = finished.path("data");
            assertThat(data.path("id").asText()).isEqualTo(job.id().toString());
            assertThat(data.path("status").asText()).isEqualTo("succeeded");
            assertThat(data.path("url").asText()).isEqualTo(fake.url("p1"));
            assertThat(data.path("items").asLong()).isEqualTo(12);
            assertThat(data.path("files").get(0).asText()).isEqualTo(out.toString());
        }
        assertThat(webhooks.summary()).isEqualTo(new DeliverySummary(1, 1, 2, 2, 0));
    }

    @Test
    void verifyRejectsATamperedBodyAWrongSecretAndAMissingSignature() {
        byte[] body = "{\"event\":\"export.finished\",\"status\":\"done\"}".getBytes(StandardCharsets.UTF_8);
        String signature = Webhooks.sign(body, "whsec_your_secret");
        assertThat(Webhooks.verify(body, signature, "whsec_your_secret")).isTrue();
        assertThat(Webhooks.verify("{\"event\":\"export.failed\"}".getBytes(StandardCharsets.UTF_8), signature, "whsec_your_secret")).isFalse();
        assertThat(Webhooks.verify(body, signature, "whsec_other")).isFalse();
        assertThat(Webhooks.verify(body, null, "whsec_your_secret")).isFalse();
        assertThat(Webhooks.verify(body, signature.substring(1), "whsec_your_secret")).isFalse();
    }

    @Test
    void retriesNetworkFailuresAnd5xxThenDelivers() {
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError()).willSetStateTo("second"));
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs("third").willReturn(ok()));
        webhooks = loopback().build();
        webhooks.register(hook(), Set.of(WebhookEvent.SCHEDULE_RUN));

        List<Delivery> deliveries = webhooks.publish(WebhookEvent.SCHEDULE_RUN, Map.of("id", "s1")).join();

        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isTrue();
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.responseCode()).hasValue(200);
        });
        receiver.verify(3, postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void aClientErrorIsNotRetried() {
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(410)));
        webhooks = loopback().build();
        webhooks.register(hook(), Set.of(WebhookEvent.SCHEDULE_RUN));

        Delivery delivery = webhooks.publish(WebhookEvent.SCHEDULE_RUN, Map.of()).join().get(0);

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.responseCode()).hasValue(410);
    }

    @Test
    void suspendsOnTheThirtiethConsecutiveFailureAndRecoversAfterToggle() {
        receiver.stubFor(post("/hook").willReturn(serverError()));
        webhooks = loopback().retryPolicy(RetryPolicy.none()).threads(1).build();
        UUID id = webhooks.register(hook(), Set.of(WebhookEvent.SCHEDULE_RUN)).webhook().id();

        for (int i = 1; i < Webhooks.SUSPEND_AFTER; i++) {
            webhooks.publish(WebhookEvent.SCHEDULE_RUN, Map.of("n", i)).join();
        }
        assertThat(webhooks.get(id).orElseThrow().status()).isEqualTo(WebhookStatus.ENABLED);
        assertThat(webhooks.get(id).orElseThrow().consecutiveFailures()).isEqualTo(29);
        webhooks.publish(WebhookEvent.SCHEDULE_RUN, Map.of("n", 30)).join();
        Webhook suspended = webhooks.get(id).orElseThrow();
        assertThat(suspended.status()).isEqualTo(WebhookStatus.SUSPENDED);
        assertThat(suspended.status().code()).isEqualTo(2);

        assertThat(webhooks.publish(WebhookEvent.SCHEDULE_RUN, Map.of("n", 31)).join()).isEmpty();
        receiver.verify(30, postRequestedFor(urlEqualTo("/hook")));

        receiver.resetAll();
        receiver.stubFor(post("/hook").willReturn(ok()));
        Webhook toggled = webhooks.toggle(id);
        assertThat(toggled.status()).isEqualTo(WebhookStatus.ENABLED);
        assertThat(toggled.consecutiveFailures()).isZero();
        assertThat(webhooks.publish(WebhookEvent.SCHEDULE_RUN, Map.of("n", 32)).join().get(0).delivered()).isTrue();
    }

    @Test
    void aReceiverThatHangsDoesNotHoldUpAnExport() {
        receiver.stubFor(post("/hook").willReturn(ok().withFixedDelay(60_000)));
        webhooks = loopback().timeout(Duration.ofMinutes(2)).build();
        webhooks.register(hook(), Set.of(WebhookEvent.EXPORT_CREATED, WebhookEvent.EXPORT_FINISHED));
        try (FakePlatform fake = FakePlatform.start();
             StarExport star = StarExport.builder().platform(fake).discovery(false)
                     .format(new io.starexport.writer.json.JsonLinesFormat()).build();
             JobExecutor jobs = JobExecutor.builder(star).listener(webhooks.listener()).build()) {
            fake.post("p1", 30);
            Job job = jobs.submit(ExportRequest.builder(fake.url("p1")).to(dir.resolve("c.jsonl")).build());

            assertThat(job.completion().join().status()).isEqualTo(JobStatus.SUCCEEDED);
            // The export is done while the receiver still holds the first delivery.
            UUID hookId = webhooks.list().get(0).id();
            assertThat(webhooks.deliveries(hookId)).allSatisfy(d -> assertThat(d.attempts()).isZero());
        }
    }

    @Test
    void refusesPlainHttpPrivateLinkLocalAndMetadataTargets() {
        webhooks = Webhooks.builder().build();
        for (String url : List.of("http://example.com/hook", "ftp://example.com/hook", "https://10.1.2.3/hook",
                "https://192.168.0.10/hook", "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hook",
                "https://127.0.0.1/hook", "http://127.0.0.1/hook", "https://user:pw@example.com/hook")) {
            assertThatThrownBy(() -> webhooks.register(url, Set.of(WebhookEvent.EXPORT_FINISHED)))
                    .as(url).isInstanceOf(ExportException.class)
                    .satisfies(e -> assertThat(((ExportException) e).code()).isEqualTo(ErrorCode.INVALID_URL))
                    .hasMessageNotContaining("pw");
        }
        try (Webhooks allowing = Webhooks.builder().allowPrivateAddresses().build()) {
            assertThat(allowing.register("https://10.1.2.3/hook", Set.of(WebhookEvent.EXPORT_FINISHED)).webhook().enabled()).isTrue();
            assertThatThrownBy(() -> allowing.register("https://169.254.169.254/", Set.of(WebhookEvent.EXPORT_FINISHED)))
                    .isInstanceOf(ExportException.class).hasMessageContaining("metadata");
        }
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedWhenTheDeliveryConnects() {
        receiver.stubFor(post("/hook").willReturn(ok()));
        webhooks = Webhooks.builder().retryPolicy(RetryPolicy.none()).build();
        webhooks.register("https://localhost:" + receiver.getPort() + "/hook", Set.of(WebhookEvent.SCHEDULE_RUN));

        Delivery delivery = webhooks.publish(WebhookEvent.SCHEDULE_RUN, Map.of()).join().get(0);

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.error()).hasValueSatisfying(e -> assertThat(e).contains("refused"));
        receiver.verify(0, postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void webhooksAndTheirLogSurviveARestartOwnerOnlyAndResendKeepsTheMessageId() throws Exception {
        receiver.stubFor(post("/hook").willReturn(serverError()));
        Path folder = dir.resolve("webhooks");
        webhooks = loopback().retryPolicy(RetryPolicy.none()).directory(folder).build();
        WebhookRegistration created = webhooks.register(hook(), Set.of(WebhookEvent.SCHEDULE_RUN));
        assertThat(created.toString()).doesNotContain(created.secret());
        assertThat(created.webhook().toString()).doesNotContain(created.secret());
        Delivery failed = webhooks.publish(WebhookEvent.SCHEDULE_RUN, Map.of("id", "s1")).join().get(0);
        webhooks.close();

        Path file = folder.resolve(created.webhook().id() + ".json");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        receiver.resetAll();
        receiver.stubFor(post("/hook").willReturn(ok()));
        webhooks = loopback().retryPolicy(RetryPolicy.none()).directory(folder).build();
        assertThat(webhooks.toString()).doesNotContain(created.secret());
        assertThat(webhooks.deliveries(created.webhook().id())).singleElement()
                .satisfies(d -> assertThat(d.delivered()).isFalse());

        Delivery resent = webhooks.resend(failed.messageId()).join();

        assertThat(resent.delivered()).isTrue();
        assertThat(resent.attempts()).isEqualTo(2);
        LoggedRequest request = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
        assertThat(Documents.JSON.readTree(request.getBody()).path("message_id").asText()).isEqualTo(failed.messageId());
        assertThat(Webhooks.verify(request.getBody(), request.getHeader("X-Signature"), created.secret())).isTrue();
    }
}
