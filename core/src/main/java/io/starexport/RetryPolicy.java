package io.starexport;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How the engine retries 429s, 5xx responses and I/O failures: exponential backoff with full jitter
 * (a random wait between zero and {@code min(maxBackoff, initialBackoff × 2^(attempt-1))}), or exactly
 * what a {@code Retry-After} header asks, in seconds or as an HTTP date.
 *
 * <p>A 429 is retried for any method (the platform did not act on it); 5xx and I/O failures only for
 * idempotent requests. When {@code Retry-After} asks for longer than {@code maxRetryAfter}, the call
 * fails at once with {@code RATE_LIMITED} and the wait, so a job system can reschedule instead of
 * holding a thread.
 *
 * @param maxAttempts    attempts per request, including the first; 1 turns retries off
 * @param initialBackoff the backoff ceiling of the first retry
 * @param maxBackoff     the largest backoff ceiling
 * @param maxRetryAfter  the longest {@code Retry-After} the engine waits for in-line
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    /** The longest backoff jittered to the nanosecond; longer ceilings (centuries) are treated as this. */
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE - 1);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1 but was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must not be negative but was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must be >= initialBackoff ("
                    + initialBackoff + ")");
        }
    }

    /**
     * The backoff ceiling of retry {@code retry} (1 for the retry after the first failed attempt):
     * {@code min(maxBackoff, initialBackoff × 2^(retry-1))}.
     *
     * @throws IllegalArgumentException when {@code retry} is less than 1
     */
    public Duration backoffCeiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be >= 1 but was " + retry);
        }
        Duration ceiling = initialBackoff;
        for (int i = 1; i < retry && !ceiling.isZero() && ceiling.compareTo(maxBackoff) < 0; i++) {
            ceiling = ceiling.compareTo(maxBackoff.dividedBy(2)) > 0 ? maxBackoff : ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(maxBackoff) < 0 ? ceiling : maxBackoff;
    }

    /**
     * The wait before retry {@code retry} without a {@code Retry-After}: full jitter, a random time between zero
     * and {@link #backoffCeiling(int)}, both included, to the nanosecond.
     *
     * @param random the source of the jitter, such as {@code ThreadLocalRandom.current()}
     * @throws IllegalArgumentException when {@code retry} is less than 1
     */
    public Duration backoff(int retry, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        Duration ceiling = backoffCeiling(retry);
        long nanos = ceiling.compareTo(LONGEST) < 0 ? ceiling.toNanos() : Long.MAX_VALUE - 1;
        return nanos == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(nanos + 1));
    }

    /** 5 attempts, backoff from 500 ms up to 30 s, {@code Retry-After} waited for up to 2 minutes. */
    public static RetryPolicy ofDefaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    /** No retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** A copy with another attempt count. */
    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter);
    }

    /** A copy with other backoff bounds. */
    public RetryPolicy withBackoff(Duration initialBackoff, Duration maxBackoff) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter);
    }

    /** A copy with another in-line {@code Retry-After} limit. */
    public RetryPolicy withMaxRetryAfter(Duration maxRetryAfter) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter);
    }
}
