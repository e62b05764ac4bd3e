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
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.jobs.Job;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobPage;
import io.starexport.jobs.JobQuery;
import io.starexport.jobs.JobStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * ExportComments' v3 job routes and the v1 routes its clients use (ping, usage, API tokens, bulk download), as
 * {@code 003_…} in the seeds documents them, over one engine and one job executor.
 */
final class ExportCommentsApi {
    /** Jobs per batch at most; the seed names no limit, and one request should not flood the queue. */
    static final int MAX_BATCH = 100;
    /** Items per page of a list at most, the seed's. */
    static final int MAX_PAGE = 30;
    /** The seed's options this server carries out; every other option is refused. */
    static final Set<String> OPTIONS = Set.of("replies", "limit", "minTimestamp", "maxTimestamp", "pool");
    /** The seed's options this server cannot carry out, each with why, so that a client learns it at once. */
    static final Map<String, String> REFUSED_OPTIONS = Map.ofEntries(
            Map.entry("cookies", "this server takes no per-request cookies: its host configures credentials on the "
                    + "engine (StarExport.builder().credential(platform, name, value)), and they apply to every job"),
            Map.entry("cursor", "this server cannot start a job from a cursor; a failed job resumes from its own "
                    + "checkpoint with PATCH /api/v3/job/{guid}/retry"),
            Map.entry("vpn", "this server has no VPN locations; its host may offer proxy pools (options.pool)"),
            Map.entry("likes", "no installed platform exports likes"),
            Map.entry("shares", "no installed platform exports shares"),
            Map.entry("followers", "no installed platform exports followers"),
            Map.entry("following", "no installed platform exports following lists"),
            Map.entry("tweets", "no installed platform exports tweets"),
            Map.entry("live", "no installed platform exports live chat"),
            Map.entry("facebookAds", "no installed platform exports Facebook Ads"),
            Map.entry("advanced", "no installed platform has an advanced search"),
            Map.entry("id", "this server takes no job id from the client"));
    private static final String JSON_FORMAT = "json";
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final StarExport engine;
    private final JobExecutor jobs;
    private final Tokens tokens;
    private final Limits limits;
    private final Bulk bulk;
    private final Path files;
    private final ServerSettings settings;
    private final String downloadFormat;
    private final ObjectMapper json;
    /** Numeric job ids, in submission order, as the seed's job object has them. */
    private final Map<UUID, Long> numbers = new HashMap<>();
    private long lastNumber;

    ExportCommentsApi(StarExport engine, JobExecutor jobs, Tokens tokens, Limits limits, Bulk bulk, Path files,
                      ServerSettings settings, String downloadFormat, ObjectMapper json) {
        this.engine = engine;
        this.jobs = jobs;
        this.tokens = tokens;
        this.limits = limits;
        this.bulk = bulk;
        this.files = files;
        this.settings = settings;
        this.downloadFormat = downloadFormat;
        this.json = json;
        JobQuery query = JobQuery.builder().pageSize(JobQuery.MAX_PAGE_SIZE).build();
        for (JobPage page = jobs.list(query); ; ) {
            page.jobs().forEach(job -> numbers.put(job.id(), ++lastNumber));
            Optional<JobQuery> next = page.nextQuery();
            if (next.isEmpty()) {
                break;
            }
            page = jobs.list(next.get());
        }
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/ping", ctx -> send(ctx, 200, json.createObjectNode().put("status", "ok")));
        routes.get("/api/v1/api-usage", this::usage);
        routes.post("/api/v3/job", this::create);
        routes.get("/api/v3/job/{guid}", ctx -> send(ctx, 200, jobObject(ctx, job(ctx))));
        routes.get("/api/v3/job/{guid}/download", ctx -> file(ctx, downloadFormat));
        routes.get("/api/v3/job/{guid}/json", ctx -> file(ctx, JSON_FORMAT));
        routes.get("/api/v3/jobs", this::list);
        routes.patch("/api/v3/job/{guid}/retry", this::retry);
        routes.patch("/api/v3/job/{guid}/stop", this::stop);
        routes.post("/api/v1/api_tokens/generate", this::generateToken);
        routes.get("/api/v1/api_tokens", this::listTokens);
        routes.get("/api/v1/api_tokens/{uuid}", ctx -> send(ctx, 200, tokenObject(token(ctx))));
        routes.delete("/api/v1/api_tokens/{uuid}", ctx -> {
            tokens.revoke(token(ctx).uuid());
            ctx.status(204);
        });
        routes.post("/api/v1/bulk-download", this::createBulk);
        routes.get("/api/v1/bulk-download/{uuid}", ctx -> send(ctx, 200, bulkObject(bulk(ctx))));
        routes.get("/api/v1/bulk-download/{uuid}/download", ctx -> {
            Bulk.Download download = bulk(ctx);
            if (download.status() != Bulk.Status.READY) {
                throw ApiException.notFound("bulk download " + download.uuid() + " is " + download.status().label()
                        + ", not ready");
            }
            serve(ctx, download.zip(), "application/zip");
        });
    }

