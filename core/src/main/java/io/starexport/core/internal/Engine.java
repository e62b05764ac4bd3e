package io.starexport.core.internal;

import io.starexport.Detection;
import io.starexport.PlatformInfo;
import io.starexport.ProxyConfig;
import io.starexport.RunningExport;
import io.starexport.api.Checkpoint;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportResult;
import io.starexport.api.Item;
import io.starexport.api.Sort;
import io.starexport.api.Target;
import io.starexport.core.internal.media.MediaStage;
import io.starexport.core.internal.sandbox.Sandbox;
import io.starexport.media.MediaOptions;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.Platform;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The engine behind {@link io.starexport.StarExport}: shared clients, buckets and caches, and export set-up. */
public final class Engine {
    public static final String VERSION = "0.1.0";
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final String ENV_PREFIX = "STAREXPORT_";

    private final EngineConfig config;
    private final Registry registry;
    /** Sandbox stand-ins for known platforms whose module is not installed. */
    private final Map<String, Platform> sandboxOnly = new TreeMap<>();
    private final OkHttpClient baseClient;
    private final ConcurrentMap<ProxyConfig, OkHttpClient> proxiedClients = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final PluginCaches caches = new PluginCaches();
    private final AtomicInteger nextProxy = new AtomicInteger();
    private final ExecutorService ownExecutor;

    public Engine(EngineConfig config) {
        this.config = config;
        this.registry = Registry.create(config.platforms(), config.formats(), config.discovery());
        for (Platform known : Sandbox.knownPlatforms()) {
            if (registry.platform(known.id()).isEmpty()) {
                sandboxOnly.put(known.id(), known);
            }
        }
        if (registry.platforms().isEmpty() && !config.sandbox()) {
            LOG.warn("No platform plugins found. Add a platform module such as "
                    + "io.starexport:starexport-platforms-youtube to the class path, or build with sandbox(true).");
        }
        validate();
        this.baseClient = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .callTimeout(config.callTimeout())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.ownExecutor = config.executor() == null ? Executors.newCachedThreadPool(daemonThreads()) : null;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "starexport-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void validate() {
        config.endpoints().forEach((platformId, names) -> {
            Platform platform = knownPlatform(platformId);
            Set<String> declared = new java.util.TreeSet<>();
            platform.endpoints().forEach(e -> declared.add(e.name()));
            names.keySet().forEach(name -> {
                if (!declared.contains(name)) {
                    throw new IllegalArgumentException("platform '" + platformId + "' has no endpoint named '" + name
                            + "'; it has " + declared);
                }
            });
        });
        config.rateLimits().keySet().forEach(this::knownPlatform);
        config.platformProxies().keySet().forEach(this::knownPlatform);
        config.credentials().keySet().forEach(this::knownPlatform);
    }

    private Platform knownPlatform(String id) {
        return registry.platform(id).or(() -> Optional.ofNullable(sandboxOnly.get(id)))
                .orElseThrow(() -> new IllegalArgumentException("no platform '" + id + "' is installed; installed: "
                        + allPlatforms().keySet()));
    }

    private Map<String, Platform> allPlatforms() {
        Map<String, Platform> all = new TreeMap<>(registry.platforms());
        if (config.sandbox()) {
            sandboxOnly.forEach(all::putIfAbsent);
        }
        return all;
    }

    public EngineConfig config() {
        return config;
    }

    // ---- resolving -------------------------------------------------------------------------------

