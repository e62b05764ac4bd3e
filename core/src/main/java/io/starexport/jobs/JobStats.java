package io.starexport.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A summary of every job an executor knows, from {@link JobExecutor#stats()}.
 *
 * @param total           jobs known
 * @param byStatus        jobs per status, every status present
 * @param byPlatform      jobs per platform id
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
        byStatus = Map.copyOf(byStatus);
        byPlatform = Map.copyOf(byPlatform);
        averageDuration = averageDuration == null ? Optional.empty() : averageDuration;
        successRate = successRate == null ? OptionalDouble.empty() : successRate;
    }

    /** How many jobs have a status. */
    public long count(JobStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
