package io.starexport.jobs;

import io.starexport.ExportSpec;
import io.starexport.RunningExport;
import io.starexport.StarExport;
import io.starexport.api.Checkpoint;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportException;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportResult;
import io.starexport.api.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
            ExportSpec<Item> spec = spec(job.record());
            spec.listener(new AttemptListener(job));
            run = spec.start();
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
     * The export of an attempt. A later attempt resumes from the newest checkpoint: the one the engine keeps
     * beside the first output (saved while running, so it survives a crash), else the one the job stored.
     */
    private ExportSpec<Item> spec(JobRecord record) {
        ExportSpec<Item> spec = record.attempts() > 1 ? resumed(record) : null;
        JobRequest request = record.request();
        if (spec == null) {
            spec = star.export(request.url());
            request.content().ifPresent(spec::content);
            spec.replies(request.replies());
            request.sort().ifPresent(spec::sort);
            request.limit().ifPresent(spec::limit);
            request.since().ifPresent(spec::since);
            request.until().ifPresent(spec::until);
            for (JobRequest.Output output : request.outputs()) {
                if (output.format().isPresent()) {
                    spec.to(output.file(), output.format().get());
                } else {
                    spec.to(output.file());
                }
            }
            spec.formulaProtection(request.formulaProtection());
        }
        // A resumed spec already has the formula protection its checkpoint was written with (this request's),
        // and its writers continue the partial files, so the byte order mark of the first attempt is not repeated.
        spec.byteOrderMark(request.byteOrderMark());
        request.media().ifPresent(spec::downloadMedia);
        return spec;
    }

    /** The resumed export of a later attempt, or null when there is no checkpoint to resume from. */
    private ExportSpec<Item> resumed(JobRecord record) {
        Path checkpointFile = Checkpoint.fileFor(record.request().outputs().get(0).file());
        if (Files.isRegularFile(checkpointFile)) {
            ExportSpec<Item> spec = star.resume(checkpointFile);
            if (spec.target().url().equals(record.request().url())) {
                return spec;
            }
            LOG.warn("Ignoring {}: it belongs to another export than job {}", checkpointFile, record.id());
        }
        return record.checkpoint().map(star::resume).orElse(null);
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
