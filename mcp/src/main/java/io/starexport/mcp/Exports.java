package io.starexport.mcp;

import io.starexport.Detection;
import io.starexport.PlatformInfo;
import io.starexport.StarExport;
import io.starexport.api.Checkpoint;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.jobs.Job;
import io.starexport.automation.Scheduler;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobPage;
import io.starexport.jobs.JobQuery;
import io.starexport.jobs.JobRecord;
import io.starexport.jobs.JobStore;
import io.starexport.spi.OutputFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The exports of one serve: one engine and its job executor on a directory store, and the files they write.
 * Whether an export reads the platform or the sandbox is its request's choice. Every export writes a JSON lines
 * file (the records {@code download_export} reads) and, for another format, that file beside it.
 */
final class Exports implements AutoCloseable {
    /** The format of the file every export writes for {@code download_export}. */
    static final String RECORDS_FORMAT = "jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(Exports.class);
    /**
     * Running exports get this long to finish when the client goes, then stop with their checkpoints. Short, for
     * clients follow the MCP shutdown sequence: close stdin, wait about two seconds, then kill the server.
     */
    private static final Duration CLOSE_TIMEOUT = Duration.ofMillis(500);

    private final StarExport star;
    private final JobExecutor jobs;
    private final Scheduler scheduler;
    private final Path files;
    private final boolean sandboxByDefault;
    private final Duration maxWait;
    /** Completed when the client has gone, so that calls waiting for an export answer at once. */
    private final CompletableFuture<Void> stopping = new CompletableFuture<>();

    private Exports(StarExport star, JobExecutor jobs, Scheduler scheduler, Path files, boolean sandboxByDefault,
                    Duration maxWait) {
        this.star = star;
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.files = files;
        this.sandboxByDefault = sandboxByDefault;
        this.maxWait = maxWait;
    }

    /**
     * Builds the engine and its executor on {@code directory}, resumes the exports a previous run left, and starts
     * the scheduler of {@code directory/schedules}.
     */
    static Exports open(Consumer<StarExport.Builder> settings, Path directory, boolean sandboxByDefault,
                        Duration maxWait) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            Path files = directory.resolve("files");
            createDirectories(files);
            StarExport.Builder builder = StarExport.builder();
            settings.accept(builder);
            StarExport star = builder.build();
            opened.add(0, star);
            if (star.formats().stream().noneMatch(f -> f.id().equals(RECORDS_FORMAT))) {
                throw new IllegalStateException("the MCP server needs the '" + RECORDS_FORMAT + "' output format: add "
                        + "io.starexport:starexport-writer-json to the class path");
            }
            JobStore store = JobStore.directory(directory.resolve("jobs"));
            moveEarlierStores(directory.resolve("jobs"), store);
            JobExecutor jobs = JobExecutor.builder(star).store(store).closeTimeout(CLOSE_TIMEOUT).build();
            opened.add(0, jobs);
            Scheduler scheduler = Scheduler.builder(jobs).directory(directory.resolve("schedules")).build();
            opened.add(0, scheduler);
            Exports exports = new Exports(star, jobs, scheduler, files, sandboxByDefault, maxWait);
            int resumed = jobs.resumeUnfinished().size();
            if (resumed > 0) {
                LOG.info("Resumed {} unfinished export(s) from {}", resumed, directory);
            }
            scheduler.start();
            return exports;
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /**
     * Moves the jobs of an earlier version, which ran a live and a sandbox engine with a store each
     * ({@code jobs/live}, {@code jobs/sandbox}), into the one store, so their ids, files and checkpoints carry on.
     * A job of the sandbox store gets a request (and checkpoint) that asks for the sandbox, as the engine it ran on
     * did. A document that cannot be read stays where it is, as the store leaves one.
     */
    private static void moveEarlierStores(Path jobs, JobStore into) {
        for (String side : List.of("live", "sandbox")) {
            Path earlier = jobs.resolve(side);
            if (!Files.isDirectory(earlier)) {
                continue;
            }
            boolean sandbox = side.equals("sandbox");
            for (JobRecord record : JobStore.directory(earlier).loadAll()) {
                into.save(sandbox ? inSandbox(record) : record);
                try {
                    Files.deleteIfExists(earlier.resolve(record.id() + ".json"));
                } catch (java.io.IOException e) {
                    LOG.warn("Job {} was moved to {}, but its earlier document stays: {}", record.id(), jobs,
                            e.toString());
                }
            }
            try {
                Files.deleteIfExists(earlier);
            } catch (java.io.IOException e) {
                LOG.debug("{} keeps files that are not jobs", earlier);
            }
        }
    }

