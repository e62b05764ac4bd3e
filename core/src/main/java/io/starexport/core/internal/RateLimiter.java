package io.starexport.core.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.starexport.spi.RateLimit;
import io.starexport.spi.RateLimitControl;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One shared bucket: requests are spaced evenly so that no window of the configured period sees
 * more than the configured permits. The spacing carries a 3% margin so that network jitter between
 * sending and the platform's clock does not push a window over. A plugin or a 429 may pause it.
 */
public final class RateLimiter implements RateLimitControl {
    private static final long MARGIN_PERCENT = 3;

    private final Bucket bucket;
    private final RateLimit limit;
    /** Pause end as System.nanoTime(); Long.MIN_VALUE when not paused. */
    private final AtomicLong pausedUntilNanos = new AtomicLong(Long.MIN_VALUE);
    private final java.time.Clock clock;

    public RateLimiter(RateLimit limit, java.time.Clock clock) {
        this.limit = limit;
        this.clock = clock;
        long spacing = limit.period().toNanos() / limit.permits() * (100 + MARGIN_PERCENT) / 100;
        this.bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(Math.max(1, spacing)))
                        .build())
                .build();
    }

    public RateLimit limit() {
        return limit;
    }

    /** Waits for the pause to end and for a token; throws {@code CANCELLED} when cancelled meanwhile. */
    public void acquire(Cancellation cancellation) {
        acquire(cancellation, pause -> { });
    }

    /**
     * As {@link #acquire(Cancellation)}, telling {@code beforePause} the time left before sleeping through a pause;
     * it may throw to refuse the wait.
     */
    public void acquire(Cancellation cancellation, Consumer<Duration> beforePause) {
        while (true) {
            cancellation.check();
            long pause = pausedUntilNanos.get() - System.nanoTime();
            if (pausedUntilNanos.get() != Long.MIN_VALUE && pause > 0) {
                beforePause.accept(Duration.ofNanos(pause));
                cancellation.sleep(Duration.ofNanos(pause));
                continue;
            }
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return;
            }
            cancellation.sleep(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    @Override
    public void pauseUntil(Instant until) {
        pauseFor(Duration.between(clock.instant(), until));
    }

    @Override
    public void pauseFor(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        long until = System.nanoTime() + duration.toNanos();
        pausedUntilNanos.accumulateAndGet(until, (current, proposed) ->
                current == Long.MIN_VALUE || proposed - current > 0 ? proposed : current);
    }
}
