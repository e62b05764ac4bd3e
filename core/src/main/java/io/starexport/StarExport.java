package io.starexport;

import io.starexport.api.Checkpoint;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportRequest;
import io.starexport.api.ExportResult;
import io.starexport.api.Item;
import io.starexport.api.Target;
import io.starexport.core.internal.Engine;
import io.starexport.core.internal.EngineConfig;
import io.starexport.core.internal.Version;
import io.starexport.spi.Credentials;
import io.starexport.spi.Enricher;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.Platform;
import io.starexport.spi.RateLimit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * The export engine. Build one per configuration and share it: every export it runs shares its
 * HTTP connections, per-platform rate-limit buckets and caches. Several engines with different
 * settings can live side by side; there is no global state. Thread-safe. Close it when done.
 *
 * <pre>{@code
 * try (StarExport star = StarExport.builder().build()) {
 *     star.export("https://www.reddit.com/r/java/comments/1abc2d/").comments().replies(true)
 *         .to(Path.of("thread.jsonl")).run();
 * }
 * }</pre>
 */
public final class StarExport implements AutoCloseable {
    private final Engine engine;

    private StarExport(EngineConfig config) {
        this.engine = new Engine(config);
    }

    /** A builder with the defaults described on each of its methods. */
    public static Builder builder() {
        return new Builder();
    }

    /** This library's version, from its build, such as {@code 0.1.0}; it is also in the default User-Agent. */
    public static String version() {
        return Version.CURRENT;
    }

    /** An engine with every default: discovered plugins, credentials from the environment. */
    public static StarExport ofDefaults() {
        return builder().build();
    }

    /**
     * Starts describing an export of a URL. The URL is checked and resolved now.
     *
     * @throws io.starexport.api.ExportException {@code INVALID_URL} or {@code UNSUPPORTED_PLATFORM}
     */
    public ExportSpec<Item> export(String url) {
        return ExportSpec.of(this, url, engine.resolve(url));
    }

    /**
     * Runs an export in this thread and writes its outputs; see {@link ExportSpec#run()}.
     *
     * @throws io.starexport.api.ExportException on any failure, with its checkpoint when files were written
     * @throws IllegalStateException             when the request has no output
     * @throws IllegalArgumentException          when an output's format or options, the credential set or the
     *                                           proxy the request names is unknown
     */
    public ExportResult run(ExportRequest request, ExportListener... listeners) {
        return run(request, Optional.empty(), List.of(listeners));
    }

    /**
     * The items of an export as a lazy stream; see {@link ExportSpec#stream()}.
     *
     * @throws IllegalStateException when the request has outputs or media downloads
     */
    public Stream<Item> stream(ExportRequest request) {
        return stream(request, Optional.empty(), List.of());
    }

    /** Runs an export on the engine's executor; see {@link ExportSpec#start()}. */
    public RunningExport start(ExportRequest request, ExportListener... listeners) {
        return start(request, Optional.empty(), List.of(listeners));
    }

    /**
     * Checks a request without running it: the request as it would run, with the target's canonical URL, the
     * content chosen (the target's default when the request names none) and each output's format. A scheduler, a
     * job queue or a server calls this to refuse a request that cannot run before it is stored.
     *
     * @throws io.starexport.api.ExportException {@code INVALID_URL}, {@code UNSUPPORTED_PLATFORM} or
     *                                           {@code UNSUPPORTED_CONTENT}
     * @throws IllegalArgumentException          when an output's format or options, the credential set or the proxy
     *                                           the request names is unknown
     */
    public ExportRequest check(ExportRequest request) {
        return engine.plan(Objects.requireNonNull(request, "request"), List.of(), Optional.empty()).request();
    }

    ExportResult run(ExportRequest request, Optional<Checkpoint> resumeFrom, List<ExportListener> listeners) {
        requireOutputs(request, "run()");
        return engine.run(engine.plan(request, listeners, resumeFrom));
    }

    Stream<Item> stream(ExportRequest request, Optional<Checkpoint> resumeFrom, List<ExportListener> listeners) {
        if (!request.outputs().isEmpty()) {
            throw new IllegalStateException("stream() writes no files; remove the outputs (.to(...)) or use run()");
        }
        if (request.media().isPresent()) {
            throw new IllegalStateException("stream() downloads no media; remove .downloadMedia(...) or use run()");
        }
        return engine.stream(engine.plan(request, listeners, resumeFrom));
    }

