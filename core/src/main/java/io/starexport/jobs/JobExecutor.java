package io.starexport.jobs;

import io.starexport.PlatformInfo;
import io.starexport.RetryPolicy;
import io.starexport.RunningExport;
import io.starexport.StarExport;
import io.starexport.api.Checkpoint;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportRequest;
import io.starexport.api.ExportException;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs exports as jobs: a priority queue with a size limit, bounded concurrency globally and per platform,
 * automatic retries of transient failures from the checkpoint, manual {@link #retry(UUID)}, cancellation,
 * events, a {@link JobStore} that can survive restarts, queries, statistics and ZIP bundles. Build one from a
 * {@link StarExport}, which supplies platforms, credentials, rate limits and formats; several executors may
 * share one engine (and its rate-limit buckets). Thread-safe.
 *
 * <pre>{@code
 * try (StarExport star = StarExport.builder().build();
 *      JobExecutor jobs = JobExecutor.builder(star).concurrency(8).store(JobStore.directory(dir)).build()) {
 *     Job job = jobs.submit(ExportRequest.builder(url).to(Path.of("comments.jsonl")).build());
 *     job.completion().join();
 * }
 * }</pre>
 *
 * <p><b>Retries.</b> An attempt that fails with a transient code ({@link ErrorCode#isTransient()}: network
 * failures and server errors the engine's own request retries did not overcome, rate limits) goes back to the
 * queue after a backoff (exponential with jitter, never shorter than the platform's {@code Retry-After}) and
 * resumes from the checkpoint its export left, so no record is written twice. Other codes fail the job at once.
 *
 * <p><b>Events.</b> Listeners see each job's transitions in order, with the job's id as {@code exportId}:
 * {@code Created} on submit, {@code Started} per attempt (with its number), {@code ProgressMade} (at most one
 * per progress interval, plus the last), then {@code Finished}, {@code Failed}, {@code Cancelled}, or
 * {@code Requeued} when an attempt will be retried. The {@link ExportResult} in {@code Finished} keeps the id
 * of the attempt's own export. Events come from the thread that caused them; a listener that throws is logged
 * and ignored.
 */
public final class JobExecutor implements AutoCloseable {
    /** Jobs running at once across all platforms, by default. */
    public static final int DEFAULT_CONCURRENCY = 4;
    /** Jobs running at once on one platform, by default. */
    public static final int DEFAULT_PLATFORM_CONCURRENCY = 2;
    /** Jobs waiting in the queue at most, by default. */
    public static final int DEFAULT_MAX_QUEUE_SIZE = 10_000;
    /** Attempts per job, the first included, by default. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The lowest job priority. */
    public static final int MIN_PRIORITY = 1;
    /** The priority of a job submitted without one. */
    public static final int DEFAULT_PRIORITY = 5;
    /** The highest job priority. */
    public static final int MAX_PRIORITY = 10;

    private static final Logger LOG = LoggerFactory.getLogger(JobExecutor.class);
    /** How long close() waits for cancelled jobs: each finishes the request in flight, bounded by the engine's callTimeout. */
    private static final Duration STOP_GRACE = Duration.ofMinutes(2);

    private final StarExport star;
    private final int maxAttempts;
    /** The backoff bounds of automatic retries; its attempt and Retry-After limits are the engine's business. */
    private final RetryPolicy backoff;
    private final Duration progressInterval;
    private final Duration closeTimeout;
    private final JobStore store;
    private final JobListeners listeners;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor timers;
    private final Attempts attempts;

    /** Guards the queue, every job's state and {@code closed}. */
    private final Object lock = new Object();
    private final JobQueue queue;
    private boolean closed;

    private JobExecutor(Builder builder) {
        this.star = builder.star;
        this.maxAttempts = builder.maxAttempts;
        this.backoff = RetryPolicy.ofDefaults().withBackoff(builder.initialBackoff, builder.maxBackoff);
        this.progressInterval = builder.progressInterval;
        this.closeTimeout = builder.closeTimeout;
        this.store = builder.store;
        this.listeners = new JobListeners(builder.listeners);
        this.clock = builder.clock;
        this.queue = new JobQueue(builder.concurrency, builder.platformConcurrency, builder.platformLimits,
                builder.maxQueueSize);
        this.attempts = new Attempts(star, lock, listeners, progressInterval, this::attemptEnded);
        this.timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "starexport-jobs-retry");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        List<Job> loaded = new ArrayList<>();
        for (JobRecord stored : store.loadAll()) {
            JobRecord record = stored.status() == JobStatus.RUNNING ? stored.withStatus(JobStatus.QUEUED) : stored;
            Job job = new Job(this, record);
            job.dormant = !record.status().isFinished();
            loaded.add(job);
        }
        queue.load(loaded);
    }

    /** A builder over an engine; the executor does not close the engine. */
    public static Builder builder(StarExport star) {
        return new Builder(Objects.requireNonNull(star, "star"));
    }

    // ---- submitting ------------------------------------------------------------------------------

    /**
     * Queues one export and returns its job at once. The job is created {@code QUEUED} and starts as soon as a
     * slot is free, which may be before this method returns. The URL, content and output formats are checked now.
     *
     * @throws ExportException          {@code INVALID_URL}, {@code UNSUPPORTED_PLATFORM} or
     *                                  {@code UNSUPPORTED_CONTENT} for a request that cannot run;
     *                                  {@code QUEUE_FULL} when the queue is at its limit; {@code OUTPUT} when
     *                                  the store cannot save the job
     * @throws IllegalArgumentException when the request has no output, an output's format or options are unknown,
     *                                  or another unfinished job writes the same file
     * @throws IllegalStateException    when the executor is closed
     */
    public Job submit(ExportRequest request) {
        return submit(request, DEFAULT_PRIORITY);
    }

    /**
     * Queues one export with a priority from {@value #MIN_PRIORITY} (lowest) to {@value #MAX_PRIORITY}
     * (highest); higher-priority jobs start first, equal ones in submission order. Otherwise as
     * {@link #submit(ExportRequest)}.
     */
    public Job submit(ExportRequest request, int priority) {
        return submitAll(List.of(Objects.requireNonNull(request, "request")), priority).get(0);
    }

    /** Queues many exports at the default priority; see {@link #submitAll(List, int)}. */
    public List<Job> submitAll(List<ExportRequest> requests) {
        return submitAll(requests, DEFAULT_PRIORITY);
    }

    /**
     * Queues many exports in one call, each its own job with this priority, in the order given. All are checked
     * before any is queued, so a bad request or a full queue rejects the whole batch.
     *
     * @throws ExportException as {@link #submit(ExportRequest)}; {@code QUEUE_FULL} when the batch does not fit
     * @throws IllegalArgumentException as {@link #submit(ExportRequest)}, also when two requests write one file,
     *                                  or the priority is out of range
     * @throws IllegalStateException    when the executor is closed
     */
    public List<Job> submitAll(List<ExportRequest> requests, int priority) {
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY
                    + " but was " + priority);
        }
        List<Admission> admitted = new ArrayList<>();
        for (ExportRequest request : requests) {
            admitted.add(Admission.check(star, Objects.requireNonNull(request, "request")));
        }
        List<Job> created = new ArrayList<>();
        synchronized (lock) {
            requireOpen();
            queue.requireRoom(admitted.size());
            queue.requireFreeOutputs(admitted.stream().map(Admission::request).toList());
            for (Admission a : admitted) {
                Instant now = clock.instant();
                JobRecord record = JobRecord.queued(UUID.randomUUID(), a.request(), priority, a.target().platform(),
                        now);
                store.save(record);
                Job job = new Job(this, record);
                queue.submit(job);
                job.enqueue(new ExportEvent.Created(job.id(), now, a.request().url(), a.target(), a.content()));
                created.add(job);
            }
        }
        created.forEach(job -> job.deliver(listeners));
        dispatch();
        return List.copyOf(created);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this job executor is closed; build a new one");
        }
    }

    // ---- running ---------------------------------------------------------------------------------

    /** Starts queued jobs while there are free slots, highest priority first, skipping platforms at their limit. */
    private void dispatch() {
        List<Job> starting;
        synchronized (lock) {
            if (closed) {
                return;
            }
            starting = queue.takeStartable();
            for (Job job : starting) {
                job.record(job.record().running(clock.instant()));
                job.lastProgressNanos = System.nanoTime() - progressInterval.toNanos();
                job.heldProgress = null;
                persist(job);
            }
        }
        starting.forEach(attempts::launch);
    }

    /** Decides what follows an attempt: success, cancellation, back to the queue (now or after a backoff), or failure. */
    private void attemptEnded(Job job, ExportResult result, Throwable error) {
        CompletableFuture<Job> finished = null;
        synchronized (lock) {
            queue.attemptEnded(job);
            job.running = null;
            if (job.heldProgress != null) {
                job.enqueue(job.heldProgress);
                job.heldProgress = null;
            }
            JobRecord record = job.record();
            Instant now = clock.instant();
            if (error == null) {
                job.record(record.succeeded(JobResult.of(result), now));
                job.enqueue(new ExportEvent.Finished(job.id(), now, result));
            } else {
                ExportException e = Attempts.typed(error, record);
                Optional<Checkpoint> checkpoint = e.checkpoint().or(record::checkpoint);
                boolean cancelled = e.code() == ErrorCode.CANCELLED;
                boolean retriesLeft = record.attempts() - job.attemptsBeforeRetry < maxAttempts;
                if (job.cancelRequested && (cancelled || e.code().isTransient())) {
                    job.record(record.ended(JobStatus.CANCELLED, null, checkpoint, Optional.of(now)));
                    job.enqueue(new ExportEvent.Cancelled(job.id(), now, checkpoint, record.progress()));
                } else if ((cancelled && job.stoppedByClose) || (e.code().isTransient() && closed)) {
                    // Not the job's fault: it stays queued in the store for resumeUnfinished() on a new executor.
                    job.record(record.ended(JobStatus.QUEUED, cancelled ? null : JobError.of(e), checkpoint,
                            Optional.empty()));
                    job.dormant = true;
                    job.enqueue(new ExportEvent.Requeued(job.id(), now, record.attempts() + 1, Duration.ZERO, e));
                } else if (e.code().isTransient() && retriesLeft) {
                    Duration delay = backoff(record.attempts() - job.attemptsBeforeRetry, e);
                    job.record(record.ended(JobStatus.QUEUED, JobError.of(e), checkpoint, Optional.empty()));
                    queue.holdBack(job);
                    job.retryTimer = timers.schedule(() -> backoffOver(job), delay.toNanos(), TimeUnit.NANOSECONDS);
                    job.enqueue(new ExportEvent.Requeued(job.id(), now, record.attempts() + 1, delay, e));
                } else {
                    job.record(record.ended(JobStatus.FAILED, JobError.of(e), checkpoint, Optional.of(now)));
                    job.enqueue(new ExportEvent.Failed(job.id(), now, e, record.progress()));
                }
            }
            persist(job);
            if (job.status().isFinished()) {
                finished = job.completion();
            }
        }
        try {
            job.deliver(listeners);
            if (finished != null) {
                finished.complete(job);
            }
        } finally {
            synchronized (lock) {
                queue.settled();
                lock.notifyAll();
            }
        }
        dispatch();
    }


    /**
     * The retry policy's backoff with equal jitter (at least half its ceiling, since the engine's own request
     * retries have just failed), never shorter than the platform's {@code Retry-After}.
     */
    private Duration backoff(int failedAttempts, ExportException e) {
        Duration half = backoff.backoffCeiling(failedAttempts).dividedBy(2);
        Duration delay = half.plus(backoff.backoff(failedAttempts, ThreadLocalRandom.current()).dividedBy(2));
        return e.retryAfter().filter(after -> after.compareTo(delay) > 0).orElse(delay);
    }

    private void backoffOver(Job job) {
        synchronized (lock) {
            job.retryTimer = null;
            if (closed || !queue.backoffOver(job)) {
                return;
            }
        }
        dispatch();
    }

    private void persist(Job job) {
        try {
            store.save(job.record());
        } catch (RuntimeException e) {
            LOG.error("Could not save job {} ({}); it continues, but a restart will not see this change",
                    job.id(), job.status(), e);
        }
    }

    // ---- controlling -----------------------------------------------------------------------------

    void cancel(Job job) {
        RunningExport run = null;
        CompletableFuture<Job> finished = null;
        synchronized (lock) {
            JobRecord record = job.record();
            if (record.status() == JobStatus.QUEUED) {
                queue.remove(job);
                job.dormant = false;
                Instant now = clock.instant();
                job.record(record.ended(JobStatus.CANCELLED, null, record.checkpoint(), Optional.of(now)));
                job.enqueue(new ExportEvent.Cancelled(job.id(), now, record.checkpoint(), record.progress()));
                persist(job);
                finished = job.completion();
            } else if (record.status() == JobStatus.RUNNING) {
                job.cancelRequested = true;
                run = job.running;
            }
        }
        if (run != null) {
            run.cancel();
        }
        job.deliver(listeners);
        if (finished != null) {
            finished.complete(job);
        }
    }

    /**
     * Puts a {@code FAILED} job back in the queue; its next attempt resumes from its checkpoint, so records
     * written before the failure are kept and not written again. The job gets the builder's {@code maxAttempts}
     * more automatic attempts and a new {@link Job#completion()}.
     *
     * @throws IllegalArgumentException when no job has this id
     * @throws IllegalStateException    when the job is not {@code FAILED}, or the executor is closed
     * @throws ExportException          {@code QUEUE_FULL} when the queue is at its limit
     */
    public Job retry(UUID jobId) {
        Job job;
        synchronized (lock) {
            job = queue.get(Objects.requireNonNull(jobId, "jobId"));
            if (job == null) {
                throw new IllegalArgumentException("no job with id " + jobId);
            }
            requireOpen();
            JobRecord record = job.record();
            if (record.status() != JobStatus.FAILED) {
                throw new IllegalStateException("job " + jobId + " is " + record.status() + "; only a FAILED job can be "
                        + "retried" + switch (record.status()) {
                            case QUEUED, RUNNING -> " (it has not finished yet)";
                            case SUCCEEDED -> " (it already succeeded)";
                            default -> " (it was cancelled; submit its request again to run it anew)";
                        });
            }
            queue.requireRoom(1);
            Instant now = clock.instant();
            ExportException previous = record.error().map(JobError::toException)
                    .orElseGet(() -> ExportException.of(ErrorCode.INTERNAL, "The job failed without an error."));
            job.cancelRequested = false;
            job.attemptsBeforeRetry = record.attempts();
            job.record(record.ended(JobStatus.QUEUED, record.error().orElse(null), record.checkpoint(), Optional.empty()));
            job.renewCompletion();
            queue.requeue(job);
            job.enqueue(new ExportEvent.Requeued(jobId, now, record.attempts() + 1, Duration.ZERO, previous));
            persist(job);
        }
        job.deliver(listeners);
        dispatch();
        return job;
    }

    /**
     * Queues the jobs that were {@code QUEUED} or {@code RUNNING} in the store when this executor was built
     * (an earlier process stopped or crashed), oldest first. Each resumes from the newest checkpoint its
     * export left, so its output ends up exactly as if it had never stopped.
     *
     * @return the jobs queued, oldest first; empty when there were none or they were already resumed
     * @throws IllegalStateException when the executor is closed
     */
    public List<Job> resumeUnfinished() {
        List<Job> resumed = new ArrayList<>();
        synchronized (lock) {
            requireOpen();
            for (Job job : queue.all()) {
                if (job.dormant && job.status() == JobStatus.QUEUED) {
                    job.dormant = false;
                    resumed.add(job);
                }
            }
            resumed.sort(JobQueue.QUEUE_ORDER);
            queue.queueAll(resumed);
        }
        dispatch();
        resumed.sort(JobQueue.LIST_ORDER);
        return List.copyOf(resumed);
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** The job with this id, submitted here or loaded from the store. */
    public Optional<Job> job(UUID jobId) {
        synchronized (lock) {
            return Optional.ofNullable(queue.get(jobId));
        }
    }

    /** One page of the jobs matching a query, oldest first. */
    public JobPage list(JobQuery query) {
        Objects.requireNonNull(query, "query");
        List<Job> matching;
        synchronized (lock) {
            matching = queue.all().stream().filter(job -> query.matches(job.record())).sorted(JobQueue.LIST_ORDER)
                    .toList();
        }
        int from = Math.min(query.offset(), matching.size());
        int to = Math.min(matching.size(), from + query.pageSize());
        return new JobPage(matching.subList(from, to), matching.size(), query);
    }

    /** Totals over every job this executor knows, the store's history included. */
    public JobStats stats() {
        List<JobRecord> records;
        synchronized (lock) {
            records = queue.all().stream().map(Job::record).toList();
        }
        return JobStats.of(records);
    }

    /**
     * Writes the output files of succeeded jobs into one ZIP, as the bulk download of a batch. Entries are
     * flat and named after the files, sanitised so that unpacking never leaves the target folder (no
     * directories, absolute paths, drive letters or {@code ..}); a name used twice is prefixed with the job's
     * short id. The ZIP is written under a temporary name and moved into place when complete.
     *
     * @return the ZIP file
     * @throws IllegalArgumentException when no job is named, or an id is unknown
     * @throws IllegalStateException    when a job has not {@code SUCCEEDED}; the message names each one
     * @throws ExportException          {@code OUTPUT} when an output is gone or the ZIP cannot be written
     */
    public Path bundle(Collection<UUID> jobIds, Path zip) {
        Objects.requireNonNull(zip, "zip");
        if (jobIds.isEmpty()) {
            throw new IllegalArgumentException("name at least one job to bundle");
        }
        List<JobRecord> records = new ArrayList<>();
        synchronized (lock) {
            for (UUID id : jobIds) {
                Job job = queue.get(Objects.requireNonNull(id, "jobId"));
                if (job == null) {
                    throw new IllegalArgumentException("no job with id " + id);
                }
                records.add(job.record());
            }
        }
        List<String> unfinished = records.stream().filter(r -> r.status() != JobStatus.SUCCEEDED)
                .map(r -> r.id() + " (" + r.status() + ")").toList();
        if (!unfinished.isEmpty()) {
            throw new IllegalStateException("only succeeded jobs can be bundled; these are not: "
                    + String.join(", ", unfinished));
        }
        ZipBundle.write(records, zip);
        return zip;
    }

    // ---- closing ---------------------------------------------------------------------------------

    /**
     * Stops taking work and shuts down. Queued jobs are not started and stay {@code QUEUED} in the store.
     * Running jobs get {@code closeTimeout} to finish; those still running are then cancelled: each finishes
     * the page in flight, stops before the next one (close waits up to two minutes for that) and goes back to
     * {@code QUEUED} with its checkpoint, so an executor built later on the same store resumes it with
     * {@link #resumeUnfinished()}. Futures of jobs left unfinished complete
     * exceptionally with {@code CANCELLED}. Returns once no job of this executor runs and its timer thread
     * has ended. Does not close the {@link StarExport}.
     */
    @Override
    public void close() {
        List<RunningExport> toCancel = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear().forEach(job -> job.dormant = true);
            if (!awaitIdle(closeTimeout)) {
                for (Job job : queue.all()) {
                    if (job.status() == JobStatus.RUNNING) {
                        job.stoppedByClose = true;
                        if (job.running != null) {
                            toCancel.add(job.running);
                        }
                    }
                }
            }
        }
        toCancel.forEach(RunningExport::cancel);
        synchronized (lock) {
            if (!awaitIdle(STOP_GRACE)) {
                LOG.warn("{} jobs did not stop within {} of being cancelled; they are left to the engine",
                        queue.running(), STOP_GRACE);
            }
        }
        timers.shutdownNow();
        try {
            timers.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Job> left;
        synchronized (lock) {
            left = queue.all().stream().filter(job -> !job.status().isFinished()).toList();
        }
        ExportException closedFirst = ExportException.of(ErrorCode.CANCELLED, "The job executor was closed before "
                + "this job finished; the job stays QUEUED in its store and resumes with resumeUnfinished() on a new "
                + "executor.");
        left.forEach(job -> job.completion().completeExceptionally(closedFirst));
    }

    /** Waits, holding the lock between waits, until no attempt runs or settles; false on timeout or interrupt. */
    private boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!queue.idle()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "JobExecutor[" + queue + ", store=" + store + "]";
        }
    }

    /**
     * Configures a {@link JobExecutor}. Each single-valued setting may be given once. Not thread-safe.
     */
    public static final class Builder {
        private final StarExport star;
        private int concurrency = DEFAULT_CONCURRENCY;
        private int platformConcurrency = DEFAULT_PLATFORM_CONCURRENCY;
        private final Map<String, Integer> platformLimits = new TreeMap<>();
        private int maxQueueSize = DEFAULT_MAX_QUEUE_SIZE;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = Duration.ofSeconds(2);
        private Duration maxBackoff = Duration.ofMinutes(2);
        private Duration progressInterval = Duration.ofMillis(500);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private JobStore store = JobStore.inMemory();
        private final List<ExportListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private final Set<String> given = new HashSet<>();

        private Builder(StarExport star) {
            this.star = star;
        }

        /** Jobs running at once across all platforms; {@value JobExecutor#DEFAULT_CONCURRENCY} by default. */
        public Builder concurrency(int concurrency) {
            once("concurrency", this.concurrency);
            this.concurrency = atLeastOne(concurrency, "concurrency");
            return this;
        }

        /**
         * Jobs running at once on any one platform; {@value JobExecutor#DEFAULT_PLATFORM_CONCURRENCY} by default,
         * since jobs on one platform also share its rate limit.
         */
        public Builder platformConcurrency(int concurrency) {
            once("platformConcurrency", this.platformConcurrency);
            this.platformConcurrency = atLeastOne(concurrency, "platformConcurrency");
            return this;
        }

        /** Jobs running at once on one named platform, overriding {@link #platformConcurrency(int)} for it. */
        public Builder platformConcurrency(String platform, int concurrency) {
            String id = Objects.requireNonNull(platform, "platform").toLowerCase(Locale.ROOT);
            if (platformLimits.putIfAbsent(id, atLeastOne(concurrency, "platformConcurrency")) != null) {
                throw new IllegalStateException("platformConcurrency for " + id + " was already set to "
                        + platformLimits.get(id));
            }
            return this;
        }

        /** Jobs waiting at most; past it, submit fails with {@code QUEUE_FULL}. {@value JobExecutor#DEFAULT_MAX_QUEUE_SIZE} by default. */
        public Builder maxQueueSize(int maxQueueSize) {
            once("maxQueueSize", this.maxQueueSize);
            this.maxQueueSize = atLeastOne(maxQueueSize, "maxQueueSize");
            return this;
        }

        /**
         * Attempts per job, the first included, before a transient failure fails the job;
         * {@value JobExecutor#DEFAULT_MAX_ATTEMPTS} by default; 1 turns automatic retries off.
         */
        public Builder maxAttempts(int maxAttempts) {
            once("maxAttempts", this.maxAttempts);
            this.maxAttempts = atLeastOne(maxAttempts, "maxAttempts");
            return this;
        }

        /**
         * Wait before automatic retry {@code n}: between half and all of {@code min(max, initial × 2^(n-1))}, and
         * never less than the platform's {@code Retry-After}. 2 s and 2 minutes by default.
         */
        public Builder backoff(Duration initial, Duration max) {
            once("backoff", this.initialBackoff + ".." + this.maxBackoff);
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff needs 0 <= initial <= max but was initial=" + initial
                        + ", max=" + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * Least time between two progress events of one job; 500 ms by default; zero sends every one. The
         * engine's own {@code progressInterval} applies first.
         */
        public Builder progressInterval(Duration interval) {
            once("progressInterval", this.progressInterval);
            if (Objects.requireNonNull(interval, "interval").isNegative()) {
                throw new IllegalArgumentException("progressInterval must not be negative but was " + interval);
            }
            this.progressInterval = interval;
            return this;
        }

        /** How long {@link JobExecutor#close()} lets running jobs finish before cancelling them; 30 s by default. */
        public Builder closeTimeout(Duration timeout) {
            once("closeTimeout", this.closeTimeout);
            if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative but was " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        /** Where jobs are kept; {@link JobStore#inMemory()} by default. */
        public Builder store(JobStore store) {
            once("store", this.store);
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Adds a listener for the events of every job. */
        public Builder listener(ExportListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The clock for job times; the system clock by default. */
        public Builder clock(Clock clock) {
            once("clock", this.clock);
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the executor and loads the store. Unfinished jobs found there wait for
         * {@link JobExecutor#resumeUnfinished()}.
         *
         * @throws IllegalArgumentException when a per-platform limit names a platform the engine does not have
         * @throws ExportException          {@code OUTPUT} when the store cannot be read
         */
        public JobExecutor build() {
            Set<String> installed = new TreeSet<>();
            for (PlatformInfo platform : star.platforms()) {
                installed.add(platform.id());
            }
            for (String id : platformLimits.keySet()) {
                if (!installed.contains(id)) {
                    throw new IllegalArgumentException("platformConcurrency names platform '" + id
                            + "', which the engine does not have; it has " + installed);
                }
            }
            return new JobExecutor(this);
        }

        private void once(String name, Object current) {
            if (!given.add(name)) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
        }

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be >= 1 but was " + value);
            }
            return value;
        }
    }
}
