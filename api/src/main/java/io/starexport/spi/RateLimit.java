package io.starexport.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * A request rate: at most {@code permits} requests in any window of length {@code period}, shared by every
 * export of an engine that uses one platform with one set of credentials.
 *
 * <p>Two shapes, because platforms define their limits in two ways:
 * <ul>
 *   <li><b>Evenly</b> ({@link #perSecond}, {@link #perMinute}, the two-argument constructor): requests leave
 *       spaced {@code period / permits} apart, 3% wider so that network jitter cannot push a window over.
 *       For limits stated as a steady rate.</li>
 *   <li><b>Bursts allowed</b> ({@link #perWindow}): requests leave at once while fewer than {@code permits}
 *       left in the last {@code period}; the next waits until the oldest of those is a {@code period} (plus
 *       3%) old. A short export runs at network speed and a long one settles just under the limit, never above
 *       it in any window. For limits stated as "N per window" or averaged over a window, such as Reddit's.</li>
 * </ul>
 *
 * @param permits requests allowed per period, at least 1
 * @param period  the window length
 * @param bursts  whether requests may leave back to back while the window has room, rather than evenly
 */
public record RateLimit(long permits, Duration period, boolean bursts) {
    public RateLimit {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1 but was " + permits);
        }
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive but was " + period);
        }
    }

    /** {@code permits} requests per {@code period}, evenly spaced. */
    public RateLimit(long permits, Duration period) {
        this(permits, period, false);
    }

    /** {@code permits} requests per second, evenly spaced. */
    public static RateLimit perSecond(long permits) {
        return new RateLimit(permits, Duration.ofSeconds(1));
    }

    /** {@code permits} requests per minute, evenly spaced. */
    public static RateLimit perMinute(long permits) {
        return new RateLimit(permits, Duration.ofMinutes(1));
    }

    /** At most {@code permits} requests in any {@code window}, sent as soon as the window has room. */
    public static RateLimit perWindow(long permits, Duration window) {
        return new RateLimit(permits, window, true);
    }

    @Override
    public String toString() {
        return permits + "/" + period + (bursts ? " (bursts)" : "");
    }
}