    RunningExport start(ExportRequest request, Optional<Checkpoint> resumeFrom, List<ExportListener> listeners) {
        requireOutputs(request, "start()");
        return engine.start(engine.plan(request, listeners, resumeFrom));
    }

    private static void requireOutputs(ExportRequest request, String method) {
        if (request.outputs().isEmpty()) {
            throw new IllegalStateException(method + " needs an output: add .to(Path.of(\"out.csv\")), or use stream()");
        }
    }

    /**
     * Continues an export from the checkpoint file it left beside its partial output.
     *
     * @throws io.starexport.api.ExportException {@code OUTPUT} when the file cannot be read
     */
    public ExportSpec<Item> resume(Path checkpointFile) {
        return resume(readCheckpoint(checkpointFile));
    }

    /**
     * Reads a checkpoint file, of this version or an earlier one, to inspect it or {@link #resume(Checkpoint)}.
     *
     * @throws io.starexport.api.ExportException {@code OUTPUT} when the file cannot be read, is damaged or is of a
     *                                           newer version; the message says what to do
     */
    public Checkpoint readCheckpoint(Path checkpointFile) {
        return engine.readCheckpoint(Objects.requireNonNull(checkpointFile, "checkpointFile"));
    }

    /**
     * Continues an export from a checkpoint, such as one carried by an {@link io.starexport.api.ExportException},
     * with the checkpoint's request; the returned spec takes listeners only.
     */
    public ExportSpec<Item> resume(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        return ExportSpec.resuming(this, engine.resolve(checkpoint.request().url()), checkpoint);
    }

    /**
     * What a URL is: platform, kind, id, canonical URL and the contents it can export.
     *
     * @throws io.starexport.api.ExportException {@code INVALID_URL} or {@code UNSUPPORTED_PLATFORM}
     */
    public Detection detect(String url) {
        return engine.detect(url);
    }

    /** The platforms this engine can export from, by id. */
    public List<PlatformInfo> platforms() {
        return engine.platforms();
    }

    /** The output formats installed, by id. */
    public List<OutputFormat> formats() {
        return engine.formats();
    }

