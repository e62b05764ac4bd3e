package io.starexport.core.internal;

import io.starexport.ProxyConfig;
import io.starexport.RetryPolicy;
import io.starexport.api.ExportListener;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.Platform;
import io.starexport.spi.RateLimit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The engine's settings as the builder validated them. Credentials are never printed.
 *
 * @param credentialSets named credential sets an export request may choose: set name → platform → name → value
 * @param namedProxies   proxies an export request may choose by name
 */
public record EngineConfig(List<Platform> platforms, List<OutputFormat> formats, boolean discovery, boolean sandbox,
                           Map<String, Map<String, String>> credentials, Map<String, String> environment,
                           Map<String, Map<String, URI>> endpoints, Map<String, RateLimit> rateLimits,
                           ProxyConfig proxy, Map<String, ProxyConfig> platformProxies, List<ProxyConfig> proxyPool,
                           Duration connectTimeout, Duration readTimeout, Duration callTimeout, RetryPolicy retryPolicy,
                           Duration progressInterval, Clock clock, List<ExportListener> listeners, Executor executor,
                           String userAgent, Map<String, Map<String, Map<String, String>>> credentialSets,
                           Map<String, ProxyConfig> namedProxies) {

    @Override
    public String toString() {
        return "EngineConfig[sandbox=" + sandbox + ", platforms=" + platforms.size() + " explicit, discovery=" + discovery
                + ", credentials=" + credentials.keySet() + " (values hidden), credentialSets=" + credentialSets.keySet() + ", endpoints=" + endpoints + ", rateLimits="
                + rateLimits + ", proxy=" + proxy + ", proxyPool=" + proxyPool + ", namedProxies=" + namedProxies + ", retry=" + retryPolicy + "]";
    }
}
