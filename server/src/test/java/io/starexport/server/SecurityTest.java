package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication, API tokens, per-token limits and request limits, against the seed's "Authentication", "Errors",
 * "Rate Limits" and "API Tokens" pages.
 */
@Timeout(60)
class SecurityTest {
    @TempDir
    Path directory;

    @Test
    void everyRouteNeedsAValidToken() {
        try (Fixture fixture = new Fixture(directory)) {
            for (String path : new String[] {"/api/v1/ping", "/api/v3/jobs", "/openapi.json", "/no/such/route"}) {
                Fixture.Response missing = fixture.send(HttpRequest.newBuilder(
                        java.net.URI.create(fixture.base() + path)).GET());
                Fixture.Response wrong = fixture.send(fixture.request(path)
                        .setHeader("X-AUTH-TOKEN", fixture.token.substring(0, fixture.token.length() - 1) + "x").GET());

                assertThat(missing.status()).as(path).isEqualTo(401);
                assertThat(wrong.status()).as(path).isEqualTo(401);
                assertThat(wrong.json().path("status_code").asInt()).isEqualTo(401);
                assertThat(wrong.json().path("error_code").asText()).isEqualTo("AUTH_HEADER_TOKEN");
            }
            Fixture.Response unknown = fixture.get("/no/such/route");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().path("error_code").asText()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        Clock aYearLater = Clock.fixed(Instant.now().plus(Tokens.LIFETIME).plusSeconds(60), ZoneOffset.UTC);
        try (Fixture fixture = new Fixture(directory, engine -> { }, server -> server.clock(aYearLater))) {
            Fixture.Response response = fixture.get("/api/v1/ping");

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().path("error_code").asText()).isEqualTo("TOKEN_EXPIRED");
        }
    }

    @Test
    void tokensAreGeneratedOnceListedWithoutSecretsAndRevoked() throws Exception {
        try (Fixture fixture = new Fixture(directory)) {
            Fixture.Response generated = fixture.post("/api/v1/api_tokens/generate", "{\"name\": \"ci\"}");
            assertThat(generated.status()).isEqualTo(200);
            assertThat(generated.json().path("message").asText()).isEqualTo("user.api.token_generated");
            String secret = generated.json().path("token").asText();
            String uuid = generated.json().path("uuid").asText();
            assertThat(secret).startsWith(Tokens.PREFIX).hasSize(Tokens.PREFIX.length() + 56).matches("[A-Za-z0-9_]+");

            JsonNode list = fixture.get("/api/v1/api_tokens").json();
            assertThat(list).hasSize(2);
            assertThat(list.toString()).doesNotContain(secret).doesNotContain(fixture.token);
            JsonNode one = fixture.get("/api/v1/api_tokens/" + uuid).json();
            assertThat(one.path("isExpired").asBoolean()).isFalse();
            assertThat(Instant.parse(one.path("expiresAt").asText()))
                    .isEqualTo(Instant.parse(one.path("createdAt").asText()).plus(Tokens.LIFETIME));

            String stored = Files.readString(directory.resolve("tokens.json"));
            assertThat(stored).doesNotContain(secret).doesNotContain(fixture.token.substring(Tokens.PREFIX.length()))
                    .contains(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))));

            assertThat(fixture.send(fixture.request("/api/v1/ping").setHeader("X-AUTH-TOKEN", secret).GET()).status())
                    .isEqualTo(200);
            assertThat(fixture.send(fixture.request("/api/v1/api_tokens/" + uuid).DELETE()).status()).isEqualTo(204);
            assertThat(fixture.send(fixture.request("/api/v1/ping").setHeader("X-AUTH-TOKEN", secret).GET()).status())
                    .isEqualTo(401);
            assertThat(fixture.get("/api/v1/api_tokens/" + uuid).status()).isEqualTo(404);
        }
    }

    @Test
    void aTokenCreatedBesideTheRunningServerIsAcceptedAtOnce() {
        try (Fixture fixture = new Fixture(directory)) {
            String other = Tokens.open(directory).create("from the cli").secret();

            assertThat(fixture.send(fixture.request("/api/v1/ping").setHeader("X-AUTH-TOKEN", other).GET()).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aTokenOverItsLimitIsToldHowLongToWaitAndOthersAreNotHeldBack() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:15Z"), ZoneOffset.UTC);
        try (Fixture fixture = new Fixture(directory, engine -> { },
                server -> server.requestsPerMinute(2).clock(clock))) {
            String other = Tokens.open(directory).create("other").secret();
            fixture.get("/api/v1/ping");
            fixture.get("/api/v1/ping");

            Fixture.Response limited = fixture.get("/api/v1/ping");

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().path("error_code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
            assertThat(limited.json().path("seconds_to_wait").asInt()).isEqualTo(45);
            assertThat(fixture.send(fixture.request("/api/v1/ping").header("X-Sandbox", "true").GET()).status())
                    .as("the sandbox is not rate limited").isEqualTo(200);
            assertThat(fixture.send(fixture.request("/api/v1/ping").setHeader("X-AUTH-TOKEN", other).GET()).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aFullQueueIsAnsweredWithQueueLimitExceeded() {
        try (Fixture fixture = new Fixture(directory, engine -> { }, server -> server.maxQueuedJobs(1).concurrency(1))) {
            String batch = "{\"urls\": [\"" + Fixture.VIDEO + "\", \"" + Fixture.VIDEO + "\", \"" + Fixture.VIDEO + "\"]}";

            Fixture.Response response = fixture.send(fixture.request("/api/v3/job").header("X-Sandbox", "true")
                    .POST(HttpRequest.BodyPublishers.ofString(batch)));

            assertThat(response.status()).isEqualTo(429);
            assertThat(response.json().path("error_code").asText()).isEqualTo("QUEUE_LIMIT_EXCEEDED");
            assertThat(response.json().path("seconds_to_wait").asInt()).isPositive();
        }
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        try (Fixture fixture = new Fixture(directory, engine -> { }, server -> server.maxRequestBytes(1024))) {
            Fixture.Response response = fixture.post("/api/v3/job", "{\"url\": \"" + "x".repeat(2000) + "\"}");

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.json().path("status_code").asInt()).isEqualTo(413);
        }
    }

    @Test
    void noCorsHeadersAreSent() {
        try (Fixture fixture = new Fixture(directory)) {
            Fixture.Response response = fixture.send(fixture.request("/api/v1/ping")
                    .header("Origin", "https://evil.example").GET());

            assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void jobsTokensAndFilesOutliveARestart() {
        String guid;
        String token;
        try (Fixture fixture = new Fixture(directory)) {
            token = fixture.token;
            guid = fixture.send(fixture.request("/api/v3/job").header("X-Sandbox", "true")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + Fixture.VIDEO + "\"}"))).json()
                    .path("guid").asText();
            fixture.awaitFinished(guid);
        }
        try (Fixture again = new Fixture(directory)) {
            Fixture.Response job = again.send(again.request("/api/v3/job/" + guid).setHeader("X-AUTH-TOKEN", token).GET());

            assertThat(job.status()).isEqualTo(200);
            assertThat(job.json().path("status").asText()).isEqualTo("done");
            assertThat(job.json().path("id").asLong()).isEqualTo(1);
            assertThat(again.get(job.json().path("json_url").asText()).status()).isEqualTo(200);
        }
    }

    @Test
    void theBuilderDefaultsToLoopback() {
        StarExportServer server = StarExportServer.builder().engine(io.starexport.StarExport.builder().build())
                .directory(directory).build();

        assertThat(server.toString()).contains("127.0.0.1:" + StarExportServer.DEFAULT_PORT);
    }
}
