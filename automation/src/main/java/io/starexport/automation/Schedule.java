package io.starexport.automation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A schedule as it stands. Immutable; {@link Scheduler} returns a fresh one after every change.
 *
 * @param id        the schedule's id
 * @param spec      what it exports and when
 * @param paused    true while paused: due times pass without runs
 * @param createdAt when it was created
 * @param nextRunAt when it runs next; empty while paused
 * @param lastRunAt when its last run started
 * @param runCount  runs that succeeded
 * @param failCount runs that failed
 * @param running   true while a run's job has not ended
 * @param history   the latest runs, newest first, at most {@value Scheduler#HISTORY_SIZE}
 */
public record Schedule(UUID id, ScheduleSpec spec, boolean paused, Instant createdAt, Optional<Instant> nextRunAt,
                       Optional<Instant> lastRunAt, long runCount, long failCount, boolean running,
                       List<ScheduleRun> history) {
    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextRunAt, "nextRunAt");
        Objects.requireNonNull(lastRunAt, "lastRunAt");
        history = List.copyOf(history);
    }
}
