package io.starexport.jobs;

import io.starexport.RunningExport;
import io.starexport.StarExport;
import io.starexport.api.Checkpoint;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportException;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * One attempt of a job: the export it runs (fresh, or resumed from the newest checkpoint), started on the
 * engine, with the export's events turned into the job's. How the attempt ended is the executor's to decide.
 */
final class Attempts {
    private static final Logger LOG = LoggerFactory.getLogger(Attempts.class);

    /** Told how an attempt ended: with a result, or with an error. */
    interface Ended {
        void attemptEnded(Job job, ExportResult result, Throwable error);
    }

    private final StarExport star;
    private final Object lock;
    private final JobListeners listeners;
    private final Duration progressInterval;
    private final Ended ended;

    /** Over an engine; {@code lock} is the executor's lock, which guards the jobs' state. */
    Attempts(StarExport star, Object lock, JobListeners listeners, Duration progressInterval, Ended ended) {
        this.star = star;
        this.lock = lock;
        this.listeners = listeners;
        this.progressInterval = progressInterval;
        this.ended = ended;
    }

    /** Starts the job's next attempt (already marked running); a job cancelled meanwhile is cancelled at once. */
    void launch(Job job) {
        RunningExport run;
        try {
            run = start(job.record(), new AttemptListener(job));
        } catch (RuntimeException e) {
            ended.attemptEnded(job, null, e);
            return;
        }
        boolean cancelNow;
        synchronized (lock) {
            job.running = run;
            cancelNow = job.cancelRequested || job.stoppedByClose;
        }
        if (cancelNow) {
            run.cancel();
        }
        run.result().whenComplete((result, error) -> ended.attemptEnded(job, result, error));
    }

    /**
     * The export of an attempt. A later attempt resumes from the newest checkpoint, whose request is the job's:
     * the one the engine keeps beside the first output (saved while running, so it survives a crash), else the
     * one the job stored. Its writers continue the partial files, so a csv byte order mark is not repeated.
     */
    private RunningExport start(JobRecord record, ExportListener listener) {
        Optional<Checkpoint> checkpoint = record.attempts() > 1 ? newestCheckpoint(record) : Optional.empty();
        if (checkpoint.isPresent()) {
            return star.resume(checkpoint.get()).listener(listener).start();
        }
        return star.start(record.request(), listener);
    }

    private Optional<Checkpoint> newestCheckpoint(JobRecord record) {
        Path checkpointFile = Checkpoint.fileFor(record.request().outputs().get(0).file());
        if (Files.isRegularFile(checkpointFile)) {
            Checkpoint saved = star.readCheckpoint(checkpointFile);
            if (saved.request().url().equals(record.request().url())) {
                return Optional.of(saved);
            }
            LOG.warn("Ignoring {}: it belongs to another export than job {}", checkpointFile, record.id());
        }
        return record.checkpoint();
    }

    /** The error an attempt ended with, as an {@link ExportException}; anything else is a bug, said so. */
    static ExportException typed(Throwable error, JobRecord record) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ExportException e) {
            return e;
        }
        return ExportException.of(ErrorCode.INTERNAL, "Job " + record.id() + " could not run its export: " + cause
                + ". Unless this names a setting of yours (such as a checkpoint taken in another sandbox mode), it is a"
                + " bug; please report it.", cause);
    }

    /** Turns an attempt's own events into the job's: its Started with the attempt number, throttled progress. */
    private final class AttemptListener implements ExportListener {
        private final Job job;

        AttemptListener(Job job) {
            this.job = job;
        }

        @Override
        public void onStarted(ExportEvent.Started event) {
            synchronized (lock) {
                job.enqueue(new ExportEvent.Started(job.id(), event.at(), job.record().attempts(), event.resumed()));
            }
            job.deliver(listeners);
        }

        @Override
        public void onProgress(ExportEvent.ProgressMade event) {
            synchronized (lock) {
                job.record(job.record().withProgress(event.progress()));
                ExportEvent.ProgressMade progress = new ExportEvent.ProgressMade(job.id(), event.at(), event.progress());
                long now = System.nanoTime();
                if (now - job.lastProgressNanos >= progressInterval.toNanos()) {
                    job.lastProgressNanos = now;
                    job.heldProgress = null;
                    job.enqueue(progress);
                } else {
                    job.heldProgress = progress;
                }
            }
            job.deliver(listeners);
        }

        @Override
        public void onFailed(ExportEvent.Failed event) {
            synchronized (lock) {
                job.record(job.record().withProgress(event.progress()));
            }
        }

        @Override
        public void onCancelled(ExportEvent.Cancelled event) {
            synchronized (lock) {
                job.record(job.record().withProgress(event.progress()));
            }
        }
    }
}
