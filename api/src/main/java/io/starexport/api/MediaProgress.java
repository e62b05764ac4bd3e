package io.starexport.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far the media downloads of an export have come.
 *
 * @param files          files found in the exported items so far (each URL once)
 * @param finished       files done: downloaded, already present, stored once for identical content, or failed
 * @param failed         files that could not be downloaded (also counted in {@code finished})
 * @param bytes          bytes received so far in this run
 * @param totalBytes     bytes all found files are expected to take, once every item has been read and
 *                       every pending size is known or estimated from the files already done
 * @param bytesPerSecond average download speed since the first file started
 * @param elapsed        time since the media stage started
 */
public record MediaProgress(long files, long finished, long failed, long bytes, OptionalLong totalBytes,
                            double bytesPerSecond, Duration elapsed) {

    public MediaProgress {
        totalBytes = Values.orEmpty(totalBytes);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Estimated time left, when the expected total is known and bytes are flowing. */
    public Optional<Duration> eta() {
        if (totalBytes.isEmpty() || bytesPerSecond <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, totalBytes.getAsLong() - bytes);
        return Optional.of(Duration.ofMillis((long) (left / bytesPerSecond * 1000)));
    }
}
