package io.starexport.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.automation.Scheduler;
import io.starexport.automation.Webhooks;
import io.starexport.automation.Workflows;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A self-hosted HTTP server that speaks ExportComments' v3 API over an in-process {@link StarExport} engine, so that
 * ExportComments' own CLI, MCP server and scripts can be pointed at it with only their base URL changed; it also
 * serves the Star Export API ({@code /api/export/…}, Bearer tokens) and its progress events for Socket.IO clients. Jobs run
 * on a {@link JobExecutor} whose store, output files and API tokens live under the server's directory, beside the
 * webhooks, schedules and workflows of ExportComments' {@code /api/v1/webhooks}, {@code /api/v1/schedules} and
 * {@code /api/v1/workflows} routes (job events are delivered to the webhooks; a {@code Scheduler} ticks for schedules and
 * workflows while the server runs); all of it survives a restart, and
 * unfinished jobs resume.
 *
 * <pre>{@code
 * try (StarExport engine = StarExport.builder().build();
 *      StarExportServer server = StarExportServer.builder().engine(engine).directory(dir).port(8480).build().start()) {
 *     Tokens.Created first = Tokens.open(dir).create("laptop");
 *     // clients send first.secret() in X-AUTH-TOKEN to http://127.0.0.1:8480/api/v3/job
 * }
 * }</pre>
 *
 * <p><b>Security.</b> It binds to 127.0.0.1 unless told otherwise. Every route but {@code GET /api/health} needs a
 * valid token in {@code X-AUTH-TOKEN} or as {@code Authorization: Bearer}; tokens are stored as SHA-256 hashes, compared in constant time and never logged. Request
 * bodies are limited in size, CORS is off, and a download is looked up by job or bundle id and served only from
 * the server's own directory. One engine serves live and sandbox jobs: a request with {@code X-Sandbox: true}
 * runs in the sandbox. The server never closes the engine.
 *
 * <p>The engine needs the {@code json} output format (for {@code json_url}) and {@code xlsx} or {@code csv} (for
 * {@code download_link}, xlsx preferred).
 */
