package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Star Export API of {@code 000_…} in the seeds, route by route: its {@code {success, data}} envelope, Bearer
 * tokens, its status names and error codes. Exports run in the sandbox.
 */
@Timeout(60)
class StarExportApiTest {
    @TempDir
    Path directory;
    Fixture fixture;

    @BeforeEach
    void start() {
        fixture = new Fixture(directory);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpRequest.Builder bearer(String path) {
        return HttpRequest.newBuilder(URI.create(fixture.base() + path)).header("Authorization", "Bearer " + fixture.token)
                .header("Content-Type", "application/json");
    }

    private JsonNode awaitCompleted(String jobId) throws InterruptedException {
        while (true) {
            JsonNode export = fixture.send(bearer("/api/export/" + jobId).GET()).json().path("data");
            if (!export.path("status").asText().matches("queued|processing")) {
                return export;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void healthNeedsNoTokenAndEverythingElseDoes() {
        Fixture.Response health = fixture.send(HttpRequest.newBuilder(URI.create(fixture.base() + "/api/health")).GET());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("success").asBoolean()).isTrue();
        assertThat(health.json().path("data").path("status").asText()).isEqualTo("healthy");

        Fixture.Response anonymous = fixture.send(HttpRequest.newBuilder(URI.create(fixture.base() + "/api/platforms"))
                .GET());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("success").asBoolean()).isFalse();
        assertThat(anonymous.json().path("code").asText()).isEqualTo("AUTH_REQUIRED");
        Fixture.Response wrong = fixture.send(HttpRequest.newBuilder(URI.create(fixture.base() + "/api/export"))
                .header("Authorization", "Bearer se_live_nope").GET());
        assertThat(wrong.json().path("code").asText()).isEqualTo("INVALID_TOKEN");

        JsonNode platforms = fixture.send(bearer("/api/platforms").GET()).json().path("data");
        assertThat(platforms.findValuesAsText("name")).contains("youtube", "reddit");
        assertThat(platforms.get(0).path("exportFormats").toString()).contains("json", "csv", "xlsx");
    }

    @Test
    void anExportIsStartedFollowedListedCountedAndDownloaded() throws Exception {
        Fixture.Response started = fixture.send(bearer("/api/export/start").header("X-Sandbox", "true")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + Fixture.VIDEO + "\", \"platform\": \"youtube\", "
                        + "\"format\": \"csv\", \"options\": {\"maxRecords\": 5, "
                        + "\"dateRange\": {\"start\": \"2000-01-01\", \"end\": \"2100-12-31\"}}}")));
        assertThat(started.status()).isEqualTo(200);
        JsonNode data = started.json().path("data");
        assertThat(data.path("status").asText()).isIn("queued", "processing", "completed");
        assertThat(data.path("platform").asText()).isEqualTo("youtube");
        assertThat(data.path("format").asText()).isEqualTo("csv");
        String jobId = data.path("jobId").asText();

        JsonNode export = awaitCompleted(jobId);
        assertThat(export.path("status").asText()).isEqualTo("completed");
        assertThat(export.path("progress").asInt()).isEqualTo(100);
        assertThat(export.path("processedItems").asLong()).isBetween(1L, 5L);
        assertThat(export.path("downloadUrl").asText()).isEqualTo("/api/export/" + jobId + "/download");

        JsonNode list = fixture.send(bearer("/api/export?status=completed&platform=youtube").GET()).json().path("data");
        assertThat(list.path("exports").findValuesAsText("id")).containsExactly(jobId);
        assertThat(list.path("pagination").path("total").asLong()).isEqualTo(1);
        assertThat(fixture.send(bearer("/api/export?status=failed").GET()).json().path("data").path("exports")).isEmpty();

        JsonNode stats = fixture.send(bearer("/api/export/stats/summary").GET()).json().path("data");
        assertThat(stats.path("totalExports").asLong()).isEqualTo(1);
        assertThat(stats.path("completedExports").asLong()).isEqualTo(1);
        assertThat(stats.path("exportsByPlatform").path("youtube").asLong()).isEqualTo(1);

        Fixture.Response zip = fixture.send(bearer(export.path("downloadUrl").asText()).GET());
        assertThat(zip.header("Content-Type")).isEqualTo("application/zip");
        assertThat(zip.header("Content-Disposition")).matches("attachment; filename=\"youtube-export-\\d{4}-\\d\\d-\\d\\d\\.zip\"");
        assertThat(new String(zip.bytes(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");

        Fixture.Response cancel = fixture.send(bearer("/api/export/" + jobId + "/cancel")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(cancel.status()).isEqualTo(400);
        assertThat(cancel.json().path("success").asBoolean()).isFalse();
    }

    @Test
    void badRequestsAreRefusedInTheApisEnvelope() {
        Fixture.Response format = fixture.send(bearer("/api/export/start").POST(HttpRequest.BodyPublishers.ofString(
                "{\"url\": \"" + Fixture.VIDEO + "\", \"format\": \"pdf\"}")));
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().path("code").asText()).isEqualTo("INVALID_FORMAT");

        Fixture.Response media = fixture.send(bearer("/api/export/start").POST(HttpRequest.BodyPublishers.ofString(
                "{\"url\": \"" + Fixture.VIDEO + "\", \"options\": {\"includeMedia\": true}}")));
        assertThat(media.json().path("error").asText()).contains("includeMedia is not supported");

        Fixture.Response platform = fixture.send(bearer("/api/export/start").POST(HttpRequest.BodyPublishers.ofString(
                "{\"url\": \"" + Fixture.VIDEO + "\", \"platform\": \"reddit\"}")));
        assertThat(platform.json().path("error").asText()).contains("the URL is youtube, not reddit");

        Fixture.Response missing = fixture.send(bearer("/api/export/6f1c1f56-0000-4000-8000-000000000000").GET());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("code").asText()).isEqualTo("EXPORT_NOT_FOUND");
    }
}
