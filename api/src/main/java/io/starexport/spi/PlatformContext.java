package io.starexport.spi;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything a platform's extractor may use during one export. Given by the engine; a plugin never
 * builds its own HTTP client, rate limiter or cache.
 */
public interface PlatformContext {

    /** The engine's HTTP client for this export: rate-limited, retrying, logging with secrets redacted. */
    Http http();

    /** The host's credentials for this platform. */
    Credentials credentials();

    /**
     * The base URL of a named endpoint: the host's override, or the platform's default.
     *
     * @throws IllegalArgumentException when the platform declared no endpoint of that name
     */
    URI endpoint(String name);

    /**
     * A named cache shared by every export of this engine for this platform, created on first use.
     * Later calls with the same name return the same cache, whatever limits they pass.
     *
     * @param name      a name unique within the platform
     * @param expiry    how long an entry lives after it is written
     * @param maxSize   the most entries kept
     * @param <K>       key type
     * @param <V>       value type
     */
    <K, V> PluginCache<K, V> cache(String name, Duration expiry, long maxSize);

    /** The shared rate-limit bucket of this platform and credentials. */
    RateLimitControl rateLimit();

    /** The engine's clock; use it instead of {@code Instant.now()} so tests can control time. */
    Clock clock();

    /** The text with every credential value of this export replaced by {@code ***}; for log and error messages. */
    String redact(String text);
}