    /**
     * Releases HTTP connections and stops the engine's own executor, which cancels exports it runs from
     * {@link ExportSpec#start()}. Exports on a host executor, and {@code run()} or {@code stream()} in a host
     * thread, are the host's to stop.
     */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "StarExport" + engine;
    }

    /**
     * Configures a {@link StarExport}. Each single-valued setting may be given once. Not thread-safe.
     */
    public static final class Builder {
        private final List<Platform> platforms = new ArrayList<>();
        private final List<OutputFormat> formats = new ArrayList<>();
        private final List<Enricher> enrichers = new ArrayList<>();
        private Boolean discovery;
        private Boolean sandbox;
        private final Map<String, Map<String, String>> credentials = new LinkedHashMap<>();
        private final Map<String, Map<String, Map<String, String>>> credentialSets = new LinkedHashMap<>();
        private final Map<String, ProxyConfig> namedProxies = new LinkedHashMap<>();
        private Map<String, String> environment;
        private final Map<String, Map<String, URI>> endpoints = new LinkedHashMap<>();
        private final Map<String, RateLimit> rateLimits = new LinkedHashMap<>();
        private ProxyConfig proxy;
        private final Map<String, ProxyConfig> platformProxies = new LinkedHashMap<>();
        private List<ProxyConfig> proxyPool;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private RetryPolicy retryPolicy;
        private Duration progressInterval;
        private Clock clock;
        private final List<ExportListener> listeners = new ArrayList<>();
        private Executor executor;
        private String userAgent;

        private Builder() {
        }

        /** Registers a platform; it wins over a discovered plugin with the same id. */
        public Builder platform(Platform platform) {
            platforms.add(Objects.requireNonNull(platform, "platform"));
            return this;
        }

        /** Registers an output format; it wins over a discovered plugin with the same id. */
        public Builder format(OutputFormat format) {
            formats.add(Objects.requireNonNull(format, "format"));
            return this;
        }

        /**
         * Registers an enricher, which a request runs by its id ({@link ExportRequest.Builder#enrich(String)}); it
         * wins over a discovered plugin with the same id. Its credentials and rate limit are set like a platform's,
         * under its id: {@code credential("openai", "api_key", key)}, {@code rateLimit("openai", …)}.
         */
        public Builder enricher(Enricher enricher) {
            enrichers.add(Objects.requireNonNull(enricher, "enricher"));
            return this;
        }

        /**
         * Whether to find platform, format and enricher plugins with {@link java.util.ServiceLoader}; on by default.
         */
        public Builder discovery(boolean discovery) {
            once(this.discovery, "discovery");
            this.discovery = discovery;
            return this;
        }

        /**
         * Sandbox mode for every export: every URL an installed platform (or the sandbox itself, for YouTube,
         * Reddit, Instagram and TikTok) recognises yields deterministic sample items, offline. Off by default;
         * a single export can ask for the sandbox with {@link ExportRequest.Builder#sandbox(boolean)}.
         */
        public Builder sandbox(boolean sandbox) {
            once(this.sandbox, "sandbox");
            this.sandbox = sandbox;
            return this;
        }

        /**
         * A credential for a platform, for example {@code credential("youtube", "api_key", key)}. Wins over
         * the environment variable {@code STAREXPORT_YOUTUBE_API_KEY}. Never logged or written anywhere.
         */
        public Builder credential(String platform, String name, String value) {
            Objects.requireNonNull(value, "value");
            Map<String, String> forPlatform = credentials.computeIfAbsent(id(platform), p -> new LinkedHashMap<>());
            String key = Credentials.normalise(name);
            if (forPlatform.containsKey(key)) {
                throw new IllegalStateException("credential " + platform + "/" + key + " was already set");
            }
            forPlatform.put(key, value);
            return this;
        }

        /**
         * A credential in a named set, which an export request chooses with
         * {@link ExportRequest.Builder#credentials(String)} instead of the default credentials (a second account,
         * a client's key). A set holds only what is given here; the environment does not add to it. Never
         * logged or written anywhere.
         */
        public Builder credentialSet(String set, String platform, String name, String value) {
            Objects.requireNonNull(set, "set");
            Objects.requireNonNull(value, "value");
            Map<String, String> forPlatform = credentialSets.computeIfAbsent(set, s -> new LinkedHashMap<>())
                    .computeIfAbsent(id(platform), p -> new LinkedHashMap<>());
            String key = Credentials.normalise(name);
            if (forPlatform.putIfAbsent(key, value) != null) {
                throw new IllegalStateException("credential " + set + "/" + platform + "/" + key + " was already set");
            }
            return this;
        }

        /**
         * A proxy an export request chooses by name with {@link ExportRequest.Builder#proxy(String)}; it wins over
         * the platform's proxy and the pool for that export.
         */
        public Builder namedProxy(String name, ProxyConfig proxy) {
            if (namedProxies.putIfAbsent(Objects.requireNonNull(name, "name"),
                    Objects.requireNonNull(proxy, "proxy")) != null) {
                throw new IllegalStateException("proxy named " + name + " was already set");
            }
            return this;
        }

        /**
         * The environment to read {@code STAREXPORT_<PLATFORM>_<NAME>} credentials from; {@link System#getenv()}
         * by default. Pass an empty map to ignore the environment.
         */
        public Builder environment(Map<String, String> environment) {
            once(this.environment, "environment");
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Points a platform's named endpoint at another base URL (a proxy, a mirror, a test server). */
        public Builder endpoint(String platform, String name, String baseUrl) {
            URI uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("endpoint " + platform + "/" + name
                        + " must be an absolute URL such as http://localhost:8080 but was '" + baseUrl + "'");
            }
            Map<String, URI> forPlatform = endpoints.computeIfAbsent(id(platform), p -> new LinkedHashMap<>());
            if (forPlatform.putIfAbsent(name, uri) != null) {
                throw new IllegalStateException("endpoint " + platform + "/" + name + " was already set");
            }
            return this;
        }

        /** Overrides a platform's default request rate; shared by every export of the engine. */
        public Builder rateLimit(String platform, RateLimit rateLimit) {
            if (rateLimits.putIfAbsent(id(platform), Objects.requireNonNull(rateLimit, "rateLimit")) != null) {
                throw new IllegalStateException("rateLimit for " + platform + " was already set");
            }
            return this;
        }

        /** Sends every request through this proxy, unless a platform has its own. */
        public Builder proxy(ProxyConfig proxy) {
            once(this.proxy, "proxy");
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /** Sends one platform's requests through this proxy. */
        public Builder proxy(String platform, ProxyConfig proxy) {
            if (platformProxies.putIfAbsent(id(platform), Objects.requireNonNull(proxy, "proxy")) != null) {
                throw new IllegalStateException("proxy for " + platform + " was already set");
            }
            return this;
        }

        /**
         * A pool of proxies: each export takes the next one in turn and keeps it for its whole run (never
         * rotating mid-run, which platforms treat as a bot signal). Platform proxies win over the pool.
         */
        public Builder proxyPool(List<ProxyConfig> proxies) {
            once(this.proxyPool, "proxyPool");
            if (proxies.isEmpty()) {
                throw new IllegalArgumentException("proxyPool needs at least one proxy");
            }
            this.proxyPool = List.copyOf(proxies);
            return this;
        }

        /** Time to open a connection; 10 s by default. */
        public Builder connectTimeout(Duration timeout) {
            once(this.connectTimeout, "connectTimeout");
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** Longest silence while reading a response; 30 s by default. */
        public Builder readTimeout(Duration timeout) {
            once(this.readTimeout, "readTimeout");
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /** Longest time for one whole request, connection to last byte; 60 s by default. */
        public Builder callTimeout(Duration timeout) {
            once(this.callTimeout, "callTimeout");
            this.callTimeout = positive(timeout, "callTimeout");
            return this;
        }

        /** How failed requests are retried; {@link RetryPolicy#ofDefaults()} by default. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            once(this.retryPolicy, "retryPolicy");
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Least time between two progress events of one export; 500 ms by default. */
        public Builder progressInterval(Duration interval) {
            once(this.progressInterval, "progressInterval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("progressInterval must not be negative but was " + interval);
            }
            this.progressInterval = interval;
            return this;
        }

        /** The clock for event times, checkpoints and HTTP-date {@code Retry-After}; the system clock by default. */
        public Builder clock(Clock clock) {
            once(this.clock, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Adds a listener that sees the events of every export of the engine. */
        public Builder listener(ExportListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Runs {@link ExportSpec#start()} exports; a cached pool of daemon threads by default. */
        public Builder executor(Executor executor) {
            once(this.executor, "executor");
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The User-Agent sent when a platform sets none; {@code starexport/<version> (Java)} by default. */
        public Builder userAgent(String userAgent) {
            once(this.userAgent, "userAgent");
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /**
         * Builds the engine.
         *
         * @throws IllegalArgumentException when a setting names a platform or endpoint that is not installed
         * @throws IllegalStateException    when two discovered plugins claim one id
         */
        public StarExport build() {
            EngineConfig.Builder config = EngineConfig.builder().platforms(platforms).formats(formats).enrichers(enrichers)
                    .credentials(credentials).endpoints(endpoints).rateLimits(rateLimits)
                    .platformProxies(platformProxies).listeners(listeners).credentialSets(credentialSets)
                    .namedProxies(namedProxies);
            // What was not given keeps the engine's default.
            Optional.ofNullable(discovery).ifPresent(config::discovery);
            Optional.ofNullable(sandbox).ifPresent(config::sandbox);
            Optional.ofNullable(environment).ifPresent(config::environment);
            Optional.ofNullable(proxy).ifPresent(config::proxy);
            Optional.ofNullable(proxyPool).ifPresent(config::proxyPool);
            Optional.ofNullable(connectTimeout).ifPresent(config::connectTimeout);
            Optional.ofNullable(readTimeout).ifPresent(config::readTimeout);
            Optional.ofNullable(callTimeout).ifPresent(config::callTimeout);
            Optional.ofNullable(retryPolicy).ifPresent(config::retryPolicy);
            Optional.ofNullable(progressInterval).ifPresent(config::progressInterval);
            Optional.ofNullable(clock).ifPresent(config::clock);
            Optional.ofNullable(executor).ifPresent(config::executor);
            Optional.ofNullable(userAgent).ifPresent(config::userAgent);
            return new StarExport(config.build());
        }

        private static String id(String platform) {
            return Objects.requireNonNull(platform, "platform").toLowerCase(Locale.ROOT);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive but was " + value);
            }
            return value;
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
        }
    }
}
