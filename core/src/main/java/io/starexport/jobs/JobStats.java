package io.starexport.jobs;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
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

    /** The totals over these jobs. */
    static JobStats of(List<JobRecord> records) {
        Map<JobStatus, Long> byStatus = new EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            byStatus.put(status, 0L);
        }
        Map<String, Long> byPlatform = new TreeMap<>();
        long items = 0;
        long bytes = 0;
        Duration durations = Duration.ZERO;
        long timed = 0;
        for (JobRecord record : records) {
            byStatus.merge(record.status(), 1L, Long::sum);
            byPlatform.merge(record.platform(), 1L, Long::sum);
            items += record.result().map(JobResult::items).orElse(record.progress().items());
            bytes += record.result().map(JobResult::bytes).orElse(0L);
            if (record.status() == JobStatus.SUCCEEDED || record.status() == JobStatus.FAILED) {
                Optional<Duration> duration = record.duration();
                if (duration.isPresent()) {
                    durations = durations.plus(duration.get());
                    timed++;
                }
            }
        }
        long succeeded = byStatus.get(JobStatus.SUCCEEDED);
        long ended = succeeded + byStatus.get(JobStatus.FAILED);
        return new JobStats(records.size(), byStatus, byPlatform, items, bytes,
                timed == 0 ? Optional.empty() : Optional.of(durations.dividedBy(timed)),
                ended == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) succeeded / ended));
    }

    /** How many jobs have a status. */
    public long count(JobStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
