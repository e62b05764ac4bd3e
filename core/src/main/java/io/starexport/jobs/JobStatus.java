package io.starexport.jobs;

/**
 * Where a job stands: {@code QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED}. A job whose attempt
 * failed transiently goes from {@code RUNNING} back to {@code QUEUED}; {@link JobExecutor#retry} moves a
 * {@code FAILED} job back to {@code QUEUED}.
 */
public enum JobStatus {
    /** Waiting for a free slot, or for its backoff to pass before another attempt. */
    QUEUED,
    /** An attempt is exporting. */
    RUNNING,
    /** The export completed; the job has a result. */
    SUCCEEDED,
    /** The export failed permanently, or transiently on its last attempt; the job has an error. */
    FAILED,
    /** The host cancelled the job. */
    CANCELLED;

    /** True for {@code SUCCEEDED}, {@code FAILED} and {@code CANCELLED}: nothing more happens unless retried. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
