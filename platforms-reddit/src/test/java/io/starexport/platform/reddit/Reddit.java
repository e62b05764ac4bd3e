package io.starexport.platform.reddit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.spi.RateLimit;
import io.starexport.writer.json.JsonLinesFormat;

import java.time.Duration;
import java.util.Map;

/** Engines for tests: only the Reddit platform, both endpoints on WireMock, fast retries, no rate limit to wait for. */
final class Reddit {
    static final RetryPolicy FAST_RETRIES = RetryPolicy.ofDefaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));

    private Reddit() {
    }

    static StarExport.Builder engine(WireMockExtension server) {
        return engine(server, new RedditPlatform());
    }

    static StarExport.Builder engine(WireMockExtension server, RedditPlatform platform) {
        return engine(server, platform, FAST_RETRIES);
    }

    static StarExport.Builder engine(WireMockExtension server, RedditPlatform platform, RetryPolicy retryPolicy) {
        return StarExport.builder().discovery(false).platform(platform).format(new JsonLinesFormat())
                .endpoint("reddit", "oauth", server.baseUrl())
                .endpoint("reddit", "www", server.baseUrl())
                .environment(Map.of())
                .rateLimit("reddit", RateLimit.perSecond(1000))
                .retryPolicy(retryPolicy);
    }

    /** An engine with app-only OAuth credentials. */
    static StarExport.Builder appOnly(WireMockExtension server) {
        return engine(server).credential("reddit", "client_id", "test-client-id")
                .credential("reddit", "client_secret", "test-client-secret");
    }
}
