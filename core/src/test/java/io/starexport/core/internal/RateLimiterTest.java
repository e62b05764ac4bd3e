package io.starexport.core.internal;

import io.starexport.spi.RateLimit;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The two shapes of a limit: bursts within a sliding window, and even spacing; neither ever above the limit. */
class RateLimiterTest {
    private static final Duration WINDOW = Duration.ofMillis(300);

    @Test
    void aWindowLimitLetsABurstGoAndNeverExceedsTheLimitInAnyWindow() throws Exception {
        RateLimiter limiter = new RateLimiter(RateLimit.perWindow(5, WINDOW), Clock.systemUTC());
        List<Long> sent = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(threads.submit(() -> {
                    limiter.acquire(new Cancellation());
                    synchronized (sent) {
                        sent.add(System.nanoTime());
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdownNow();
        }
        List<Long> times = sent.stream().sorted().toList();
        assertThat(times).hasSize(16);
        for (int i = 0; i + 5 < times.size(); i++) {
            // Six requests never fit in one window: the sixth leaves at least a window after the first.
            assertThat(times.get(i + 5) - times.get(i)).isGreaterThanOrEqualTo(WINDOW.toNanos());
        }
    }

    @Test
    void anEvenLimitSpacesEveryRequest() {
        RateLimiter limiter = new RateLimiter(new RateLimit(5, WINDOW), Clock.systemUTC());
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            limiter.acquire(new Cancellation());
            times.add(System.nanoTime());
        }
        long spacing = WINDOW.toNanos() / 5;
        for (int i = 1; i + 1 < times.size(); i++) {
            // The first token is there at once; from then on one token per period / permits.
            assertThat(times.get(i + 1) - times.get(i)).isGreaterThanOrEqualTo(spacing * 9 / 10);
        }
    }
}
