package io.starexport.jobs;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A summary of every job an executor knows, from {@link JobExecutor#stats()}.
 *
 * @param total           jobs known
 * @param byStatus        jobs per status, every status present, in status order
 * @param byPlatform      jobs per platform id, in id order
 * @param items           items exported: by succeeded jobs, plus what unfinished, failed and cancelled jobs
 *                        wrote before they stopped
 * @param bytes           bytes written by succeeded jobs
 * @param averageDuration mean time from first start to end of the succeeded and failed jobs, when there are any
 * @param successRate     succeeded ÷ (succeeded + failed), between 0 and 1, when any job has either status;
 *                        cancelled jobs count for neither
 */
public record JobStats(long total, Map<JobStatus, Long> byStatus, Map<String, Long> byPlatform, long items, long bytes,
                       Optional<Duration> averageDuration, OptionalDouble successRate) {

    public JobStats {
        Map<JobStatus, Long> statuses = new EnumMap<>(JobStatus.class);
        statuses.putAll(byStatus);
        byStatus = Collections.unmodifiableMap(statuses);
        byPlatform = Collections.unmodifiableMap(new TreeMap<>(byPlatform));
        averageDuration = averageDuration == null ? Optional.empty() : averageDuration;
        successRate = successRate == null ? OptionalDouble.empty() : successRate;
    }

    /** How many jobs have a status. */
    public long count(JobStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
