package io.starexport.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.starexport.Detection;
import io.starexport.PlatformInfo;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.api.Progress;
import io.starexport.automation.Frequency;
import io.starexport.automation.Schedule;
import io.starexport.automation.ScheduleRun;
import io.starexport.automation.ScheduleSpec;
import io.starexport.jobs.Job;
import io.starexport.jobs.JobError;
import io.starexport.jobs.JobRecord;
import io.starexport.jobs.JobResult;
import io.starexport.jobs.JobStatus;
import io.starexport.spi.OutputFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The tools, after the ExportComments MCP server (and its schedules): names, arguments and the {@code {"ok": true, "data": …}}
 * / {@code {"ok": false, "error", "error_code", "detail"}} result shape. Each result is one JSON text, also given
 * as structured content. Results hold canonical URLs, file paths and messages, never credentials: jobs carry
 * none, and engine messages are redacted at the source.
 */
final class Tools {
    static final String INSTRUCTIONS = "Star Export exports comments, posts, profiles and media metadata from "
            + "YouTube, Reddit, Instagram and TikTok URLs. Call export_comments with a URL (wait=true to block until "
            + "it is done), then download_export to read the records as JSON. Exports are jobs kept on disk: "
            + "check_export and list_exports show them. create_schedule repeats an export hourly, daily, weekly or "
            + "monthly while the server runs; list_schedules shows them. sandbox=true exports offline sample data.";
    /** Records {@code download_export} returns per call when the caller names no limit. */
    static final int DEFAULT_DOWNLOAD_LIMIT = 100;
    static final int MAX_DOWNLOAD_LIMIT = 1000;
    /** Most JSON text of records per {@code download_export} call, so one answer fits an assistant's context. */
    static final int MAX_DOWNLOAD_BYTES = 256 * 1024;
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    private static final String DEFAULT_FORMAT = "csv";
    private static final List<String> CONTENTS = Arrays.stream(Content.values())
            .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    private static final Logger LOG = LoggerFactory.getLogger(Tools.class);

    private final Exports exports;
    private final McpJsonMapper mcpJson;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> formats;

    Tools(Exports exports, McpJsonMapper mcpJson) {
        this.exports = exports;
        this.mcpJson = mcpJson;
        this.formats = exports.formats().stream().map(OutputFormat::id).toList();
    }

    List<SyncToolSpecification> specifications() {
        return List.of(
                tool("export_comments", "Export comments", """
                        Create an export of the comments (or posts, profile or media metadata) of a URL from \
                        YouTube, Reddit, Instagram or TikTok. Returns the export with its id; use check_export to \
                        follow it and download_export to read the records. With wait=true the call blocks until the \
                        export is done (up to %d s; if it is still running, call check_export with wait=true). The \
                        export writes a file in the chosen format, plus a JSON lines file, in the server's export directory.\
                        """.formatted(exports.maxWait().toSeconds()),
                        exportSchema(), false, this::exportComments),
                tool("check_export", "Check an export", """
                        Show an export by its id: status (queued, running, succeeded, failed, cancelled), progress, \
                        the files written, how complete it is, and the error of a failed export. With wait=true, \
                        wait for it to finish first (up to %d s).""".formatted(exports.maxWait().toSeconds()),
                        """
                        {"type": "object", "additionalProperties": false, "required": ["id"], "properties": {
                          "id": {"type": "string", "description": "The export id from export_comments or list_exports"},
                          "wait": {"type": "boolean", "description": "Wait for the export to finish before answering", "default": false}
                        }}""", true, this::checkExport),
                tool("list_exports", "List exports", """
                        List the exports this server knows, live and sandbox, newest first, a page at a time.""",
                        """
                        {"type": "object", "additionalProperties": false, "properties": {
                          "page": {"type": "integer", "minimum": 1, "default": 1, "description": "Page number, from 1"},
                          "limit": {"type": "integer", "minimum": 1, "maximum": %d, "default": %d, "description": "Exports per page"}
                        }}""".formatted(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE), true, this::listExports),
                tool("download_export", "Download an export", """
                        Read the records of a succeeded export as JSON, %d at a time by default (at most %d, and at \
                        most %d KB per call); use offset to read further. The answer names the total and the files, \
                        which hold every record.""".formatted(DEFAULT_DOWNLOAD_LIMIT, MAX_DOWNLOAD_LIMIT,
                        MAX_DOWNLOAD_BYTES / 1024),
                        """
                        {"type": "object", "additionalProperties": false, "required": ["id"], "properties": {
                          "id": {"type": "string", "description": "The export id"},
                          "offset": {"type": "integer", "minimum": 0, "default": 0, "description": "Records to skip"},
                          "limit": {"type": "integer", "minimum": 1, "maximum": %d, "default": %d, "description": "Most records to return"}
                        }}""".formatted(MAX_DOWNLOAD_LIMIT, DEFAULT_DOWNLOAD_LIMIT), true, this::downloadExport),
                tool("detect_platform", "Detect a URL's platform", """
                        Tell which platform a URL belongs to, what it is (video, post, profile…), its canonical URL \
                        and what can be exported from it. Use it before export_comments when unsure.""",
                        """
                        {"type": "object", "additionalProperties": false, "required": ["url"], "properties": {
                          "url": {"type": "string", "description": "The URL to detect"}
                        }}""", true, this::detectPlatform),
                tool("list_platforms", "List platforms", """
                        List the supported platforms with what each can export and the credentials it understands, \
                        and the output formats.""",
                        """
                        {"type": "object", "additionalProperties": false, "properties": {}}""", true,
                        this::listPlatforms),
                tool("create_schedule", "Schedule an export", """
                        Export a URL again and again: hourly, daily, weekly, monthly or at the times of a cron \
                        expression, in a time zone. The server runs each due export while it is running (a run \
                        missed while it was stopped runs once when it starts again). Each run is an export that \
                        list_exports shows and download_export reads; its files get the run's time in their \
                        names. With only_new=true a run keeps only items no earlier run exported.""",
                        scheduleSchema(), false, this::createSchedule),
                tool("list_schedules", "List schedules", """
                        List the scheduled exports of this server with when they run, their next run, run and \
                        failure counts and their recent runs (with the export id of each).""",
                        """
                        {"type": "object", "additionalProperties": false, "properties": {}}""", true,
                        this::listSchedules));
    }

