package io.starexport.core.internal;

import io.starexport.ProxyConfig;
import io.starexport.RetryPolicy;
import io.starexport.api.ExportListener;
import io.starexport.spi.Enricher;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.Platform;
import io.starexport.spi.RateLimit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The engine's settings as {@code StarExport.Builder} validated them, with the defaults of what it left out.
 * Immutable; built from {@link #builder()}. Credentials are never printed.
 */
public final class EngineConfig {
    private final List<Platform> platforms;
    private final List<OutputFormat> formats;
    private final List<Enricher> enrichers;
    private final boolean discovery;
    private final boolean sandbox;
    private final Map<String, Map<String, String>> credentials;
    private final Map<String, String> environment;
    private final Map<String, Map<String, URI>> endpoints;
    private final Map<String, RateLimit> rateLimits;
    private final ProxyConfig proxy;
    private final Map<String, ProxyConfig> platformProxies;
    private final List<ProxyConfig> proxyPool;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final RetryPolicy retryPolicy;
    private final Duration progressInterval;
    private final Clock clock;
    private final List<ExportListener> listeners;
    private final Executor executor;
    private final String userAgent;
    private final Map<String, Map<String, Map<String, String>>> credentialSets;
    private final Map<String, ProxyConfig> namedProxies;

    private EngineConfig(Builder builder) {
        this.platforms = List.copyOf(builder.platforms);
        this.formats = List.copyOf(builder.formats);
        this.enrichers = List.copyOf(builder.enrichers);
        this.discovery = builder.discovery;
        this.sandbox = builder.sandbox;
        this.credentials = copy(builder.credentials);
        this.environment = builder.environment;
        this.endpoints = copy(builder.endpoints);
        this.rateLimits = Map.copyOf(builder.rateLimits);
        this.proxy = builder.proxy;
        this.platformProxies = Map.copyOf(builder.platformProxies);
        this.proxyPool = List.copyOf(builder.proxyPool);
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.callTimeout = builder.callTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.progressInterval = builder.progressInterval;
        this.clock = builder.clock;
        this.listeners = List.copyOf(builder.listeners);
        this.executor = builder.executor;
        this.userAgent = builder.userAgent;
        Map<String, Map<String, Map<String, String>>> sets = new LinkedHashMap<>();
        builder.credentialSets.forEach((name, set) -> sets.put(name, copy(set)));
        this.credentialSets = Map.copyOf(sets);
        this.namedProxies = Map.copyOf(builder.namedProxies);
    }

    /** A builder with the engine's defaults: discovery on, live mode, the system environment and clock. */
    public static Builder builder() {
        return new Builder();
    }

    private static <V> Map<String, Map<String, V>> copy(Map<String, Map<String, V>> map) {
        Map<String, Map<String, V>> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, Map.copyOf(value)));
        return Map.copyOf(copy);
    }

    /** Platforms registered explicitly, in registration order. */
    public List<Platform> platforms() {
        return platforms;
    }

    /** Formats registered explicitly, in registration order. */
    public List<OutputFormat> formats() {
        return formats;
    }

    /** Enrichers registered on the builder. */
    public List<Enricher> enrichers() {
        return enrichers;
    }

    public boolean discovery() {
        return discovery;
    }

    public boolean sandbox() {
        return sandbox;
    }

    /** Credentials by platform id, then by name. */
    public Map<String, Map<String, String>> credentials() {
        return credentials;
    }

    /** Where credentials come from when not given. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Endpoint overrides by platform id, then by endpoint name. */
    public Map<String, Map<String, URI>> endpoints() {
        return endpoints;
    }

    /** Rate limits by platform id. */
    public Map<String, RateLimit> rateLimits() {
        return rateLimits;
    }

    /** The proxy of every platform without its own, or null. */
    public ProxyConfig proxy() {
        return proxy;
    }

    public Map<String, ProxyConfig> platformProxies() {
        return platformProxies;
    }

    public List<ProxyConfig> proxyPool() {
        return proxyPool;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration callTimeout() {
        return callTimeout;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public Duration progressInterval() {
        return progressInterval;
    }

    public Clock clock() {
        return clock;
    }

    public List<ExportListener> listeners() {
        return listeners;
    }

    /** The host's executor for {@code start()}, or null for the engine's own. */
    public Executor executor() {
        return executor;
    }

    public String userAgent() {
        return userAgent;
    }

    /** Named credential sets an export request may choose: set name → platform id → name → value. */
    public Map<String, Map<String, Map<String, String>>> credentialSets() {
        return credentialSets;
    }

    /** Proxies an export request may choose by name. */
    public Map<String, ProxyConfig> namedProxies() {
        return namedProxies;
    }

    @Override
    public String toString() {
        return "EngineConfig[sandbox=" + sandbox + ", platforms=" + platforms.size() + " explicit, discovery=" + discovery
                + ", credentials=" + credentials.keySet() + " (values hidden), credentialSets=" + credentialSets.keySet() + ", endpoints=" + endpoints + ", rateLimits="
                + rateLimits + ", proxy=" + proxy + ", proxyPool=" + proxyPool + ", namedProxies=" + namedProxies + ", retry=" + retryPolicy + "]";
    }

    /** Collects settings that {@code StarExport.Builder} has checked; what is not set keeps its default. */
    public static final class Builder {
        private List<Platform> platforms = List.of();
        private List<OutputFormat> formats = List.of();
        private List<Enricher> enrichers = List.of();
        private boolean discovery = true;
        private boolean sandbox;
        private Map<String, Map<String, String>> credentials = Map.of();
        private Map<String, String> environment = System.getenv();
        private Map<String, Map<String, URI>> endpoints = Map.of();
        private Map<String, RateLimit> rateLimits = Map.of();
        private ProxyConfig proxy;
        private Map<String, ProxyConfig> platformProxies = Map.of();
        private List<ProxyConfig> proxyPool = List.of();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
        private Duration progressInterval = Duration.ofMillis(500);
        private Clock clock = Clock.systemUTC();
        private List<ExportListener> listeners = List.of();
        private Executor executor;
        private String userAgent = "starexport/" + Version.CURRENT + " (Java)";
        private Map<String, Map<String, Map<String, String>>> credentialSets = Map.of();
        private Map<String, ProxyConfig> namedProxies = Map.of();

        private Builder() {
        }

        public Builder credentialSets(Map<String, Map<String, Map<String, String>>> credentialSets) {
            this.credentialSets = Objects.requireNonNull(credentialSets, "credentialSets");
            return this;
        }

        public Builder namedProxies(Map<String, ProxyConfig> namedProxies) {
            this.namedProxies = Objects.requireNonNull(namedProxies, "namedProxies");
            return this;
        }

        public Builder platforms(List<Platform> platforms) {
            this.platforms = Objects.requireNonNull(platforms, "platforms");
            return this;
        }

        public Builder formats(List<OutputFormat> formats) {
            this.formats = Objects.requireNonNull(formats, "formats");
            return this;
        }

        public Builder enrichers(List<Enricher> enrichers) {
            this.enrichers = Objects.requireNonNull(enrichers, "enrichers");
            return this;
        }

        public Builder discovery(boolean discovery) {
            this.discovery = discovery;
            return this;
        }

        public Builder sandbox(boolean sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        public Builder credentials(Map<String, Map<String, String>> credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        public Builder endpoints(Map<String, Map<String, URI>> endpoints) {
            this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
            return this;
        }

        public Builder rateLimits(Map<String, RateLimit> rateLimits) {
            this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
            return this;
        }

        public Builder proxy(ProxyConfig proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        public Builder platformProxies(Map<String, ProxyConfig> platformProxies) {
            this.platformProxies = Objects.requireNonNull(platformProxies, "platformProxies");
            return this;
        }

        public Builder proxyPool(List<ProxyConfig> proxyPool) {
            this.proxyPool = Objects.requireNonNull(proxyPool, "proxyPool");
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public Builder progressInterval(Duration progressInterval) {
            this.progressInterval = Objects.requireNonNull(progressInterval, "progressInterval");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder listeners(List<ExportListener> listeners) {
            this.listeners = Objects.requireNonNull(listeners, "listeners");
            return this;
        }

        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(this);
        }
    }
}
