package io.starexport;

import java.time.Duration;
import java.util.Objects;

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

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1 but was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must be >= initialBackoff ("
                    + initialBackoff + ")");
        }
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
