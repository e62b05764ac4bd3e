package io.starexport.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportRequest;
import io.starexport.api.Progress;
import io.starexport.automation.ScheduleSpec;
import io.starexport.automation.Scheduler;
import io.starexport.jobs.JobError;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobRecord;
import io.starexport.jobs.JobStatus;
import io.starexport.jobs.JobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drives the server the way an MCP client does: raw JSON-RPC lines over its input and output streams (piped, no
 * network), mostly with sandbox exports, whose sample data is deterministic. The platform modules are installed in
 * test scope; a live export uses a platform of the test's own ({@link EndlessPlatform}), or endpoints on a closed
 * loopback port, so nothing reaches the internet.
 */
class StarExportMcpServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

    @TempDir
    Path dir;

    private McpClient client;

    private McpClient start() throws Exception {
        return start(StarExportMcpServer.builder().directory(dir).engine(engine -> engine.environment(Map.of())).build());
    }

    private McpClient start(StarExportMcpServer server) throws Exception {
        client = new McpClient(server);
        client.initialize();
        return client;
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            assertThat(client.closeInput()).as("serve() returned after the input closed").isTrue();
            assertThat(client.failure()).isNull();
        }
    }

    @Test
    void initializeAnswersWithTheClientsProtocolVersionServerInfoAndToolsCapability() throws Exception {
        client = new McpClient(StarExportMcpServer.builder().directory(dir).build());

        JsonNode result = client.initialize();

        assertThat(result.get("protocolVersion").asText()).isEqualTo("2025-06-18");
        assertThat(result.get("serverInfo").get("name").asText()).isEqualTo("starexport");
        assertThat(result.get("serverInfo").get("version").asText()).isNotBlank();
        assertThat(result.get("capabilities").has("tools")).isTrue();
        assertThat(result.get("instructions").asText()).contains("export_comments", "download_export");
    }

    @Test
    void toolsListOffersTheExportCommentsToolsAndTheScheduleToolsWithTheirSchemas() throws Exception {
        start();

        JsonNode tools = client.request("tools/list", null).get("result").get("tools");

        Map<String, JsonNode> byName = new java.util.HashMap<>();
        tools.forEach(tool -> byName.put(tool.get("name").asText(), tool));
        assertThat(byName).containsOnlyKeys("export_comments", "check_export", "list_exports", "download_export",
                "detect_platform", "list_platforms", "create_schedule", "list_schedules");
        JsonNode export = byName.get("export_comments").get("inputSchema");
        assertThat(export.get("type").asText()).isEqualTo("object");
        assertThat(names(export.get("properties"))).containsExactlyInAnyOrder("url", "content", "replies", "limit",
                "min_date", "max_date", "format", "sandbox", "wait");
        assertThat(export.get("required")).extracting(JsonNode::asText).containsExactly("url");
        assertThat(export.get("properties").get("format").get("enum")).extracting(JsonNode::asText)
                .contains("csv", "json", "jsonl");
        assertThat(export.get("additionalProperties").asBoolean()).isFalse();
        assertThat(names(byName.get("check_export").get("inputSchema").get("properties"))).containsExactlyInAnyOrder("id", "wait");
        assertThat(names(byName.get("list_exports").get("inputSchema").get("properties"))).containsExactlyInAnyOrder("page", "limit");
        assertThat(names(byName.get("download_export").get("inputSchema").get("properties")))
                .containsExactlyInAnyOrder("id", "offset", "limit");
        assertThat(names(byName.get("detect_platform").get("inputSchema").get("properties"))).containsExactly("url");
        assertThat(byName.get("list_platforms").get("inputSchema").get("properties").size()).isZero();
        assertThat(byName.get("list_exports").get("annotations").get("readOnlyHint").asBoolean()).isTrue();
        assertThat(byName.get("export_comments").get("annotations").get("readOnlyHint").asBoolean()).isFalse();
        JsonNode schedule = byName.get("create_schedule").get("inputSchema");
        assertThat(names(schedule.get("properties"))).containsExactlyInAnyOrder("url", "every", "cron", "at", "zone",
                "format", "limit", "replies", "sandbox", "only_new");
        assertThat(schedule.get("required")).extracting(JsonNode::asText).containsExactly("url");
        assertThat(schedule.get("properties").get("every").get("enum")).extracting(JsonNode::asText)
                .containsExactly("hourly", "daily", "weekly", "monthly");
        assertThat(byName.get("list_schedules").get("inputSchema").get("properties").size()).isZero();
        assertThat(byName.get("create_schedule").get("annotations").get("readOnlyHint").asBoolean()).isFalse();
        assertThat(byName.get("list_schedules").get("annotations").get("readOnlyHint").asBoolean()).isTrue();
    }

    @Test
    void createScheduleKeepsAScheduleInTheServersDirectoryThatListSchedulesShowsAfterARestart() throws Exception {
        start();

        JsonNode created = client.callForDocument("create_schedule", "{\"url\": \"" + VIDEO + "\", \"every\": "
                + "\"weekly\", \"at\": \"09:30\", \"zone\": \"Europe/Berlin\", \"limit\": 40, \"sandbox\": true, "
                + "\"only_new\": true}");

        assertThat(created.get("ok").asBoolean()).as(created.toString()).isTrue();
        JsonNode schedule = created.get("data");
        assertThat(schedule.get("frequency").asText()).isEqualTo("weekly");
        assertThat(schedule.get("at").asText()).isEqualTo("09:30");
        assertThat(schedule.get("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(schedule.get("format").asText()).as("only_new keeps JSON lines").isEqualTo("jsonl");
        assertThat(schedule.get("only_new").asBoolean()).isTrue();
        assertThat(schedule.get("content").asText()).isEqualTo("comments");
        assertThat(schedule.get("limit").asLong()).isEqualTo(40);
        assertThat(Instant.parse(schedule.get("next_run_at").asText()).atZone(java.time.ZoneId.of("Europe/Berlin"))
                .getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        try (var documents = Files.list(dir.resolve("schedules"))) {
            assertThat(documents.toList()).hasSize(1);
        }
        assertThat(client.closeInput()).isTrue();
        client = null;

        start();

        JsonNode listed = client.callForDocument("list_schedules", "{}").get("data");
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(listed.get("schedules").get(0).get("id").asText()).isEqualTo(schedule.get("id").asText());
        assertThat(listed.get("schedules").get(0).get("recent_runs")).isEmpty();
    }

    @Test
    void aDueScheduleRunsWhileTheServerServesAndItsRunIsAnExportToDownload() throws Exception {
        // A schedule created three hours ago, on a fake clock: its hourly run is due when the server starts.
        Clock threeHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC);
        try (StarExport engine = StarExport.builder().environment(Map.of()).build();
             JobExecutor jobs = JobExecutor.builder(engine).build();
             Scheduler scheduler = Scheduler.builder(jobs).directory(dir.resolve("schedules")).clock(threeHoursAgo)
                     .build()) {
            scheduler.create(ScheduleSpec.builder(ExportRequest.builder(VIDEO).limit(10).sandbox(true)
                    .to(dir.resolve("files").resolve("due.jsonl")).build()).hourly(0).build());
        }
        start();

        JsonNode run = null;
        for (int attempt = 0; attempt < 600 && run == null; attempt++) {
            JsonNode runs = client.callForDocument("list_schedules", "{}").get("data").get("schedules").get(0)
                    .get("recent_runs");
            if (runs.isEmpty()) {
                Thread.sleep(100);
            } else {
                run = runs.get(0);
            }
        }

        assertThat(run).as("the due run was recorded").isNotNull();
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("items").asLong()).isEqualTo(10);
        String exportId = run.get("export_id").asText();
        JsonNode records = client.callForDocument("download_export", "{\"id\": \"" + exportId + "\"}").get("data");
        assertThat(records.get("returned").asInt()).isEqualTo(10);
    }

    @Test
    void createScheduleRefusesWhatCannotRunNamingTheParameter() throws Exception {
        start();

        assertInvalid("create_schedule", "{\"url\": \"" + VIDEO + "\", \"only_new\": true, \"format\": \"csv\"}",
                "only_new", "format jsonl");
        assertInvalid("create_schedule", "{\"url\": \"" + VIDEO + "\", \"cron\": \"every day\"}", "cron",
                "is not a UNIX cron expression");
        assertInvalid("create_schedule", "{\"url\": \"" + VIDEO + "\", \"cron\": \"0 * * * *\", \"every\": \"daily\"}",
                "cron", "leave out 'every' and 'at'");
        assertInvalid("create_schedule", "{\"url\": \"" + VIDEO + "\", \"zone\": \"Mars/Olympus\"}", "zone",
                "a time zone");
        assertInvalid("create_schedule", "{\"url\": \"" + VIDEO + "\", \"at\": \"9am\"}", "at", "HH:MM");
        assertInvalid("create_schedule", "{\"url\": \"" + VIDEO + "\", \"every\": \"fortnightly\"}", "every",
                "fortnightly");
        JsonNode badUrl = client.callForDocument("create_schedule", "{\"url\": \"javascript:alert(1)\"}");
        assertThat(badUrl.get("error_code").asText()).isEqualTo("INVALID_URL");
        assertThat(client.callForDocument("list_schedules", "{}").get("data").get("total").asInt()).isZero();
    }

    @Test
    void exportsInTheSandboxThenChecksListsAndDownloadsTheRecords() throws Exception {
        start();

        JsonNode created = client.callForDocument("export_comments",
                "{\"url\": \"" + VIDEO + "\", \"sandbox\": true, \"limit\": 30, \"format\": \"csv\", \"wait\": true}");

        assertThat(created.get("ok").asBoolean()).isTrue();
        JsonNode export = created.get("data");
        String id = export.get("id").asText();
        assertThat(export.get("status").asText()).isEqualTo("succeeded");
        assertThat(export.get("platform").asText()).isEqualTo("youtube");
        assertThat(export.get("content").asText()).isEqualTo("comments");
        assertThat(export.get("sandbox").asBoolean()).isTrue();
        assertThat(export.get("result").get("items").asLong()).isEqualTo(30);
        JsonNode files = export.get("result").get("files");
        assertThat(files).extracting(f -> f.get("format").asText()).containsExactly("csv", "jsonl");
        Path csv = Path.of(files.get(0).get("path").asText());
        assertThat(csv).startsWith(dir).isRegularFile();
        assertThat(Files.readString(csv)).startsWith("platform,id,url");
        assertThat(Files.readAllLines(Path.of(files.get(1).get("path").asText()))).hasSize(30);

        JsonNode checked = client.callForDocument("check_export", "{\"id\": \"" + id + "\"}");
        assertThat(checked.get("data").get("status").asText()).isEqualTo("succeeded");
        assertThat(checked.get("data").get("result")).isEqualTo(export.get("result"));

        JsonNode listed = client.callForDocument("list_exports", "{}").get("data");
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(listed.get("exports").get(0).get("id").asText()).isEqualTo(id);
        assertThat(listed.get("exports").get(0).get("sandbox").asBoolean()).isTrue();

        JsonNode first = client.callForDocument("download_export", "{\"id\": \"" + id + "\", \"limit\": 10}").get("data");
        assertThat(first.get("total").asLong()).isEqualTo(30);
        assertThat(first.get("returned").asInt()).isEqualTo(10);
        assertThat(first.get("records")).hasSize(10);
        assertThat(first.get("truncated").asBoolean()).isTrue();
        assertThat(first.get("next_offset").asLong()).isEqualTo(10);
        assertThat(first.get("note").asText()).contains("Records 1–10 of 30", "offset=10",
                files.get(1).get("path").asText(), csv.toString());
        assertThat(first.get("records").get(0).get("platform").asText()).isEqualTo("youtube");

        JsonNode rest = client.callForDocument("download_export", "{\"id\": \"" + id + "\", \"offset\": 10}").get("data");
        assertThat(rest.get("returned").asInt()).isEqualTo(20);
        assertThat(rest.get("truncated").asBoolean()).isFalse();
        assertThat(rest.has("next_offset")).isFalse();
        Set<String> ids = new HashSet<>();
        first.get("records").forEach(r -> ids.add(r.get("id").asText()));
        rest.get("records").forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).as("30 distinct comments across both pages").hasSize(30);
        // The sample comments include Chinese, Korean and emoji: they arrive intact, escaped on the wire.
        List<String> texts = new ArrayList<>();
        first.get("records").forEach(r -> texts.add(r.get("text").asText()));
        rest.get("records").forEach(r -> texts.add(r.get("text").asText()));
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("😂"));
        assertThat(client.transcript().chars()).allMatch(c -> c < 128);
    }

    @Test
    void anExportStartedWithoutWaitingIsFollowedWithCheckExportWait() throws Exception {
        start();

        JsonNode export = client.callForDocument("export_comments",
                "{\"url\": \"https://www.reddit.com/r/java/comments/1abc2d/\", \"sandbox\": true, \"replies\": true, \"format\": \"jsonl\"}")
                .get("data");
        assertThat(export.get("status").asText()).isIn("queued", "running", "succeeded");
        assertThat(export.get("replies").asBoolean()).isTrue();

        JsonNode done = client.callForDocument("check_export", "{\"id\": \"" + export.get("id").asText()
                + "\", \"wait\": true}").get("data");
        assertThat(done.get("status").asText()).isEqualTo("succeeded");
        assertThat(done.get("result").get("files")).hasSize(1);
        assertThat(done.get("result").get("items").asLong()).isPositive();
    }

    @Test
    void aWaitThatEndsBeforeTheExportSaysSoAndDownloadingItIsNotReadyYet() throws Exception {
        // No wait at all: the answer comes while a 50,000-comment export has barely been queued.
        start(StarExportMcpServer.builder().directory(dir).maxWait(Duration.ZERO)
                .engine(engine -> engine.environment(Map.of())).build());

        JsonNode export = client.callForDocument("export_comments", "{\"url\": \"" + VIDEO + "\", \"sandbox\": true, "
                + "\"limit\": 50000, \"format\": \"jsonl\", \"wait\": true}");

        assertThat(export.get("ok").asBoolean()).isTrue();
        assertThat(export.get("data").get("status").asText()).isIn("queued", "running");
        assertThat(export.get("data").get("note").asText()).contains("call check_export with this id and wait=true");
        JsonNode download = client.callForDocument("download_export", "{\"id\": \""
                + export.get("data").get("id").asText() + "\"}");
        assertThat(download.get("error_code").asText()).isEqualTo("EXPORT_NOT_READY");
        assertThat(download.get("detail").asText()).contains("check_export");
    }

    @Test
    void theDateWindowIsPassedToTheExportWithAPlainMaxDateIncludingItsDay() throws Exception {
        start();

        JsonNode export = client.callForDocument("export_comments", "{\"url\": \"" + VIDEO + "\", \"sandbox\": true, "
                + "\"min_date\": \"2025-01-01\", \"max_date\": \"2025-06-30\", \"wait\": true}").get("data");

        assertThat(export.get("since").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(export.get("until").asText()).isEqualTo("2025-07-01T00:00:00Z");
        JsonNode records = client.callForDocument("download_export", "{\"id\": \"" + export.get("id").asText()
                + "\", \"limit\": 1000}").get("data").get("records");
        assertThat(records).isNotEmpty().allSatisfy(r -> assertThat(r.get("createdAt").asText())
                .isGreaterThanOrEqualTo("2025-01-01").isLessThan("2025-07-01"));
    }

    @Test
    void detectPlatformTellsWhatAUrlIs() throws Exception {
        start();

        JsonNode data = client.callForDocument("detect_platform", "{\"url\": \"" + VIDEO + "\"}").get("data");

        assertThat(data.get("platform").asText()).isEqualTo("youtube");
        assertThat(data.get("kind").asText()).isEqualTo("video");
        assertThat(data.get("id").asText()).isEqualTo("dQw4w9WgXcQ");
        assertThat(data.get("contents")).extracting(JsonNode::asText).contains("comments");
        assertThat(data.get("default_content").asText()).isEqualTo("comments");
    }

    @Test
    void listPlatformsNamesEveryPlatformAndTheInstalledFormats() throws Exception {
        start();

        JsonNode data = client.callForDocument("list_platforms", "{}").get("data");

        assertThat(data.get("platforms")).extracting(p -> p.get("id").asText())
                .contains("youtube", "reddit", "instagram", "tiktok");
        assertThat(data.get("total").asInt()).isEqualTo(data.get("platforms").size());
        JsonNode youtube = find(data.get("platforms"), "youtube");
        assertThat(youtube.get("credentials")).extracting(JsonNode::asText).contains("api_key");
        assertThat(data.get("formats")).extracting(JsonNode::asText).contains("csv", "json", "jsonl");
        assertThat(data.get("default_format").asText()).isEqualTo("csv");
    }

    @Test
    void invalidArgumentsAreToolErrorsNamingTheParameter() throws Exception {
        start();

        assertInvalid("export_comments", "{}", "url", "'url' is required");
        assertInvalid("export_comments", "{\"url\": \"" + VIDEO + "\", \"limit\": 0}", "limit", "'limit' must be at least 1 but was 0");
        assertInvalid("export_comments", "{\"url\": \"" + VIDEO + "\", \"limit\": \"ten\"}", "limit", "whole number");
        assertInvalid("export_comments", "{\"url\": \"" + VIDEO + "\", \"replies\": \"yes\"}", "replies", "true or false");
        assertInvalid("export_comments", "{\"url\": \"" + VIDEO + "\", \"min_date\": \"last week\"}", "min_date", "ISO 8601");
        assertInvalid("export_comments", "{\"url\": \"" + VIDEO + "\", \"min_date\": \"2025-02-01\", "
                + "\"max_date\": \"2025-01-01\"}", "max_date", "after 'min_date'");
        assertInvalid("export_comments", "{\"url\": \"" + VIDEO + "\", \"format\": \"pdf\"}", "format", "csv, json, jsonl");
        assertInvalid("export_comments", "{\"url\": \"" + VIDEO + "\", \"max_results\": 5}", "max_results",
                "unknown argument 'max_results'");
        assertInvalid("list_exports", "{\"limit\": 500}", "limit", "from 1 to 100");
        assertInvalid("download_export", "{\"id\": \"abc\"}", "id", "export id");
        assertThat(client.callForDocument("list_exports", "{}").get("data").get("total").asInt())
                .as("no export was created by a rejected call").isZero();
    }

    @Test
    void anUnknownToolIsAnErrorNamingItAndTheTools() throws Exception {
        start();

        JsonNode error = client.call("export_comment", "{\"url\": \"" + VIDEO + "\"}").get("error");

        assertThat(error.get("code").asInt()).isEqualTo(-32602);
        assertThat(error.get("message").asText()).contains("unknown tool 'export_comment'")
                .contains("export_comments, check_export, list_exports, download_export, detect_platform, "
                        + "list_platforms");
    }

    @Test
    void anUnknownExportIdIsAnErrorPointingToListExports() throws Exception {
        start();
        String id = UUID.randomUUID().toString();

        for (String tool : List.of("check_export", "download_export")) {
            JsonNode result = client.callForDocument(tool, "{\"id\": \"" + id + "\"}");
            assertThat(result.get("ok").asBoolean()).isFalse();
            assertThat(result.get("error_code").asText()).isEqualTo("UNKNOWN_EXPORT");
            assertThat(result.get("error").asText()).contains(id);
            assertThat(result.get("detail").asText()).contains("list_exports");
        }
    }

    @Test
    void aBadOrUnsupportedUrlCarriesTheEngineErrorCode() throws Exception {
        start();

        JsonNode invalid = client.callForDocument("export_comments", "{\"url\": \"not a url\", \"sandbox\": true}");
        assertThat(invalid.get("error_code").asText()).isEqualTo("INVALID_URL");
        assertThat(invalid.get("parameter").asText()).isEqualTo("url");

        JsonNode unsupported = client.callForDocument("detect_platform", "{\"url\": \"https://example.com/post/1\"}");
        assertThat(unsupported.get("ok").asBoolean()).isFalse();
        assertThat(unsupported.get("error_code").asText()).isEqualTo("UNSUPPORTED_PLATFORM");
        assertThat(unsupported.get("detail").asText()).contains("list_platforms");
    }

    @Test
    void theSandboxDefaultDecidesACallThatLeavesSandboxOut() throws Exception {
        start(StarExportMcpServer.builder().directory(dir).sandboxByDefault(true)
                .engine(engine -> engine.environment(Map.of()).platform(new EndlessPlatform())).build());

        JsonNode export = client.callForDocument("export_comments", "{\"url\": \"" + VIDEO + "\", \"limit\": 5, \"wait\": true}");

        assertThat(export.get("data").get("sandbox").asBoolean()).isTrue();
        assertThat(export.get("data").get("status").asText()).isEqualTo("succeeded");
        // The same engine runs a call that asks for the platform: this one reads the test's endless platform.
        JsonNode live = client.callForDocument("export_comments", "{\"url\": \"" + EndlessPlatform.URL
                + "\", \"sandbox\": false, \"format\": \"jsonl\"}").get("data");
        assertThat(live.get("sandbox").asBoolean()).isFalse();
        assertThat(live.get("platform").asText()).isEqualTo("endless");
        JsonNode listed = client.callForDocument("list_exports", "{}").get("data");
        assertThat(listed.get("exports")).extracting(e -> e.get("sandbox").asBoolean()).containsExactly(false, true);
    }

    @Test
    void jobsOfTheEarlierLiveAndSandboxStoresMoveIntoTheOneStoreKeepingTheirSandboxChoice() throws Exception {
        // Before one engine served both, a server kept its live and sandbox jobs in jobs/live and jobs/sandbox, and
        // a sandbox job's request did not say "sandbox": its engine did.
        UUID queued = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        Instant created = Instant.parse("2026-01-02T03:04:05Z");
        Progress none = new Progress(0, OptionalLong.empty(), 0, 0, 0, Duration.ZERO);
        JobStore.directory(dir.resolve("jobs/sandbox")).save(new JobRecord(queued, ExportRequest.builder(
                        "https://www.youtube.com/watch?v=dQw4w9WgXcQ").content(Content.COMMENTS).limit(4)
                .to(dir.resolve("files/earlier.jsonl"), "jsonl").build(), JobExecutor.DEFAULT_PRIORITY, "youtube",
                JobStatus.QUEUED, 0, created, Optional.empty(), Optional.empty(), none, Optional.empty(),
                Optional.empty(), Optional.empty()));
        JobStore.directory(dir.resolve("jobs/live")).save(new JobRecord(failed, ExportRequest.builder(
                        "https://www.youtube.com/watch?v=dQw4w9WgXcQ").content(Content.COMMENTS)
                .to(dir.resolve("files/live.jsonl"), "jsonl").build(), JobExecutor.DEFAULT_PRIORITY, "youtube",
                JobStatus.FAILED, 1, created.minusSeconds(60), Optional.of(created), Optional.of(created), none,
                Optional.empty(), Optional.empty(), Optional.of(new JobError(ErrorCode.AUTH_REQUIRED, "no key",
                Optional.empty()))));

        // Were the moved job to run live, it would meet a closed loopback port, not the internet.
        start(StarExportMcpServer.builder().directory(dir).engine(engine -> engine.environment(Map.of())
                .endpoint("youtube", "api", "http://127.0.0.1:9").endpoint("youtube", "web", "http://127.0.0.1:9"))
                .build());

        JsonNode resumed = client.callForDocument("check_export", "{\"id\": \"" + queued + "\", \"wait\": true}")
                .get("data");
        assertThat(resumed.get("sandbox").asBoolean()).isTrue();
        assertThat(resumed.get("status").asText()).as(resumed.toString()).isEqualTo("succeeded");
        assertThat(resumed.get("result").get("items").asInt()).isEqualTo(4);
        JsonNode live = client.callForDocument("check_export", "{\"id\": \"" + failed + "\"}").get("data");
        assertThat(live.get("sandbox").asBoolean()).isFalse();
        assertThat(live.get("status").asText()).isEqualTo("failed");
        assertThat(dir.resolve("jobs/live")).doesNotExist();
        assertThat(dir.resolve("jobs/sandbox")).doesNotExist();
        assertThat(dir.resolve("jobs/" + queued + ".json")).isRegularFile();
    }

    @Test
    void exportsSurviveARestartOnTheSameDirectory() throws Exception {
        start();
        String id = client.callForDocument("export_comments", "{\"url\": \"" + VIDEO + "\", \"sandbox\": true, "
                + "\"limit\": 12, \"wait\": true}").get("data").get("id").asText();
        assertThat(client.closeInput()).isTrue();
        client = null;

        start();

        JsonNode listed = client.callForDocument("list_exports", "{}").get("data");
        assertThat(listed.get("exports")).extracting(e -> e.get("id").asText()).containsExactly(id);
        JsonNode records = client.callForDocument("download_export", "{\"id\": \"" + id + "\"}").get("data");
        assertThat(records.get("returned").asInt()).isEqualTo(12);
    }

    @Test
    void listExportsPagesNewestFirst() throws Exception {
        start();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(client.callForDocument("export_comments", "{\"url\": \"" + VIDEO + "\", \"sandbox\": true, "
                    + "\"limit\": " + i + ", \"wait\": true}").get("data").get("id").asText());
        }

        JsonNode first = client.callForDocument("list_exports", "{\"limit\": 2}").get("data");
        JsonNode second = client.callForDocument("list_exports", "{\"page\": 2, \"limit\": 2}").get("data");

        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(first.get("pages").asInt()).isEqualTo(2);
        assertThat(first.get("next_page").asInt()).isEqualTo(2);
        assertThat(first.get("exports")).extracting(e -> e.get("id").asText()).containsExactly(ids.get(2), ids.get(1));
        assertThat(second.get("exports")).extracting(e -> e.get("id").asText()).containsExactly(ids.get(0));
        assertThat(second.has("next_page")).isFalse();
    }

    @Test
    void credentialsAndUrlPasswordsNeverAppearInResults() throws Exception {
        start(StarExportMcpServer.builder().directory(dir).engine(engine -> engine.environment(Map.of())
                .credential("youtube", "api_key", "AIzaSECRET-KEY-0123456789")).build());

        client.callForDocument("export_comments", "{\"url\": \"https://someone:hunter2pass@www.youtube.com/watch?v=dQw4w9WgXcQ\", "
                + "\"sandbox\": true, \"limit\": 3, \"wait\": true}");
        client.callForDocument("list_exports", "{}");
        client.callForDocument("list_platforms", "{}");

        assertThat(client.transcript()).doesNotContain("AIzaSECRET-KEY-0123456789").doesNotContain("hunter2pass");
    }

    @Test
    void aLineThatIsNotJsonRpcGetsAnErrorAndTheServerKeepsServing() throws Exception {
        start();

        client.sendLine("this is not json");
        JsonNode parseError = client.next();
        client.sendLine("{\"hello\": \"world\"}");
        JsonNode invalid = client.next();

        assertThat(parseError.get("error").get("code").asInt()).isEqualTo(-32700);
        assertThat(parseError.has("id")).isTrue();
        assertThat(parseError.get("id").isNull()).isTrue();
        assertThat(invalid.get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(client.request("ping", null).has("result")).isTrue();
    }

    @Test
    void requestsBeforeTheInitializedNotificationAreRefusedNotHeldForever() throws Exception {
        client = new McpClient(StarExportMcpServer.builder().directory(dir).build());
        client.request("initialize", JSON.readTree("{\"protocolVersion\": \"2025-06-18\", \"capabilities\": {}, "
                + "\"clientInfo\": {\"name\": \"t\", \"version\": \"1\"}}"));

        JsonNode early = client.request("tools/list", null);
        JsonNode ping = client.request("ping", null);
        client.notify("notifications/initialized");
        JsonNode later = client.request("tools/list", null);

        assertThat(early.get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(early.get("error").get("message").asText()).contains("notifications/initialized");
        assertThat(ping.has("result")).isTrue();
        assertThat(later.get("result").get("tools")).hasSize(8);
    }

    @Test
    void serveReturnsWhenTheInputEndsAndLeavesNoThreadOfItsOwn() throws Exception {
        StarExportMcpServer server = StarExportMcpServer.builder().directory(dir)
                .engine(engine -> engine.environment(Map.of())).build();
        String requests = String.join("\n",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"export_comments\","
                        + "\"arguments\":{\"url\":\"" + VIDEO + "\",\"sandbox\":true,\"limit\":5,\"wait\":true}}}") + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        server.serve(new ByteArrayInputStream(requests.getBytes(StandardCharsets.UTF_8)), out);

        // The call still in flight when the input ended was answered before serve returned (its wait cut short,
        // so the export may be done or not).
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"id\":2").contains("\\\"ok\\\":true");
        // Threads of the server, its engines and executors end: a thread may still be returning from its last
        // task when its pool reports termination, so each gets a moment to end (this bounds a hang, it times nothing).
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("starexport")) {
                thread.join(10_000);
                assertThat(thread.isAlive()).as(thread.getName() + " still running").isFalse();
            }
        }
    }

    @Test
    void closingTheInputEndsAWaitingCallAtOnceAndTheExportResumesOnTheNextStart() throws Exception {
        StarExportMcpServer server = StarExportMcpServer.builder().directory(dir).maxWait(Duration.ofMinutes(30))
                .engine(engine -> engine.environment(Map.of()).platform(new EndlessPlatform())).build();
        start(server);
        String id = client.callForDocument("export_comments", "{\"url\": \"" + EndlessPlatform.URL
                + "\", \"sandbox\": false, \"format\": \"jsonl\"}").get("data").get("id").asText();
        client.sendLine("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"check_export\",\"arguments\":{\"id\":\"" + id + "\",\"wait\":true}}}");
        client.call("list_platforms", "{}"); // answered while check_export waits, so that call has begun

        // The client closes the input, as MCP clients do to stop a server, and kills it if it lingers: serve
        // returns without holding the process for the 30-minute wait, and the waiting call says why it ended.
        assertThat(client.closeInput()).isTrue();
        JsonNode waited = client.next();
        assertThat(waited.get("id").asInt()).isEqualTo(99);
        JsonNode answer = JSON.readTree(waited.get("result").get("content").get(0).get("text").asText());
        assertThat(answer.get("data").get("status").asText()).as(answer.toString()).isIn("queued", "running");
        assertThat(answer.get("data").get("note").asText()).contains("server is stopping")
                .contains("resumes from its checkpoint");
        client = null;

        start(server);
        JsonNode resumed = client.callForDocument("check_export", "{\"id\": \"" + id + "\"}").get("data");
        assertThat(resumed.get("status").asText()).isIn("queued", "running");
        assertThat(resumed.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void oneInstanceServesOneClientAtATime() throws Exception {
        StarExportMcpServer server = StarExportMcpServer.builder().directory(dir).build();
        start(server);

        assertThatThrownBy(() -> server.serve(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already serving");
    }

    @Test
    void theDefaultDirectoryFollowsXdgDataHome() {
        assertThat(StarExportMcpServer.defaultDirectory(Map.of("XDG_DATA_HOME", "/data/home")))
                .isEqualTo(Path.of("/data/home/starexport/mcp"));
        assertThat(StarExportMcpServer.defaultDirectory(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".local", "share", "starexport", "mcp"));
    }

    private void assertInvalid(String tool, String arguments, String parameter, String message) {
        JsonNode result = client.callForDocument(tool, arguments);
        assertThat(result.get("ok").asBoolean()).as(arguments).isFalse();
        assertThat(result.get("error_code").asText()).as(arguments).isEqualTo("INVALID_ARGUMENT");
        assertThat(result.get("parameter").asText()).as(arguments).isEqualTo(parameter);
        assertThat(result.get("error").asText()).as(arguments).contains(message);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode find(JsonNode platforms, String id) {
        for (JsonNode platform : platforms) {
            if (platform.get("id").asText().equals(id)) {
                return platform;
            }
        }
        throw new AssertionError("no platform " + id + " in " + platforms);
    }
}
