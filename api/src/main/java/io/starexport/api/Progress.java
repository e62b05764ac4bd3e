package io.starexport.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How far an export has come.
 *
 * @param items          items delivered so far
 * @param total          the total the platform reported, when it reports one
 * @param pages          pages fetched
 * @param skipped        items skipped as unparseable
 * @param itemsPerSecond average rate since the export started
 * @param elapsed        time since the export started
 */
public record Progress(long items, OptionalLong total, long pages, long skipped, double itemsPerSecond,
                       Duration elapsed) {

    public Progress {
        total = Values.orEmpty(total);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Percent done (0–100), when a total is known. */
    public OptionalDouble percent() {
        if (total.isEmpty() || total.getAsLong() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(100.0, 100.0 * items / total.getAsLong()));
    }

    /** Estimated time left, when a total is known and items are flowing. */
    public Optional<Duration> eta() {
        if (total.isEmpty() || itemsPerSecond <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, total.getAsLong() - items);
        return Optional.of(Duration.ofMillis((long) (left / itemsPerSecond * 1000)));
    }
}
