package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.starexport.StarExport;
import io.starexport.api.ExportRequest;
import io.starexport.automation.ScheduleSpec;
import io.starexport.automation.Scheduler;
import io.starexport.automation.Webhooks;
import io.starexport.automation.WorkflowSpec;
import io.starexport.automation.Workflows;
import io.starexport.jobs.JobExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code starexport webhook}, {@code schedule}, {@code workflow} and {@code run} over one automation folder. */
class AutomationCommandsTest {
    private static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    private static final String CHANNEL = "https://www.youtube.com/@starexport";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private Cli.Run cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--dir";
        all[args.length + 1] = dir.resolve("automation").toString();
        return Cli.run(all);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getPort() + "/hook";
    }

    @Test
    void webhookAddShowsTheSecretOnceAndListToggleDeleteManageIt() {
        JsonNode added = cli("webhook", "add", hookUrl(), "--event", "export.finished", "--event", "schedule.run",
                "--allow-local", "--json").json().get("data");
        String id = added.get("id").asText();
        assertThat(added.get("secret").asText()).startsWith("whsec_");
        assertThat(added.get("events")).extracting(JsonNode::asText).containsExactly("export.finished", "schedule.run");

        JsonNode listed = cli("webhook", "list", "--json").json().get("data");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("status").asText()).isEqualTo("enabled");
        assertThat(listed.get(0).has("secret")).isFalse();
        assertThat(cli("webhook", "toggle", id, "--json").json().get("data").get("status").asText()).isEqualTo("disabled");
        assertThat(cli("webhook", "toggle", id, "--json").json().get("data").get("status_code").asInt()).isEqualTo(1);
        assertThat(cli("webhook", "deliveries", id, "--json").json().get("data")).isEmpty();

        assertThat(cli("webhook", "delete", id, "--json").exitCode()).isZero();
        Cli.Run again = cli("webhook", "delete", id, "--json");
        assertThat(again.exitCode()).isEqualTo(5);
        assertThat(again.json().get("error_code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aLoopbackWebhookNeedsAllowLocalAndAnUnknownEventIsAUsageError() {
        Cli.Run refused = cli("webhook", "add", hookUrl(), "--json");
        Cli.Run unknown = cli("webhook", "add", "https://example.com/hook", "--event", "export.done", "--json");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.json().get("error").asText()).contains("Unknown webhook event 'export.done'");
    }

    @Test
    void scheduleAddListPauseResumeDelete() {
        JsonNode added = cli("schedule", "add", VIDEO, "-o", dir.resolve("comments.jsonl").toString(), "--every",
                "weekly", "--day", "fri", "--at", "09:30", "--zone", "Europe/Berlin", "--only-new", "--limit", "50",
                "--name", "Launch video", "--json").json().get("data");
        String id = added.get("id").asText();
        assertThat(added.get("when").asText()).isEqualTo("weekly Fri 09:30 Europe/Berlin");
        assertThat(added.get("only_new").asBoolean()).isTrue();
        assertThat(added.get("outputs").get(0).asText()).isEqualTo(dir.resolve("comments.jsonl").toString());
        Instant next = Instant.parse(added.get("next_run_at").asText());
        assertThat(next.atZone(java.time.ZoneId.of("Europe/Berlin")).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);

        assertThat(cli("schedule", "list", "--json").json().get("data").get(0).get("name").asText()).isEqualTo("Launch video");
        assertThat(cli("schedule", "pause", id, "--json").json().get("data").get("paused").asBoolean()).isTrue();
        assertThat(cli("schedule", "resume", id, "--json").json().get("data").get("paused").asBoolean()).isFalse();
        assertThat(cli("schedule", "delete", id, "--json").exitCode()).isZero();
        assertThat(cli("schedule", "list", "--json").json().get("data")).isEmpty();
    }

    @Test
    void scheduleAddRefusesWhatCannotRun() {
        Cli.Run onlyNewCsv = cli("schedule", "add", VIDEO, "-o", "c.csv", "--only-new", "--json");
        Cli.Run badCron = cli("schedule", "add", VIDEO, "-o", "c.jsonl", "--cron", "every day", "--json");
        Cli.Run badEvery = cli("schedule", "add", VIDEO, "-o", "c.jsonl", "--every", "fortnightly", "--json");
        Cli.Run badUrl = cli("schedule", "add", "javascript:alert(1)", "-o", "c.jsonl", "--json");

        assertThat(onlyNewCsv.json().get("error").asText()).contains("onlyNew needs JSON Lines outputs");
        assertThat(badCron.json().get("error").asText()).contains("is not a UNIX cron expression");
        assertThat(badEvery.json().get("error").asText()).contains("--every must be one of hourly, daily");
        assertThat(List.of(onlyNewCsv.exitCode(), badCron.exitCode(), badEvery.exitCode(), badUrl.exitCode()))
                .containsOnly(2);
        assertThat(badUrl.json().get("error_code").asText()).isEqualTo("INVALID_URL");
        assertThat(cli("schedule", "list", "--json").json().get("data")).isEmpty();
    }

    @Test
    void scheduleRunNowExportsFromTheSandboxAtOnce() {
        String id = cli("schedule", "add", VIDEO, "-o", dir.resolve("comments.jsonl").toString(), "--sandbox",
                "--limit", "20", "--json").json().get("data").get("id").asText();

        Cli.Run run = cli("schedule", "run-now", id, "--json");

        JsonNode data = run.json().get("data");
        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(data.get("status").asText()).isEqualTo("succeeded");
        assertThat(data.get("items").asLong()).isBetween(1L, 20L);
        assertThat(Path.of(data.get("files").get(0).asText())).exists();
        assertThat(cli("schedule", "list", "--json").json().get("data").get(0).get("run_count").asLong()).isEqualTo(1);
    }

    @Test
    void runOnceRunsADueScheduleAndDeliversASignedWebhookThatCanBeResent() throws Exception {
        receiver.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        JsonNode hook = cli("webhook", "add", hookUrl(), "--event", "schedule.run", "--allow-local", "--json")
                .json().get("data");
        Path folder = dir.resolve("automation");
        // A schedule created three hours ago, on a fake clock: its hourly run is due now (no sleeping).
        Clock threeHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC);
        try (StarExport engine = StarExport.builder().environment(Map.of()).build();
             JobExecutor jobs = JobExecutor.builder(engine).build();
             Scheduler scheduler = Scheduler.builder(jobs).directory(folder.resolve("schedules")).clock(threeHoursAgo)
                     .build()) {
            scheduler.create(ScheduleSpec.builder(ExportRequest.builder(VIDEO).limit(10).sandbox(true)
                    .to(dir.resolve("due.jsonl")).build()).hourly(0).build());
        }

        Cli.Run run = cli("run", "--once", "--allow-local", "--json");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        JsonNode runs = run.json().get("data");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("status").asText()).isEqualTo("succeeded");
        assertThat(Files.readAllLines(Path.of(runs.get(0).get("files").get(0).asText()))).isNotEmpty();
        List<LoggedRequest> delivered = receiver.findAll(postRequestedFor(urlPathEqualTo("/hook")));
        assertThat(delivered).hasSize(1);
        assertThat(Webhooks.verify(delivered.get(0).getBody(), delivered.get(0).getHeader("X-Signature"),
                hook.get("secret").asText())).isTrue();
        String messageId = JSON.readTree(delivered.get(0).getBody()).get("message_id").asText();
        assertThat(JSON.readTree(delivered.get(0).getBody()).get("event").asText()).isEqualTo("schedule.run");

        String id = hook.get("id").asText();
        JsonNode deliveries = cli("webhook", "deliveries", id, "--json").json().get("data");
        assertThat(deliveries.get(0).get("message_id").asText()).isEqualTo(messageId);
        assertThat(deliveries.get(0).get("response_code").asInt()).isEqualTo(204);
        Cli.Run resent = cli("webhook", "resend", id, messageId, "--allow-local", "--json");
        assertThat(resent.exitCode()).as(resent.everything()).isZero();
        List<LoggedRequest> both = receiver.findAll(postRequestedFor(urlPathEqualTo("/hook")));
        assertThat(both).hasSize(2);
        assertThat(JSON.readTree(both.get(1).getBody()).get("message_id").asText()).isEqualTo(messageId);
        assertThat(cli("run", "--once", "--json").json().get("data")).as("nothing due any more").isEmpty();
    }

    @Test
    void workflowRunNowExportsEachStepFromTheSandbox() throws Exception {
        // The sandbox's posts are dated before June 2026: --max-age reaches back to them.
        JsonNode added = cli("workflow", "add", CHANNEL, "--template", "profile-posts-comments", "--sandbox",
                "--max-age", "100000", "-o", dir.resolve("channel").toString(), "--json").json().get("data");
        String id = added.get("id").asText();
        assertThat(added.get("when").asText()).isEqualTo("on demand");
        assertThat(added.get("steps")).extracting(s -> s.get("content").asText()).containsExactly("posts", "comments");

        Cli.Run run = cli("workflow", "run-now", id, "--json");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        JsonNode data = run.json().get("data");
        assertThat(data.get("status").asText()).isEqualTo("succeeded");
        assertThat(data.get("steps_completed").asInt()).isEqualTo(2);
        List<Path> files = new java.util.ArrayList<>();
        data.get("files").forEach(f -> files.add(Path.of(f.asText())));
        assertThat(files).extracting(f -> f.getFileName().toString())
                .anyMatch(n -> n.equals("1-posts.jsonl")).anyMatch(n -> n.startsWith("2-comments-"));
        for (Path file : files) {
            assertThat(file).startsWith(dir.resolve("channel"));
            assertThat(Files.readAllLines(file)).as(file.toString()).isNotEmpty();
        }
        assertThat(data.get("total_results").asLong()).isPositive();
        assertThat(cli("workflow", "list", "--json").json().get("data").get(0).get("run_count").asLong()).isEqualTo(1);
    }

    @Test
    void workflowAddListPauseResumeDelete() {
        JsonNode added = cli("workflow", "add", VIDEO, "--template", "post-comments", "-o", dir.resolve("video").toString(),
                "--every", "daily", "--at", "09:00", "--zone", "Europe/Berlin", "--name", "Launch video", "--json")
                .json().get("data");
        String id = added.get("id").asText();
        assertThat(added.get("when").asText()).isEqualTo("daily 09:00 Europe/Berlin");
        assertThat(added.get("next_run_at").isNull()).isFalse();

        assertThat(cli("workflow", "list", "--json").json().get("data").get(0).get("name").asText()).isEqualTo("Launch video");
        assertThat(cli("workflow", "pause", id, "--json").json().get("data").get("paused").asBoolean()).isTrue();
        assertThat(cli("workflow", "resume", id, "--json").json().get("data").get("paused").asBoolean()).isFalse();
        assertThat(cli("workflow", "delete", id, "--json").exitCode()).isZero();
        assertThat(cli("workflow", "list", "--json").json().get("data")).isEmpty();
        Cli.Run gone = cli("workflow", "pause", id, "--json");
        assertThat(gone.exitCode()).isEqualTo(5);
        assertThat(gone.json().get("error_code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void workflowAddRefusesAnUnknownTemplateAndAZoneWithoutSchedule() {
        Cli.Run badTemplate = cli("workflow", "add", VIDEO, "--template", "likes", "-o", "v", "--json");
        Cli.Run zoneOnly = cli("workflow", "add", VIDEO, "--template", "post-comments", "-o", "v", "--zone", "UTC", "--json");

        assertThat(badTemplate.json().get("error").asText())
                .contains("--template must be one of profile-posts-comments, post-comments");
        assertThat(zoneOnly.json().get("error").asText()).contains("add --every or --cron");
        assertThat(List.of(badTemplate.exitCode(), zoneOnly.exitCode())).containsOnly(2);
        assertThat(cli("workflow", "list", "--json").json().get("data")).isEmpty();
    }

    @Test
    void runOnceRunsADueWorkflow() throws Exception {
        Path folder = dir.resolve("automation");
        // A workflow created three hours ago, on a fake clock: its hourly run is due now (no sleeping).
        Clock threeHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC);
        try (StarExport engine = StarExport.builder().environment(Map.of()).build();
             JobExecutor jobs = JobExecutor.builder(engine).build();
             Scheduler scheduler = Scheduler.builder(jobs).directory(folder.resolve("schedules")).clock(threeHoursAgo)
                     .build()) {
            Workflows.builder(scheduler).directory(folder.resolve("workflows")).build()
                    .create(WorkflowSpec.postComments(VIDEO, dir.resolve("video")).sandbox(true).hourly(0).build());
        }

        Cli.Run run = cli("run", "--once", "--json");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        JsonNode runs = run.json().get("data");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("status").asText()).isEqualTo("succeeded");
        assertThat(runs.get(0).has("workflow_id")).isTrue();
        assertThat(Files.readAllLines(Path.of(runs.get(0).get("files").get(0).asText()))).isNotEmpty();
        assertThat(cli("run", "--once", "--json").json().get("data")).as("nothing due any more").isEmpty();
    }
}
