package io.starexport.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.starexport.Detection;
import io.starexport.PlatformInfo;
import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.jobs.Job;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobPage;
import io.starexport.jobs.JobQuery;
import io.starexport.jobs.JobStats;
import io.starexport.jobs.JobStatus;
import io.starexport.spi.OutputFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Star Export API of {@code 000_…} in the seeds: exports started, read, listed, cancelled and downloaded,
 * statistics, platforms and health, in its {@code {success, data}} envelope with Bearer tokens. User registration,
 * password login and platform connection are not served: tokens come from {@link Tokens}.
 */
final class StarExportApi {
    static final int MAX_PAGE = 50;
    private static final Set<String> BODY = Set.of("url", "platform", "format", "options");
    private static final Set<String> OPTIONS = Set.of("maxRecords", "dateRange", "replies");

    private final StarExport engine;
    private final JobExecutor jobs;
    private final Path files;
    private final ServerSettings settings;
    private final ObjectMapper json;
    private final Instant started;

    StarExportApi(StarExport engine, JobExecutor jobs, Path files, ServerSettings settings, ObjectMapper json,
                  Instant started) {
        this.engine = engine;
        this.jobs = jobs;
        this.files = files;
        this.settings = settings;
        this.json = json;
        this.started = started;
    }

    /** Whether a path is this API's, answered in its envelope. */
    static boolean owns(String path) {
        return path.equals("/api/export") || path.startsWith("/api/export/") || path.equals("/api/platforms")
                || path.equals("/api/health");
    }

