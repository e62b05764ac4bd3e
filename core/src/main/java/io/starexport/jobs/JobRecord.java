package io.starexport.jobs;

import io.starexport.api.Checkpoint;
import io.starexport.api.ExportRequest;
import io.starexport.api.Progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A job's state at one moment, as a {@link JobStore} keeps it. Immutable; {@link Job} is the live view.
 *
 * @param id         the job's id
 * @param request    what the job exports, with the canonical URL and no credentials
 * @param priority   1 (lowest) to 10 (highest); higher-priority jobs start first
 * @param platform   the platform id of the target
 * @param status     where the job stands
 * @param attempts   attempts started so far
 * @param createdAt  when the job was submitted
 * @param startedAt  when its first attempt started
 * @param finishedAt when it reached {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}
 * @param progress   how far the latest attempt came
 * @param checkpoint where the next attempt resumes, when an attempt left one
 * @param result     what a succeeded job wrote
 * @param error      why the last attempt failed, for a job that failed or waits to be tried again
 */
public record JobRecord(UUID id, ExportRequest request, int priority, String platform, JobStatus status, int attempts,
                        Instant createdAt, Optional<Instant> startedAt, Optional<Instant> finishedAt,
                        Progress progress, Optional<Checkpoint> checkpoint, Optional<JobResult> result,
                        Optional<JobError> error) {

    public JobRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        startedAt = startedAt == null ? Optional.empty() : startedAt;
        finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
        Objects.requireNonNull(progress, "progress");
        checkpoint = checkpoint == null ? Optional.empty() : checkpoint;
        result = result == null ? Optional.empty() : result;
        error = error == null ? Optional.empty() : error;
    }

    /** A job just submitted. */
    static JobRecord queued(UUID id, ExportRequest request, int priority, String platform, Instant createdAt) {
        return new JobRecord(id, request, priority, platform, JobStatus.QUEUED, 0, createdAt, Optional.empty(), Optional.empty(),
                new Progress(0, OptionalLong.empty(), 0, 0, 0, Duration.ZERO), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    JobRecord withStatus(JobStatus status) {
        return new JobRecord(id, request, priority, platform, status, attempts, createdAt, startedAt, finishedAt, progress,
                checkpoint, result, error);
    }

    /** An attempt starts now. */
    JobRecord running(Instant now) {
        return new JobRecord(id, request, priority, platform, JobStatus.RUNNING, attempts + 1, createdAt,
                startedAt.isPresent() ? startedAt : Optional.of(now), Optional.empty(), progress, checkpoint,
                Optional.empty(), error);
    }

    JobRecord withProgress(Progress progress) {
        return new JobRecord(id, request, priority, platform, status, attempts, createdAt, startedAt, finishedAt, progress,
                checkpoint, result, error);
    }

    JobRecord succeeded(JobResult result, Instant now) {
        return new JobRecord(id, request, priority, platform, JobStatus.SUCCEEDED, attempts, createdAt, startedAt,
                Optional.of(now), progress, Optional.empty(), Optional.of(result), Optional.empty());
    }

    /** Ended with an error: {@code FAILED} for good, or {@code QUEUED} to be tried again. */
    JobRecord ended(JobStatus status, JobError error, Optional<Checkpoint> checkpoint, Optional<Instant> finishedAt) {
        return new JobRecord(id, request, priority, platform, status, attempts, createdAt, startedAt, finishedAt, progress,
                checkpoint, Optional.empty(), Optional.ofNullable(error));
    }

    /** Time from the first start to the end, for a finished job that ran. */
    Optional<Duration> duration() {
        return startedAt.isPresent() && finishedAt.isPresent()
                ? Optional.of(Duration.between(startedAt.get(), finishedAt.get())) : Optional.empty();
    }
}
