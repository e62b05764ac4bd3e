package io.starexport.platform.instagram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.RetryPolicy;
import io.starexport.ExportSpec;
import io.starexport.StarExport;
import io.starexport.api.Item;
import io.starexport.writer.json.JsonLinesFormat;
import io.starexport.spi.RateLimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Test resources under {@code /instagram/} and an engine pointed at WireMock. */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    static final String SESSION = "8521%3AsEcReTsEsSiOn%3A27";
    static final String CSRF = "csrfTokenValue123";
    static final String TOKEN = "EAAB-graph-secret";
    static final String IG_USER_ID = "17841406338772941";
    static final RetryPolicy FAST = RetryPolicy.ofDefaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));

    private Fixtures() {
    }

    static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/instagram/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /instagram/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An engine with only this platform, both endpoints on WireMock, fast retries and no rate-limit waits. */
    static StarExport.Builder engine(WireMockExtension server, InstagramPlatform platform, Map<String, String> credentials,
                                     RetryPolicy retries) {
        StarExport.Builder builder = StarExport.builder().discovery(false).platform(platform).format(new JsonLinesFormat())
                .endpoint("instagram", "graph", server.baseUrl())
                .endpoint("instagram", "web", server.baseUrl())
                .environment(Map.of())
                .retryPolicy(retries)
                .rateLimit("instagram", RateLimit.perSecond(1000));
        credentials.forEach((name, value) -> builder.credential("instagram", name, value));
        return builder;
    }

    /** Every item of an export, read through the engine's stream. */
    static <T extends Item> List<T> items(ExportSpec<T> spec) {
        try (Stream<T> stream = spec.stream()) {
            return stream.toList();
        }
    }

    static StarExport.Builder web(WireMockExtension server) {
        return engine(server, new InstagramPlatform(), Map.of("sessionid", SESSION, "csrftoken", CSRF, "ds_user_id", "8521"),
                FAST);
    }

    static StarExport.Builder graph(WireMockExtension server) {
        return engine(server, new InstagramPlatform(), Map.of("access_token", TOKEN, "ig_user_id", IG_USER_ID), FAST);
    }
}