    void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
        routes.get("/api/platforms", this::platforms);
        routes.post("/api/export/start", this::start);
        routes.get("/api/export", this::list);
        routes.get("/api/export/stats/summary", this::stats);
        routes.get("/api/export/{jobId}", ctx -> ok(ctx, exportObject(job(ctx))));
        routes.post("/api/export/{jobId}/cancel", this::cancel);
        routes.get("/api/export/{jobId}/download", this::download);
    }

    private void health(Context ctx) {
        ObjectNode data = json.createObjectNode().put("status", "healthy")
                .put("version", String.valueOf(StarExportServer.class.getPackage().getImplementationVersion()))
                .put("uptime", Duration.between(started, Instant.now()).toSeconds());
        data.putObject("services").put("jobs", "running").put("storage", Files.isWritable(files) ? "available"
                : "unavailable");
        ok(ctx, data);
    }

    private void platforms(Context ctx) {
        ArrayNode data = json.createArrayNode();
        List<String> formats = engine.formats().stream().map(OutputFormat::id).toList();
        for (PlatformInfo platform : engine.platforms()) {
            ObjectNode node = data.addObject().put("name", platform.id()).put("displayName", platform.name());
            ArrayNode exportFormats = node.putArray("exportFormats");
            formats.forEach(exportFormats::add);
            ObjectNode features = node.putObject("features");
            for (Content content : Content.values()) {
                features.put(content.name().toLowerCase(Locale.ROOT), platform.contents().contains(content));
            }
        }
        ok(ctx, data);
    }

    private void start(Context ctx) {
        ObjectNode body = object(ctx);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!BODY.contains(name)) {
                throw ApiException.badRequest("unknown field '" + name + "'; an export takes " + sorted(BODY));
            }
        }
        String url = text(body.get("url"), "url (this server exports from a URL, not from a connected account)");
        String format = body.has("format") ? text(body.get("format"), "format") : "json";
        List<String> formats = engine.formats().stream().map(OutputFormat::id).toList();
        if (!formats.contains(format)) {
            throw new ApiException(400, "INVALID_FORMAT", "unknown format '" + format + "'; this server writes "
                    + formats);
        }
        ExportRequest.Builder request = ExportRequest.builder(url).sandbox(ExportCommentsApi.sandbox(ctx,
                settings.sandbox()));
        JsonNode options = body.get("options");
        if (options != null && !options.isNull()) {
            options(options, request);
        }
        Detection detection;
        try {
            detection = engine.detect(url);
        } catch (ExportException e) {
            throw new ApiException(400, ApiException.INVALID_URL, e.getMessage());
        }
        if (body.has("platform") && !text(body.get("platform"), "platform").equals(detection.target().platform())) {
            throw ApiException.badRequest("the URL is " + detection.target().platform() + ", not "
                    + body.get("platform").asText());
        }
        Path folder = files.resolve(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        String extension = engine.formats().stream().filter(f -> f.id().equals(format)).findFirst()
                .map(f -> f.extensions().isEmpty() ? format : f.extensions().get(0)).orElse(format);
        request.to(folder.resolve(detection.target().platform() + "-" + detection.target().id()
                .replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension), format);
        Job job;
        try {
            job = jobs.submit(request.build());
        } catch (ExportException e) {
            throw e.code() == io.starexport.api.ErrorCode.QUEUE_FULL
                    ? ApiException.tooMany(ApiException.QUEUE_LIMIT_EXCEEDED, 60, e.getMessage())
                    : new ApiException(400, ApiException.INVALID_URL, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ok(ctx, json.createObjectNode().put("jobId", job.id().toString()).put("status", status(job.status()))
                .put("platform", job.platform()).put("format", format).put("createdAt", job.createdAt().toString()));
    }

    private void options(JsonNode options, ExportRequest.Builder request) {
        if (!options.isObject()) {
            throw ApiException.badRequest("'options' must be an object");
        }
        for (Map.Entry<String, JsonNode> field : options.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "maxRecords" -> {
                    if (!value.isIntegralNumber() || value.longValue() < 1) {
                        throw ApiException.badRequest("options.maxRecords must be a positive integer");
                    }
                    request.limit(value.longValue());
                }
                case "replies" -> {
                    if (!value.isBoolean()) {
                        throw ApiException.badRequest("options.replies must be true or false");
                    }
                    request.replies(value.booleanValue());
                }
                case "dateRange" -> {
                    if (!value.isObject()) {
                        throw ApiException.badRequest("options.dateRange must be {\"start\": date, \"end\": date}");
                    }
                    if (value.has("start")) {
                        request.since(date(value.get("start"), "options.dateRange.start").atStartOfDay()
                                .toInstant(ZoneOffset.UTC));
                    }
                    if (value.has("end")) {
                        request.until(date(value.get("end"), "options.dateRange.end").plusDays(1).atStartOfDay()
                                .toInstant(ZoneOffset.UTC));
                    }
                }
                case "includeMedia" -> throw ApiException.badRequest("options.includeMedia is not supported by this "
                        + "server: its exports carry media URLs, and it downloads no media files");
                default -> throw ApiException.badRequest("unknown option '" + field.getKey() + "'; this server takes "
                        + sorted(OPTIONS));
            }
        }
    }

    private void list(Context ctx) {
        int page = number(ctx, "page", 1);
        int limit = Math.min(number(ctx, "limit", 10), MAX_PAGE);
        JobQuery.Builder query = JobQuery.builder().pageSize(JobQuery.MAX_PAGE_SIZE);
        String status = ctx.queryParam("status");
        if (status != null) {
            query.status(switch (status) {
                case "queued" -> new JobStatus[] {JobStatus.QUEUED};
                case "processing" -> new JobStatus[] {JobStatus.RUNNING};
                case "completed" -> new JobStatus[] {JobStatus.SUCCEEDED};
                case "failed" -> new JobStatus[] {JobStatus.FAILED};
                case "cancelled" -> new JobStatus[] {JobStatus.CANCELLED};
                default -> throw ApiException.badRequest("status must be queued, processing, completed, failed or "
                        + "cancelled");
            });
        }
        String platform = ctx.queryParam("platform");
        if (platform != null) {
            query.platform(platform);
        }
        JobPage all = jobs.list(query.build());
        long total = all.total();
        long end = total - (long) (page - 1) * limit;
        ArrayNode exports = json.createArrayNode();
        if (end > 0) {
            long from = Math.max(0, end - limit);
            List<Job> oldestFirst = jobs.list(query.offset((int) from).pageSize((int) (end - from)).build()).jobs();
            for (int i = oldestFirst.size() - 1; i >= 0; i--) {
                exports.add(exportObject(oldestFirst.get(i)));
            }
        }
        ObjectNode data = json.createObjectNode();
        data.set("exports", exports);
        data.putObject("pagination").put("page", page).put("limit", limit).put("total", total)
                .put("pages", (total + limit - 1) / limit);
        ok(ctx, data);
    }

    private void stats(Context ctx) {
        JobStats stats = jobs.stats();
        ObjectNode data = json.createObjectNode().put("totalExports", stats.total())
                .put("completedExports", stats.count(JobStatus.SUCCEEDED))
                .put("failedExports", stats.count(JobStatus.FAILED));
        stats.averageDuration().ifPresentOrElse(d -> data.put("averageDuration", d.toSeconds()),
                () -> data.putNull("averageDuration"));
        data.put("totalDataExported", bytes(stats.bytes()));
        ObjectNode byPlatform = data.putObject("exportsByPlatform");
        stats.byPlatform().forEach(byPlatform::put);
        ok(ctx, data);
    }

    private void cancel(Context ctx) {
        Job job = job(ctx);
        if (job.status().isFinished()) {
            throw ApiException.badRequest("the export is " + status(job.status()) + "; only a queued or processing "
                    + "export can be cancelled");
        }
        job.cancel();
        ok(ctx, null, "Export cancelled successfully");
    }

    private void download(Context ctx) {
        Job job = job(ctx);
        if (job.status() != JobStatus.SUCCEEDED) {
            throw ApiException.notFound("the export is " + status(job.status()) + "; it can be downloaded once "
                    + "completed");
        }
        Path zip = files.resolve("bulk").resolve(job.id() + ".zip");
        if (!Files.isRegularFile(zip)) {
            jobs.bundle(List.of(job.id()), zip);
        }
        String name = job.platform() + "-export-" + LocalDate.ofInstant(job.finishedAt().orElse(job.createdAt()),
                ZoneOffset.UTC) + ".zip";
        try {
            ctx.status(200).contentType("application/zip")
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .result(Files.newInputStream(zip));
        } catch (IOException e) {
            throw ApiException.notFound("the export's files cannot be read");
        }
    }

    private Job job(Context ctx) {
        String id = ctx.pathParam("jobId");
        try {
            return jobs.job(UUID.fromString(id)).orElseThrow(() -> ApiException.notFound("no export " + id));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no export " + id);
        }
    }

    private ObjectNode exportObject(Job job) {
        ObjectNode node = json.createObjectNode().put("id", job.id().toString()).put("status", status(job.status()))
                .put("platform", job.platform());
        node.put("format", job.request().outputs().get(0).format().orElse(null));
        long items = job.result().map(r -> r.items()).orElse(job.progress().items());
        boolean done = job.status() == JobStatus.SUCCEEDED;
        if (done) {
            node.put("progress", 100);
        } else if (job.progress().total().isPresent() && job.progress().total().getAsLong() > 0) {
            node.put("progress", Math.min(99, items * 100 / job.progress().total().getAsLong()));
        } else {
            node.putNull("progress");
        }
        if (job.progress().total().isPresent()) {
            node.put("totalItems", job.progress().total().getAsLong());
        } else {
            node.putNull("totalItems");
        }
        node.put("processedItems", items);
        node.put("createdAt", job.createdAt().toString());
        node.put("startedAt", job.startedAt().map(Instant::toString).orElse(null));
        node.put("completedAt", done ? job.finishedAt().map(Instant::toString).orElse(null) : null);
        if (done) {
            node.put("downloadUrl", "/api/export/" + job.id() + "/download");
        }
        job.error().ifPresent(error -> node.put("error", error.message()));
        if (job.request().sandbox()) {
            node.put("sandbox", true);
        }
        return node;
    }

    static String status(JobStatus status) {
        return switch (status) {
            case QUEUED -> "queued";
            case RUNNING -> "processing";
            case SUCCEEDED -> "completed";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }

    private void ok(Context ctx, JsonNode data) {
        ok(ctx, data, null);
    }

    private void ok(Context ctx, JsonNode data, String message) {
        ObjectNode body = json.createObjectNode().put("success", true);
        if (data != null) {
            body.set("data", data);
        }
        if (message != null) {
            body.put("message", message);
        }
        ctx.status(200).contentType("application/json").result(body.toString());
    }

    private ObjectNode object(Context ctx) {
        try {
            JsonNode body = json.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return (ObjectNode) body;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode value, String name) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest(name + " must be a non-empty string");
        }
        return value.asText();
    }

    private static LocalDate date(JsonNode value, String name) {
        try {
            return LocalDate.parse(text(value, name));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date such as 2024-01-31");
        }
    }

    private static int number(Context ctx, String name, int absent) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(name + " must be a positive integer");
    }

    private static String bytes(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + "B" : String.format(Locale.ROOT, "%.1f%s", value, units[unit]);
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