    // ---- jobs ------------------------------------------------------------------------------------

    private void create(Context ctx) {
        ObjectNode body = object(ctx);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("url", "urls", "options").contains(name)) {
                throw ApiException.badRequest("unknown field '" + name + "'; a job takes 'url' or 'urls', and 'options'");
            }
        }
        boolean batch = body.has("urls");
        if (batch == body.has("url")) {
            throw ApiException.badRequest("send either 'url' (one export) or 'urls' (a batch), not "
                    + (batch ? "both" : "neither"));
        }
        List<String> urls = new ArrayList<>();
        if (batch) {
            JsonNode array = body.get("urls");
            if (!array.isArray() || array.isEmpty() || array.size() > MAX_BATCH) {
                throw ApiException.badRequest("'urls' must be an array of 1 to " + MAX_BATCH + " URLs");
            }
            array.forEach(url -> urls.add(text(url, "urls[]")));
        } else {
            urls.add(text(body.get("url"), "url"));
        }
        ExportRequest template = options(body.get("options"), sandbox(ctx));
        List<ExportRequest> requests = urls.stream().map(url -> request(url, template)).toList();
        List<Job> created;
        synchronized (numbers) {
            try {
                created = jobs.submitAll(requests);
            } catch (ExportException e) {
                throw translate(e);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            created.forEach(job -> numbers.put(job.id(), ++lastNumber));
        }
        if (batch) {
            ObjectNode answer = json.createObjectNode();
            ArrayNode data = answer.putArray("data");
            created.forEach(job -> data.addObject().put("guid", job.id().toString()).set("item", summary(job)));
            send(ctx, 201, answer);
        } else {
            send(ctx, 201, summary(created.get(0)));
        }
    }

    /** The seed's options as a request template (its URL a placeholder); unknown and unsupported ones refused. */
    ExportRequest options(JsonNode options, boolean sandbox) {
        ExportRequest.Builder request = ExportRequest.builder("about:blank").sandbox(sandbox);
        if (options == null || options.isNull()) {
            return request.build();
        }
        if (!options.isObject()) {
            throw ApiException.badRequest("'options' must be an object");
        }
        for (Map.Entry<String, JsonNode> field : options.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (REFUSED_OPTIONS.containsKey(name)) {
                throw ApiException.badRequest("options." + name + " is not supported: " + REFUSED_OPTIONS.get(name));
            }
            if (!OPTIONS.contains(name)) {
                throw ApiException.badRequest("unknown option '" + name + "'; this server takes " + sorted(OPTIONS));
            }
            switch (name) {
                case "replies" -> {
                    if (!value.isBoolean()) {
                        throw ApiException.badRequest("options.replies must be true or false");
                    }
                    request.replies(value.booleanValue());
                }
                case "limit" -> request.limit(positive(value, "options.limit"));
                case "minTimestamp" -> request.since(Instant.ofEpochSecond(positive(value, "options.minTimestamp")));
                case "maxTimestamp" -> request.until(Instant.ofEpochSecond(positive(value, "options.maxTimestamp")));
                case "pool" -> {
                    String pool = text(value, "options.pool");
                    if (!settings.proxyPools().contains(pool)) {
                        throw ApiException.badRequest("unknown proxy pool '" + pool + "'; this server has "
                                + (settings.proxyPools().isEmpty() ? "none" : sorted(settings.proxyPools())));
                    }
                    request.proxy(pool);
                }
                default -> throw new IllegalStateException(name);
            }
        }
        ExportRequest built = request.build();
        if (built.since().isPresent() && built.until().isPresent() && built.since().get().isAfter(built.until().get())) {
            throw ApiException.badRequest("options.minTimestamp is after options.maxTimestamp");
        }
        return built;
    }

    /** One job's request: the template's choices, its download file and its JSON file in a folder of its own. */
    ExportRequest request(String url, ExportRequest template) {
        Detection detection;
        try {
            detection = engine.detect(url);
        } catch (ExportException e) {
            throw translate(e);
        }
        Path folder = files.resolve(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        String stem = detection.target().platform() + "-" + safe(detection.target().id());
        return template.toBuilder().url(url)
                .outputs(List.of(ExportRequest.Output.of(folder.resolve(stem + "." + extension(downloadFormat))),
                        ExportRequest.Output.of(folder.resolve(stem + "." + extension(JSON_FORMAT)))))
                .build();
    }

    private void list(Context ctx) {
        int page = queryInt(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int limit = queryInt(ctx, "limit", MAX_PAGE, 1, Integer.MAX_VALUE);
        limit = Math.min(limit, MAX_PAGE);
        long total = jobs.list(JobQuery.builder().pageSize(1).build()).total();
        long end = total - (long) (page - 1) * limit;
        ArrayNode answer = json.createArrayNode();
        if (end > 0) {
            long start = Math.max(0, end - limit);
            List<Job> oldestFirst = jobs.list(JobQuery.builder().offset((int) start).pageSize((int) (end - start))
                    .build()).jobs();
            for (int i = oldestFirst.size() - 1; i >= 0; i--) {
                answer.add(jobObject(ctx, oldestFirst.get(i)));
            }
        }
        send(ctx, 200, answer);
    }

    private void retry(Context ctx) {
        Job job = job(ctx);
        if (job.status() != JobStatus.FAILED) {
            throw ApiException.badRequest("only a job in error status can be retried; this one is "
                    + status(job.status()));
        }
        try {
            send(ctx, 200, jobObject(ctx, jobs.retry(job.id())));
        } catch (ExportException e) {
            throw translate(e);
        } catch (IllegalStateException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private void stop(Context ctx) {
        Job job = job(ctx);
        if (job.status().isFinished()) {
            throw ApiException.badRequest("only a queued or running job can be stopped; this one is "
                    + status(job.status()));
        }
        job.cancel();
        try {
            // A running job stops after the page in flight; wait for that, within reason, to answer "stopped".
            job.completion().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The job's own state says what happened.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        send(ctx, 200, jobObject(ctx, job));
    }

    private void file(Context ctx, String format) {
        Job job = job(ctx);
        if (job.status() != JobStatus.SUCCEEDED) {
            throw ApiException.notFound("job " + job.id() + " is " + status(job.status()) + "; its files are there "
                    + "once it is done");
        }
        Path file = job.request().outputs().stream()
                .filter(o -> String.valueOf(o.file().getFileName()).endsWith("." + extension(format)))
                .map(ExportRequest.Output::file).findFirst()
                .orElseThrow(() -> ApiException.notFound("job " + job.id() + " has no " + format + " file"));
        serve(ctx, file, contentType(format));
    }

    /** Serves a file the server wrote, and only such a file: one inside its own directory. */
    private void serve(Context ctx, Path file, String contentType) {
        Path normal = file.toAbsolutePath().normalize();
        if (!normal.startsWith(files.toAbsolutePath().normalize()) || !Files.isRegularFile(normal)) {
            throw ApiException.notFound("the file is no longer there");
        }
        try {
            ctx.status(200).contentType(contentType)
                    .header("Content-Disposition", "attachment; filename=\"" + normal.getFileName() + "\"")
                    .result(Files.newInputStream(normal));
        } catch (IOException e) {
            throw ApiException.notFound("the file cannot be read");
        }
    }

    private Job job(Context ctx) {
        UUID id = uuid(ctx.pathParam("guid"));
        return jobs.job(id).orElseThrow(() -> ApiException.notFound("no job with guid " + ctx.pathParam("guid")));
    }

    /** What creation answers: the quick start's {@code {id, guid, status, url}}. */
    private ObjectNode summary(Job job) {
        return json.createObjectNode().put("id", number(job)).put("guid", job.id().toString())
                .put("status", status(job.status())).put("url", job.request().url());
    }

    /** The seed's job object, with the counts its CLI shows and links to files this server serves. */
    ObjectNode jobObject(Context ctx, Job job) {
        ObjectNode node = summary(job);
        ExportRequest request = job.request();
        writeOptions(request, node.putObject("options"));
        node.put("locked", false);
        node.put("platform", job.platform());
        boolean done = job.status() == JobStatus.SUCCEEDED;
        String base = done ? baseUrl(ctx) + "/api/v3/job/" + job.id() : null;
        node.put("json_url", done ? base + "/json" : null);
        node.put("download_link", done ? base + "/download" : null);
        node.put("download_url", done ? base + "/download" : null);
        long exported = job.result().map(r -> r.items()).orElse(job.progress().items());
        if (job.progress().total().isPresent()) {
            node.put("total", job.progress().total().getAsLong());
        } else {
            node.putNull("total");
        }
        node.put("total_exported", exported);
        node.put("error", job.error().map(e -> e.message()).orElse(null));
        node.put("created_at", job.createdAt().toString());
        node.put("exported_at", job.finishedAt().filter(t -> done).map(Instant::toString).orElse(null));
        if (request.sandbox()) {
            node.put("sandbox", true);
        }
        return node;
    }

    /** A request's choices as the seed's options object, the inverse of {@link #options(JsonNode, boolean)}. */
    static ObjectNode writeOptions(ExportRequest request, ObjectNode options) {
        if (request.replies()) {
            options.put("replies", true);
        }
        request.limit().ifPresent(limit -> options.put("limit", limit));
        request.since().ifPresent(since -> options.put("minTimestamp", since.getEpochSecond()));
        request.until().ifPresent(until -> options.put("maxTimestamp", until.getEpochSecond()));
        request.proxy().ifPresent(pool -> options.put("pool", pool));
        return options;
    }

    private long number(Job job) {
        synchronized (numbers) {
            // Jobs the scheduler submitted get their number when a client first sees them.
            return numbers.computeIfAbsent(job.id(), id -> ++lastNumber);
        }
    }

    static String status(JobStatus status) {
        return switch (status) {
            case QUEUED -> "queueing";
            case RUNNING -> "progress";
            case SUCCEEDED -> "done";
            case FAILED -> "error";
            case CANCELLED -> "stopped";
        };
    }

    // ---- usage, tokens, bulk download --------------------------------------------------------------

    private void usage(Context ctx) {
        ObjectNode node = json.createObjectNode().put("has_access", true).put("has_token", true)
                .put("tier", "business").put("api_version", "v3");
        node.putObject("limits").put("daily_requests", "Unlimited")
                .put("concurrent_requests", settings.concurrency())
                .put("rate_per_minute", limits.perMinute())
                .put("max_comments_per_export", "Unlimited")
                .put("webhooks", 0);
        long active = jobs.stats().count(JobStatus.QUEUED) + jobs.stats().count(JobStatus.RUNNING);
        node.putObject("usage").put("daily_requests_used", limits.today(caller(ctx).uuid()))
                .put("active_exports", active);
        ObjectNode platforms = node.putObject("platforms");
        ArrayNode allowed = platforms.putArray("allowed");
        engine.platforms().stream().map(PlatformInfo::name).forEach(allowed::add);
        platforms.putArray("restricted");
        platforms.put("all_platforms", true);
        node.putNull("upgrade_benefits");
        send(ctx, 200, node);
    }

    private void generateToken(Context ctx) {
        String name = "";
        if (!ctx.body().isBlank()) {
            ObjectNode body = object(ctx);
            for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!field.equals("name")) {
                    throw ApiException.badRequest("unknown field '" + field + "'; a token takes only 'name'");
                }
            }
            name = body.has("name") ? text(body.get("name"), "name") : "";
        }
        Tokens.Created created;
        try {
            created = tokens.create(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        // The seed answers only the message; the secret is added because this is the one time it can be shown.
        ObjectNode node = tokenObject(created.token()).put("message", "user.api.token_generated")
                .put("token", created.secret());
        send(ctx, 200, node);
    }

    private void listTokens(Context ctx) {
        int page = queryInt(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int limit = Math.min(queryInt(ctx, "limit", 10, 1, Integer.MAX_VALUE), MAX_PAGE);
        ArrayNode answer = json.createArrayNode();
        tokens.list().stream().skip((long) (page - 1) * limit).limit(limit).map(this::tokenObject).forEach(answer::add);
        send(ctx, 200, answer);
    }

    private Tokens.Token token(Context ctx) {
        return tokens.get(uuid(ctx.pathParam("uuid")))
                .orElseThrow(() -> ApiException.notFound("no API token with uuid " + ctx.pathParam("uuid")));
    }

    private ObjectNode tokenObject(Tokens.Token token) {
        return json.createObjectNode().put("uuid", token.uuid().toString()).put("name", token.name())
                .put("expiresAt", token.expiresAt().toString()).put("isExpired", token.isExpiredAt(tokens.now()))
                .put("createdAt", token.createdAt().toString());
    }

    private void createBulk(Context ctx) {
        ObjectNode body = object(ctx);
        JsonNode guids = body.get("guids");
        if (body.size() != 1 || guids == null || !guids.isArray() || guids.isEmpty() || guids.size() > MAX_BATCH) {
            throw ApiException.badRequest("send {\"guids\": [...]} with 1 to " + MAX_BATCH + " job guids");
        }
        Set<UUID> ids = new LinkedHashSet<>();
        List<String> notDone = new ArrayList<>();
        for (JsonNode guid : guids) {
            String text = text(guid, "guids[]");
            Job job = jobs.job(uuid(text)).orElseThrow(() -> ApiException.notFound("no job with guid " + text));
            if (job.status() != JobStatus.SUCCEEDED) {
                notDone.add(text + " (" + status(job.status()) + ")");
            }
            ids.add(job.id());
        }
        if (!notDone.isEmpty()) {
            throw ApiException.badRequest("only done jobs can be bundled; these are not: " + String.join(", ", notDone));
        }
        send(ctx, 201, bulkObject(bulk.create(ids)));
    }

    private Bulk.Download bulk(Context ctx) {
        return bulk.get(uuid(ctx.pathParam("uuid")))
                .orElseThrow(() -> ApiException.notFound("no bulk download with uuid " + ctx.pathParam("uuid")));
    }

    private ObjectNode bulkObject(Bulk.Download download) {
        ObjectNode node = json.createObjectNode().put("uuid", download.uuid().toString())
                .put("status", download.status().label()).put("fileCount", download.fileCount());
        if (download.status() == Bulk.Status.READY) {
            node.put("downloadUrl", "/api/v1/bulk-download/" + download.uuid() + "/download");
        }
        download.error().ifPresent(error -> node.put("detail", error));
        return node;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Whether the request asked for the sandbox with {@code X-Sandbox}; the server's own setting wins. */
    static boolean sandbox(Context ctx, boolean serverSandbox) {
        String header = ctx.header("X-Sandbox");
        if (header == null || header.equalsIgnoreCase("false")) {
            return serverSandbox;
        }
        if (header.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.badRequest("X-Sandbox must be true or false");
    }

    boolean sandbox(Context ctx) {
        return sandbox(ctx, settings.sandbox());
    }

    static Tokens.Token caller(Context ctx) {
        return ctx.attribute(StarExportServer.CALLER);
    }

    private String baseUrl(Context ctx) {
        return settings.publicUrl().orElseGet(() -> ctx.scheme() + "://" + ctx.host());
    }

    ObjectNode object(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return (ObjectNode) body;
    }

    static String text(JsonNode value, String name) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest(name + " must be a non-empty string");
        }
        return value.asText();
    }

    private static long positive(JsonNode value, String name) {
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            throw ApiException.badRequest(name + " must be a positive integer");
        }
        return value.longValue();
    }

    static int queryInt(Context ctx, String name, int absent, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(name + " must be an integer of at least " + min);
    }

    static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("'" + text + "' is not a guid");
        }
    }

    static ApiException translate(ExportException e) {
        return switch (e.code()) {
            case INVALID_URL, UNSUPPORTED_PLATFORM, UNSUPPORTED_CONTENT ->
                    new ApiException(400, ApiException.INVALID_URL, e.getMessage());
            case QUEUE_FULL -> ApiException.tooMany(ApiException.QUEUE_LIMIT_EXCEEDED,
                    e.retryAfter().map(Duration::toSeconds).orElse(60L), e.getMessage());
            default -> e.code() == ErrorCode.OUTPUT
                    ? new ApiException(500, ApiException.INTERNAL_ERROR, "the server cannot store the job")
                    : new ApiException(500, ApiException.INTERNAL_ERROR, e.getMessage());
        };
    }

    private String extension(String format) {
        return engine.formats().stream().filter(f -> f.id().equals(format)).findFirst()
                .map(f -> f.extensions().isEmpty() ? format : f.extensions().get(0)).orElse(format);
    }

    private static String contentType(String format) {
        return switch (format) {
            case "json" -> "application/json";
            case "csv" -> "text/csv; charset=utf-8";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            default -> "application/octet-stream";
        };
    }

    private static String safe(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 80 ? safe.substring(0, 80) : safe;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    ObjectMapper json() {
        return json;
    }

    void send(Context ctx, int status, JsonNode body) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