    private static JobRecord inSandbox(JobRecord record) {
        Optional<Checkpoint> checkpoint = record.checkpoint().map(c -> new Checkpoint(
                c.request().toBuilder().sandbox(true).build(), c.cursor(), c.items(), c.outputs(), c.savedAt()));
        return new JobRecord(record.id(), record.request().toBuilder().sandbox(true).build(), record.priority(),
                record.platform(), record.status(), record.attempts(), record.createdAt(), record.startedAt(),
                record.finishedAt(), record.progress(), checkpoint, record.result(), record.error());
    }

    boolean sandboxByDefault() {
        return sandboxByDefault;
    }

    Duration maxWait() {
        return maxWait;
    }

    /** Output formats by id, in the engine's order. */
    List<OutputFormat> formats() {
        return star.formats();
    }

    /** The platforms the engine can export from. */
    List<PlatformInfo> platforms() {
        return star.platforms();
    }

    Detection detect(String url) {
        return star.detect(url);
    }

    /**
     * Queues an export: {@code request} holds what to export, and gets its files as {@link #plan} names them.
     *
     * @throws ExportException as {@link JobExecutor#submit} and {@link #plan}
     */
    Job submit(ExportRequest.Builder request, String format) {
        return jobs.submit(plan(request, format));
    }

    /** The scheduler of the server's {@code schedules/} folder, ticking while the server serves. */
    Scheduler scheduler() {
        return scheduler;
    }

    /**
     * The request with its content settled and its files named: one in the chosen format and the JSON lines file
     * beside it (one file when the format is JSON lines).
     *
     * @throws ExportException as {@link StarExport#detect}, and {@code UNSUPPORTED_CONTENT} when the URL has
     *                         nothing to export
     */
    ExportRequest plan(ExportRequest.Builder request, String format) {
        ExportRequest asked = request.build();
        Detection detection = star.detect(asked.url());
        Content content = asked.content().or(detection::defaultContent).orElseThrow(() -> ExportException.of(
                ErrorCode.UNSUPPORTED_CONTENT, detection.platformName() + " offers nothing to export from this "
                        + detection.target().kind().name().toLowerCase(Locale.ROOT)));
        String stem = detection.target().platform() + "-" + safe(detection.target().id()) + "-"
                + content.name().toLowerCase(Locale.ROOT) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        request.content(content);
        if (!format.equals(RECORDS_FORMAT)) {
            request.to(files.resolve(stem + "." + extension(format)), format);
        }
        request.to(files.resolve(stem + "." + extension(RECORDS_FORMAT)), RECORDS_FORMAT);
        return request.build();
    }

    /** The export with this id. */
    Optional<Job> find(UUID id) {
        return jobs.job(id);
    }

    /**
     * Waits up to {@link #maxWait()} for the job to finish; returns whether it did. An interrupt or
     * {@link #stopWaiting()} ends the wait early.
     */
    boolean await(Job job) {
        if (job.status().isFinished()) {
            return true;
        }
        try {
            CompletableFuture.anyOf(job.completion(), stopping).get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            return job.completion().isDone() || job.status().isFinished();
        } catch (TimeoutException | ExecutionException e) {
            return job.status().isFinished();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return job.status().isFinished();
        }
    }

    /** Ends every wait now and from now on: the client has gone, so the server is stopping. */
    void stopWaiting() {
        stopping.complete(null);
    }

    /** Whether {@link #stopWaiting()} was called. */
    boolean isStopping() {
        return stopping.isDone();
    }

    /** Every export, newest first. */
    List<Job> all() {
        List<Job> all = new ArrayList<>();
        JobPage page = jobs.list(JobQuery.builder().pageSize(JobQuery.MAX_PAGE_SIZE).build());
        while (true) {
            all.addAll(page.jobs());
            Optional<JobQuery> next = page.nextQuery();
            if (next.isEmpty()) {
                break;
            }
            page = jobs.list(next.get());
        }
        all.sort(Comparator.comparing(Job::createdAt).thenComparing(Job::id).reversed());
        return all;
    }

    /** The first file extension of a format. */
    String extension(String format) {
        return formats().stream().filter(f -> f.id().equals(format)).findFirst()
                .map(f -> f.extensions().isEmpty() ? format : f.extensions().get(0)).orElse(format);
    }

    /** A platform id made safe for a file name. */
    private static String safe(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 80 ? safe.substring(0, 80) : safe;
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "cannot create the MCP export directory " + directory
                    + ": " + e.getMessage(), e);
        }
    }

    /** Stops the executor (running exports keep their checkpoints and resume next time), then the engine. */
    @Override
    public void close() {
        closeAll(List.of(scheduler, jobs, star));
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", resource, e);
            }
        }
    }
}
