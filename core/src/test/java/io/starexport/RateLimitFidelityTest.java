package io.starexport;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.starexport.api.Item;
import io.starexport.spi.RateLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent exports share one bucket per platform and credentials: counted from WireMock's request
 * log, no one-second window ever holds more than the configured rate.
 */
class RateLimitFidelityTest {
    private static final int PER_SECOND = 10;
    private static final int EXPORTS = 4;
    private static final int PAGES_EACH = 8;

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static void exportAll(StarExport star, ExecutorService pool, String postPrefix) throws Exception {
        List<Future<Long>> runs = new ArrayList<>();
        for (int i = 0; i < EXPORTS; i++) {
            String url = "https://test.example/posts/" + postPrefix + i;
            runs.add(pool.submit(() -> {
                try (Stream<Item> items = star.export(url).stream()) {
                    return items.count();
                }
            }));
        }
        for (Future<Long> run : runs) {
            assertThat(run.get()).isEqualTo(PAGES_EACH);
        }
    }

    @Test
    void concurrentExportsNeverExceedTheSharedRateInAnyOneSecondWindow() throws Exception {
        // Every export pages through c1..c8 of its own post, one item per page.
        server.stubFor(get(urlPathEqualTo("/v1/comments")).withQueryParam("cursor", absent())
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(TestPages.body(0, 0, "1", null))));
        for (int page = 1; page < PAGES_EACH; page++) {
            String next = page + 1 < PAGES_EACH ? String.valueOf(page + 1) : null;
            server.stubFor(get(urlPathEqualTo("/v1/comments")).withQueryParam("cursor", matching(String.valueOf(page)))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(TestPages.body(page, page, next, null))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(EXPORTS);
        try (StarExport star = TestPages.engine(server).rateLimit("testplatform", RateLimit.perSecond(PER_SECOND)).build()) {
            // Warm up the server, the JIT and one connection per export: the first requests on fresh
            // connections queue inside the server and would arrive bunched whatever the client did.
            exportAll(star, pool, "warm");
            server.resetRequests();
            exportAll(star, pool, "p");
        } finally {
            pool.shutdownNow();
        }
        List<Long> times = server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest).map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertThat(times).hasSize(EXPORTS * PAGES_EACH);
        int busiest = 0;
        for (int start = 0; start < times.size(); start++) {
            int inWindow = 0;
            for (int i = start; i < times.size() && times.get(i) < times.get(start) + 1000; i++) {
                inWindow++;
            }
            busiest = Math.max(busiest, inWindow);
        }
        assertThat(busiest).as("requests in the busiest one-second window").isLessThanOrEqualTo(PER_SECOND);
        assertThat(busiest).as("the bucket is actually used up, not idle").isGreaterThanOrEqualTo(PER_SECOND - 1);
    }
}
