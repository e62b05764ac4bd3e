package io.starexport;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Stubs for the test platform's comments API (see {@code TestPlatform}): one page per cursor, items
 * created one hour apart going back from {@link #NEWEST}, newest first.
 */
final class TestPages {
    static final Instant NEWEST = Instant.parse("2025-06-01T12:00:00Z");
    static final String URL = "https://test.example/posts/p1";

    private TestPages() {
    }

    /** The request for the page at a cursor; null for the first page. */
    static MappingBuilder pageRequest(String cursor) {
        return get(urlPathEqualTo("/v1/comments")).withQueryParam("post", equalTo("p1"))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor));
    }

    /** Requests made for the page at a cursor, for verification. */
    static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pageRequested(String cursor) {
        return com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/v1/comments"))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor));
    }

    /** A page body holding items {@code from..to} (inclusive), each created {@code from + i} hours before NEWEST. */
    static String body(int from, int to, String next, Integer total) {
        StringJoiner items = new StringJoiner(",");
        for (int i = from; i <= to; i++) {
            items.add(item("c" + i, NEWEST.minus(Duration.ofHours(i)), "comment " + i));
        }
        return "{\"data\":{\"items\":[" + items + "],\"next\":" + (next == null ? "null" : "\"" + next + "\"")
                + (total == null ? "" : ",\"total\":" + total) + ",\"order\":\"newest\"}}";
    }

    static String item(String id, Instant created, String text) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"created\":\"" + created + "\",\"author\":\"user_" + id
                + "\",\"likes\":3}";
    }

    static ResponseDefinitionBuilder page(int from, int to, String next) {
        return okJson(body(from, to, next, 30));
    }

    /** Three pages of ten: cursors absent → "c2" → "c3" → end. */
    static void threePages(WireMockExtension server) {
        server.stubFor(pageRequest(null).willReturn(page(0, 9, "c2")));
        server.stubFor(pageRequest("c2").willReturn(page(10, 19, "c3")));
        server.stubFor(pageRequest("c3").willReturn(page(20, 29, null)));
    }

    /** Default attempts with millisecond backoff, so retry tests run fast. */
    static final RetryPolicy FAST_RETRIES = RetryPolicy.ofDefaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));

    static StarExport.Builder engine(WireMockExtension server) {
        return engine(server, FAST_RETRIES);
    }

    static StarExport.Builder engine(WireMockExtension server, RetryPolicy retryPolicy) {
        return StarExport.builder()
                .endpoint("testplatform", "api", server.baseUrl())
                .environment(Map.of())
                .retryPolicy(retryPolicy);
    }
}
