package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.spi.RateLimit;
import io.starexport.writer.json.JsonLinesFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Shared test helpers: recorded bodies from the class path and an engine pointed at WireMock. */
final class YouTubeTests {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String API_KEY = "AIzaTestKey-0123456789abcdefghijklmnop";

    private YouTubeTests() {
    }

    /** A test resource under {@code /youtube/}, as text. */
    static String resource(String path) {
        try (InputStream in = YouTubeTests.class.getResourceAsStream("/youtube/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource youtube/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An engine with only this platform and the JSON Lines format, both endpoints on WireMock, fast retries and no rate limit to speak of. */
    static StarExport.Builder engine(WireMockExtension server, YouTubePlatform platform, String apiKey) {
        return engine(server, platform, apiKey, RetryPolicy.ofDefaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)));
    }

    /** The same with a given retry policy. */
    static StarExport.Builder engine(WireMockExtension server, YouTubePlatform platform, String apiKey, RetryPolicy retries) {
        StarExport.Builder builder = StarExport.builder().discovery(false).platform(platform).format(new JsonLinesFormat())
                .endpoint("youtube", "api", server.baseUrl() + "/youtube/v3")
                .endpoint("youtube", "web", server.baseUrl())
                .environment(Map.of())
                .rateLimit("youtube", RateLimit.perSecond(1000))
                .retryPolicy(retries);
        return apiKey == null ? builder : builder.credential("youtube", "api_key", apiKey);
    }
}
