package io.starexport.platform.reddit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.RunningExport;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.spi.Credentials;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.RateLimit;
import io.starexport.spi.RateLimitControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reddit's {@code X-Ratelimit-*} headers pause the shared bucket; the default rates follow the access mode. */
class RateLimitTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Records the pauses asked for. */
    static final class Recorder implements RateLimitControl {
        final List<Duration> pauses = new ArrayList<>();

        @Override
        public void pauseUntil(Instant until) {
            throw new AssertionError("not used");
        }

        @Override
        public void pauseFor(Duration duration) {
            pauses.add(duration);
        }
    }

    private static HttpResponse response(Map<String, String> headers) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> values.put(name, List.of(value)));
        return new HttpResponse(200, URI.create("https://oauth.reddit.com/r/pics/hot"), values, new byte[0]);
    }

    /** Header values as recorded (lower-case names, a float {@code remaining}; TestSubmission…in_batches.json). */
    @Test
    void pausesTheBucketUntilTheResetWhenNothingRemains() {
        Recorder bucket = new Recorder();
        RedditPlatform reddit = new RedditPlatform();
        reddit.onResponse(response(Map.of("x-ratelimit-remaining", "997.0", "x-ratelimit-reset", "15",
                "x-ratelimit-used", "3")), bucket);
        assertThat(bucket.pauses).isEmpty();
        reddit.onResponse(response(Map.of("X-Ratelimit-Remaining", "0.0", "X-Ratelimit-Reset", "15",
                "X-Ratelimit-Used", "1000")), bucket);
        assertThat(bucket.pauses).containsExactly(Duration.ofSeconds(15));
        reddit.onResponse(response(Map.of("x-ratelimit-remaining", "not a number", "x-ratelimit-reset", "15")), bucket);
        reddit.onResponse(response(Map.of()), bucket);
        assertThat(bucket.pauses).hasSize(1);
    }

    /** A low budget is spread over the time left, at most 10 seconds a request, as prawcore does. */
    @Test
    void spreadsALowBudgetOverTheRestOfTheWindow() {
        Recorder bucket = new Recorder();
        RedditPlatform reddit = new RedditPlatform();
        reddit.onResponse(response(Map.of("x-ratelimit-remaining", "100.0", "x-ratelimit-reset", "300")), bucket);
        reddit.onResponse(response(Map.of("x-ratelimit-remaining", "5.0", "x-ratelimit-reset", "300")), bucket);
        reddit.onResponse(response(Map.of("x-ratelimit-remaining", "600.0", "x-ratelimit-reset", "300")), bucket);
        assertThat(bucket.pauses).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    /** Through the engine: after an answer that used the budget up, no request leaves until the reset. */
    @Test
    void noRequestLeavesWhileTheBucketIsPaused(@TempDir Path dir) throws InterruptedException {
        server.stubFor(get(urlPathEqualTo("/r/pics/new.json")).willReturn(okJson("{\"kind\": \"Listing\", \"data\": "
                + "{\"after\": \"t3_1abc\", \"children\": [{\"kind\": \"t3\", \"data\": {\"id\": \"1abc\"}}]}}")
                .withHeader("x-ratelimit-remaining", "0.0").withHeader("x-ratelimit-reset", "120")
                .withHeader("x-ratelimit-used", "10")));
        try (StarExport star = Reddit.engine(server).build()) {
            RunningExport export = star.export("https://www.reddit.com/r/pics/new/").posts().to(dir.resolve("posts.jsonl")).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.findAll(getRequestedFor(urlPathEqualTo("/r/pics/new.json"))).isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(500);
            assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/r/pics/new.json")))).hasSize(1);
            export.cancel();
            assertThatThrownBy(() -> export.result().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(ExportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
        }
        server.verify(1, getRequestedFor(urlPathEqualTo("/r/pics/new.json")).withQueryParam("limit", equalTo("100")));
    }

    /**
     * Fault injection sent {@code X-Ratelimit-Reset: 99999999} with nothing remaining: the export fails at once with
     * {@code RATE_LIMITED} and the wait, as a long {@code Retry-After} does, instead of waiting silently.
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aResetFarInTheFutureFailsWithRateLimitedInsteadOfHanging(@TempDir Path dir) {
        server.stubFor(get(urlPathEqualTo("/r/pics/new.json")).willReturn(okJson("{\"kind\": \"Listing\", \"data\": "
                + "{\"after\": \"t3_1abc\", \"children\": [{\"kind\": \"t3\", \"data\": {\"id\": \"1abc\"}}]}}")
                .withHeader("x-ratelimit-remaining", "0.0").withHeader("x-ratelimit-reset", "99999999")));
        try (StarExport star = Reddit.engine(server).build()) {
            assertThatThrownBy(() -> star.export("https://www.reddit.com/r/pics/new/").posts().to(dir.resolve("posts.jsonl"))
                    .run()).isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                        assertThat(e.getMessage()).contains("Reddit asked to wait");
                        assertThat(e.retryAfter()).isPresent();
                        assertThat(e.checkpoint()).isPresent();
                    });
        }
        server.verify(1, getRequestedFor(urlPathEqualTo("/r/pics/new.json")));
    }

    @Test
    void defaultRatesAreAHundredAMinuteWithOAuthAndTenWithoutInBursts() {
        // Reddit averages its limit over a window "to support bursting requests" (Data API wiki, 2023).
        Credentials app = Credentials.of(Map.of("client_id", "id", "client_secret", "secret"));
        assertThat(new RedditPlatform().defaultRateLimit(app)).isEqualTo(RateLimit.perWindow(100, Duration.ofMinutes(1)));
        assertThat(new RedditPlatform().defaultRateLimit(Credentials.NONE))
                .isEqualTo(RateLimit.perWindow(10, Duration.ofMinutes(1)));
        assertThat(RedditPlatform.builder().access(RedditPlatform.Access.PUBLIC).build().defaultRateLimit(app))
                .isEqualTo(RateLimit.perWindow(10, Duration.ofMinutes(1)));
    }
}
