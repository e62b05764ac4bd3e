package io.starexport.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * A request rate: at most {@code permits} requests in any window of length {@code period}. The
 * engine spaces requests evenly (no bursts), 3% wider than {@code period / permits} so that network
 * jitter cannot push a window over the limit, with one bucket per platform and credentials shared by
 * every export of an engine.
 *
 * @param permits requests allowed per period, at least 1
 * @param period  the window length
 */
public record RateLimit(long permits, Duration period) {
    public RateLimit {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1 but was " + permits);
        }
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive but was " + period);
        }
    }

    /** {@code permits} requests per second. */
    public static RateLimit perSecond(long permits) {
        return new RateLimit(permits, Duration.ofSeconds(1));
    }

    /** {@code permits} requests per minute. */
    public static RateLimit perMinute(long permits) {
        return new RateLimit(permits, Duration.ofMinutes(1));
    }

    @Override
    public String toString() {
        return permits + "/" + period;
    }
}