    public Target resolve(String url) {
        URI uri = UrlParser.parse(url);
        for (Platform platform : allPlatforms().values()) {
            Optional<Target> target;
            try {
                target = platform.resolve(uri);
            } catch (ExportException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("Platform '{}' failed to inspect a URL; skipped", platform.id(), e);
                continue;
            }
            if (target.isPresent()) {
                return target.get();
            }
        }
        for (Platform known : sandboxOnly.values()) {
            if (!config.sandbox() && known.resolve(uri).isPresent()) {
                throw ExportException.of(ErrorCode.UNSUPPORTED_PLATFORM, "This is a " + known.displayName()
                        + " URL, but the " + known.displayName() + " platform module is not installed. Add "
                        + "io.starexport:starexport-platforms-" + known.id() + ", or try it in sandbox mode.");
            }
        }
        throw ExportException.of(ErrorCode.UNSUPPORTED_PLATFORM, "No installed platform recognises URLs of '"
                + uri.getHost() + "'" + (allPlatforms().isEmpty() ? "; no platform is installed."
                : "; installed: " + String.join(", ", allPlatforms().keySet()) + "."));
    }

    public Target resolveForResume(Checkpoint checkpoint) {
        if (checkpoint.sandbox() != config.sandbox()) {
            throw new IllegalArgumentException("the checkpoint was taken " + (checkpoint.sandbox() ? "in" : "outside")
                    + " sandbox mode; resume it with an engine built with sandbox(" + checkpoint.sandbox() + ")");
        }
        return resolve(checkpoint.url());
    }

    public Detection detect(String url) {
        Target target = resolve(url);
        Platform platform = platformOf(target);
        return new Detection(target, platform.displayName(), platform.contents(target.kind()));
    }

    private Platform platformOf(Target target) {
        return knownPlatform(target.platform());
    }

    public List<PlatformInfo> platforms() {
        List<PlatformInfo> infos = new ArrayList<>();
        allPlatforms().forEach((id, platform) -> {
            Set<Content> contents = EnumSet.noneOf(Content.class);
            for (Target.Kind kind : Target.Kind.values()) {
                contents.addAll(platform.contents(kind));
            }
            infos.add(new PlatformInfo(id, platform.displayName(), contents, endpoints(platform),
                    platform.credentialNames(), sandboxOnly.get(id) == platform));
        });
        return infos;
    }

    public List<OutputFormat> formats() {
        return List.copyOf(registry.formats().values());
    }

    OutputFormat format(String id) {
        return registry.format(id).orElseThrow(() -> new IllegalArgumentException("unknown output format '" + id
                + "'; installed: " + registry.formats().keySet()));
    }

    private Map<String, URI> endpoints(Platform platform) {
        Map<String, URI> result = new LinkedHashMap<>();
        Map<String, URI> overrides = config.endpoints().getOrDefault(platform.id(), Map.of());
        for (Endpoint endpoint : platform.endpoints()) {
            result.put(endpoint.name(), overrides.getOrDefault(endpoint.name(), endpoint.defaultUrl()));
        }
        return result;
    }

    // ---- planning and running --------------------------------------------------------------------

    /**
     * The content exported when none is chosen: the one the URL names (the target's {@code content} attribute),
     * else the default of its kind; see {@link io.starexport.Detection#defaultContent()}.
     */
    public static Optional<Content> defaultContent(Target target, Set<Content> offered) {
        String named = target.attributes().get("content");
        for (Content content : offered) {
            if (content.name().equalsIgnoreCase(named)) {
                return Optional.of(content);
            }
        }
        return defaultContent(target.kind(), offered);
    }

    private static Optional<Content> defaultContent(Target.Kind kind, Set<Content> offered) {
        Content preferred = switch (kind) {
            case VIDEO, POST, COMMENT -> Content.COMMENTS;
            case PROFILE, PLAYLIST, COMMUNITY, HASHTAG -> Content.POSTS;
        };
        return offered.contains(preferred) ? Optional.of(preferred) : offered.stream().sorted().findFirst();
    }

