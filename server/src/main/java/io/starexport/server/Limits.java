package io.starexport.server;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Per-token request counting: a limit per clock minute, answered with 429 {@code RATE_LIMIT_EXCEEDED} and the
 * seconds left in the minute, and the requests of the current UTC day for {@code /api/v1/api-usage}. Requests in
 * the sandbox are counted for the day but not limited, as the seed says of its sandbox.
 */
final class Limits {
    private final int perMinute;
    private final Clock clock;
    private final Map<UUID, Counter> counters = new HashMap<>();

    private static final class Counter {
        long minute = Long.MIN_VALUE;
        int inMinute;
        LocalDate day;
        long inDay;
    }

    Limits(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    int perMinute() {
        return perMinute;
    }

    /**
     * Counts one request of this token.
     *
     * @throws ApiException 429 when the token has used its requests of the current minute
     */
    synchronized void count(UUID token, boolean sandbox) {
        Instant now = clock.instant();
        Counter counter = counters.computeIfAbsent(token, t -> new Counter());
        long minute = now.getEpochSecond() / 60;
        if (counter.minute != minute) {
            counter.minute = minute;
            counter.inMinute = 0;
        }
        if (!sandbox) {
            if (counter.inMinute >= perMinute) {
                long wait = (minute + 1) * 60 - now.getEpochSecond();
                throw ApiException.tooMany(ApiException.RATE_LIMIT_EXCEEDED, wait, "Rate limit exceeded: "
                        + perMinute + " requests per minute per token. Please wait " + wait + " seconds.");
            }
            counter.inMinute++;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!today.equals(counter.day)) {
            counter.day = today;
            counter.inDay = 0;
        }
        counter.inDay++;
    }

    /** The requests this token made today (UTC), this one included. */
    synchronized long today(UUID token) {
        Counter counter = counters.get(token);
        return counter == null || !LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).equals(counter.day)
                ? 0 : counter.inDay;
    }
}
