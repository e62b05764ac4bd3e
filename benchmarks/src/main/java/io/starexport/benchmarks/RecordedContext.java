package io.starexport.benchmarks;

import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.Http;
import io.starexport.spi.HttpRequest;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.Platform;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.PluginCache;
import io.starexport.spi.RateLimitControl;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A benchmark-only {@link PlatformContext} whose {@link #http()} answers every request at once from
 * recorded bytes held in memory (status 200, JSON), so a platform's extractor runs its real request
 * building and parsing with no network, rate limit or retry in the way. The parsing figures use it.
 */
final class RecordedContext implements PlatformContext {
    private static final Map<String, List<String>> JSON_HEADERS = Map.of("Content-Type", List.of("application/json"));

    private final Platform platform;
    private final Credentials credentials;
    private final Function<HttpRequest, byte[]> answers;
    private final Clock clock;
    private final Map<String, PluginCache<?, ?>> caches = new ConcurrentHashMap<>();
    private long requests;

    /**
     * @param answers the recorded body for a request; throws for a request the benchmark did not expect
     */
    RecordedContext(Platform platform, Credentials credentials, Instant now, Function<HttpRequest, byte[]> answers) {
        this.platform = platform;
        this.credentials = credentials;
        this.answers = answers;
        this.clock = Clock.fixed(now, java.time.ZoneOffset.UTC);
    }

    /** Requests answered so far. */
    long requests() {
        return requests;
    }

    @Override
    public Http http() {
        return request -> {
            requests++;
            return new HttpResponse(200, request.url(), JSON_HEADERS, answers.apply(request));
        };
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public URI endpoint(String name) {
        return platform.endpoints().stream().filter(e -> e.name().equals(name)).map(Endpoint::defaultUrl).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(platform.id() + " declares no endpoint " + name));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> PluginCache<K, V> cache(String name, Duration expiry, long maxSize) {
        return (PluginCache<K, V>) caches.computeIfAbsent(name, n -> new MapCache<K, V>());
    }

    @Override
    public RateLimitControl rateLimit() {
        return new RateLimitControl() {
            @Override
            public void pauseUntil(Instant until) {
                // Recorded answers carry no quota headers worth obeying here.
            }

            @Override
            public void pauseFor(Duration duration) {
                // As above.
            }
        };
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String redact(String text) {
        String redacted = text;
        for (String secret : credentials.secretValues()) {
            redacted = redacted.replace(secret, "***");
        }
        return redacted;
    }

    /** An unbounded map: a benchmark export lives seconds. */
    private static final class MapCache<K, V> implements PluginCache<K, V> {
        private final Map<K, V> values = new ConcurrentHashMap<>();

        @Override
        public Optional<V> get(K key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public V get(K key, Function<? super K, ? extends V> loader) {
            return values.computeIfAbsent(key, loader);
        }

        @Override
        public void put(K key, V value) {
            values.put(key, value);
        }

        @Override
        public void invalidate(K key) {
            values.remove(key);
        }
    }
}
