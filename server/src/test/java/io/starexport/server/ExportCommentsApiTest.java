package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ExportComments' v3 API route by route, against the requests and responses its documentation shows
 * ({@code 003_…} in the seeds: "Create an Export Job", "Retrieve an Export Job", "List Export Jobs", "Errors",
 * "Sandbox Mode", "API Usage", "Bulk Download"). Jobs run in the sandbox, so no test touches the internet.
 */
@Timeout(60)
class ExportCommentsApiTest {
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

    private Fixture.Response createInSandbox(String body) {
        return fixture.send(fixture.request("/api/v3/job").header("X-Sandbox", "true")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aSandboxJobIsCreatedPolledAndItsFilesAreServedByTheServer() {
        Fixture.Response created = createInSandbox("{\"url\": \"" + Fixture.VIDEO + "\", "
                + "\"options\": {\"limit\": 20, \"replies\": true}}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("guid").asText()).hasSize(36);
        assertThat(created.json().path("id").asLong()).isEqualTo(1);
        assertThat(created.json().path("status").asText()).isIn("queueing", "progress", "done");

        JsonNode job = fixture.awaitFinished(created.json().path("guid").asText());
        assertThat(job.path("status").asText()).isEqualTo("done");
        assertThat(job.path("sandbox").asBoolean()).isTrue();
        assertThat(job.path("options").path("limit").asLong()).isEqualTo(20);
        assertThat(job.path("options").path("replies").asBoolean()).isTrue();
        assertThat(job.path("total_exported").asLong()).isBetween(1L, 20L);
        assertThat(job.path("locked").asBoolean()).isFalse();
        String guid = job.path("guid").asText();
        assertThat(job.path("json_url").asText()).isEqualTo(fixture.base() + "/api/v3/job/" + guid + "/json");
        assertThat(job.path("download_link").asText()).isEqualTo(fixture.base() + "/api/v3/job/" + guid + "/download");
        assertThat(job.path("download_url").asText()).isEqualTo(job.path("download_link").asText());

        Fixture.Response records = fixture.get(job.path("json_url").asText());
        assertThat(records.status()).isEqualTo(200);
        assertThat(records.json().isArray()).isTrue();
        assertThat(records.json().size()).isEqualTo(job.path("total_exported").asInt());

        Fixture.Response sheet = fixture.get(job.path("download_link").asText());
        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.header("Content-Type")).startsWith("application/vnd.openxmlformats");
        assertThat(sheet.header("Content-Disposition")).matches("attachment; filename=\"youtube-[^\"/]+\\.xlsx\"");
        assertThat(new String(sheet.bytes(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }

    @Test
    void aBatchCreatesOneJobPerUrl() {
        Fixture.Response created = createInSandbox("{\"urls\": [\"" + Fixture.VIDEO + "\", "
                + "\"https://www.reddit.com/r/java/comments/abc123/a_title/\"]}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode data = created.json().path("data");
        assertThat(data).hasSize(2);
        List<String> guids = new ArrayList<>();
        data.forEach(entry -> guids.add(entry.path("guid").asText()));
        assertThat(guids).doesNotHaveDuplicates();
        assertThat(guids).allSatisfy(guid -> assertThat(fixture.awaitFinished(guid).path("status").asText())
                .isEqualTo("done"));
        assertThat(fixture.get("/api/v3/job/" + guids.get(1)).json().path("platform").asText()).isEqualTo("reddit");
    }

    @Test
    void unknownAndUnsupportedOptionsAreRefusedWithTheSeedsEnvelope() {
        Fixture.Response unknown = createInSandbox("{\"url\": \"" + Fixture.VIDEO + "\", \"options\": {\"colour\": 1}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("status_code").asInt()).isEqualTo(400);
        assertThat(unknown.json().path("error_code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(unknown.json().path("detail").asText()).contains("colour");

        Fixture.Response cookies = createInSandbox("{\"url\": \"" + Fixture.VIDEO + "\", "
                + "\"options\": {\"cookies\": {\"sessionid\": \"abc\"}}}");
        assertThat(cookies.status()).isEqualTo(400);
        assertThat(cookies.json().path("detail").asText()).contains("options.cookies is not supported")
                .doesNotContain("abc");

        Fixture.Response pool = createInSandbox("{\"url\": \"" + Fixture.VIDEO + "\", \"options\": {\"pool\": \"eu\"}}");
        assertThat(pool.json().path("detail").asText()).contains("unknown proxy pool 'eu'");

        Fixture.Response limit = createInSandbox("{\"url\": \"" + Fixture.VIDEO + "\", \"options\": {\"limit\": \"ten\"}}");
        assertThat(limit.json().path("detail").asText()).contains("options.limit must be a positive integer");

        assertThat(createInSandbox("{\"url\": \"" + Fixture.VIDEO + "\", \"urls\": []}").json().path("detail").asText())
                .contains("not both");
        assertThat(fixture.get("/api/v3/jobs").json()).isEmpty();
    }

    @Test
    void anUnsupportedUrlIsRefusedAsInvalidUrl() {
        Fixture.Response response = createInSandbox("{\"url\": \"https://example.com/nothing-here\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error_code").asText()).isEqualTo("INVALID_URL");
    }

    @Test
    void jobsAreListedNewestFirstAPageAtATime() {
        List<String> guids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            guids.add(createInSandbox("{\"url\": \"" + Fixture.VIDEO + "\", \"options\": {\"limit\": 1}}").json()
                    .path("guid").asText());
        }
        JsonNode first = fixture.get("/api/v3/jobs?page=1&limit=2").json();
        JsonNode second = fixture.get("/api/v3/jobs?page=2&limit=2").json();

        assertThat(first).hasSize(2);
        assertThat(first.get(0).path("guid").asText()).isEqualTo(guids.get(2));
        assertThat(first.get(1).path("guid").asText()).isEqualTo(guids.get(1));
        assertThat(second).hasSize(1);
        assertThat(second.get(0).path("guid").asText()).isEqualTo(guids.get(0));
        assertThat(second.get(0).path("id").asLong()).isEqualTo(1);
        assertThat(fixture.get("/api/v3/jobs?page=3&limit=2").json()).isEmpty();
        assertThat(fixture.get("/api/v3/jobs?page=zero").json().path("error_code").asText()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void aDoneJobCannotBeStoppedOrRetried() {
        String guid = createInSandbox("{\"url\": \"" + Fixture.VIDEO + "\", \"options\": {\"limit\": 1}}").json()
                .path("guid").asText();
        fixture.awaitFinished(guid);

        Fixture.Response stop = fixture.patch("/api/v3/job/" + guid + "/stop");
        Fixture.Response retry = fixture.patch("/api/v3/job/" + guid + "/retry");

        assertThat(stop.status()).isEqualTo(400);
        assertThat(stop.json().path("detail").asText()).contains("this one is done");
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.json().path("detail").asText()).contains("only a job in error status can be retried");
    }

    @Test
    void anUnknownJobIsNotFound() {
        Fixture.Response response = fixture.get("/api/v3/job/6f1c1f56-0000-4000-8000-000000000000");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("error_code").asText()).isEqualTo("NOT_FOUND");
        assertThat(fixture.get("/api/v3/job/..%2F..%2Ftokens.json/download").status()).isEqualTo(404);
    }

    @Test
    void pingAndUsageAnswerForTheCaller() {
        assertThat(fixture.get("/api/v1/ping").json().path("status").asText()).isEqualTo("ok");

        JsonNode usage = fixture.get("/api/v1/api-usage").json();

        assertThat(usage.path("has_access").asBoolean()).isTrue();
        assertThat(usage.path("api_version").asText()).isEqualTo("v3");
        assertThat(usage.path("limits").path("rate_per_minute").asInt())
                .isEqualTo(StarExportServer.DEFAULT_REQUESTS_PER_MINUTE);
        assertThat(usage.path("usage").path("daily_requests_used").asLong()).isEqualTo(2);
        assertThat(usage.path("platforms").path("allowed").toString()).contains("YouTube", "Reddit");
    }

    @Test
    void doneJobsAreBundledIntoOneZip() throws Exception {
        String a = createInSandbox("{\"url\": \"" + Fixture.VIDEO + "\", \"options\": {\"limit\": 2}}").json()
                .path("guid").asText();
        String b = createInSandbox("{\"url\": \"https://www.reddit.com/r/java/comments/abc123/a_title/\", "
                + "\"options\": {\"limit\": 2}}").json().path("guid").asText();
        fixture.awaitFinished(a);
        fixture.awaitFinished(b);

        Fixture.Response created = fixture.post("/api/v1/bulk-download", "{\"guids\": [\"" + a + "\", \"" + b + "\"]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("fileCount").asInt()).isEqualTo(2);
        String uuid = created.json().path("uuid").asText();
        JsonNode status;
        do {
            Thread.sleep(20);
            status = fixture.get("/api/v1/bulk-download/" + uuid).json();
        } while (status.path("status").asText().equals("processing"));
        assertThat(status.path("status").asText()).isEqualTo("ready");
        assertThat(status.path("downloadUrl").asText()).isEqualTo("/api/v1/bulk-download/" + uuid + "/download");

        Fixture.Response zip = fixture.get(status.path("downloadUrl").asText());
        assertThat(zip.header("Content-Type")).isEqualTo("application/zip");
        List<String> entries = new ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(zip.bytes()))) {
            for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).hasSize(4).anyMatch(n -> n.startsWith("youtube-")).anyMatch(n -> n.startsWith("reddit-"));
    }
}
