package io.starexport.jobs;

import io.starexport.RunningExport;
import io.starexport.api.Checkpoint;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportRequest;
import io.starexport.api.Progress;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One export run by a {@link JobExecutor}: a live view of its state. Every getter reads the current
 * state, so keep the {@code Job} and ask again rather than copying values; {@link #snapshot()} gives one
 * consistent moment. Thread-safe.
 */
public final class Job {
    private final JobExecutor executor;
    private volatile JobRecord record;
    private volatile CompletableFuture<Job> completion = new CompletableFuture<>();

    // Guarded by the executor's lock.
    RunningExport running;
    boolean cancelRequested;
    /** Interrupted by the executor's close; goes back to QUEUED rather than CANCELLED. */
    boolean stoppedByClose;
    long sequence;
    ScheduledFuture<?> retryTimer;
    /** Unfinished in the store when the executor was built; waits for {@link JobExecutor#resumeUnfinished()}. */
    boolean dormant;
    /** Attempts made before the latest manual retry; automatic retries count from here. */
    int attemptsBeforeRetry;
    long lastProgressNanos;
    ExportEvent.ProgressMade heldProgress;

    // Events of this job, delivered in order by whichever thread finds them waiting.
    private final Deque<ExportEvent> pending = new ArrayDeque<>();
    private boolean delivering;

    Job(JobExecutor executor, JobRecord record) {
        this.executor = executor;
        this.record = record;
        if (record.status().isFinished()) {
            completion.complete(this);
        }
    }

    /** The job's id, also the {@code exportId} of its events. */
    public UUID id() {
        return record.id();
    }

    /** What the job exports, with the target's canonical URL and no credentials. */
    public ExportRequest request() {
        return record.request();
    }

    /** 1 (lowest) to 10 (highest); higher-priority jobs start first, equal ones in submission order. */
    public int priority() {
        return record.priority();
    }

    /** The platform id of the target. */
    public String platform() {
        return record.platform();
    }

    /** Where the job stands now. */
    public JobStatus status() {
        return record.status();
    }

    /**
     * How far the latest attempt came: items, the platform's total when known, {@link Progress#percent()},
     * items per second and {@link Progress#eta()}. A resumed attempt counts the items before its checkpoint.
     */
    public Progress progress() {
        return record.progress();
    }

    /** Attempts started so far, counting automatic and manual retries. */
    public int attempts() {
        return record.attempts();
    }

    /** When the job was submitted. */
    public Instant createdAt() {
        return record.createdAt();
    }

    /** When its first attempt started. */
    public Optional<Instant> startedAt() {
        return record.startedAt();
    }

    /** When it reached a finished status. */
    public Optional<Instant> finishedAt() {
        return record.finishedAt();
    }

    /**
     * Where the next attempt resumes, when an attempt left a checkpoint; its {@link Checkpoint#cursor()} is
     * the platform cursor of the next page.
     */
    public Optional<Checkpoint> checkpoint() {
        return record.checkpoint();
    }

    /** What a succeeded job wrote. */
    public Optional<JobResult> result() {
        return record.result();
    }

    /** Why the last attempt failed: set on a failed job, and on a queued job waiting to be tried again. */
    public Optional<JobError> error() {
        return record.error();
    }

    /**
     * Completes with this job when it reaches {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}; never
     * exceptionally for a failed export (read {@link #error()}). After {@link JobExecutor#retry} a new future is
     * returned. If the executor closes first, it completes exceptionally with an
     * {@link io.starexport.api.ExportException} of code {@code CANCELLED}; the job stays {@code QUEUED} in the store.
     */
    public CompletableFuture<Job> completion() {
        return completion;
    }

    /**
     * Cancels the job: a queued job is cancelled at once, a running one stops before its next page and keeps
     * its partial files and checkpoint. Does nothing to a finished job.
     */
    public void cancel() {
        executor.cancel(this);
    }

    /** The job's state at this moment. */
    public JobRecord snapshot() {
        return record;
    }

    @Override
    public String toString() {
        JobRecord r = record;
        return "Job[" + r.id() + ", " + r.status() + ", " + r.platform() + " " + r.request().url() + ", attempts="
                + r.attempts() + ", items=" + r.progress().items() + r.error().map(e -> ", error=" + e.code()).orElse("")
                + "]";
    }

    // ---- executor side ---------------------------------------------------------------------------

    JobRecord record() {
        return record;
    }

    void record(JobRecord record) {
        this.record = record;
    }

    CompletableFuture<Job> renewCompletion() {
        if (completion.isDone()) {
            completion = new CompletableFuture<>();
        }
        return completion;
    }

    /** Queues an event; call under the executor's lock so events queue in the order of the transitions. */
    void enqueue(ExportEvent event) {
        synchronized (pending) {
            pending.add(event);
        }
    }

    /** Delivers queued events in order, outside any lock, unless another thread is already delivering them. */
    void deliver(JobListeners listeners) {
        while (true) {
            ExportEvent next;
            synchronized (pending) {
                if (delivering || pending.isEmpty()) {
                    return;
                }
                delivering = true;
                next = pending.poll();
            }
            try {
                listeners.emit(next);
            } finally {
                synchronized (pending) {
                    delivering = false;
                }
            }
        }
    }
}
