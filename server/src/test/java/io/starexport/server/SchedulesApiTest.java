package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled-export routes with the seed's own requests ({@code 003_…}, "Scheduled Exports": create, retrieve,
 * list, update, delete, pause, resume, run-now), and a restart keeping schedules and webhooks. Runs go to the sandbox.
 */
@Timeout(60)
class SchedulesApiTest {
    /** The seed's "Create a Scheduled Export" body. */
    static final String DAILY = "{\"url\": \"https://www.youtube.com/watch?v=dQw4w9WgXcQ\", \"name\": \"Daily YouTube Export\", "
            + "\"frequency\": \"daily\", \"preferredTime\": \"09:00\", \"timezone\": \"America/New_York\", "
            + "\"exportOptions\": {\"limit\": 1000, \"replies\": true}, \"deliveryMethod\": \"storage\"}";

    @TempDir
    Path directory;

    @Test
    void aScheduleIsCreatedRetrievedUpdatedPausedResumedRunAndDeleted() throws InterruptedException {
        try (Fixture fixture = new Fixture(directory)) {
            Fixture.Response created = fixture.send(fixture.request("/api/v1/schedules").header("X-Sandbox", "true")
                    .POST(HttpRequest.BodyPublishers.ofString(DAILY)));

            assertThat(created.status()).isEqualTo(201);
            JsonNode schedule = created.json();
            String uuid = schedule.path("uuid").asText();
            assertThat(schedule.path("url").asText()).isEqualTo(Fixture.VIDEO);
            assertThat(schedule.path("platform").asText()).isEqualTo("youtube");
            assertThat(schedule.path("name").asText()).isEqualTo("Daily YouTube Export");
            assertThat(schedule.path("frequency").asText()).isEqualTo("daily");
            assertThat(schedule.path("customCron").isNull()).isTrue();
            assertThat(schedule.path("preferredTime").asText()).isEqualTo("09:00:00");
            assertThat(schedule.path("timezone").asText()).isEqualTo("America/New_York");
            assertThat(schedule.path("exportOptions").path("limit").asInt()).isEqualTo(1000);
            assertThat(schedule.path("exportOptions").path("replies").asBoolean()).isTrue();
            assertThat(schedule.path("enabled").asBoolean()).isTrue();
            assertThat(schedule.path("status").asText()).isEqualTo("active");
            assertThat(schedule.path("deliveryMethod").asText()).isEqualTo("storage");
            assertThat(schedule.path("lastRunAt").isNull()).isTrue();
            assertThat(schedule.path("runCount").asInt()).isZero();
            assertThat(schedule.path("failCount").asInt()).isZero();
            OffsetDateTime next = OffsetDateTime.parse(schedule.path("nextRunAt").asText());
            assertThat(next.toLocalTime().toString()).isEqualTo("09:00");
            assertThat(next.getOffset().getTotalSeconds()).isIn(-5 * 3600, -4 * 3600);

            assertThat(fixture.get("/api/v1/schedules").json()).extracting(n -> n.path("uuid").asText()).containsExactly(uuid);

            JsonNode weekly = fixture.put("/api/v1/schedules/" + uuid, "{\"frequency\": \"weekly\", \"preferredTime\": \"10:00\"}").json();
            assertThat(weekly.path("frequency").asText()).isEqualTo("weekly");
            assertThat(weekly.path("preferredTime").asText()).isEqualTo("10:00:00");
            OffsetDateTime weeklyNext = OffsetDateTime.parse(weekly.path("nextRunAt").asText());
            assertThat(weeklyNext.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(weeklyNext.toLocalTime().toString()).isEqualTo("10:00");
            assertThat(weekly.path("name").asText()).as("fields not sent stay").isEqualTo("Daily YouTube Export");

            JsonNode paused = fixture.post("/api/v1/schedules/" + uuid + "/pause", "").json();
            assertThat(paused.path("status").asText()).isEqualTo("paused");
            assertThat(paused.path("enabled").asBoolean()).isFalse();
            JsonNode resumed = fixture.post("/api/v1/schedules/" + uuid + "/resume", "").json();
            assertThat(resumed.path("status").asText()).isEqualTo("active");
            assertThat(resumed.path("enabled").asBoolean()).isTrue();
            assertThat(resumed.path("nextRunAt").asText()).isEqualTo(weekly.path("nextRunAt").asText());

            JsonNode triggered = fixture.post("/api/v1/schedules/" + uuid + "/run-now", "").json();
            assertThat(triggered.path("message").asText()).isEqualTo("Export triggered successfully");
            assertThat(triggered.path("uuid").asText()).isEqualTo(uuid);
            JsonNode run = awaitRun(fixture, uuid);
            assertThat(run.path("status").asText()).isEqualTo("completed");
            assertThat(run.path("commentsExported").asLong()).isPositive();
            JsonNode job = fixture.get("/api/v3/job/" + run.path("guid").asText()).json();
            assertThat(job.path("status").asText()).as("a run is an ordinary job").isEqualTo("done");
            assertThat(job.path("sandbox").asBoolean()).isTrue();
            JsonNode afterRun = fixture.get("/api/v1/schedules/" + uuid).json();
            assertThat(afterRun.path("runCount").asInt()).isEqualTo(1);
            assertThat(afterRun.path("nextRunAt").asText()).as("run-now does not move the next run")
                    .isEqualTo(weekly.path("nextRunAt").asText());

            assertThat(fixture.delete("/api/v1/schedules/" + uuid).status()).isEqualTo(204);
            assertThat(fixture.get("/api/v1/schedules/" + uuid).json().path("error_code").asText()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void schedulesThisServerCannotCarryOutAreRefused() {
        try (Fixture fixture = new Fixture(directory)) {
            assertRefused(fixture.post("/api/v1/schedules", "{\"url\": \"" + Fixture.VIDEO + "\", \"frequency\": \"custom\"}"),
                    "customCron");
            assertRefused(fixture.post("/api/v1/schedules", "{\"url\": \"" + Fixture.VIDEO + "\", \"frequency\": \"custom\", "
                    + "\"customCron\": \"every tuesday\"}"), "cron");
            assertRefused(fixture.post("/api/v1/schedules", "{\"url\": \"" + Fixture.VIDEO + "\", \"frequency\": \"daily\", "
                    + "\"timezone\": \"Mars/Olympus\"}"), "timezone");
            assertRefused(fixture.post("/api/v1/schedules", "{\"url\": \"" + Fixture.VIDEO + "\", \"frequency\": \"daily\", "
                    + "\"deliveryMethod\": \"email\"}"), "schedule.run");
            assertRefused(fixture.post("/api/v1/schedules", "{\"url\": \"" + Fixture.VIDEO + "\", \"frequency\": \"daily\", "
                    + "\"exportOptions\": {\"cookies\": {}}}"), "cookies");
            assertRefused(fixture.post("/api/v1/schedules", "{\"url\": \"" + Fixture.VIDEO + "\"}"), "frequency");
            Fixture.Response unknownPlatform = fixture.post("/api/v1/schedules",
                    "{\"url\": \"https://example.com/post/1\", \"frequency\": \"daily\"}");
            assertThat(unknownPlatform.json().path("error_code").asText()).isEqualTo("INVALID_URL");
            assertThat(fixture.get("/api/v1/schedules").json()).isEmpty();
        }
    }

    @Test
    void aRestartedServerKeepsItsSchedulesAndWebhooks() {
        String schedule;
        String webhook;
        try (Fixture fixture = new Fixture(directory)) {
            schedule = fixture.post("/api/v1/schedules", DAILY).json().path("uuid").asText();
            fixture.post("/api/v1/schedules/" + schedule + "/pause", "");
            webhook = fixture.post("/api/v1/webhooks", "{\"url\": \"https://example.com/hooks\", "
                    + "\"events\": [\"schedule.run\"]}").json().path("uuid").asText();
        }

        try (Fixture restarted = new Fixture(directory)) {
            JsonNode kept = restarted.get("/api/v1/schedules/" + schedule).json();
            assertThat(kept.path("name").asText()).isEqualTo("Daily YouTube Export");
            assertThat(kept.path("status").asText()).isEqualTo("paused");
            assertThat(kept.path("timezone").asText()).isEqualTo("America/New_York");
            JsonNode hook = restarted.get("/api/v1/webhooks/" + webhook).json();
            assertThat(hook.path("url").asText()).isEqualTo("https://example.com/hooks");
            assertThat(hook.path("events")).extracting(JsonNode::asText).containsExactly("schedule.run");
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
            JsonNode history = fixture.get("/api/v1/schedules/" + uuid).json().path("recent_history");
            if (!history.isEmpty() && !history.get(0).path("completedAt").isNull()) {
                return history.get(0);
            }
            Thread.sleep(50);
        }
    }
}
