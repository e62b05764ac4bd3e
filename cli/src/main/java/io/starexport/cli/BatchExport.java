package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.Detection;
import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.api.Target;
import io.starexport.jobs.Job;
import io.starexport.jobs.JobError;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobRecord;
import io.starexport.jobs.JobResult;
import io.starexport.jobs.JobStatus;
import io.starexport.jobs.JobStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Batch mode of {@code starexport export --from-file}: every URL of a list becomes a job on a {@link JobExecutor}
 * whose store is {@code OUTDIR/.starexport/jobs}, so that running the same command again skips the jobs that
 * succeeded, resumes the ones left unfinished from their checkpoints and retries the ones that failed.
 *
 * <p>A line's job is "the same" as a stored one when the stored job's {@link ExportRequest} equals the request
 * this command builds for the line, but for the output file: target (by its canonical URL), content, filters,
 * format and its options ({@code --bom}, {@code --no-formula-protection}), media and sandbox all count, so
 * changing one of them makes a new job with a new file. Stored jobs the command does not name are left as they
 * are.
 */
final class BatchExport {
    static final String STORE = ".starexport/jobs";
    /** The CLI error code of a batch in which some jobs failed. */
    static final String JOBS_FAILED = "JOBS_FAILED";
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(150);

    /** What the command line asks of every job; builds one job's request. */
    interface Requests {
        /** The request for one URL, writing {@code file} in the batch's format. */
        ExportRequest request(String url, Content content, Path file);

        /** The content given on the command line, or empty for each target's default. */
        Optional<Content> content();

        /** The extension of the output format. */
        String extension();
    }

    /** One line of the list, as planned. */
    private static final class Entry {
        final UrlList.Line line;
        final Target target;
        final Content content;
        JobRecord stored;
        Path file;
        Job job;
        boolean earlier;

        Entry(UrlList.Line line, Target target, Content content) {
            this.line = line;
            this.target = target;
            this.content = content;
        }
    }

    /** A line that cannot be exported, found before anything runs. */
    record BadLine(int line, String url, String code, String message) {
    }

    private final Main main;
    private final CommonOptions common;
    private final String source;

    BatchExport(Main main, CommonOptions common, String source) {
        this.main = main;
        this.common = common;
        this.source = source;
    }

    int run(StarExport star, List<UrlList.Line> lines, Requests requests, Path directory, NameTemplate names,
            JobExecutor.Builder executorSettings) {
        List<BadLine> bad = new ArrayList<>();
        List<Entry> entries = plan(star, lines, requests, bad);
        if (!bad.isEmpty()) {
            return badLines(bad);
        }
        FileChannel lock = lock(directory);
        if (lock == null) {
            return busy(directory);
        }
        try (lock) {
            return runLocked(entries, requests, directory, names, executorSettings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int runLocked(List<Entry> entries, Requests requests, Path directory, NameTemplate names,
                          JobExecutor.Builder executorSettings) {
        PrintWriter err = main.err();
        Path storeDirectory = directory.resolve(STORE);
        JobStore disk = JobStore.directory(storeDirectory);
        List<JobRecord> records = disk.loadAll();
        List<JobRecord> toLoad = new ArrayList<>();
        match(entries, records, requests, toLoad);
        assignFiles(entries, records, directory, names, requests.extension());

        Map<String, BatchProgress.Label> byUrl = new HashMap<>();
        entries.forEach(e -> byUrl.put(e.target.url(), label(e)));
        int earlier = (int) entries.stream().filter(e -> e.earlier).count();
        boolean live = main.liveProgress();
        int plainWidth = BatchProgress.width(main.environment());
        IntSupplier width = live ? BatchProgress.terminalWidth(main.environment(), Terminal::columns, System::nanoTime)
                : () -> plainWidth;
        BatchProgress progress = new BatchProgress(err, live, width, System::nanoTime, byUrl, entries.size(), earlier);
        JobStore store = new JobStore() {
            @Override
            public void save(JobRecord job) {
                disk.save(job);
            }

            @Override
            public List<JobRecord> loadAll() {
                return List.copyOf(toLoad);
            }
        };
        executorSettings.store(store).maxQueueSize(Math.max(JobExecutor.DEFAULT_MAX_QUEUE_SIZE, entries.size()))
                .closeTimeout(Duration.ZERO);
        if (!common.json) {
            executorSettings.listener(progress);
        }
        if (earlier > 0 && !common.json) {
            err.println(earlier + " of " + entries.size() + " jobs already succeeded in an earlier run into " + directory
                    + "; they are not run again.");
        }
        AtomicBoolean interrupted = new AtomicBoolean();
        try (JobExecutor jobs = executorSettings.build()) {
            OnInterrupt onInterrupt = OnInterrupt.install(main.process(), "starexport-batch-close", CANCEL_GRACE,
                    () -> interrupt(jobs, interrupted));
            try {
                start(jobs, entries, requests, progress);
                await(entries, jobs, interrupted);
                progress.finish();
                return report(entries, storeDirectory, interrupted.get());
            } finally {
                onInterrupt.reported();
            }
        }
    }

    /**
     * Locks {@code DIR/.starexport/lock} for this command, so that a second batch into the same folder (another
     * terminal, a cron job) is refused instead of running the same jobs twice into the same files. The lock is
     * the operating system's: it goes away with the process, even after a crash. Close the channel to release it.
     *
     * @return the locked channel, or null when another command holds the lock
     */
    static FileChannel lock(Path directory) {
        Path file = directory.resolve(STORE).getParent().resolve("lock");
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                if (channel.tryLock() != null) {
                    return channel;
                }
            } catch (OverlappingFileLockException heldInThisProcess) {
                // Another batch of this JVM holds it: the same conflict.
            }
            channel.close();
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + " for this batch: " + e.getMessage(), e);
        }
    }

