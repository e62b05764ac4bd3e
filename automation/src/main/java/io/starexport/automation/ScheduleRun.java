package io.starexport.automation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One run of a schedule, as its history keeps it.
 *
 * @param scheduledFor when the run was due (for run-now, when it was asked for)
 * @param startedAt    when its job was submitted
 * @param finishedAt   when its job ended
 * @param jobId        the job that exported it
 * @param status       how it ended
 * @param items        items the job exported
 * @param newItems     for an only-new schedule, items kept in the files after dropping those seen before
 * @param files        the files this run wrote
 * @param error        why it failed or was skipped
 */
public record ScheduleRun(Instant scheduledFor, Instant startedAt, Optional<Instant> finishedAt, Optional<UUID> jobId,
                          Status status, long items, OptionalLong newItems, List<Path> files, Optional<String> error) {
    public ScheduleRun {
        Objects.requireNonNull(scheduledFor, "scheduledFor");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(newItems, "newItems");
        files = List.copyOf(files);
        Objects.requireNonNull(error, "error");
    }

    /** How a run ended. */
    public enum Status {
        /** Its job succeeded. */
        SUCCEEDED,
        /** Its job failed or was cancelled, or could not be submitted. */
        FAILED,
        /** It was missed during downtime and skipped by {@link MissedRunPolicy#SKIP}. */
        SKIPPED
    }
}
