package io.starexport.core.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.starexport.spi.RateLimit;
import io.starexport.spi.RateLimitControl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One shared bucket, in the limit's shape: evenly spaced requests (bucket4j, one token refilled every
 * {@code period / permits}), or bursts within a sliding window (the send times of the last {@code permits}
 * requests; the next waits until the oldest is a window old). Either way no window of the configured period
 * sees more than the configured permits; a 3% margin keeps network jitter between sending and the platform's
 * clock from pushing a window over. A plugin or a 429 may pause it.
 */
public final class RateLimiter implements RateLimitControl {
    private static final long MARGIN_PERCENT = 3;

    /** Even spacing; null for a limit that allows bursts. */
    private final Bucket bucket;
    /** Send times (System.nanoTime) of the last {@code permits} requests, for a limit that allows bursts. */
    private final ArrayDeque<Long> window = new ArrayDeque<>();
    private final long windowNanos;
    private final RateLimit limit;
    /** Pause end as System.nanoTime(); Long.MIN_VALUE when not paused. */
    private final AtomicLong pausedUntilNanos = new AtomicLong(Long.MIN_VALUE);
    private final java.time.Clock clock;

    public RateLimiter(RateLimit limit, java.time.Clock clock) {
        this.limit = limit;
        this.clock = clock;
        this.windowNanos = limit.period().toNanos() / 100 * (100 + MARGIN_PERCENT);
        long spacing = windowNanos / limit.permits();
        this.bucket = limit.bursts() ? null : Bucket.builder()
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
            long wait = bucket == null ? takeFromWindow() : takeToken();
            if (wait <= 0) {
                return;
            }
            cancellation.sleep(Duration.ofNanos(wait));
        }
    }

    /** Takes a token, or says how long until the next one. */
    private long takeToken() {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Records a request when the window has room, or says how long until the oldest leaves it. */
    private synchronized long takeFromWindow() {
        long now = System.nanoTime();
        while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
            window.pollFirst();
        }
        if (window.size() < limit.permits()) {
            window.addLast(now);
            return 0;
        }
        return Math.max(1, window.peekFirst() + windowNanos - now);
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