public final class StarExportServer implements AutoCloseable {
    /** The port when none is given. */
    public static final int DEFAULT_PORT = 8480;
    /** Requests per minute per token when none is given: the seed's Business tier. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 200;
    /** The largest request body accepted when none is given: 1 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
    static final String CALLER = "starexport.caller";
    private static final String HEALTH = "/api/health";
    private static final Logger LOG = LoggerFactory.getLogger(StarExportServer.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Builder settings;
    private final List<String> routes = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private Javalin app;
    private JobExecutor jobs;
    private Bulk bulk;
    private Realtime realtime;
    private Webhooks webhooks;
    private Scheduler scheduler;
    private boolean closed;

    private StarExportServer(Builder builder) {
        this.settings = builder;
    }

    /** A builder; {@link Builder#engine} and {@link Builder#directory} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens the directory, resumes the jobs a previous run left unfinished, and starts listening.
     *
     * @return this server
     * @throws IllegalStateException when it was started before
     * @throws ExportException       {@code OUTPUT} when the directory cannot be used
     */
    public synchronized StarExportServer start() {
        if (app != null || closed) {
            throw new IllegalStateException("a server starts once; build another one");
        }
        Path directory = settings.directory;
        Path files = directory.resolve("files");
        try {
            Files.createDirectories(files.resolve("bulk"));
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "cannot create the server directory " + files + ": "
                    + e.getMessage(), e);
        }
        Tokens tokens = Tokens.open(directory, settings.clock);
        realtime = new Realtime(tokens, json);
        Webhooks.Builder hooks = Webhooks.builder().directory(directory.resolve("webhooks")).clock(settings.clock);
        if (settings.sandbox) {
            // A sandbox server is for trying things on one machine: receivers there are plain http on loopback.
            hooks.allowHttpOnLoopback().allowPrivateAddresses();
        }
        webhooks = hooks.build();
        try {
            jobs = JobExecutor.builder(settings.engine).listener(realtime).listener(webhooks.listener())
                    .store(JobStore.directory(directory.resolve("jobs")))
                    .concurrency(settings.concurrency).maxQueueSize(settings.maxQueuedJobs).closeTimeout(CLOSE_TIMEOUT)
                    .clock(settings.clock).build();
            realtime.jobs(jobs);
            int resumed = jobs.resumeUnfinished().size();
            if (resumed > 0) {
                LOG.info("Resumed {} unfinished job(s) from {}", resumed, directory);
            }
            scheduler = Scheduler.builder(jobs).directory(directory.resolve("schedules")).webhooks(webhooks)
                    .clock(settings.clock).build();
            Workflows workflows = Workflows.builder(scheduler).directory(directory.resolve("workflows")).build();
            bulk = new Bulk(jobs, files.resolve("bulk"));
            Limits limits = new Limits(settings.requestsPerMinute, settings.clock);
            ServerSettings routeSettings = new ServerSettings(settings.sandbox, settings.concurrency,
                    Set.copyOf(settings.proxyPools), settings.publicUrl.map(URI::toString));
            ExportCommentsApi api = new ExportCommentsApi(settings.engine, jobs, tokens, limits, bulk, files,
                    routeSettings, downloadFormat(settings.engine), json);
            StarExportApi starApi = new StarExportApi(settings.engine, jobs, files, routeSettings, json,
                    settings.clock.instant());
            byte[] openApi = openApi();
            app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.http.maxRequestSize = settings.maxRequestBytes;
                config.jetty.host = settings.bind;
                config.jetty.port = settings.port;
                config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
                config.events.handlerAdded(info -> {
                    if (info.getHttpMethod().isHttpMethod()) {
                        routes.add(info.getHttpMethod().name() + " " + info.getPath());
                    }
                });
                config.routes.before(ctx -> authenticate(ctx, tokens, limits));
                api.register(config.routes);
                new WebhooksApi(webhooks, api).register(config.routes);
                SchedulesApi schedules = new SchedulesApi(scheduler, settings.engine, api);
                schedules.register(config.routes);
                new WorkflowsApi(workflows, settings.engine, api, schedules, files.resolve("workflows"))
                        .register(config.routes);
                starApi.register(config.routes);
                realtime.register(config.routes);
                config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
                config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e));
                config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx,
                        new ApiException(e.getStatus(), e.getStatus() == 404 ? ApiException.NOT_FOUND
                                : ApiException.INVALID_REQUEST, e.getMessage())));
                config.routes.exception(Exception.class, (e, ctx) -> {
                    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                    error(ctx, new ApiException(500, ApiException.INTERNAL_ERROR, "the server failed; see its log"));
                });
                config.routes.error(404, ctx -> {
                    if (ctx.result() == null || ctx.result().isEmpty()) {
                        error(ctx, ApiException.notFound("no route " + ctx.method() + " " + ctx.path()));
                    }
                });
            });
            app.start();
            scheduler.start();
            LOG.info("Star Export server listening on http://{}:{}", settings.bind, app.port());
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Every route but {@code GET /api/health} needs a token, in {@code X-AUTH-TOKEN} (ExportComments) or as
     * {@code Authorization: Bearer} (the Star Export API); it is checked, then counted against its limit.
     */
    private static void authenticate(Context ctx, Tokens tokens, Limits limits) {
        if ((ctx.path().equals(HEALTH) && ctx.method() == HandlerType.GET) || ctx.path().equals(Realtime.PATH)) {
            // Socket.IO clients present their token in the CONNECT packet, which Realtime checks.
            return;
        }
        Tokens.Token token = tokens.authenticate(presented(ctx)).orElseThrow(() -> new ApiException(401,
                ApiException.AUTH_HEADER_TOKEN, "Missing or invalid X-AUTH-TOKEN header (or Authorization: Bearer)."));
        if (token.isExpiredAt(tokens.now())) {
            throw new ApiException(403, ApiException.TOKEN_EXPIRED, "The API token has expired; create another one.");
        }
        limits.count(token.uuid(), ExportCommentsApi.sandbox(ctx, false));
        ctx.attribute(CALLER, token);
    }

    private static String presented(Context ctx) {
        String token = ctx.header("X-AUTH-TOKEN");
        String authorization = ctx.header("Authorization");
        if (token == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).strip();
        }
        return token;
    }

    /** ExportComments' envelope, or the Star Export API's {@code {success, error, code}} on its routes. */
    private void error(Context ctx, ApiException e) {
        ObjectNode body = json.createObjectNode();
        if (StarExportApi.owns(ctx.path())) {
            String code = switch (e.code()) {
                case ApiException.AUTH_HEADER_TOKEN -> presented(ctx) == null ? "AUTH_REQUIRED" : "INVALID_TOKEN";
                case ApiException.TOKEN_EXPIRED -> "INVALID_TOKEN";
                case ApiException.NOT_FOUND -> ctx.path().startsWith("/api/export/") ? "EXPORT_NOT_FOUND" : e.code();
                default -> e.code();
            };
            body.put("success", false).put("error", e.getMessage()).put("code", code);
        } else {
            body.put("status_code", e.status()).put("error_code", e.code());
            e.secondsToWait().ifPresent(seconds -> body.put("seconds_to_wait", seconds));
            body.put("detail", e.getMessage());
        }
        e.secondsToWait().ifPresent(seconds -> ctx.header("Retry-After", Long.toString(seconds)));
        ctx.status(e.status()).contentType("application/json").result(body.toString());
    }

    private static String downloadFormat(StarExport engine) {
        Set<String> formats = new TreeSet<>();
        engine.formats().forEach(f -> formats.add(f.id()));
        if (!formats.contains("json")) {
            throw new IllegalStateException("the server needs the json output format for json_url: add "
                    + "io.starexport:starexport-writer-json; the engine has " + formats);
        }
        return formats.contains("xlsx") ? "xlsx" : formats.contains("csv") ? "csv" : "json";
    }

    private static byte[] openApi() {
        try (InputStream in = StarExportServer.class.getResourceAsStream("openapi.json")) {
            return Objects.requireNonNull(in, "openapi.json is missing from the jar").readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The port it listens on, the one chosen by the system when {@code port(0)} was asked.
     *
     * @throws IllegalStateException when it is not running
     */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("the server is not running");
        }
        return app.port();
    }

    /** The routes it serves, as {@code "GET /api/v3/jobs"}, in the order they were added. */
    List<String> routes() {
        return List.copyOf(routes);
    }

    /**
     * Stops listening, then stops the jobs: queued ones stay queued, running ones get five seconds to finish and
     * otherwise stop with their checkpoints; both resume when a server starts on the directory again. Does not
     * close the engine.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (app != null) {
            app.stop();
            app = null;
        }
        if (scheduler != null) {
            scheduler.close();
        }
        if (bulk != null) {
            bulk.close();
        }
        if (jobs != null) {
            jobs.close();
        }
        if (webhooks != null) {
            webhooks.close();
        }
        if (realtime != null) {
            realtime.close();
        }
    }

    @Override
    public String toString() {
        return "StarExportServer[" + settings.bind + ":" + (app == null ? settings.port : app.port()) + ", "
                + settings.directory + (settings.sandbox ? ", sandbox" : "") + "]";
    }

    /** Settings of a server; every one but the engine and the directory has a default. Not thread-safe. */
    public static final class Builder {
        private StarExport engine;
        private Path directory;
        private String bind = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private boolean sandbox;
        private int requestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;
        private int concurrency = JobExecutor.DEFAULT_CONCURRENCY;
        private int maxQueuedJobs = JobExecutor.DEFAULT_MAX_QUEUE_SIZE;
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private Optional<URI> publicUrl = Optional.empty();
        private Set<String> proxyPools = Set.of();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The engine that runs the exports; the server does not close it. Required. */
        public Builder engine(StarExport engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** Where jobs ({@code jobs/}), their files ({@code files/}) and tokens ({@code tokens.json}) live. Required. */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The address to listen on; {@code 127.0.0.1} by default. {@code 0.0.0.0} listens on every interface. */
        public Builder bind(String address) {
            this.bind = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The port; {@value #DEFAULT_PORT} by default, 0 for one the system chooses (see {@link #port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535 but was " + port);
            }
            this.port = port;
            return this;
        }

        /** Whether every job runs in the sandbox, whatever {@code X-Sandbox} says; false by default. */
        public Builder sandbox(boolean sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        /** Requests per minute per token outside the sandbox; {@value #DEFAULT_REQUESTS_PER_MINUTE} by default. */
        public Builder requestsPerMinute(int requests) {
            this.requestsPerMinute = positive(requests, "requestsPerMinute");
            return this;
        }

        /** Jobs running at once; {@link JobExecutor#DEFAULT_CONCURRENCY} by default. */
        public Builder concurrency(int jobs) {
            this.concurrency = positive(jobs, "concurrency");
            return this;
        }

        /** Jobs waiting at most; more are refused with 429 {@code QUEUE_LIMIT_EXCEEDED}. */
        public Builder maxQueuedJobs(int jobs) {
            this.maxQueuedJobs = positive(jobs, "maxQueuedJobs");
            return this;
        }

        /** The largest request body accepted; {@value #DEFAULT_MAX_REQUEST_BYTES} bytes by default. */
        public Builder maxRequestBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 1024 but was " + bytes);
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /**
         * The URL clients reach the server at, such as {@code https://exports.example.com} behind a proxy; file
         * links start with it. By default they start with the scheme and {@code Host} of each request.
         */
        public Builder publicUrl(URI url) {
            Objects.requireNonNull(url, "url");
            String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null
                    || !(url.getPath() == null || url.getPath().isEmpty()) || url.getQuery() != null) {
                throw new IllegalArgumentException("publicUrl must be http(s)://host[:port] with no path, but was "
                        + url);
            }
            this.publicUrl = Optional.of(url);
            return this;
        }

        /**
         * The engine's named proxies ({@code StarExport.Builder.namedProxy}) that clients may choose with
         * {@code options.pool}; none by default, and any other pool is refused.
         */
        public Builder proxyPools(String... names) {
            this.proxyPools = Set.of(names);
            return this;
        }

        /** The clock of rate limits, token expiry and job times; the system's by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A server with these settings, not yet started.
         *
         * @throws IllegalStateException when the engine or the directory is missing
         */
        public StarExportServer build() {
            if (engine == null || directory == null) {
                throw new IllegalStateException("a server needs " + (engine == null ? "an engine(...)" : "")
                        + (engine == null && directory == null ? " and " : "")
                        + (directory == null ? "a directory(...)" : ""));
            }
            return new StarExportServer(this);
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1 but was " + value);
            }
            return value;
        }
    }
}
