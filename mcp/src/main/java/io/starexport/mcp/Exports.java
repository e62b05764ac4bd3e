package io.starexport.mcp;

import io.starexport.Detection;
import io.starexport.PlatformInfo;
import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.jobs.Job;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobPage;
import io.starexport.jobs.JobQuery;
import io.starexport.jobs.JobRequest;
import io.starexport.jobs.JobStore;
import io.starexport.spi.OutputFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * The exports of one serve: a live and a sandbox engine, each with a job executor on its own directory store,
 * and the files they write. Every export writes a JSON lines file (the records {@code download_export} reads)
 * and, for another format, that file beside it.
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

    private final Side live;
    private final Side sandbox;
    private final Path files;
    private final boolean sandboxByDefault;
    private final Duration maxWait;
    /** Completed when the client has gone, so that calls waiting for an export answer at once. */
    private final CompletableFuture<Void> stopping = new CompletableFuture<>();

    /** One engine and its executor. */
    record Side(boolean sandbox, StarExport star, JobExecutor jobs) {
    }

    /** A job and whether it runs in the sandbox. */
    record Located(Job job, boolean sandbox) {
    }

    private Exports(Side live, Side sandbox, Path files, boolean sandboxByDefault, Duration maxWait) {
        this.live = live;
        this.sandbox = sandbox;
        this.files = files;
        this.sandboxByDefault = sandboxByDefault;
        this.maxWait = maxWait;
    }

    /** Builds both engines and executors on {@code directory} and resumes the exports a previous run left. */
    static Exports open(Consumer<StarExport.Builder> settings, Path directory, boolean sandboxByDefault,
                        Duration maxWait) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            Path files = directory.resolve("files");
            createDirectories(files);
            Side live = side(false, settings, directory.resolve("jobs").resolve("live"), opened);
            Side sandbox = side(true, settings, directory.resolve("jobs").resolve("sandbox"), opened);
            if (live.star().formats().stream().noneMatch(f -> f.id().equals(RECORDS_FORMAT))) {
                throw new IllegalStateException("the MCP server needs the '" + RECORDS_FORMAT + "' output format: add "
                        + "io.starexport:starexport-writer-json to the class path");
            }
            Exports exports = new Exports(live, sandbox, files, sandboxByDefault, maxWait);
            int resumed = live.jobs().resumeUnfinished().size() + sandbox.jobs().resumeUnfinished().size();
            if (resumed > 0) {
                LOG.info("Resumed {} unfinished export(s) from {}", resumed, directory);
            }
            return exports;
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    private static Side side(boolean sandbox, Consumer<StarExport.Builder> settings, Path store,
                             List<AutoCloseable> opened) {
        StarExport.Builder builder = StarExport.builder();
        settings.accept(builder);
        if (sandbox) {
            builder.sandbox(true);
        }
        StarExport star = builder.build();
        opened.add(0, star);
        JobExecutor jobs = JobExecutor.builder(star).store(JobStore.directory(store)).closeTimeout(CLOSE_TIMEOUT)
                .build();
        opened.add(0, jobs);
        return new Side(sandbox, star, jobs);
    }

    boolean sandboxByDefault() {
        return sandboxByDefault;
    }

    Duration maxWait() {
        return maxWait;
    }

    Side side(boolean inSandbox) {
        return inSandbox ? sandbox : live;
    }

    /** Output formats by id, in the engine's order. */
    List<OutputFormat> formats() {
        return live.star().formats();
    }

    /**
     * The platforms either engine can export from: the installed plugins, then the platforms only the sandbox
     * knows (sample data, no live exports).
     */
    List<PlatformInfo> platforms() {
        return sandbox.star().platforms();
    }

    Detection detect(String url, boolean inSandbox) {
        return side(inSandbox).star().detect(url);
    }

    /** What an export asks for, checked. */
    record Order(String url, Optional<Content> content, boolean replies, Optional<Long> limit,
                 Optional<Instant> since, Optional<Instant> until, String format, boolean sandbox) {
    }

    /**
     * Queues an export: its file in the chosen format, and the JSON lines file beside it.
     *
     * @throws ExportException as {@link JobExecutor#submit}, and {@code UNSUPPORTED_CONTENT} when the URL has
     *                         nothing to export
     */
    Located submit(Order order) {
        Side side = side(order.sandbox());
        Detection detection = side.star().detect(order.url());
        Content content = order.content().or(detection::defaultContent).orElseThrow(() -> ExportException.of(
                ErrorCode.UNSUPPORTED_CONTENT, detection.platformName() + " offers nothing to export from this "
                        + detection.target().kind().name().toLowerCase(Locale.ROOT)));
        String stem = detection.target().platform() + "-" + safe(detection.target().id()) + "-"
                + content.name().toLowerCase(Locale.ROOT) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        JobRequest.Builder request = JobRequest.builder(order.url()).content(content).replies(order.replies());
        order.limit().ifPresent(request::limit);
        order.since().ifPresent(request::since);
        order.until().ifPresent(request::until);
        if (!order.format().equals(RECORDS_FORMAT)) {
            request.to(files.resolve(stem + "." + extension(order.format())), order.format());
        }
        request.to(files.resolve(stem + "." + extension(RECORDS_FORMAT)), RECORDS_FORMAT);
        return new Located(side.jobs().submit(request.build()), side.sandbox());
    }

    /** The export with this id, in either executor. */
    Optional<Located> find(UUID id) {
        return live.jobs().job(id).map(job -> new Located(job, false))
                .or(() -> sandbox.jobs().job(id).map(job -> new Located(job, true)));
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

    /** The exports of both executors, newest first. */
    List<Located> all() {
        List<Located> all = new ArrayList<>();
        collect(live, all);
        collect(sandbox, all);
        all.sort(Comparator.comparing((Located l) -> l.job().createdAt()).thenComparing(l -> l.job().id())
                .reversed());
        return all;
    }

    private static void collect(Side side, List<Located> into) {
        JobPage page = side.jobs().list(JobQuery.builder().pageSize(JobQuery.MAX_PAGE_SIZE).build());
        while (true) {
            page.jobs().forEach(job -> into.add(new Located(job, side.sandbox())));
            Optional<JobQuery> next = page.nextQuery();
            if (next.isEmpty()) {
                return;
            }
            page = side.jobs().list(next.get());
        }
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

    /** Stops both executors (running exports keep their checkpoints and resume next time), then the engines. */
    @Override
    public void close() {
        closeAll(List.of(sandbox.jobs(), live.jobs(), sandbox.star(), live.star()));
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
