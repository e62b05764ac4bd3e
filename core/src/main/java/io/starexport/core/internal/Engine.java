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
import io.starexport.api.ExportRequest;
import io.starexport.api.ExportResult;
import io.starexport.api.Item;
import io.starexport.api.Target;
import io.starexport.core.internal.media.MediaStage;
import io.starexport.core.internal.sandbox.Sandbox;
import io.starexport.media.MediaOptions;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.Enricher;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The engine behind {@link io.starexport.StarExport}: shared clients, buckets and caches, and export set-up. */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final String ENV_PREFIX = "STAREXPORT_";

    private final EngineConfig config;
    private final Registry registry;
    private final OkHttpClient baseClient;
    private final ConcurrentMap<ProxyConfig, OkHttpClient> proxiedClients = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final PluginCaches caches = new PluginCaches();
    private final AtomicInteger nextProxy = new AtomicInteger();
    private final ExecutorService ownExecutor;

    public Engine(EngineConfig config) {
        this.config = config;
        this.registry = Registry.create(config.platforms(), config.formats(), config.enrichers(), config.discovery());
        if (registry.platforms().isEmpty()) {
            LOG.warn("No platform plugins found. Add a platform module such as "
                    + "io.starexport:starexport-platforms-youtube to the class path; sandbox mode needs one too.");
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
        config.rateLimits().keySet().forEach(this::knownPlugin);
        config.platformProxies().keySet().forEach(this::knownPlatform);
        config.credentials().keySet().forEach(this::knownPlugin);
        config.credentialSets().values().forEach(set -> set.keySet().forEach(this::knownPlugin));
    }

    /** Rate limits and credentials are keyed by a platform's or an enricher's id. */
    private void knownPlugin(String id) {
        if (registry.platform(id).isEmpty() && !registry.enrichers().containsKey(id)) {
            throw new IllegalArgumentException("no platform or enricher '" + id + "' is installed; platforms: "
                    + registry.platforms().keySet() + ", enrichers: " + registry.enrichers().keySet());
        }
    }

    private Platform knownPlatform(String id) {
        return registry.platform(id).orElseThrow(() -> new IllegalArgumentException("no platform '" + id
                + "' is installed; installed: " + registry.platforms().keySet()));
    }

    public EngineConfig config() {
        return config;
    }

    // ---- resolving -------------------------------------------------------------------------------

    public Target resolve(String url) {
        URI uri = UrlParser.parse(url);
        for (Platform platform : registry.platforms().values()) {
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
        throw ExportException.of(ErrorCode.UNSUPPORTED_PLATFORM, "No installed platform recognises URLs of '"
                + uri.getHost() + "'" + (registry.platforms().isEmpty() ? "; no platform is installed."
                : "; installed: " + String.join(", ", registry.platforms().keySet()) + ".")
                + " Add the module of the platform that serves them (io.starexport:starexport-platforms-…); sandbox"
                + " mode uses the installed platforms too.");
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
        registry.platforms().forEach((id, platform) -> {
            Set<Content> contents = EnumSet.noneOf(Content.class);
            for (Target.Kind kind : Target.Kind.values()) {
                contents.addAll(platform.contents(kind));
            }
            infos.add(new PlatformInfo(id, platform.displayName(), contents, endpoints(platform),
                    platform.credentialNames()));
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
     * Fixes what an export will do: its platform, the content (the target's default when the request names
     * none), each output's format and options, media, credential set and proxy. An engine built in sandbox mode
     * runs every request in the sandbox.
     */
    public ExportPlan plan(ExportRequest request, List<ExportListener> listeners, Optional<Checkpoint> resumeFrom) {
        if (config.sandbox() && !request.sandbox()) {
            request = request.toBuilder().sandbox(true).build();
        }
        Target target = resolve(request.url());
        Platform platform = platformOf(target);
        Set<Content> offered = platform.contents(target.kind());
        Content chosen = request.content().or(new Detection(target, platform.displayName(), offered)::defaultContent)
                .orElseThrow(() -> ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, platform.displayName()
                        + " cannot export anything from a " + kind(target) + "."));
        if (!offered.contains(chosen)) {
            throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, platform.displayName() + " cannot export "
                    + chosen.name().toLowerCase(Locale.ROOT) + " from a " + kind(target) + "; it can export: "
                    + offered.stream().sorted().map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ".");
        }
        for (String enricher : request.enrichers()) {
            if (!registry.enrichers().containsKey(enricher)) {
                throw new IllegalArgumentException("no enricher '" + enricher + "' is installed; installed: "
                        + (registry.enrichers().isEmpty() ? "none" : registry.enrichers().keySet())
                        + ". Add its module (io.starexport:starexport-sentiment-vader for 'vader') or register it with "
                        + "StarExport.builder().enricher(...)");
            }
        }
        boolean sandbox = request.sandbox();
        request.media().ifPresent(options -> checkMedia(platform, options, sandbox));
        request.credentials().ifPresent(this::credentialSet);
        request.proxy().ifPresent(this::namedProxy);
        List<ExportRequest.Output> resolved = new ArrayList<>();
        for (ExportRequest.Output output : request.outputs()) {
            OutputFormat format = output.format().map(this::format)
                    .or(() -> registry.formatForFile(output.file().getFileName().toString()))
                    .orElseThrow(() -> new IllegalArgumentException("cannot tell the format of '" + output.file()
                            + "' from its extension; name one of " + registry.formats().keySet()
                            + " or use a matching extension"));
            Set<String> unknown = new TreeSet<>(output.options().keySet());
            unknown.removeAll(format.optionNames());
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("the " + format.id() + " format has no option " + unknown
                        + (format.optionNames().isEmpty() ? "; it takes none" : "; it takes "
                        + new TreeSet<>(format.optionNames())));
            }
            resolved.add(new ExportRequest.Output(output.file(), Optional.of(format.id()), output.options()));
        }
        List<ExportListener> all = new ArrayList<>(config.listeners());
        all.addAll(listeners);
        ExportQuery query = new ExportQuery(target, chosen, request.replies(), request.sort(), request.limit(),
                request.since(), request.until());
        // What a checkpoint keeps: the canonical URL (whatever else the input carried, such as user info or
        // tracking parameters, stays out), the content chosen and each output's format.
        ExportRequest fixed = request.toBuilder().url(target.url()).content(chosen).outputs(resolved).build();
        return new ExportPlan(request.url(), fixed, platform, query, all, resumeFrom);
    }

    /** Media downloads need real URLs on hosts the platform (or the host) vouches for. */
    private void checkMedia(Platform platform, MediaOptions options, boolean sandbox) {
        if (sandbox) {
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
        OkHttpClient client = client(proxyFor(platform.id(), plan.request().proxy())).newBuilder().callTimeout(java.time.Duration.ZERO).build();
        return MediaStage.open(new MediaStage.Settings(options, platform.id(), platform.displayName(),
                platform.mediaHosts(), client, config.retryPolicy(), config.clock(), config.userAgent(),
                redactor(platform, plan.request().credentials())));
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
     * The extractor of one export: the platform's, or in sandbox mode the generator in the platform's style.
     * {@code waiting} hears of every long wait the platform asks for.
     */
    Extractor<? extends Item> extractor(ExportPlan plan, Cancellation cancellation, Consumer<Duration> waiting) {
        Platform platform = plan.platform();
        if (plan.request().sandbox()) {
            return Sandbox.extractor(plan.query(), platform.sampleStyle());
        }
        Credentials credentials = credentials(platform.id(), plan.request().credentials());
        RateLimiter limiter = limiters.computeIfAbsent(platform.id() + ":" + fingerprint(credentials),
                key -> new RateLimiter(config.rateLimits().getOrDefault(platform.id(),
                        platform.defaultRateLimit(credentials)), config.clock()));
        Redactor redactor = Redactor.of(credentials);
        EngineHttp http = new EngineHttp(client(proxyFor(platform.id(), plan.request().proxy())),
                EngineHttp.Caller.of(platform), limiter, config.retryPolicy(), cancellation, redactor, config.clock(),
                config.userAgent(), waiting);
        RunContext context = new RunContext(platform.id(), http, credentials, endpoints(platform), caches, limiter,
                config.clock(), redactor);
        Extractor<? extends Item> extractor = platform.extractor(plan.query(), context);
        if (extractor == null) {
            throw ExportException.of(ErrorCode.INTERNAL, "The " + platform.id() + " plugin gave no extractor.");
        }
        return extractor;
    }

    /**
     * The enrichment stage of one export: each enricher the request names, in order, with its context. An enricher's
     * requests share a bucket per enricher id and credentials, and go through the engine's proxy (not a platform's,
     * the pool's or the request's named proxy, which are for reaching the platform).
     */
    Enrichment enrichment(ExportPlan plan, Cancellation cancellation, BiConsumer<String, Duration> waiting) {
        List<Enrichment.Step> steps = new ArrayList<>();
        for (String id : plan.request().enrichers()) {
            Enricher enricher = registry.enrichers().get(id);
            Credentials credentials = credentials(id, plan.request().credentials());
            RateLimiter limiter = limiters.computeIfAbsent("enricher/" + id + ":" + fingerprint(credentials),
                    key -> new RateLimiter(config.rateLimits().getOrDefault(id, enricher.defaultRateLimit(credentials)),
                            config.clock()));
            Redactor redactor = Redactor.of(credentials);
            EngineHttp.Caller caller = EngineHttp.Caller.of(enricher);
            EngineHttp http = new EngineHttp(client(config.proxy()), caller, limiter, config.retryPolicy(), cancellation,
                    redactor, config.clock(), config.userAgent(), wait -> waiting.accept(caller.displayName(), wait));
            steps.add(new Enrichment.Step(enricher, new EnrichContext(id, http, credentials, config.clock(), redactor)));
        }
        return new Enrichment(steps);
    }

    Redactor redactor(Platform platform, Optional<String> credentialSet) {
        return Redactor.of(credentials(platform.id(), credentialSet));
    }

    /**
     * The named set's credentials for the platform; without a set, the builder's credentials over
     * {@code STAREXPORT_<PLATFORM>_<NAME>} environment variables.
     */
    Credentials credentials(String platformId, Optional<String> credentialSet) {
        if (credentialSet.isPresent()) {
            return Credentials.of(credentialSet(credentialSet.get()).getOrDefault(platformId, Map.of()));
        }
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

    private Map<String, Map<String, String>> credentialSet(String name) {
        Map<String, Map<String, String>> set = config.credentialSets().get(name);
        if (set == null) {
            throw new IllegalArgumentException("the request names the credential set '" + name + "', but the engine has "
                    + (config.credentialSets().isEmpty() ? "none" : new TreeSet<>(config.credentialSets().keySet()))
                    + "; define it with StarExport.builder().credentialSet(\"" + name + "\", platform, name, value)");
        }
        return set;
    }

    private ProxyConfig namedProxy(String name) {
        ProxyConfig proxy = config.namedProxies().get(name);
        if (proxy == null) {
            throw new IllegalArgumentException("the request names the proxy '" + name + "', but the engine has "
                    + (config.namedProxies().isEmpty() ? "none" : new TreeSet<>(config.namedProxies().keySet()))
                    + "; define it with StarExport.builder().namedProxy(\"" + name + "\", proxy)");
        }
        return proxy;
    }

    /**
     * The request's named proxy, else the platform's proxy, else the next proxy of the pool (kept for the whole
     * export), else the engine's.
     */
    private ProxyConfig proxyFor(String platformId, Optional<String> named) {
        if (named.isPresent()) {
            return namedProxy(named.get());
        }
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
        return "[platforms=" + registry.platforms().keySet() + ", formats=" + registry.formats().keySet() + ", sandbox="
                + config.sandbox() + "]";
    }
}
