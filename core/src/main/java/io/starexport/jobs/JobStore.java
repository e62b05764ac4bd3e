package io.starexport.jobs;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a {@link JobExecutor} keeps its jobs: their requests, statuses, progress, checkpoints, results and
 * errors. The executor saves a job on every change of status and on every stored checkpoint, and reads the
 * whole store once, when it is built. Implement it to keep jobs in a database; implementations must be
 * thread-safe, and {@link #save} must replace a job's previous state as one step.
 *
 * <p>Progress between status changes is not saved: after a restart a job shows the progress of its last
 * saved state, and resumes from the newest checkpoint its export left.
 */
public interface JobStore {

    /**
     * Stores a job's state, replacing any earlier state of the same id.
     *
     * @throws io.starexport.api.ExportException {@code OUTPUT} when the state cannot be written
     */
    void save(JobRecord job);

    /**
     * Every stored job, in no particular order.
     *
     * @throws io.starexport.api.ExportException {@code OUTPUT} when the store cannot be read
     */
    List<JobRecord> loadAll();

    /** A store in memory, the default: jobs live as long as the executor. */
    static JobStore inMemory() {
        return new MemoryJobStore();
    }

    /**
     * A store on disk: one JSON document per job, {@code <directory>/<job id>.json}, each written to a
     * temporary file and moved into place atomically, so a crash never leaves a half-written job. The
     * directory is created when missing. Jobs and their checkpoints survive a restart; a new executor on the
     * same directory lists them and, with {@link JobExecutor#resumeUnfinished()}, resumes the unfinished
     * ones. Use one directory per executor at a time.
     */
    static JobStore directory(Path directory) {
        return new FileJobStore(directory);
    }
}
