package io.starexport.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Something that happened to one export. Events of one export are delivered in order, on the
 * thread running it. Every event names the export and when it happened.
 */
public sealed interface ExportEvent {

    /** The export this event belongs to. */
    UUID exportId();

    /** When it happened. */
    Instant at();

    /** The export was set up for a target; nothing has been fetched yet. */
    record Created(UUID exportId, Instant at, String url, Target target, Content content) implements ExportEvent {
        public Created {
            Objects.requireNonNull(exportId, "exportId");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The export started fetching; {@code attempt} counts from 1 and grows when a job is retried. */
    record Started(UUID exportId, Instant at, int attempt, boolean resumed) implements ExportEvent {
    }

    /** Items were delivered; throttled to at most one per progress interval, plus one at the end. */
    record ProgressMade(UUID exportId, Instant at, Progress progress) implements ExportEvent {
    }

    /**
     * Media downloads advanced ({@code downloadMedia} exports only); throttled like {@link ProgressMade}, plus
     * one when the downloads end. Delivered on the exporting thread, like every event.
     */
    record MediaProgressMade(UUID exportId, Instant at, MediaProgress progress) implements ExportEvent {
    }

    /** The export completed. */
    record Finished(UUID exportId, Instant at, ExportResult result) implements ExportEvent {
    }

    /** The export failed; the error may carry a checkpoint to resume from. */
    record Failed(UUID exportId, Instant at, ExportException error, Progress progress) implements ExportEvent {
    }

    /** The export was cancelled by the host. */
    record Cancelled(UUID exportId, Instant at, Optional<Checkpoint> checkpoint, Progress progress)
            implements ExportEvent {
    }

    /**
     * The export waits {@code duration} before its next request because {@code platform} (its display name) asked it
     * to, by a rate-limit header or {@code Retry-After}. Sent for waits of {@link #REPORTED_WAIT} or longer; a
     * wait longer than the retry policy's {@code maxRetryAfter} fails the export with {@code RATE_LIMITED} instead.
     */
    record Waiting(UUID exportId, Instant at, String platform, Duration duration) implements ExportEvent {
        /** The shortest wait reported. */
        public static final Duration REPORTED_WAIT = Duration.ofSeconds(5);
    }

    /** A failed export was put back in a queue to be tried again after {@code delay}. */
    record Requeued(UUID exportId, Instant at, int attempt, Duration delay, ExportException cause)
            implements ExportEvent {
    }
}
