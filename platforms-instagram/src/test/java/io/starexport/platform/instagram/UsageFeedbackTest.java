package io.starexport.platform.instagram;

import io.starexport.spi.HttpResponse;
import io.starexport.spi.RateLimitControl;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code X-App-Usage} / {@code X-Business-Use-Case-Usage} feedback. Header values are synthetic, shaped as
 * developers.facebook.com/docs/graph-api/overview/rate-limiting and python-facebook {@code tests/test_ratelimit.py}
 * show them (no recording with these headers exists).
 */
class UsageFeedbackTest {
    private final InstagramPlatform platform = new InstagramPlatform();
    private final List<Duration> pauses = new ArrayList<>();
    private final RateLimitControl control = new RateLimitControl() {
        @Override
        public void pauseUntil(Instant until) {
            throw new AssertionError("not expected");
        }

        @Override
        public void pauseFor(Duration duration) {
            pauses.add(duration);
        }
    };

    private static HttpResponse response(Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new HttpResponse(200, URI.create("https://graph.facebook.com/v25.0/1/comments"), multi, new byte[0]);
    }

    @Test
    void lowUsageDoesNotPause() {
        platform.onResponse(response(Map.of("X-App-Usage", "{\"call_count\":12,\"total_cputime\":5,\"total_time\":7}")), control);
        platform.onResponse(response(Map.of()), control);
        assertThat(pauses).isEmpty();
    }

    @Test
    void usageNearTheLimitSlowsDownMoreTheCloserItGets() {
        platform.onResponse(response(Map.of("X-App-Usage", "{\"call_count\":90,\"total_cputime\":5,\"total_time\":7}")), control);
        platform.onResponse(response(Map.of("X-App-Usage", "{\"call_count\":10,\"total_cputime\":99,\"total_time\":7}")), control);
        assertThat(pauses).hasSize(2);
        assertThat(pauses.get(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(pauses.get(1)).isGreaterThan(pauses.get(0)).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void usageOverTheLimitPauses() {
        platform.onResponse(response(Map.of("X-App-Usage", "{\"call_count\":100,\"total_cputime\":5,\"total_time\":7}")), control);
        assertThat(pauses).containsExactly(UsageFeedback.FULL);
    }

    @Test
    void businessUseCaseUsagePausesForTheTimeToRegainAccess() {
        platform.onResponse(response(Map.of("X-Business-Use-Case-Usage", "{\"17841405309211844\":[{\"type\":\"instagram\","
                + "\"call_count\":100,\"total_cputime\":20,\"total_time\":30,\"estimated_time_to_regain_access\":17}]}")), control);
        platform.onResponse(response(Map.of("X-Business-Use-Case-Usage", "{\"1\":[{\"type\":\"instagram\","
                + "\"call_count\":85,\"total_cputime\":1,\"total_time\":1,\"estimated_time_to_regain_access\":0}]}")), control);
        assertThat(pauses).containsExactly(Duration.ofMinutes(17), Duration.ofSeconds(15));
    }

    @Test
    void unreadableHeadersAreIgnored() {
        platform.onResponse(response(Map.of("X-App-Usage", "not json", "X-Business-Use-Case-Usage", "[1,2]")), control);
        assertThat(pauses).isEmpty();
    }
}
