package io.starexport;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.TestPages.URL;
import static io.starexport.TestPages.pageRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retries, Retry-After, faults and timeouts, as the platform plugins rely on them. */
class HttpResilienceTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    /**
     * One server for each test whose responses come late: the client has given up on them long before, and they
     * must not land in the request journal of whichever test runs next on a shared server.
     */
    @RegisterExtension
    static WireMockExtension slowServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension timeoutServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static long count(StarExport star) {
        try (Stream<Item> items = star.export(URL).stream()) {
            return items.count();
        }
    }

    /** The first page fails once as {@code first}, then succeeds. */
    private static void failOnceThenSucceed(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        failOnceThenSucceed(server, first);
    }

    private static void failOnceThenSucceed(WireMockExtension on,
                                            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        on.stubFor(pageRequest(null).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("recovered"));
        on.stubFor(pageRequest(null).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(TestPages.page(0, 4, null)));
    }

    private static void assertRequests(int expected) {
        assertRequests(server, expected);
    }

    private static void assertRequests(WireMockExtension on, int expected) {
        on.verify(exactly(expected), getRequestedFor(urlPathEqualTo("/v1/comments")));
    }

    @Test
    void followsARedirectOnTheSameHost() {
        server.stubFor(pageRequest(null).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/v1/comments?post=p1&cursor=moved")));
        server.stubFor(pageRequest("moved").willReturn(TestPages.page(0, 4, null)));
        try (StarExport star = TestPages.engine(server).build()) {
            assertThat(count(star)).isEqualTo(5);
        }
    }

    @Test
    void handsARedirectToAnotherHostToThePluginWithoutFollowingIt() {
        server.stubFor(pageRequest(null).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + server.getPort() + "/elsewhere")));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/elsewhere"))
                .willReturn(TestPages.page(0, 4, null)));
        try (StarExport star = TestPages.engine(server).build()) {
            assertThatThrownBy(() -> count(star)).isInstanceOfSatisfying(ExportException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED));
        }
        server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/elsewhere")));
    }

    @Test
    void aResponseThePlatformCallsFinalIsNotRetried() {
        server.stubFor(pageRequest(null).willReturn(aResponse().withStatus(429).withBody("{\"error\":\"daily_quota\"}")));
        try (StarExport star = TestPages.engine(server).build()) {
            assertThatThrownBy(() -> count(star)).isInstanceOfSatisfying(ExportException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED));
        }
        assertRequests(1);
    }

    @Test
    void retriesA429AfterTheRetryAfterSeconds() {
        failOnceThenSucceed(aResponse().withStatus(429).withHeader("Retry-After", "1"));
        try (StarExport star = TestPages.engine(server).build()) {
            assertThat(count(star)).isEqualTo(5);
        }
        assertRequests(2);
        List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> events = server.getAllServeEvents();
        long first = events.get(events.size() - 1).getRequest().getLoggedDate().getTime();
        long second = events.get(events.size() - 2).getRequest().getLoggedDate().getTime();
        assertThat(second - first).as("the retry waited for Retry-After").isGreaterThanOrEqualTo(900);
    }

    @Test
    void retriesA429WithAnHttpDateRetryAfter() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1));
        failOnceThenSucceed(aResponse().withStatus(429).withHeader("Retry-After", date));
        try (StarExport star = TestPages.engine(server).build()) {
            assertThat(count(star)).isEqualTo(5);
        }
        assertRequests(2);
    }

    @Test
    void failsAtOnceWhenRetryAfterIsLongerThanTheEngineWaits() {
        server.stubFor(pageRequest(null).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        try (StarExport star = TestPages.engine(server).build()) {
            assertThatThrownBy(() -> count(star)).isInstanceOfSatisfying(ExportException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                assertThat(e.retryAfter()).hasValue(Duration.ofHours(1));
                assertThat(e.getMessage()).contains("429");
            });
        }
        assertRequests(1);
    }

    @Test
    void retriesServerErrorsThenSucceeds() {
        failOnceThenSucceed(serviceUnavailable());
        try (StarExport star = TestPages.engine(server).build()) {
            assertThat(count(star)).isEqualTo(5);
        }
        assertRequests(2);
    }

    @Test
    void givesUpOnPersistentServerErrorsWithNetwork() {
        server.stubFor(pageRequest(null).willReturn(aResponse().withStatus(502)));
        try (StarExport star = TestPages.engine(server, RetryPolicy.ofDefaults().withMaxAttempts(3)
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))).build()) {
            assertThatThrownBy(() -> count(star)).isInstanceOfSatisfying(ExportException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                assertThat(e.code().isTransient()).isTrue();
                assertThat(e.getMessage()).contains("502").contains("3 attempts")
                        // the address without its query, which can be hundreds of characters long
                        .contains(server.baseUrl() + "/v1/comments ").doesNotContain("post=p1");
            });
        }
        assertRequests(3);
    }

    @Test
    void retriesAConnectionReset() {
        failOnceThenSucceed(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        try (StarExport star = TestPages.engine(server).build()) {
            assertThat(count(star)).isEqualTo(5);
        }
        assertRequests(2);
    }

    @Test
    void retriesAReadTimeout() {
        failOnceThenSucceed(slowServer, TestPages.page(0, 4, null).withFixedDelay(1500));
        try (StarExport star = TestPages.engine(slowServer).readTimeout(Duration.ofMillis(300)).build()) {
            assertThat(count(star)).isEqualTo(5);
        }
        assertRequests(slowServer, 2);
    }

    @Test
    void persistentTimeoutsEndInNetworkSayingSo() {
        timeoutServer.stubFor(pageRequest(null).willReturn(TestPages.page(0, 4, null).withFixedDelay(1500)));
        try (StarExport star = TestPages.engine(timeoutServer, RetryPolicy.ofDefaults().withMaxAttempts(2)
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(2))).readTimeout(Duration.ofMillis(200)).build()) {
            assertThatThrownBy(() -> count(star)).isInstanceOfSatisfying(ExportException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                assertThat(e.getMessage()).contains("timed out")
                        .contains(timeoutServer.baseUrl() + "/v1/comments ").doesNotContain("post=p1");
            });
        }
    }

    @Test
    void garbageResponseEndsInNetworkAfterRetries() {
        server.stubFor(pageRequest(null).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        try (StarExport star = TestPages.engine(server, RetryPolicy.ofDefaults().withMaxAttempts(2)
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(2))).build()) {
            assertThatThrownBy(() -> count(star)).isInstanceOfSatisfying(ExportException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK));
        }
        assertRequests(2);
    }

    @Test
    void platformErrorResponsesReachThePluginUnretried() {
        server.stubFor(pageRequest(null).willReturn(aResponse().withStatus(404)));
        try (StarExport star = TestPages.engine(server).build()) {
            assertThatThrownBy(() -> count(star)).isInstanceOfSatisfying(ExportException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
        assertRequests(1);
    }

    @Test
    void feedbackHeadersPauseTheSharedBucket() {
        server.stubFor(pageRequest(null).willReturn(TestPages.page(0, 4, "c2").withHeader("X-Remaining", "0")
                .withHeader("X-Reset", "1")));
        server.stubFor(pageRequest("c2").willReturn(TestPages.page(5, 9, null)));
        try (StarExport star = TestPages.engine(server).build()) {
            assertThat(count(star)).isEqualTo(10);
        }
        List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> events = server.getAllServeEvents();
        long gap = events.get(0).getRequest().getLoggedDate().getTime() - events.get(1).getRequest().getLoggedDate().getTime();
        assertThat(gap).as("second page waited for the reset").isGreaterThanOrEqualTo(900);
    }

    /** A reset far in the future (the fault-injection run sent {@code 99999999} s) must not hang the export silently. */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aFeedbackPauseLongerThanTheEngineWaitsFailsAtOnceWithRateLimitedAndTheWait(@org.junit.jupiter.api.io.TempDir
                                                                                    java.nio.file.Path dir) {
        server.stubFor(pageRequest(null).willReturn(TestPages.page(0, 4, "c2").withHeader("X-Remaining", "0")
                .withHeader("X-Reset", "99999999")));
        server.stubFor(pageRequest("c2").willReturn(TestPages.page(5, 9, null)));
        try (StarExport star = TestPages.engine(server).build()) {
            assertThatThrownBy(() -> star.export(URL).comments().to(dir.resolve("out.jsonl")).run())
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                        assertThat(e.retryAfter()).hasValueSatisfying(wait ->
                                assertThat(wait).isGreaterThan(Duration.ofSeconds(99_999_000)));
                        assertThat(e.getMessage()).contains("Test Platform asked to wait", "maxRetryAfter");
                        assertThat(e.checkpoint()).isPresent();
                    });
        }
        assertRequests(1);
    }

    @Test
    void aWaitOfSeveralSecondsIsReportedAsAnEvent() {
        server.stubFor(pageRequest(null).willReturn(TestPages.page(0, 4, "c2").withHeader("X-Remaining", "0")
                .withHeader("X-Reset", "6")));
        server.stubFor(pageRequest("c2").willReturn(TestPages.page(5, 9, null)));
        List<io.starexport.api.ExportEvent.Waiting> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (StarExport star = TestPages.engine(server).build();
             Stream<io.starexport.api.Comment> items = star.export(URL).comments()
                     .listener(new io.starexport.api.ExportListener() {
                         @Override
                         public void onWaiting(io.starexport.api.ExportEvent.Waiting event) {
                             waits.add(event);
                         }
                     }).stream()) {
            assertThat(items.count()).isEqualTo(10);
        }
        assertThat(waits).singleElement().satisfies(wait -> {
            assertThat(wait.platform()).isEqualTo("Test Platform");
            assertThat(wait.duration()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
        });
    }
}