    private int busy(Path directory) {
        String message = "another starexport batch is running into " + directory + " (it holds "
                + directory.resolve(STORE).getParent().resolve("lock") + "); wait for it to finish, or give another "
                + "--output-dir";
        if (common.json) {
            JsonOutput.failure(main.out(), message, ErrorReporter.USAGE, null);
        } else {
            main.err().println("error [" + ErrorReporter.USAGE + "]: " + message);
            main.err().flush();
        }
        return ExitCode.BAD_INPUT;
    }

    private List<Entry> plan(StarExport star, List<UrlList.Line> lines, Requests requests, List<BadLine> bad) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Entry> seen = new HashMap<>();
        for (UrlList.Line line : lines) {
            Detection detection;
            try {
                detection = star.detect(line.url());
            } catch (ExportException e) {
                bad.add(new BadLine(line.number(), line.url(), e.code().name(), e.getMessage()));
                continue;
            }
            Target target = detection.target();
            String kind = JsonOutput.lowerCase(target.kind());
            Content content = requests.content().or(detection::defaultContent).orElse(null);
            if (content == null) {
                bad.add(new BadLine(line.number(), line.url(), ErrorCode.UNSUPPORTED_CONTENT.name(),
                        detection.platformName() + " has nothing to export by default from a " + kind
                                + "; give one of " + options(detection.contents())));
                continue;
            }
            if (!detection.contents().contains(content)) {
                bad.add(new BadLine(line.number(), line.url(), ErrorCode.UNSUPPORTED_CONTENT.name(),
                        detection.platformName() + " cannot export " + JsonOutput.lowerCase(content) + " from a " + kind
                                + "; it can export " + options(detection.contents())));
                continue;
            }
            Entry entry = new Entry(line, target, content);
            Entry first = seen.putIfAbsent(target.url() + " " + content, entry);
            if (first != null) {
                if (!common.json) {
                    main.err().println("note: line " + line.number() + " is the same " + kind + " as line "
                            + first.line.number() + "; it is exported once");
                }
                continue;
            }
            entries.add(entry);
        }
        return entries;
    }

    private static String options(Set<Content> contents) {
        return contents.isEmpty() ? "nothing" : String.join(", ", contents.stream().sorted()
                .map(c -> "--" + JsonOutput.lowerCase(c)).toList());
    }

    private int badLines(List<BadLine> bad) {
        String message = bad.size() + " line" + (bad.size() == 1 ? "" : "s") + " of " + sourceName()
                + " cannot be exported; nothing was run";
        if (common.json) {
            ObjectNode detail = JsonOutput.object();
            ArrayNode array = detail.putArray("lines");
            for (BadLine line : bad) {
                ObjectNode node = array.addObject();
                node.put("line", line.line());
                node.put("url", line.url());
                node.put("error_code", line.code());
                node.put("error", line.message());
            }
            JsonOutput.failure(main.out(), message, ErrorReporter.USAGE, detail);
        } else {
            PrintWriter err = main.err();
            err.println("error [" + ErrorReporter.USAGE + "]: " + message + ":");
            bad.forEach(line -> err.println("  line " + line.line() + ": " + line.url() + " — [" + line.code() + "] "
                    + line.message()));
            err.println("Fix or remove these lines (or comment them out with #) and run again.");
            err.flush();
        }
        return ExitCode.BAD_INPUT;
    }

    private String sourceName() {
        return source.equals("-") ? "standard input" : source;
    }

    /** Finds each entry's stored job, newest first, and picks the stored jobs to hand to the executor. */
    private static void match(List<Entry> entries, List<JobRecord> records, Requests requests, List<JobRecord> toLoad) {
        List<JobRecord> newestFirst = records.stream().sorted(Comparator.comparing(JobRecord::createdAt).reversed())
                .toList();
        for (Entry entry : entries) {
            entry.stored = newestFirst.stream().filter(r -> sameJob(r.request(), entry, requests)).findFirst()
                    .orElse(null);
            if (entry.stored == null) {
                continue;
            }
            JobStatus status = entry.stored.status();
            if (status == JobStatus.SUCCEEDED && entry.stored.request().outputs().stream()
                    .allMatch(o -> Files.isRegularFile(o.file()))) {
                entry.earlier = true;
            } else if (status == JobStatus.QUEUED || status == JobStatus.RUNNING || status == JobStatus.FAILED) {
                toLoad.add(entry.stored);
            }
            entry.file = entry.stored.request().outputs().get(0).file();
        }
    }

    /**
     * Whether a stored job is the entry's export: its request equals the one this command submits for the entry
     * had it chosen the stored job's file. The two differences a store may hold are left out that way: the job
     * store keeps the target's canonical URL, which the entry's request is built with too, and the file name is
     * the batch's choice (a template, then {@code -2}, {@code -3}… when taken), not part of what is exported.
     */
    private static boolean sameJob(ExportRequest stored, Entry entry, Requests requests) {
        return stored.outputs().size() == 1
                && stored.equals(requests.request(entry.target.url(), entry.content, stored.outputs().get(0).file()));
    }

    /**
     * Gives each new job its file: the template's name with the extension, followed by {@code -2}, {@code -3}…
     * when a file of that name exists or belongs to another job of the store or of this batch.
     */
    private static void assignFiles(List<Entry> entries, List<JobRecord> records, Path directory, NameTemplate names,
                                    String extension) {
        Set<Path> taken = new HashSet<>();
        records.forEach(r -> r.request().outputs().forEach(o -> taken.add(normal(o.file()))));
        entries.stream().filter(e -> e.file != null).forEach(e -> taken.add(normal(e.file)));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int index = 0;
        for (Entry entry : entries) {
            index++;
            if (entry.file != null) {
                continue;
            }
            String base = names.expand(entry.target, entry.content, index, entry.line.number(), today);
            Path file = directory.resolve(base + "." + extension);
            for (int n = 2; taken.contains(normal(file)) || Files.exists(file); n++) {
                file = directory.resolve(base + "-" + n + "." + extension);
            }
            taken.add(normal(file));
            entry.file = file;
        }
    }

    private static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static BatchProgress.Label label(Entry entry) {
        return new BatchProgress.Label(entry.line.number(), entry.target.platform() + " "
                + JsonOutput.lowerCase(entry.target.kind()) + " " + entry.target.id(), entry.content);
    }

    private static void start(JobExecutor jobs, List<Entry> entries, Requests requests, BatchProgress progress) {
        for (Entry entry : entries) {
            if (entry.stored != null && !entry.earlier) {
                progress.name(entry.stored.id(), label(entry));
            }
        }
        Map<UUID, Entry> byId = new HashMap<>();
        entries.stream().filter(e -> e.stored != null).forEach(e -> byId.put(e.stored.id(), e));
        for (Job job : jobs.resumeUnfinished()) {
            byId.get(job.id()).job = job;
        }
        for (Entry entry : entries) {
            if (entry.stored != null && entry.job == null && entry.stored.status() == JobStatus.FAILED) {
                entry.job = jobs.retry(entry.stored.id());
            }
        }
        List<Entry> fresh = entries.stream().filter(e -> !e.earlier && e.job == null).toList();
        List<Job> submitted = jobs.submitAll(fresh.stream()
                .map(e -> requests.request(e.target.url(), e.content, e.file)).toList());
        for (int i = 0; i < fresh.size(); i++) {
            fresh.get(i).job = submitted.get(i);
        }
    }

    /** Waits for every job; an interrupt (Ctrl-C) closes the executor, which keeps unfinished jobs' checkpoints. */
    private static void await(List<Entry> entries, JobExecutor jobs, AtomicBoolean interrupted) {
        CompletableFuture<?>[] futures = entries.stream().map(e -> e.job).filter(Objects::nonNull)
                .map(Job::completion).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(futures).get();
        } catch (InterruptedException e) {
            interrupted.set(true);
            jobs.close();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Only close() completes a job's future exceptionally: the command was interrupted.
            interrupted.set(true);
        }
    }

    /** On Ctrl-C: close the executor (running jobs stop after their page, keeping checkpoints); the summary follows. */
    private static void interrupt(JobExecutor jobs, AtomicBoolean interrupted) {
        interrupted.set(true);
        jobs.close();
    }

    /** One job's outcome, for the table and the JSON summary. */
    private record Outcome(Entry entry, String status, long items, Optional<JobError> error, Path file, int attempts) {
    }

    private static Outcome outcome(Entry entry, boolean interrupted) {
        if (entry.earlier) {
            return new Outcome(entry, "succeeded", entry.stored.result().map(JobResult::items).orElse(0L),
                    Optional.empty(), entry.file, entry.stored.attempts());
        }
        JobRecord record = entry.job.snapshot();
        String status = switch (record.status()) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
            case QUEUED, RUNNING -> interrupted ? "interrupted" : "queued";
        };
        long items = record.result().map(JobResult::items).orElse(record.progress().items());
        Optional<JobError> error = record.status() == JobStatus.FAILED ? record.error() : Optional.empty();
        return new Outcome(entry, status, items, error, entry.file, record.attempts());
    }

    private int report(List<Entry> entries, Path storeDirectory, boolean interrupted) {
        List<Outcome> outcomes = entries.stream().map(e -> outcome(e, interrupted)).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of("succeeded", "failed", "cancelled", "interrupted")) {
            counts.put(status, outcomes.stream().filter(o -> o.status().equals(status)).count());
        }
        long unfinished = counts.get("interrupted") + counts.get("cancelled");
        long failed = counts.get("failed");
        long items = outcomes.stream().mapToLong(Outcome::items).sum();
        String code = unfinished > 0 ? ErrorCode.CANCELLED.name() : failed > 0 ? JOBS_FAILED : null;
        String error = unfinished > 0
                ? "interrupted: " + unfinished + " of " + outcomes.size() + " jobs did not finish; run the same command "
                        + "again to resume them from their checkpoints"
                : failed + " of " + outcomes.size() + " job" + (outcomes.size() == 1 ? "" : "s") + " failed";
        if (common.json) {
            ArrayNode data = JsonOutput.array();
            outcomes.forEach(o -> data.add(json(o)));
            if (code == null) {
                JsonOutput.success(main.out(), data);
            } else {
                ObjectNode detail = JsonOutput.object();
                counts.forEach(detail::put);
                detail.put("job_store", storeDirectory.toString());
                JsonOutput.failure(main.out(), error, code, detail, data);
            }
        } else {
            table(outcomes);
            PrintWriter err = main.err();
            long earlier = entries.stream().filter(e -> e.earlier).count();
            err.println(String.format(Locale.ROOT, "%d job%s: %d succeeded%s, %d failed%s — %,d items", outcomes.size(),
                    outcomes.size() == 1 ? "" : "s", counts.get("succeeded"),
                    earlier > 0 ? " (" + earlier + " in an earlier run)" : "", failed,
                    unfinished > 0 ? ", " + unfinished + " unfinished" : "", items));
            outcomes.stream().filter(o -> o.error().isPresent()).forEach(o -> err.println("line "
                    + o.entry().line.number() + ": error [" + o.error().get().code() + "]: " + o.error().get().message()));
            if (unfinished > 0) {
                err.println("Interrupted. Unfinished jobs keep their checkpoints in " + storeDirectory
                        + "; run the same command again to resume them.");
            } else if (failed > 0) {
                err.println("Run the same command again to retry the failed jobs (from their checkpoints); "
                        + "the succeeded ones are skipped.");
            }
            err.flush();
        }
        if (code == null) {
            return ExitCode.OK;
        }
        return ExitCode.FAILURE;
    }

    private void table(List<Outcome> outcomes) {
        TextTable table = new TextTable("LINE", "URL", "PLATFORM", "ITEMS", "STATUS", "ERROR", "FILE");
        for (Outcome o : outcomes) {
            table.row(Integer.toString(o.entry().line.number()), o.entry().line.url(), o.entry().target.platform(),
                    String.format(Locale.ROOT, "%,d", o.items()), o.status() + (o.entry().earlier ? " (earlier)" : ""),
                    o.error().map(e -> e.code().name()).orElse("-"), String.valueOf(o.file()));
        }
        table.print(main.out());
    }

    private static ObjectNode json(Outcome o) {
        ObjectNode node = JsonOutput.object();
        node.put("line", o.entry().line.number());
        node.put("url", o.entry().line.url());
        node.put("platform", o.entry().target.platform());
        node.put("kind", JsonOutput.lowerCase(o.entry().target.kind()));
        node.put("id", o.entry().target.id());
        node.put("content", JsonOutput.lowerCase(o.entry().content));
        node.put("job_id", o.entry().earlier ? o.entry().stored.id().toString() : o.entry().job.id().toString());
        node.put("status", o.status());
        node.put("earlier_run", o.entry().earlier);
        node.put("items", o.items());
        node.put("attempts", o.attempts());
        node.put("file", String.valueOf(o.file()));
        node.put("error_code", o.error().map(e -> e.code().name()).orElse(null));
        node.put("error", o.error().map(JobError::message).orElse(null));
        return node;
    }
}
