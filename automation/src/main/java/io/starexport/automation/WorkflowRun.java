package io.starexport.automation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One run of a workflow, as its history keeps it ({@code recent_runs} in the seed).
 *
 * @param scheduledFor   when the run was due (for run-now, when it was asked for)
 * @param startedAt      when its first step started
 * @param finishedAt     when it ended
 * @param status         how it ended
 * @param stepsCompleted steps whose jobs all succeeded
 * @param newItems       for each completed step, the items kept after conditions and deduplication
 * @param jobIds         the jobs of all its steps, in the order they were submitted
 * @param files          the files its jobs wrote, holding only the kept items
 * @param error          why it failed or was skipped
 */
public record WorkflowRun(Instant scheduledFor, Instant startedAt, Optional<Instant> finishedAt, Status status,
                          int stepsCompleted, List<Long> newItems, List<UUID> jobIds, List<Path> files,
                          Optional<String> error) {
    public WorkflowRun {
        Objects.requireNonNull(scheduledFor, "scheduledFor");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(status, "status");
        newItems = List.copyOf(newItems);
        jobIds = List.copyOf(jobIds);
        files = List.copyOf(files);
        Objects.requireNonNull(error, "error");
    }

    /** Items kept by all steps together ({@code totalResults} in the seed). */
    public long totalResults() {
        return newItems.stream().mapToLong(Long::longValue).sum();
    }

    /** How a run ended. */
    public enum Status {
        /** Every job of every step succeeded. */
        SUCCEEDED,
        /** A job failed or could not be submitted, or the process stopped during the run; later steps did not run. */
        FAILED,
        /** It was missed during downtime and skipped by {@link MissedRunPolicy#SKIP}. */
        SKIPPED
    }
}
