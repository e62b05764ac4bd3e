package io.starexport.core.internal;

import io.starexport.spi.Credentials;
import io.starexport.spi.Http;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.PluginCache;
import io.starexport.spi.RateLimitControl;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The {@link PlatformContext} of one export. */
record RunContext(String platform, Http http, Credentials credentials, Map<String, URI> endpoints,
                  PluginCaches caches, RateLimiter rateLimiter, Clock clock, Redactor redactor)
        implements PlatformContext {

    @Override
    public URI endpoint(String name) {
        URI uri = endpoints.get(name);
        if (uri == null) {
            throw new IllegalArgumentException("platform '" + platform + "' declares no endpoint named '" + name
                    + "'; it declares " + endpoints.keySet());
        }
        return uri;
    }

    @Override
    public <K, V> PluginCache<K, V> cache(String name, Duration expiry, long maxSize) {
        return caches.get(platform, name, expiry, maxSize);
    }

    @Override
    public RateLimitControl rateLimit() {
        return rateLimiter;
    }

    @Override
    public String redact(String text) {
        return redactor.redact(text);
    }

    @Override
    public String toString() {
        return "PlatformContext[" + platform + ", " + credentials + "]";
    }
}