    private String scheduleSchema() {
        return """
                {"type": "object", "additionalProperties": false, "required": ["url"], "properties": {
                  "url": {"type": "string", "description": "The video, post, comment, profile… to export at each run"},
                  "every": {"type": "string", "enum": ["hourly", "daily", "weekly", "monthly"], "default": "daily", "description": "How often; give this or cron"},
                  "cron": {"type": "string", "description": "A five-field UNIX cron expression instead of every, such as '30 8 * * MON-FRI'"},
                  "at": {"type": "string", "description": "The wall time of each run, HH:MM (default 00:00); hourly runs use its minute"},
                  "zone": {"type": "string", "default": "UTC", "description": "The time zone of at and cron, such as Europe/Berlin"},
                  "format": {"type": "string", "enum": %s, "description": "The format of the file written for people (default %s, or jsonl with only_new); a JSON lines file is written beside it"},
                  "limit": {"type": "integer", "minimum": 1, "description": "Most items per run, replies included"},
                  "replies": {"type": "boolean", "default": false, "description": "Include replies to comments"},
                  "sandbox": {"type": "boolean", "default": %s, "description": "Export offline sample data instead of calling the platform"},
                  "only_new": {"type": "boolean", "default": false, "description": "Keep only items no earlier successful run exported; needs format jsonl"}
                }}""".formatted(jsonArray(formats), defaultFormat(), exports.sandboxByDefault());
    }

    private String exportSchema() {
        return """
                {"type": "object", "additionalProperties": false, "required": ["url"], "properties": {
                  "url": {"type": "string", "description": "The video, post, comment, profile… to export"},
                  "content": {"type": "string", "enum": %s, "description": "What to export; by default the comments of a video, post or comment, and the posts of a profile, playlist or community"},
                  "replies": {"type": "boolean", "default": false, "description": "Include replies to comments"},
                  "limit": {"type": "integer", "minimum": 1, "description": "Most items to export, replies included"},
                  "min_date": {"type": "string", "description": "Only items created on or after this date (ISO 8601: 2024-01-15, or 2024-01-15T12:00:00Z)"},
                  "max_date": {"type": "string", "description": "Only items created on or before this date (a plain date includes that whole day, UTC); a time is exclusive"},
                  "format": {"type": "string", "enum": %s, "default": "%s", "description": "The format of the file written for people; download_export always reads the JSON lines file written beside it"},
                  "sandbox": {"type": "boolean", "default": %s, "description": "Export offline sample data instead of calling the platform"},
                  "wait": {"type": "boolean", "default": false, "description": "Wait for the export to finish before answering"}
                }}""".formatted(jsonArray(CONTENTS), jsonArray(formats), defaultFormat(), exports.sandboxByDefault());
    }

