package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook routes as the seed ({@code 003_…}, "Webhooks" and "Webhook Security") documents their requests,
 * answers and status codes, and signed deliveries of a sandbox job's events to a WireMock receiver on loopback.
 */
@Timeout(60)
class WebhooksApiTest {
    @TempDir
    Path directory;

    @Test
    void aWebhookIsCreatedRetrievedListedUpdatedToggledAndDeleted() {
        try (Fixture fixture = new Fixture(directory, engine -> { }, server -> server.sandbox(true))) {
            Fixture.Response created = fixture.post("/api/v1/webhooks",
                    "{\"url\": \"http://127.0.0.1:9/hooks\", \"events\": [\"export.finished\", \"export.failed\"]}");

            assertThat(created.status()).isEqualTo(201);
            JsonNode hook = created.json();
            String uuid = hook.path("uuid").asText();
            assertThat(hook.path("url").asText()).isEqualTo("http://127.0.0.1:9/hooks");
            assertThat(hook.path("events")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("export.finished", "export.failed");
            assertThat(hook.path("status").asInt()).isEqualTo(1);
            assertThat(hook.path("enabled").asBoolean()).isTrue();
            assertThat(hook.path("isSuspended").asBoolean()).isFalse();
            assertThat(hook.path("lastEventAt").isNull()).isTrue();
            assertThat(hook.path("webhookEventsCount").asInt()).isZero();
            assertThat(hook.path("createdAt").asText()).endsWith("+00:00");
            assertThat(hook.path("signingSecret").asText()).startsWith("whsec_");

            JsonNode retrieved = fixture.get("/api/v1/webhooks/" + uuid).json();
            assertThat(retrieved.path("uuid").asText()).isEqualTo(uuid);
            assertThat(retrieved.has("signingSecret")).as("the secret is shown once").isFalse();
            assertThat(fixture.get("/api/v1/webhooks").json()).extracting(n -> n.path("uuid").asText()).containsExactly(uuid);
            assertThat(fixture.get("/api/v1/webhooks?query=nowhere").json()).isEmpty();

            JsonNode updated = fixture.patch("/api/v1/webhooks/" + uuid,
                    "{\"events\": [\"export.created\", \"export.finished\", \"export.failed\"]}").json();
            assertThat(updated.path("events")).hasSize(3);
            assertThat(updated.path("url").asText()).isEqualTo("http://127.0.0.1:9/hooks");

            JsonNode toggled = fixture.patch("/api/v1/webhooks/" + uuid + "/toggle").json();
            assertThat(toggled.path("enabled").asBoolean()).isFalse();
            assertThat(toggled.path("status").asInt()).isZero();

            JsonNode summary = fixture.get("/api/v1/webhooks/summary").json();
            assertThat(summary.path("total_webhooks").asInt()).isEqualTo(1);
            assertThat(summary.path("active_webhooks").asInt()).isZero();

            assertThat(fixture.delete("/api/v1/webhooks/" + uuid).status()).isEqualTo(204);
            Fixture.Response gone = fixture.get("/api/v1/webhooks/" + uuid);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.json().path("error_code").asText()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void badWebhooksAreRefusedInTheSeedsErrorEnvelope() {
        try (Fixture fixture = new Fixture(directory)) {
            Fixture.Response plainHttp = fixture.post("/api/v1/webhooks",
                    "{\"url\": \"http://127.0.0.1:9/hooks\", \"events\": [\"export.finished\"]}");
            assertThat(plainHttp.status()).as("plain http only on a sandbox server").isEqualTo(400);
            assertThat(plainHttp.json().path("status_code").asInt()).isEqualTo(400);
            assertThat(plainHttp.json().path("error_code").asText()).isEqualTo("INVALID_URL");
            assertThat(plainHttp.json().path("detail").asText()).contains("https");

            Fixture.Response chosenSecret = fixture.post("/api/v1/webhooks", "{\"url\": \"https://example.com/h\", "
                    + "\"events\": [\"export.finished\"], \"signingSecret\": \"whsec_your_secret_key_here\"}");
            assertThat(chosenSecret.status()).isEqualTo(400);
            assertThat(chosenSecret.json().path("detail").asText()).contains("signingSecret");

            Fixture.Response unknownEvent = fixture.post("/api/v1/webhooks",
                    "{\"url\": \"https://example.com/h\", \"events\": [\"export.exploded\"]}");
            assertThat(unknownEvent.json().path("error_code").asText()).isEqualTo("INVALID_REQUEST");

            Fixture.Response noToken = fixture.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(fixture.base() + "/api/v1/webhooks")));
            assertThat(noToken.status()).isEqualTo(401);
            assertThat(noToken.json().path("error_code").asText()).isEqualTo("AUTH_HEADER_TOKEN");
        }
    }

    @Test
    void aWebhookRegisteredThroughTheApiReceivesASignedDeliveryWhenASandboxJobFinishes() throws Exception {
        WireMockServer receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        try (Fixture fixture = new Fixture(directory, engine -> { }, server -> server.sandbox(true))) {
            receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
            JsonNode hook = fixture.post("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:" + receiver.port()
                    + "/hooks\", \"events\": [\"export.finished\"]}").json();
            String secret = hook.path("signingSecret").asText();

            String guid = fixture.post("/api/v3/job", "{\"url\": \"" + Fixture.VIDEO + "\"}").json().path("guid").asText();
            assertThat(fixture.awaitFinished(guid).path("status").asText()).isEqualTo("done");
            LoggedRequest delivery = awaitDeliveries(receiver, 1).get(0);

            assertThat(delivery.getHeader("X-Signature")).isEqualTo(hmacHex(delivery.getBody(), secret));
            JsonNode payload = Fixture.JSON.readTree(delivery.getBody());
            assertThat(payload.path("event").asText()).isEqualTo("export.finished");
            assertThat(payload.path("data").path("id").asText()).isEqualTo(guid);
            assertThat(payload.path("data").path("url").asText()).isEqualTo(Fixture.VIDEO);

            String messageId = payload.path("message_id").asText();
            JsonNode events = awaitLoggedEvent(fixture, hook.path("uuid").asText());
            assertThat(events.path("uuid").asText()).isEqualTo(messageId);
            assertThat(events.path("event").asText()).isEqualTo("export.finished");
            assertThat(events.path("responseCode").asInt()).isEqualTo(200);

            Fixture.Response resent = fixture.post("/api/v1/webhooks/events/" + messageId + "/resend", "");
            assertThat(resent.status()).isEqualTo(200);
            assertThat(resent.json().path("message").asText()).isEqualTo("Webhook event queued for redelivery");
            LoggedRequest again = awaitDeliveries(receiver, 2).get(1);
            assertThat(Fixture.JSON.readTree(again.getBody()).path("message_id").asText()).isEqualTo(messageId);
            assertThat(again.getHeader("X-Signature")).isEqualTo(hmacHex(again.getBody(), secret));
            assertThat(fixture.post("/api/v1/webhooks/events/msg_nothing/resend", "").status()).isEqualTo(404);
        } finally {
            receiver.stop();
        }
    }

    /** The seed's "Webhook Security" check: lower-case hex HMAC-SHA256 of the raw body, keyed with the secret. */
    private static String hmacHex(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static List<LoggedRequest> awaitDeliveries(WireMockServer receiver, int count) throws InterruptedException {
        while (true) {
            List<LoggedRequest> received = receiver.findAll(postRequestedFor(urlEqualTo("/hooks")));
            if (received.size() >= count) {
                return received;
            }
            Thread.sleep(20);
        }
    }

    private static JsonNode awaitLoggedEvent(Fixture fixture, String webhook) throws InterruptedException {
        while (true) {
            JsonNode events = fixture.get("/api/v1/webhooks/events?webhook.uuid=" + webhook).json();
            if (!events.isEmpty() && events.get(0).path("responseCode").isInt()) {
                return events.get(0);
            }
            Thread.sleep(20);
        }
    }
}
