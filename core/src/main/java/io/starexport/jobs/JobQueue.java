package io.starexport.jobs;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportRequest;
import io.starexport.api.ExportException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The executor's jobs and slots: every job it knows, the queue in priority order, the jobs waiting out a
 * backoff, and how many attempts run in all and per platform. Not thread-safe: the executor calls it under
 * its lock.
 */
final class JobQueue {
    /** Highest priority first, then in the order jobs were queued. */
    static final Comparator<Job> QUEUE_ORDER = Comparator
            .comparingInt((Job job) -> -job.record().priority()).thenComparingLong(job -> job.sequence);
    /** Oldest first. */
    static final Comparator<Job> LIST_ORDER = Comparator.comparing((Job job) -> job.record().createdAt())
            .thenComparing(Job::id);

    private final int concurrency;
    private final int platformConcurrency;
    private final Map<String, Integer> platformLimits;
    private final int maxQueueSize;

    private final Map<UUID, Job> jobs = new LinkedHashMap<>();
    private final TreeSet<Job> queue = new TreeSet<>(QUEUE_ORDER);
    /** Queued jobs waiting for their backoff to pass. */
    private final Set<Job> waiting = new HashSet<>();
    private final Map<String, Integer> runningByPlatform = new HashMap<>();
    private int running;
    /** Attempts that ended but whose events and futures are still being delivered. */
    private int settling;
    private long nextSequence;

    JobQueue(int concurrency, int platformConcurrency, Map<String, Integer> platformLimits, int maxQueueSize) {
        this.concurrency = concurrency;
        this.platformConcurrency = platformConcurrency;
        this.platformLimits = Map.copyOf(platformLimits);
        this.maxQueueSize = maxQueueSize;
    }

    // ---- the jobs known --------------------------------------------------------------------------

    /** Adds the jobs loaded from the store; unfinished ones are numbered oldest first, for the queue order. */
    void load(List<Job> loaded) {
        List<Job> unfinished = new ArrayList<>();
        for (Job job : loaded) {
            jobs.put(job.id(), job);
            if (job.dormant) {
                unfinished.add(job);
            }
        }
        unfinished.sort(LIST_ORDER);
        unfinished.forEach(job -> job.sequence = nextSequence++);
    }

    Job get(UUID id) {
        return jobs.get(id);
    }

    Collection<Job> all() {
        return jobs.values();
    }

    // ---- the queue -------------------------------------------------------------------------------

    /** Adds a new job and queues it. */
    void submit(Job job) {
        job.sequence = nextSequence++;
        jobs.put(job.id(), job);
        queue.add(job);
    }

    /** Queues a known job again behind the jobs already waiting at its priority, as a manual retry does. */
    void requeue(Job job) {
        job.sequence = nextSequence++;
        queue.add(job);
    }

    /** Queues known jobs in their existing order, as resuming unfinished ones does. */
    void queueAll(Collection<Job> resumed) {
        queue.addAll(resumed);
    }

    /** Holds a job back until {@link #backoffOver(Job)}. */
    void holdBack(Job job) {
        waiting.add(job);
    }

    /** Queues a job whose backoff has passed; false when it no longer waits (cancelled or closed). */
    boolean backoffOver(Job job) {
        if (!waiting.remove(job)) {
            return false;
        }
        queue.add(job);
        return true;
    }

    /** Takes a job out of the queue or the waiting room, cancelling its backoff timer. */
    void remove(Job job) {
        queue.remove(job);
        if (waiting.remove(job) && job.retryTimer != null) {
            job.retryTimer.cancel(false);
        }
    }

    /** Empties the queue and the waiting room, cancelling backoff timers; returns the jobs taken out. */
    List<Job> clear() {
        List<Job> taken = new ArrayList<>();
        for (Job job : waiting) {
            if (job.retryTimer != null) {
                job.retryTimer.cancel(false);
            }
            taken.add(job);
        }
        waiting.clear();
        taken.addAll(queue);
        queue.clear();
        return taken;
    }

    /** Jobs queued or waiting out a backoff. */
    int queued() {
        return queue.size() + waiting.size();
    }

    /** Fails with {@code QUEUE_FULL} unless {@code more} jobs fit in the queue. */
    void requireRoom(int more) {
        int queued = queued();
        if (queued + more > maxQueueSize) {
            throw ExportException.of(ErrorCode.QUEUE_FULL, "The job queue is full: " + queued + " jobs are waiting and "
                    + "the limit is " + maxQueueSize + (more > 1 ? "; this batch adds " + more : "")
                    + ". Submit again once jobs have finished, or raise maxQueueSize.");
        }
    }

    /** Fails unless no unfinished job, and no two of these requests, write the same file. */
    void requireFreeOutputs(List<ExportRequest> requests) {
        Map<Path, String> taken = new HashMap<>();
        for (Job job : jobs.values()) {
            if (!job.status().isFinished()) {
                job.request().outputs().forEach(o -> taken.put(normal(o.file()), "job " + job.id()));
            }
        }
        for (ExportRequest request : requests) {
            for (ExportRequest.Output output : request.outputs()) {
                String owner = taken.putIfAbsent(normal(output.file()), "another request of this batch");
                if (owner != null) {
                    throw new IllegalArgumentException(owner + " already writes " + output.file()
                            + "; give each job its own output files");
                }
            }
        }
    }

    private static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
    }

    // ---- the slots -------------------------------------------------------------------------------

    /** Takes the queued jobs that fit free slots, highest priority first, skipping platforms at their limit. */
    List<Job> takeStartable() {
        List<Job> starting = new ArrayList<>();
        Iterator<Job> candidates = queue.iterator();
        while (running < concurrency && candidates.hasNext()) {
            Job job = candidates.next();
            if (runningByPlatform.getOrDefault(job.platform(), 0) >= platformLimit(job.platform())) {
                continue;
            }
            candidates.remove();
            running++;
            runningByPlatform.merge(job.platform(), 1, Integer::sum);
            starting.add(job);
        }
        return starting;
    }

    private int platformLimit(String platform) {
        return platformLimits.getOrDefault(platform, platformConcurrency);
    }

    /** Frees an ended attempt's slot; it settles until its events and futures are delivered. */
    void attemptEnded(Job job) {
        running--;
        runningByPlatform.merge(job.platform(), -1, Integer::sum);
        settling++;
    }

    void settled() {
        settling--;
    }

    /** True when no attempt runs or settles. */
    boolean idle() {
        return running == 0 && settling == 0;
    }

    int running() {
        return running;
    }

    @Override
    public String toString() {
        return "concurrency=" + concurrency + ", platformConcurrency=" + platformConcurrency
                + (platformLimits.isEmpty() ? "" : " " + platformLimits) + ", running=" + running + ", queued="
                + queued() + ", jobs=" + jobs.size();
    }
}
