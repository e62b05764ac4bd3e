package io.starexport.server;

import io.starexport.jobs.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Bulk downloads: ZIPs of done jobs' files, assembled one at a time on a thread of their own, as the seed's
 * {@code processing → ready | error}. They last as long as the server runs; their files stay under the server's
 * directory.
 */
final class Bulk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Bulk.class);

    enum Status {
        PROCESSING, READY, ERROR;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One bulk download as it stands. */
    record Download(UUID uuid, Status status, int fileCount, Path zip, Optional<String> error) {
    }

    private final JobExecutor jobs;
    private final Path directory;
    private final Map<UUID, Download> downloads = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "starexport-server-bulk");
        thread.setDaemon(true);
        return thread;
    });

    Bulk(JobExecutor jobs, Path directory) {
        this.jobs = jobs;
        this.directory = directory;
    }

    /** Starts assembling the ZIP of these done jobs. */
    Download create(Collection<UUID> jobIds) {
        UUID uuid = UUID.randomUUID();
        List<UUID> ids = List.copyOf(jobIds);
        Download processing = new Download(uuid, Status.PROCESSING, ids.size(), directory.resolve(uuid + ".zip"),
                Optional.empty());
        downloads.put(uuid, processing);
        worker.execute(() -> {
            try {
                jobs.bundle(ids, processing.zip());
                downloads.put(uuid, new Download(uuid, Status.READY, ids.size(), processing.zip(), Optional.empty()));
            } catch (RuntimeException e) {
                LOG.warn("Bulk download {} failed: {}", uuid, e.getMessage());
                downloads.put(uuid, new Download(uuid, Status.ERROR, ids.size(), processing.zip(),
                        Optional.of(String.valueOf(e.getMessage()))));
            }
        });
        return processing;
    }

    Optional<Download> get(UUID uuid) {
        return Optional.ofNullable(downloads.get(uuid));
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