    private String defaultFormat() {
        return formats.contains(DEFAULT_FORMAT) ? DEFAULT_FORMAT : Exports.RECORDS_FORMAT;
    }

    private String jsonArray(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }


    private SyncToolSpecification tool(String name, String title, String description, String schema,
                                       boolean readOnly, Function<Map<String, Object>, ObjectNode> handler) {
        Tool tool = Tool.builder(name, mcpJson, schema).title(title).description(description)
                .annotations(ToolAnnotations.builder().title(title).readOnlyHint(readOnly).destructiveHint(false)
                        .idempotentHint(readOnly).openWorldHint(!readOnly).build())
                .build();
        BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> call =
                (exchange, request) -> run(name, request.arguments(), handler);
        return SyncToolSpecification.builder().tool(tool).callHandler(call).build();
    }

    /** Runs a handler and turns what it returns or throws into a result; {@code isError} unless {@code ok}. */
    private CallToolResult run(String name, Map<String, Object> arguments,
                               Function<Map<String, Object>, ObjectNode> handler) {
        ObjectNode envelope;
        try {
            envelope = handler.apply(arguments == null ? Map.of() : arguments);
        } catch (Arguments.Invalid e) {
            envelope = failure(e.getMessage(), "INVALID_ARGUMENT", "Correct '" + e.parameter() + "' and call "
                    + name + " again.").put("parameter", e.parameter());
        } catch (ExportException e) {
            envelope = failure(e);
        } catch (RuntimeException e) {
            LOG.warn("Tool {} failed", name, e);
            envelope = failure(name + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), "INTERNAL",
                    "This is a bug in Star Export; the server's log has the details.");
        }
        Map<String, Object> structured = json.convertValue(envelope, new TypeReference<Map<String, Object>>() { });
        return CallToolResult.builder().addTextContent(envelope.toString()).structuredContent(structured)
                .isError(!envelope.path("ok").asBoolean()).build();
    }

    // ---- the tools

    private ObjectNode exportComments(Map<String, Object> values) {
        Arguments args = Arguments.of(values, List.of("url", "content", "replies", "limit", "min_date", "max_date",
                "format", "sandbox", "wait"));
        ExportRequest.Builder request = ExportRequest.builder(args.requiredString("url"));
        args.choice("content", CONTENTS).map(c -> Content.valueOf(c.toUpperCase(Locale.ROOT)))
                .ifPresent(request::content);
        request.replies(args.bool("replies").orElse(false));
        args.integer("limit", 1, Long.MAX_VALUE).ifPresent(request::limit);
        Optional<Instant> since = args.date("min_date", false);
        Optional<Instant> until = args.date("max_date", true);
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw new Arguments.Invalid("max_date", "'max_date' must be after 'min_date', but the window from "
                    + since.get() + " to " + until.get() + " is empty");
        }
        since.ifPresent(request::since);
        until.ifPresent(request::until);
        String format = args.choice("format", formats).orElse(defaultFormat());
        request.sandbox(args.bool("sandbox").orElse(exports.sandboxByDefault()));
        boolean wait = args.bool("wait").orElse(false);
        Job export;
        try {
            export = exports.submit(request, format);
        } catch (ExportException e) {
            ObjectNode failure = failure(e);
            if (isAboutUrl(e)) {
                failure.put("parameter", "url");
            }
            return failure;
        }
        return waited(export, wait);
    }

    private ObjectNode createSchedule(Map<String, Object> values) {
        Arguments args = Arguments.of(values, List.of("url", "every", "cron", "at", "zone", "format", "limit",
                "replies", "sandbox", "only_new"));
        ExportRequest.Builder request = ExportRequest.builder(args.requiredString("url"))
                .replies(args.bool("replies").orElse(false))
                .sandbox(args.bool("sandbox").orElse(exports.sandboxByDefault()));
        args.integer("limit", 1, Long.MAX_VALUE).ifPresent(request::limit);
        boolean onlyNew = args.bool("only_new").orElse(false);
        String format = args.choice("format", formats).orElse(onlyNew ? Exports.RECORDS_FORMAT : defaultFormat());
        if (onlyNew && !format.equals(Exports.RECORDS_FORMAT)) {
            throw new Arguments.Invalid("only_new", "'only_new' keeps only new items in JSON lines files; give "
                    + "format jsonl (or leave format out) with it");
        }
        Optional<String> every = args.choice("every", List.of("hourly", "daily", "weekly", "monthly"));
        Optional<String> cron = args.string("cron");
        Optional<String> at = args.string("at");
        if (cron.isPresent() && (every.isPresent() || at.isPresent())) {
            throw new Arguments.Invalid("cron", "'cron' says when by itself; leave out 'every' and 'at'");
        }
        LocalTime time = at.map(Tools::time).orElse(LocalTime.MIDNIGHT);
        ZoneId zone = args.string("zone").map(Tools::zone).orElse(ZoneOffset.UTC);
        ExportRequest planned;
        try {
            planned = exports.plan(request, format);
        } catch (ExportException e) {
            ObjectNode failure = failure(e);
            if (isAboutUrl(e)) {
                failure.put("parameter", "url");
            }
            return failure;
        }
        ScheduleSpec.Builder spec = ScheduleSpec.builder(planned).onlyNew(onlyNew).zone(zone);
        if (cron.isPresent()) {
            try {
                spec.cron(cron.get());
            } catch (IllegalArgumentException e) {
                throw new Arguments.Invalid("cron", e.getMessage());
            }
        } else {
            switch (every.orElse("daily")) {
                case "hourly" -> spec.hourly(time.getMinute());
                case "weekly" -> spec.weekly(DayOfWeek.MONDAY, time);
                case "monthly" -> spec.monthly(1, time);
                default -> spec.daily(time);
            }
        }
        return success(scheduleView(exports.scheduler().create(spec.build())));
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new Arguments.Invalid("at", "'at' must be a time HH:MM such as 09:30, but was '" + text + "'");
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new Arguments.Invalid("zone", "'zone' must be a time zone such as Europe/Berlin or UTC, but was '"
                    + text + "'");
        }
    }

    private ObjectNode listSchedules(Map<String, Object> values) {
        Arguments.of(values, List.of());
        ObjectNode data = json.createObjectNode();
        List<Schedule> schedules = exports.scheduler().list();
        data.put("total", schedules.size());
        ArrayNode list = data.putArray("schedules");
        schedules.forEach(schedule -> list.add(scheduleView(schedule)));
        return success(data);
    }

    private ObjectNode checkExport(Map<String, Object> values) {
        Arguments args = Arguments.of(values, List.of("id", "wait"));
        UUID id = args.exportId("id");
        boolean wait = args.bool("wait").orElse(false);
        return exports.find(id).map(job -> waited(job, wait)).orElseGet(() -> unknown(id.toString()));
    }

    /** The export, after waiting for it when asked; a failed export after a wait is an error. */
    private ObjectNode waited(Job export, boolean wait) {
        boolean finished = wait ? exports.await(export) : export.status().isFinished();
        JobRecord record = export.snapshot();
        ObjectNode view = view(record);
        if (wait && !finished && exports.isStopping()) {
            view.put("note", "Still " + status(record.status()) + ": the server is stopping because its input "
                    + "closed. The export resumes from its checkpoint when the server starts again.");
        } else if (wait && !finished) {
            view.put("note", "Still " + status(record.status()) + " after waiting " + exports.maxWait().toSeconds()
                    + " s; call check_export with this id and wait=true to keep waiting.");
        }
        if (wait && record.status() == JobStatus.FAILED && record.error().isPresent()) {
            JobError error = record.error().get();
            ObjectNode failure = failure(error.message(), error.code().name(), "See the export's error; "
                    + "check_export shows it again.");
            failure.set("data", view);
            return failure;
        }
        return success(view);
    }

    private ObjectNode listExports(Map<String, Object> values) {
        Arguments args = Arguments.of(values, List.of("page", "limit"));
        int page = args.integer("page", 1, Integer.MAX_VALUE).orElse(1L).intValue();
        int limit = args.integer("limit", 1, MAX_PAGE_SIZE).orElse((long) DEFAULT_PAGE_SIZE).intValue();
        List<Job> all = exports.all();
        long from = (long) (page - 1) * limit;
        ObjectNode data = json.createObjectNode();
        data.put("page", page).put("limit", limit).put("total", all.size())
                .put("pages", (all.size() + limit - 1) / limit);
        ArrayNode list = data.putArray("exports");
        all.stream().skip(from).limit(limit).forEach(job -> list.add(view(job.snapshot())));
        if (from + limit < all.size()) {
            data.put("next_page", page + 1);
        }
        return success(data);
    }

    private ObjectNode downloadExport(Map<String, Object> values) {
        Arguments args = Arguments.of(values, List.of("id", "offset", "limit"));
        UUID exportId = args.exportId("id");
        String id = exportId.toString();
        long offset = args.integer("offset", 0, Long.MAX_VALUE).orElse(0L);
        int limit = args.integer("limit", 1, MAX_DOWNLOAD_LIMIT).orElse((long) DEFAULT_DOWNLOAD_LIMIT).intValue();
        Optional<Job> found = exports.find(exportId);
        if (found.isEmpty()) {
            return unknown(id);
        }
        JobRecord record = found.get().snapshot();
        if (record.status() != JobStatus.SUCCEEDED || record.result().isEmpty()) {
            return notReady(record);
        }
        JobResult result = record.result().get();
        Path records = recordsFile(record.request());
        ObjectNode data = json.createObjectNode();
        data.put("id", id).put("total", result.items()).put("offset", offset);
        ArrayNode items = json.createArrayNode();
        boolean more;
        boolean bytesCapped = false;
        try (BufferedReader reader = Files.newBufferedReader(records, StandardCharsets.UTF_8)) {
            for (long skipped = 0; skipped < offset && reader.readLine() != null; skipped++) {
                // skip to the offset
            }
            long bytes = 0;
            String line;
            while (items.size() < limit && (line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (bytes > MAX_DOWNLOAD_BYTES && !items.isEmpty()) {
                    bytesCapped = true;
                    break;
                }
                items.add(json.readTree(line));
            }
            more = bytesCapped || reader.readLine() != null;
        } catch (NoSuchFileException e) {
            return failure("the records file of export " + id + " is gone: " + records, "OUTPUT",
                    "The files of an export live in the server's export directory; run the export again.");
        } catch (IOException e) {
            return failure("cannot read the records of export " + id + " from " + records + ": " + e.getMessage(),
                    "OUTPUT", "Check that the file is readable, or run the export again.");
        }
        data.put("returned", items.size()).put("truncated", more);
        data.set("files", files(record.request(), result));
        if (more) {
            data.put("next_offset", offset + items.size());
        }
        data.put("note", downloadNote(record.request(), result, records, offset, items.size(), more, bytesCapped,
                limit));
        data.set("records", items);
        return success(data);
    }

    private String downloadNote(ExportRequest request, JobResult result, Path records, long offset, int returned,
                                boolean more, boolean bytesCapped, int limit) {
        StringBuilder note = new StringBuilder();
        if (returned == 0) {
            note.append("No records at offset ").append(offset).append(" of ").append(result.items()).append(". ");
        } else {
            note.append(returned == 1 ? "Record " + (offset + 1)
                            : "Records " + (offset + 1) + "–" + (offset + returned))
                    .append(" of ").append(result.items()).append(". ");
        }
        if (more) {
            note.append(bytesCapped ? "Stopped at " + MAX_DOWNLOAD_BYTES / 1024 + " KB of JSON, before the limit of "
                    + limit + ". " : "").append("Call download_export with offset=").append(offset + returned)
                    .append(" for the next ones. ");
        }
        Path primary = request.outputs().get(0).file();
        String format = request.outputs().get(0).format().orElse(Exports.RECORDS_FORMAT);
        note.append("Every record is in ").append(records).append(" (JSON lines)");
        if (!primary.equals(records)) {
            note.append(" and in ").append(primary).append(" (").append(format).append(", the format asked for)");
        }
        note.append(". ").append(result.completeness());
        return note.toString();
    }

    private ObjectNode detectPlatform(Map<String, Object> values) {
        Arguments args = Arguments.of(values, List.of("url"));
        String url = args.requiredString("url");
        Detection detection;
        try {
            detection = exports.detect(url);
        } catch (ExportException e) {
            return failure(e).put("parameter", "url");
        }
        ObjectNode data = json.createObjectNode();
        data.put("platform", detection.target().platform()).put("platform_name", detection.platformName())
                .put("kind", lower(detection.target().kind().name())).put("id", detection.target().id())
                .put("url", detection.target().url());
        ArrayNode contents = data.putArray("contents");
        contentNames(detection.contents()).forEach(contents::add);
        detection.defaultContent().ifPresent(c -> data.put("default_content", lower(c.name())));
        return success(data);
    }

    private ObjectNode listPlatforms(Map<String, Object> values) {
        Arguments.of(values, List.of());
        ObjectNode data = json.createObjectNode();
        List<PlatformInfo> platforms = exports.platforms();
        data.put("total", platforms.size());
        ArrayNode list = data.putArray("platforms");
        for (PlatformInfo platform : platforms) {
            ObjectNode node = list.addObject().put("id", platform.id()).put("name", platform.name());
            ArrayNode contents = node.putArray("contents");
            contentNames(platform.contents()).forEach(contents::add);
            ArrayNode credentials = node.putArray("credentials");
            platform.credentials().forEach(credentials::add);
        }
        ArrayNode formatList = data.putArray("formats");
        formats.forEach(formatList::add);
        data.put("default_format", defaultFormat()).put("sandbox_by_default", exports.sandboxByDefault());
        return success(data);
    }

    // ---- views

    /** An export as the tools show it. */
    private ObjectNode view(JobRecord record) {
        ExportRequest request = record.request();
        ObjectNode node = json.createObjectNode();
        node.put("id", record.id().toString()).put("status", status(record.status())).put("url", request.url())
                .put("platform", record.platform());
        request.content().ifPresent(c -> node.put("content", lower(c.name())));
        node.put("replies", request.replies());
        request.limit().ifPresent(limit -> node.put("limit", limit));
        request.since().ifPresent(since -> node.put("since", since.toString()));
        request.until().ifPresent(until -> node.put("until", until.toString()));
        node.put("format", request.outputs().get(0).format().orElse(Exports.RECORDS_FORMAT)).put("sandbox", request.sandbox());
        Progress progress = record.progress();
        ObjectNode p = node.putObject("progress").put("items", progress.items());
        progress.total().ifPresent(total -> p.put("total", total));
        progress.percent().ifPresent(percent -> p.put("percent", Math.round(percent * 10) / 10.0));
        node.put("attempts", record.attempts()).put("created_at", record.createdAt().toString());
        record.startedAt().ifPresent(t -> node.put("started_at", t.toString()));
        record.finishedAt().ifPresent(t -> node.put("finished_at", t.toString()));
        record.result().ifPresent(result -> {
            ObjectNode r = node.putObject("result").put("items", result.items()).put("bytes", result.bytes())
                    .put("completeness", result.completeness());
            r.set("files", files(request, result));
        });
        record.error().ifPresent(error -> {
            ObjectNode e = node.putObject("error").put("error_code", error.code().name())
                    .put("message", error.message());
            error.retryAfter().ifPresent(after -> e.put("retry_after_seconds", after.toSeconds()));
        });
        return node;
    }

    /** A schedule as the tools show it. */
    private ObjectNode scheduleView(Schedule schedule) {
        ScheduleSpec spec = schedule.spec();
        ExportRequest request = spec.request();
        ObjectNode node = json.createObjectNode();
        node.put("id", schedule.id().toString()).put("url", request.url())
                .put("frequency", lower(spec.frequency().name()));
        spec.cron().ifPresent(cron -> node.put("cron", cron));
        if (spec.frequency() != Frequency.CUSTOM) {
            node.put("at", spec.time().toString());
        }
        node.put("zone", spec.zone().getId()).put("only_new", spec.onlyNew()).put("sandbox", request.sandbox())
                .put("format", request.outputs().get(0).format().orElse(Exports.RECORDS_FORMAT));
        request.content().ifPresent(c -> node.put("content", lower(c.name())));
        request.limit().ifPresent(limit -> node.put("limit", limit));
        node.put("paused", schedule.paused());
        schedule.nextRunAt().ifPresent(t -> node.put("next_run_at", t.toString()));
        schedule.lastRunAt().ifPresent(t -> node.put("last_run_at", t.toString()));
        node.put("run_count", schedule.runCount()).put("fail_count", schedule.failCount());
        ArrayNode runs = node.putArray("recent_runs");
        for (ScheduleRun run : schedule.history()) {
            ObjectNode r = runs.addObject().put("scheduled_for", run.scheduledFor().toString())
                    .put("status", lower(run.status().name())).put("items", run.items());
            run.jobId().ifPresent(id -> r.put("export_id", id.toString()));
            run.newItems().ifPresent(n -> r.put("new_items", n));
            run.error().ifPresent(e -> r.put("error", e));
        }
        return node;
    }

    private ArrayNode files(ExportRequest request, JobResult result) {
        ArrayNode files = json.createArrayNode();
        for (int i = 0; i < result.files().size(); i++) {
            String format = i < request.outputs().size()
                    ? request.outputs().get(i).format().orElse(Exports.RECORDS_FORMAT) : Exports.RECORDS_FORMAT;
            files.addObject().put("path", result.files().get(i).toString()).put("format", format);
        }
        return files;
    }

    /** The JSON lines file of an export: its last output. */
    private static Path recordsFile(ExportRequest request) {
        return request.outputs().get(request.outputs().size() - 1).file();
    }

    private ObjectNode notReady(JobRecord record) {
        ObjectNode failure = switch (record.status()) {
            case FAILED -> failure("export " + record.id() + " failed, so it has no records to download: "
                    + record.error().map(JobError::message).orElse("no reason recorded"),
                    record.error().map(e -> e.code().name()).orElse("INTERNAL"),
                    "Fix the cause and run export_comments again.");
            case CANCELLED -> failure("export " + record.id() + " was cancelled, so it has no records to download",
                    "CANCELLED", "Run export_comments again.");
            default -> failure("export " + record.id() + " is " + status(record.status()) + "; its records can be "
                    + "downloaded once it has succeeded", "EXPORT_NOT_READY",
                    "Call check_export with this id and wait=true, then download_export again.");
        };
        failure.set("data", view(record));
        return failure;
    }

    private ObjectNode unknown(String id) {
        return failure("no export with id " + id, "UNKNOWN_EXPORT",
                "list_exports shows the exports this server knows; ids come from export_comments.")
                .put("parameter", "id");
    }

    private static boolean isAboutUrl(ExportException e) {
        return switch (e.code()) {
            case INVALID_URL, UNSUPPORTED_PLATFORM, UNSUPPORTED_CONTENT -> true;
            default -> false;
        };
    }

    // ---- envelopes

    private ObjectNode success(JsonNode data) {
        ObjectNode envelope = json.createObjectNode().put("ok", true);
        envelope.set("data", data);
        return envelope;
    }

    private ObjectNode failure(String error, String code, String detail) {
        return json.createObjectNode().put("ok", false).put("error", error).put("error_code", code)
                .put("detail", detail);
    }

    private ObjectNode failure(ExportException e) {
        ObjectNode failure = failure(e.getMessage(), e.code().name(), detail(e));
        e.retryAfter().ifPresent(after -> failure.put("retry_after_seconds", after.toSeconds()));
        return failure;
    }

    private static String detail(ExportException e) {
        return switch (e.code()) {
            case INVALID_URL -> "Give a full http(s) URL of a video, post, comment or profile; "
                    + "detect_platform checks one.";
            case UNSUPPORTED_PLATFORM -> "list_platforms shows the platforms this server supports.";
            case UNSUPPORTED_CONTENT -> "detect_platform shows what can be exported from this URL.";
            case AUTH_REQUIRED, AUTH_FAILED -> "The platform needs a credential: set it where the server starts "
                    + "(for example STAREXPORT_YOUTUBE_API_KEY), or use sandbox=true.";
            case RATE_LIMITED, QUOTA_EXCEEDED -> "The platform limits requests; try again later.";
            case QUEUE_FULL -> "Too many exports are waiting; try again when some have finished.";
            case NOT_FOUND, PRIVATE_CONTENT, COMMENTS_DISABLED -> "The content cannot be exported; check the URL.";
            case NETWORK -> "The platform could not be reached; try again.";
            default -> "See the error message.";
        };
    }

    /** Content names in {@link Content} order. */
    private static List<String> contentNames(java.util.Set<Content> contents) {
        return Arrays.stream(Content.values()).filter(contents::contains).map(c -> lower(c.name())).toList();
    }

    private static String status(JobStatus status) {
        return lower(status.name());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
