package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow routes with the seed's own requests ({@code 003_…}, "Workflows": create, retrieve, list, update,
 * delete, pause, resume, run-now, pipeline info), refusals in the seed's error envelope, and a restart keeping
 * workflows. Runs go to the sandbox.
 */
@Timeout(60)
class WorkflowsApiTest {
    /** The seed's "Create a Workflow" body. */
    static final String CHANNEL = "{\"url\": \"https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw\", "
            + "\"name\": \"YouTube Posts + Comments\", \"frequency\": \"daily\", \"preferredTime\": \"09:00\", "
            + "\"timezone\": \"America/New_York\", \"steps\": ["
            + "{\"position\": 1, \"action\": \"export_posts\", \"inputMode\": \"url\", \"options\": {\"limit\": 50}}, "
            + "{\"position\": 2, \"action\": \"export_comments\", \"inputMode\": \"previous_results\", "
            + "\"options\": {\"limit\": 100}, \"conditions\": {\"max_age_hours\": 72}}], \"deliveryMethod\": \"storage\"}";

    @TempDir
    Path directory;

    @Test
    void aWorkflowIsCreatedRetrievedUpdatedPausedResumedRunAndDeleted() throws InterruptedException {
        try (Fixture fixture = new Fixture(directory)) {
            Fixture.Response created = fixture.send(fixture.request("/api/v1/workflows").header("X-Sandbox", "true")
                    .POST(HttpRequest.BodyPublishers.ofString(CHANNEL)));

            assertThat(created.status()).isEqualTo(201);
            JsonNode workflow = created.json();
            String uuid = workflow.path("uuid").asText();
            assertThat(workflow.path("url").asText()).isEqualTo("https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw");
            assertThat(workflow.path("platform").asText()).isEqualTo("youtube");
            assertThat(workflow.path("name").asText()).isEqualTo("YouTube Posts + Comments");
            assertThat(workflow.path("frequency").asText()).isEqualTo("daily");
            assertThat(workflow.path("customCron").isNull()).isTrue();
            assertThat(workflow.path("preferredTime").asText()).isEqualTo("09:00:00");
            assertThat(workflow.path("timezone").asText()).isEqualTo("America/New_York");
            JsonNode steps = workflow.path("steps");
            assertThat(steps).hasSize(2);
            assertThat(steps.get(0).path("position").asInt()).isEqualTo(1);
            assertThat(steps.get(0).path("action").asText()).isEqualTo("export_posts");
            assertThat(steps.get(0).path("inputMode").asText()).isEqualTo("url");
            assertThat(steps.get(0).path("options").path("limit").asInt()).isEqualTo(50);
            assertThat(steps.get(0).path("conditions").isNull()).isTrue();
            assertThat(steps.get(1).path("action").asText()).isEqualTo("export_comments");
            assertThat(steps.get(1).path("inputMode").asText()).isEqualTo("previous_results");
            assertThat(steps.get(1).path("options").path("limit").asInt()).isEqualTo(100);
            assertThat(steps.get(1).path("conditions").path("max_age_hours").asInt()).isEqualTo(72);
            assertThat(workflow.path("enabled").asBoolean()).isTrue();
            assertThat(workflow.path("status").asText()).isEqualTo("active");
            assertThat(workflow.path("deliveryMethod").asText()).isEqualTo("storage");
            assertThat(workflow.path("lastRunAt").isNull()).isTrue();
            assertThat(workflow.path("runCount").asInt()).isZero();
            assertThat(workflow.path("failCount").asInt()).isZero();
            OffsetDateTime next = OffsetDateTime.parse(workflow.path("nextRunAt").asText());
            assertThat(next.toLocalTime().toString()).isEqualTo("09:00");
            assertThat(next.getOffset().getTotalSeconds()).isIn(-5 * 3600, -4 * 3600);

            assertThat(fixture.get("/api/v1/workflows").json()).extracting(n -> n.path("uuid").asText()).containsExactly(uuid);

            JsonNode weekly = fixture.put("/api/v1/workflows/" + uuid, "{\"frequency\": \"weekly\", \"preferredTime\": \"10:00\"}").json();
            assertThat(weekly.path("frequency").asText()).isEqualTo("weekly");
            assertThat(weekly.path("preferredTime").asText()).isEqualTo("10:00:00");
            assertThat(OffsetDateTime.parse(weekly.path("nextRunAt").asText()).toLocalTime().toString()).isEqualTo("10:00");
            assertThat(weekly.path("name").asText()).as("fields not sent stay").isEqualTo("YouTube Posts + Comments");
            assertThat(weekly.path("timezone").asText()).isEqualTo("America/New_York");
            assertThat(weekly.path("steps")).hasSize(2);

            JsonNode paused = fixture.post("/api/v1/workflows/" + uuid + "/pause", "").json();
            assertThat(paused.path("status").asText()).isEqualTo("paused");
            assertThat(paused.path("enabled").asBoolean()).isFalse();
            assertThat(fixture.get("/api/v1/workflows/" + uuid).json().path("nextRunAt").isNull()).isTrue();
            JsonNode resumed = fixture.post("/api/v1/workflows/" + uuid + "/resume", "").json();
            assertThat(resumed.path("status").asText()).isEqualTo("active");
            assertThat(resumed.path("enabled").asBoolean()).isTrue();
            assertThat(resumed.path("nextRunAt").asText()).isEqualTo(weekly.path("nextRunAt").asText());

            JsonNode triggered = fixture.post("/api/v1/workflows/" + uuid + "/run-now", "").json();
            assertThat(triggered.path("message").asText()).isEqualTo("Workflow triggered successfully");
            assertThat(triggered.path("uuid").asText()).isEqualTo(uuid);
            JsonNode run = awaitRun(fixture, uuid);
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("completed");
            assertThat(run.path("stepsCompleted").asInt()).isEqualTo(2);
            JsonNode job = fixture.get("/api/v3/job/" + run.path("guids").get(0).asText()).json();
            assertThat(job.path("status").asText()).as("a step's export is an ordinary job").isEqualTo("done");
            assertThat(job.path("sandbox").asBoolean()).isTrue();
            JsonNode afterRun = fixture.get("/api/v1/workflows/" + uuid).json();
            assertThat(afterRun.path("runCount").asInt()).isEqualTo(1);
            assertThat(afterRun.path("nextRunAt").asText()).as("run-now does not move the next run")
                    .isEqualTo(weekly.path("nextRunAt").asText());

            assertThat(fixture.delete("/api/v1/workflows/" + uuid).status()).isEqualTo(204);
            Fixture.Response gone = fixture.get("/api/v1/workflows/" + uuid);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.json().path("error_code").asText()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void workflowsThisServerCannotCarryOutAreRefused() {
        String video = "{\"url\": \"" + Fixture.VIDEO + "\", \"frequency\": \"daily\", \"steps\": ";
        try (Fixture fixture = new Fixture(directory)) {
            assertRefused(fixture.post("/api/v1/workflows", video + "[{\"position\": 1, \"action\": \"export_likes\", "
                    + "\"inputMode\": \"url\"}]}"), "export_likes");
            assertRefused(fixture.post("/api/v1/workflows", video + "[{\"position\": 1, \"action\": \"export_comments\", "
                    + "\"inputMode\": \"url\"}, {\"position\": 2, \"action\": \"export_comments\", "
                    + "\"inputMode\": \"previous_results\"}]}"), "only posts and profiles can be followed");
            assertRefused(fixture.post("/api/v1/workflows", video + "[{\"position\": 1, \"action\": \"export_comments\", "
                    + "\"inputMode\": \"previous_results\"}]}"), "first step");
            assertRefused(fixture.post("/api/v1/workflows", video + "[{\"position\": 1, \"action\": \"export_comments\", "
                    + "\"inputMode\": \"url\", \"options\": {\"cookies\": {}}}]}"), "cookies");
            assertRefused(fixture.post("/api/v1/workflows", video + "[{\"position\": 2, \"action\": \"export_comments\", "
                    + "\"inputMode\": \"url\"}]}"), "position");
            assertRefused(fixture.post("/api/v1/workflows", video + "[{\"position\": 1, \"action\": \"export_comments\", "
                    + "\"inputMode\": \"url\"}], \"deliveryMethod\": \"email\"}"), "workflow.finished");
            assertRefused(fixture.post("/api/v1/workflows", video + "[]}"), "steps");
            assertRefused(fixture.post("/api/v1/workflows", "{\"url\": \"" + Fixture.VIDEO + "\", \"steps\": []}"), "frequency");
            Fixture.Response unknownPlatform = fixture.post("/api/v1/workflows", "{\"url\": \"https://example.com/post/1\", "
                    + "\"frequency\": \"daily\", \"steps\": [{\"position\": 1, \"action\": \"export_comments\", \"inputMode\": \"url\"}]}");
            assertThat(unknownPlatform.json().path("error_code").asText()).isEqualTo("INVALID_URL");
            assertThat(fixture.get("/api/v1/workflows").json()).isEmpty();
        }
    }

    @Test
    void pipelineInfoNamesWhatAUrlsPlatformCanExport() {
        try (Fixture fixture = new Fixture(directory)) {
            JsonNode info = fixture.get("/api/v1/workflows/pipeline-info?url=https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw").json();

            assertThat(info.path("platform").asText()).isEqualTo("youtube");
            assertThat(info.path("available_actions")).extracting(JsonNode::asText).contains("export_comments");
            assertThat(info.path("transitions").path("export_posts")).extracting(JsonNode::asText).containsExactly("export_comments");
            assertThat(info.path("transitions").path("export_comments")).isEmpty();
            assertThat(info.path("templates")).extracting(t -> t.path("id").asText()).contains("comments_monitor");
            assertThat(info.path("platform_actions").has("youtube")).isTrue();
            assertThat(info.path("platform_actions").has("reddit")).isTrue();
            assertThat(fixture.get("/api/v1/workflows/pipeline-info").json().path("platform").isNull()).isTrue();
        }
    }

    @Test
    void aRestartedServerKeepsItsWorkflows() {
        String uuid;
        try (Fixture fixture = new Fixture(directory)) {
            uuid = fixture.post("/api/v1/workflows", CHANNEL).json().path("uuid").asText();
            fixture.post("/api/v1/workflows/" + uuid + "/pause", "");
        }

        try (Fixture restarted = new Fixture(directory)) {
            JsonNode kept = restarted.get("/api/v1/workflows/" + uuid).json();
            assertThat(kept.path("name").asText()).isEqualTo("YouTube Posts + Comments");
            assertThat(kept.path("status").asText()).isEqualTo("paused");
            assertThat(kept.path("steps")).hasSize(2);
        }
    }

    private static void assertRefused(Fixture.Response response, String detail) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("status_code").asInt()).isEqualTo(400);
        assertThat(response.json().path("error_code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(response.json().path("detail").asText()).contains(detail);
    }

    private static JsonNode awaitRun(Fixture fixture, String uuid) throws InterruptedException {
        while (true) {
            JsonNode runs = fixture.get("/api/v1/workflows/" + uuid).json().path("recent_runs");
            if (!runs.isEmpty() && !runs.get(0).path("completedAt").isNull()) {
                return runs.get(0);
            }
            Thread.sleep(50);
        }
    }
}
