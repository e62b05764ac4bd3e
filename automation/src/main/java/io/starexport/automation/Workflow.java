package io.starexport.automation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A workflow as it stands ({@code status} {@code active} or {@code paused} in the seed). Immutable;
 * {@link Workflows} returns a fresh one after every change.
 *
 * @param id        the workflow's id
 * @param spec      its URL, steps and schedule
 * @param paused    true while paused: due times pass without runs
 * @param createdAt when it was created
 * @param nextRunAt when it runs next; empty while paused or when it has no schedule
 * @param lastRunAt when its last run started
 * @param runCount  runs that succeeded
 * @param failCount runs that failed
 * @param running   true while a run has not ended
 * @param history   the latest runs, newest first, at most {@value Workflows#HISTORY_SIZE}
 */
public record Workflow(UUID id, WorkflowSpec spec, boolean paused, Instant createdAt, Optional<Instant> nextRunAt,
                       Optional<Instant> lastRunAt, long runCount, long failCount, boolean running,
                       List<WorkflowRun> history) {
    public Workflow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextRunAt, "nextRunAt");
        Objects.requireNonNull(lastRunAt, "lastRunAt");
        history = List.copyOf(history);
    }
}
