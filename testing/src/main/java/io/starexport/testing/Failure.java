package io.starexport.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure a {@link FakePlatform} answers a page request with, instead of the page; see
 * {@link FakePlatform#failPage(String, int, Failure...)}. Each factory says what the engine does with it.
 */
public final class Failure {
    enum Kind { STATUS, TOO_MANY_REQUESTS, CONNECTION_RESET, SCHEMA_DRIFT }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    private Failure(Kind kind, int status, Duration retryAfter) {
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /**
     * An HTTP error status with a JSON error body. The engine retries 5xx (except 501 and 505) with backoff
     * and then fails with {@code NETWORK}; the fake platform maps 401 to {@code AUTH_REQUIRED}, 403 to
     * {@code PRIVATE_CONTENT}, 404 and 410 to {@code NOT_FOUND} and anything else to {@code PLATFORM_CHANGED}.
     *
     * @param status an HTTP status from 400 to 599
     */
    public static Failure status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a failure status is 400 to 599 but was " + status);
        }
        return new Failure(Kind.STATUS, status, null);
    }

    /**
     * HTTP 429 with {@code Retry-After} in whole seconds (rounded up). The engine waits that long and retries;
     * when attempts run out, or the wait is longer than the retry policy's {@code maxRetryAfter}, it fails with
     * {@code RATE_LIMITED} carrying the wait.
     */
    public static Failure tooManyRequests(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative but was " + retryAfter);
        }
        return new Failure(Kind.TOO_MANY_REQUESTS, 429, retryAfter);
    }

    /** HTTP 429 without {@code Retry-After}: the engine backs off as for a 5xx, then fails with {@code RATE_LIMITED}. */
    public static Failure tooManyRequests() {
        return new Failure(Kind.TOO_MANY_REQUESTS, 429, null);
    }

    /**
     * A TCP reset instead of a response: the request was read, then the connection is closed with linger 0.
     * The engine retries it with backoff like any I/O failure, then fails with {@code NETWORK}.
     */
    public static Failure connectionReset() {
        return new Failure(Kind.CONNECTION_RESET, 0, null);
    }

    /**
     * HTTP 200 with the page in a shape the fake platform no longer parses (its {@code comments} list renamed),
     * as when a platform changes its API. Not retried: the export fails with {@code PLATFORM_CHANGED} naming
     * the missing path.
     */
    public static Failure schemaDrift() {
        return new Failure(Kind.SCHEMA_DRIFT, 200, null);
    }

    Kind kind() {
        return kind;
    }

    int statusCode() {
        return status;
    }

    /** Whole seconds for the {@code Retry-After} header, or -1 for none. */
    long retryAfterSeconds() {
        if (retryAfter == null) {
            return -1;
        }
        long seconds = retryAfter.getSeconds();
        return retryAfter.getNano() > 0 ? seconds + 1 : seconds;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS -> "HTTP " + status;
            case TOO_MANY_REQUESTS -> "HTTP 429" + (retryAfter == null ? "" : " Retry-After " + retryAfterSeconds() + " s");
            case CONNECTION_RESET -> "connection reset";
            case SCHEMA_DRIFT -> "schema drift";
        };
    }
}