    public ExportPlan plan(String url, Target target, Optional<Content> content, boolean replies, Optional<Sort> sort,
                           OptionalLong limit, Optional<Instant> since, Optional<Instant> until,
                           List<ExportPlan.Output> outputs, ExportPlan.WriterSwitches switches,
                           List<ExportListener> listeners, Optional<Checkpoint> resumeFrom,
                           Optional<MediaOptions> media) {
        Platform platform = platformOf(target);
        Set<Content> offered = platform.contents(target.kind());
        Content chosen = content.or(() -> defaultContent(target, offered)).orElseThrow(() ->
                ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, platform.displayName() + " cannot export anything from a "
                        + kind(target) + "."));
        if (!offered.contains(chosen)) {
            throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, platform.displayName() + " cannot export "
                    + chosen.name().toLowerCase(Locale.ROOT) + " from a " + kind(target) + "; it can export: "
                    + offered.stream().sorted().map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ".");
        }
        media.ifPresent(options -> checkMedia(platform, options));
        List<ExportPlan.Output> resolved = new ArrayList<>();
        for (ExportPlan.Output output : outputs) {
            String format = output.format() != null ? format(output.format()).id()
                    : registry.formatForFile(output.file().getFileName().toString()).map(OutputFormat::id)
                    .orElseThrow(() -> new IllegalArgumentException("cannot tell the format of '" + output.file()
                            + "' from its extension; name one of " + registry.formats().keySet()
                            + " or use a matching extension"));
            resolved.add(new ExportPlan.Output(output.file(), format));
        }
        List<ExportListener> all = new ArrayList<>(config.listeners());
        all.addAll(listeners);
        return new ExportPlan(url, platform, new ExportQuery(target, chosen, replies, sort, limit, since, until), resolved,
                switches, all, resumeFrom, media);
    }

    /** Media downloads need real URLs on hosts the platform (or the host) vouches for. */
    private void checkMedia(Platform platform, MediaOptions options) {
        if (config.sandbox()) {
            throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, "Media downloads are not available in sandbox "
                    + "mode: sandbox items point at made-up media URLs. Export the media metadata instead "
                    + "(.media()), or run without sandbox mode to download files.");
        }
        if (platform.mediaHosts().isEmpty() && options.extraHosts().isEmpty()) {
            throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, "The " + platform.displayName() + " plugin "
                    + "declares no media hosts, so its media cannot be downloaded. Name the hosts to trust with "
                    + "MediaOptions.builder(dir).extraHosts(...).");
        }
    }

    /**
     * The media stage of one export: its own pool and rate limit, on the platform's proxy. No whole-call
     * timeout: a long video may take longer than any API call, and the read timeout still catches a stall.
     */
    MediaStage mediaStage(ExportPlan plan) {
        Platform platform = plan.platform();
        MediaOptions options = plan.media().orElseThrow();
        OkHttpClient client = client(proxyFor(platform.id())).newBuilder().callTimeout(java.time.Duration.ZERO).build();
        return MediaStage.open(new MediaStage.Settings(options, platform.id(), platform.displayName(),
                platform.mediaHosts(), client, config.retryPolicy(), config.clock(), config.userAgent(),
                redactor(platform)));
    }

    private static String kind(Target target) {
        return target.kind().name().toLowerCase(Locale.ROOT);
    }

    public ExportResult run(ExportPlan plan) {
        return new ExportRun(this, plan).run();
    }

    public <T extends Item> java.util.stream.Stream<T> stream(ExportPlan plan) {
        return new ExportRun(this, plan).stream();
    }

    public RunningExport start(ExportPlan plan) {
        ExportRun run = new ExportRun(this, plan);
        CompletableFuture<ExportResult> result = new CompletableFuture<>();
        (ownExecutor != null ? ownExecutor : config.executor()).execute(() -> {
            try {
                result.complete(run.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return new RunningExport() {
            @Override
            public java.util.UUID id() {
                return run.id();
            }

            @Override
            public void cancel() {
                run.cancel();
            }

            @Override
            public CompletableFuture<ExportResult> result() {
                return result;
            }
        };
    }

    Events events(List<ExportListener> listeners) {
        return new Events(listeners);
    }

    /**
     * The extractor of one export: the platform's, or the sandbox generator in sandbox mode. {@code waiting} hears
     * of every long wait the platform asks for.
     */
    Extractor<? extends Item> extractor(ExportPlan plan, Cancellation cancellation, Consumer<Duration> waiting) {
        if (config.sandbox()) {
            return Sandbox.extractor(plan.query());
        }
        Platform platform = plan.platform();
        Credentials credentials = credentials(platform.id());
        RateLimiter limiter = limiters.computeIfAbsent(platform.id() + ":" + fingerprint(credentials),
                key -> new RateLimiter(config.rateLimits().getOrDefault(platform.id(),
                        platform.defaultRateLimit(credentials)), config.clock()));
        Redactor redactor = Redactor.of(credentials);
        EngineHttp http = new EngineHttp(client(proxyFor(platform.id())), platform, limiter, config.retryPolicy(),
                cancellation, redactor, config.clock(), config.userAgent(), waiting);
        RunContext context = new RunContext(platform.id(), http, credentials, endpoints(platform), caches, limiter,
                config.clock(), redactor);
        Extractor<? extends Item> extractor = platform.extractor(plan.query(), context);
        if (extractor == null) {
            throw ExportException.of(ErrorCode.INTERNAL, "The " + platform.id() + " plugin gave no extractor.");
        }
        return extractor;
    }

    Redactor redactor(Platform platform) {
        return Redactor.of(credentials(platform.id()));
    }

    /** Builder credentials over {@code STAREXPORT_<PLATFORM>_<NAME>} environment variables. */
    Credentials credentials(String platformId) {
        Map<String, String> values = new TreeMap<>();
        String prefix = ENV_PREFIX + platformId.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        config.environment().forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                values.put(Credentials.normalise(name.substring(prefix.length())), value);
            }
        });
        values.putAll(config.credentials().getOrDefault(platformId, Map.of()));
        return Credentials.of(values);
    }

    private static String fingerprint(Credentials credentials) {
        if (credentials.isEmpty()) {
            return "anonymous";
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : credentials.names()) {
                digest.update((name + "=" + credentials.get(name).orElse("") + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The platform's proxy, else the next proxy of the pool (kept for the whole export), else the engine's. */
    private ProxyConfig proxyFor(String platformId) {
        ProxyConfig own = config.platformProxies().get(platformId);
        if (own != null) {
            return own;
        }
        if (!config.proxyPool().isEmpty()) {
            return config.proxyPool().get(Math.floorMod(nextProxy.getAndIncrement(), config.proxyPool().size()));
        }
        return config.proxy();
    }

    private OkHttpClient client(ProxyConfig proxy) {
        if (proxy == null) {
            return baseClient;
        }
        return proxiedClients.computeIfAbsent(proxy, p -> {
            if (p.type() == ProxyConfig.Type.SOCKS) {
                return baseClient.newBuilder().proxy(Proxy.NO_PROXY).socketFactory(Socks5.socketFactory(p))
                        .dns(Socks5.REMOTE_DNS).build();
            }
            OkHttpClient.Builder builder = baseClient.newBuilder()
                    .proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port())));
            if (p.username().isPresent()) {
                String authorization = okhttp3.Credentials.basic(p.username().get(), p.password().orElse(""));
                builder.proxyAuthenticator((route, response) ->
                        response.request().header("Proxy-Authorization") != null ? null
                                : response.request().newBuilder().header("Proxy-Authorization", authorization).build());
            }
            return builder.build();
        });
    }

    // ---- checkpoints -----------------------------------------------------------------------------

    public Checkpoint readCheckpoint(Path file) {
        return Checkpoints.read(file);
    }

    void deleteCheckpoint(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            LOG.warn("Could not delete the finished export's checkpoint {}: {}", file, e.getMessage());
        }
    }

    public void close() {
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
        baseClient.dispatcher().executorService().shutdown();
        baseClient.connectionPool().evictAll();
        proxiedClients.values().forEach(c -> c.connectionPool().evictAll());
    }

    @Override
    public String toString() {
        return "[platforms=" + allPlatforms().keySet() + ", formats=" + registry.formats().keySet() + ", sandbox="
                + config.sandbox() + "]";
    }
}
