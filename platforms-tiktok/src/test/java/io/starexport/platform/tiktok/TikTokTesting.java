package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.spi.RateLimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Test helpers: an engine pointed at WireMock, test resources, and TikTok-style pages. */
final class TikTokTesting {
    static final ObjectMapper JSON = new ObjectMapper();

    static final String VIDEO_ID = "7603296357641735445";
    static final String VIDEO_URL = "https://www.tiktok.com/@cate/video/" + VIDEO_ID + "?is_from_webapp=1&sender_device=pc";

    private TikTokTesting() {
    }

    /** An engine with the given platform registered explicitly (the json writer is discovered), every endpoint on the server, fast retries and no rate limit to speak of. */
    static StarExport.Builder engine(WireMockExtension server, TikTokPlatform platform) {
        return engine(server, platform, RetryPolicy.ofDefaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)));
    }

    static StarExport.Builder engine(WireMockExtension server, TikTokPlatform platform, RetryPolicy retryPolicy) {
        return StarExport.builder().platform(platform)
                .endpoint("tiktok", "web", server.baseUrl())
                .endpoint("tiktok", "research", server.baseUrl())
                .endpoint("tiktok", "vm", server.baseUrl())
                .endpoint("tiktok", "vt", server.baseUrl())
                .environment(Map.of())
                .rateLimit("tiktok", RateLimit.perSecond(1000))
                .retryPolicy(retryPolicy);
    }

    /** Runs an export to its end, streaming, and returns how many items it gave. */
    static long drain(io.starexport.ExportSpec<?> spec) {
        try (java.util.stream.Stream<?> items = spec.stream()) {
            return items.count();
        }
    }

    static StarExport.Builder engine(WireMockExtension server) {
        return engine(server, new TikTokPlatform());
    }

    static String resource(String path) {
        try (InputStream in = TikTokTesting.class.getResourceAsStream("/tiktok/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A TikTok page carrying {@code scopeJson} as {@code __DEFAULT_SCOPE__[scope]} in its
     * {@code __UNIVERSAL_DATA_FOR_REHYDRATION__} script: synthetic, shaped as the reference's section 2.4
     * describes the page (after TikTok-Api {@code video.py info} and yt-dlp {@code _extract_web_data_and_status}).
     */
    static String page(String scope, String scopeJson) {
        return "<!DOCTYPE html><html lang=\"en\"><head><title>TikTok</title></head><body><div id=\"app\"></div>"
                + "<script id=\"__UNIVERSAL_DATA_FOR_REHYDRATION__\" type=\"application/json\">{\"__DEFAULT_SCOPE__\":{"
                + "\"webapp.app-context\":{\"language\":\"en\"},\"" + scope + "\":" + scopeJson + "}}</script></body></html>";
    }
}
