package io.starexport.core.internal.media;

import io.starexport.RetryPolicy;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.MediaProgress;
import io.starexport.api.MediaSummary;
import io.starexport.api.Post;
import io.starexport.core.internal.Cancellation;
import io.starexport.core.internal.RateLimiter;
import io.starexport.core.internal.Redactor;
import io.starexport.media.MediaOptions;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The media downloads of one export. The export thread hands it every delivered item ({@link #accept});
 * files are named and recorded as pending there, in item order, then downloaded by a pool of its own
 * with its own rate limit. {@link #finish} waits for them; {@link #close} stops them, leaving pending
 * lines and {@code .part} files for the next run to resume.
 */
public final class MediaStage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaStage.class);
    private static final int FAILURE_SAMPLES = 20;
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** What the stage needs from the engine. */
    public record Settings(MediaOptions options, String platformId, String platformName, Set<String> platformHosts,
                           OkHttpClient client, RetryPolicy retry, Clock clock, String userAgent, Redactor redactor) {
    }

    private final Settings settings;
    private final MediaOptions options;
    private final NamingTemplate naming;
    private final Path directory;
    private final Manifest manifest;
    private final Download download;
    private final Cancellation cancellation = new Cancellation();
    private final ExecutorService pool;
    private final long startedNanos = System.nanoTime();

    /** Export thread only. */
    private final Set<String> seen = new HashSet<>();
    /** Lower-cased relative paths (case-insensitive file systems) → the URL hash that owns them. */
    private final Map<String, String> takenPaths = new HashMap<>();
    /** SHA-256 → relative path of stored files; guarded by {@code this}. */
    private final Map<String, String> storedContent = new HashMap<>();
    private final List<FileTask> tasks = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong downloaded = new AtomicLong();
    private final AtomicLong sameContent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private long files;
    private long alreadyDownloaded;
    private volatile boolean inputClosed;

    private MediaStage(Settings settings, Manifest manifest) {
        this.settings = settings;
        this.options = settings.options();
        this.naming = NamingTemplate.parse(options.naming());
        this.directory = options.directory().toAbsolutePath().normalize();
        this.manifest = manifest;
        MediaHosts hosts = new MediaHosts(settings.platformHosts(), options.extraHosts());
        RateLimiter limiter = new RateLimiter(options.rateLimit(), settings.clock());
        this.download = new Download(settings, hosts, limiter, cancellation, bytes);
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(options.concurrency(), options.concurrency(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "starexport-media-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Opens the media folder and its manifest, and queues the files an interrupted run left pending. */
    public static MediaStage open(Settings settings) {
        Manifest manifest = Manifest.open(settings.options().directory().toAbsolutePath().normalize());
        MediaStage stage = new MediaStage(settings, manifest);
        stage.index();
        return stage;
    }

    private void index() {
        List<Manifest.Entry> pending = new ArrayList<>();
        for (Manifest.Entry entry : manifest.entries().values()) {
            if (entry.path() != null && entry.status() != Manifest.Status.DUPLICATE) {
                takenPaths.putIfAbsent(key(entry.path()), entry.urlHash());
            }
            if (entry.status() == Manifest.Status.DOWNLOADED && entry.sha256() != null) {
                storedContent.put(entry.sha256(), entry.path());
            }
            if (entry.status() == Manifest.Status.PENDING && entry.path() != null
                    && settings.platformId().equals(entry.platform())) {
                pending.add(entry);
            }
        }
        for (Manifest.Entry entry : pending) {
            seen.add(entry.urlHash());
            files++;
            submit(new FileTask(entry.url(), entry.urlHash(), entry.path(), entry.itemId(), entry.attempts()));
        }
    }

    /** Queues the media files an exported item references. Called on the export thread. */
    public void accept(Item item) {
        if (item instanceof Post post) {
            for (int i = 0; i < post.media().size(); i++) {
                queue(item, i, post.media().get(i));
            }
        } else if (item instanceof MediaItem mediaItem) {
            queue(item, mediaItem.index(), mediaItem.media());
        }
    }

    private void queue(Item item, int index, Media media) {
        Renditions.Choice choice = Renditions.choose(media, options.quality());
        String urlHash = sha256(choice.url().getBytes(StandardCharsets.UTF_8));
        if (!seen.add(urlHash)) {
            return;
        }
        files++;
        Manifest.Entry known = manifest.get(urlHash);
        if (known != null && isStored(known)) {
            alreadyDownloaded++;
            return;
        }
        String path = known != null && known.path() != null && known.status() != Manifest.Status.DUPLICATE
                ? known.path() : assignPath(item, index, media, choice, urlHash);
        FileTask task = new FileTask(choice.url(), urlHash, path, item.id(), known == null ? 0 : known.attempts());
        manifest.append(new Manifest.Entry(task.url, urlHash, path, null, null, null, Manifest.Status.PENDING,
                task.attempts, null, settings.platformId(), item.id(), settings.clock().instant().toString()));
        submit(task);
    }

    private boolean isStored(Manifest.Entry entry) {
        if (entry.status() != Manifest.Status.DOWNLOADED && entry.status() != Manifest.Status.DUPLICATE) {
            return false;
        }
        try {
            Path file = resolve(entry.path());
            return Files.isRegularFile(file) && (entry.size() == null || Files.size(file) == entry.size());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private String assignPath(Item item, int index, Media media, Renditions.Choice choice, String urlHash) {
        List<String> segments = naming.render(new NamingTemplate.Values(item.platform(), author(item),
                item.createdAt().orElse(null), item.id(), index, Extensions.of(choice, media.type())));
        String folder = String.join("/", segments.subList(0, segments.size() - 1));
        String name = segments.get(segments.size() - 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1) : "";
        for (int clash = 0; ; clash++) {
            String candidate = clash == 0 ? name
                    : FileNames.fileName(FileNames.truncate(stem, FileNames.MAX_SEGMENT_BYTES - 8) + "_" + clash,
                    extension, FileNames.MAX_SEGMENT_BYTES);
            String relative = folder.isEmpty() ? candidate : folder + "/" + candidate;
            String owner = takenPaths.get(key(relative));
            if (owner == null && !Files.exists(resolve(relative))) {
                takenPaths.put(key(relative), urlHash);
                return relative;
            }
            if (urlHash.equals(owner)) {
                return relative;
            }
        }
    }

    private static String author(Item item) {
        return item.author().flatMap(author -> author.handle().or(author::displayName).or(author::id))
                .filter(name -> !name.isBlank()).orElse("unknown");
    }

    private static String key(String relative) {
        return relative.toLowerCase(Locale.ROOT);
    }

    /** The file of a relative manifest path, refusing anything that would leave the media folder. */
    private Path resolve(String relative) {
        Path file = directory.resolve(relative).normalize();
        if (!file.startsWith(directory) || file.equals(directory)) {
            throw ExportException.of(ErrorCode.OUTPUT, "The media manifest names a path outside the media folder: "
                    + relative);
        }
        return file;
    }

    private void submit(FileTask task) {
        synchronized (tasks) {
            tasks.add(task);
        }
        outstanding.incrementAndGet();
        pool.execute(() -> run(task));
    }

    private void run(FileTask task) {
        try {
            Download.Result result = download.fetch(task, resolve(task.path));
            if (!cancellation.isCancelled()) {
                store(task, result);
            }
        } catch (Download.Failure failure) {
            failed(task, failure.getMessage());
        } catch (ExportException e) {
            if (e.code() != ErrorCode.CANCELLED && !cancellation.isCancelled()) {
                failed(task, e.getMessage());
            }
        } catch (RuntimeException e) {
            if (!cancellation.isCancelled()) {
                LOG.warn("Media download of {} failed unexpectedly", task.path, e);
                failed(task, "unexpected error: " + e);
            }
        } finally {
            task.done = true;
            if (outstanding.decrementAndGet() == 0) {
                synchronized (outstanding) {
                    outstanding.notifyAll();
                }
            }
        }
    }

    /** Moves a complete download into place, or drops it when identical bytes are already stored. */
    private synchronized void store(FileTask task, Download.Result result) {
        String existing = storedContent.get(result.sha256());
        try {
            if (existing != null && !existing.equals(task.path) && Files.isRegularFile(resolve(existing))) {
                Files.deleteIfExists(result.part());
                sameContent.incrementAndGet();
                record(task, Manifest.Status.DUPLICATE, result, null, existing);
                return;
            }
            Path target = resolve(task.path);
            Files.createDirectories(target.getParent());
            try {
                Files.move(result.part(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(result.part(), target, StandardCopyOption.REPLACE_EXISTING);
            }
            storedContent.put(result.sha256(), task.path);
            downloaded.incrementAndGet();
            record(task, Manifest.Status.DOWNLOADED, result, null, task.path);
        } catch (IOException e) {
            failed(task, "could not store the file: " + e.getMessage());
        }
    }

    private void failed(FileTask task, String reason) {
        String message = settings.redactor().redact(reason);
        failed.incrementAndGet();
        synchronized (failures) {
            if (failures.size() < FAILURE_SAMPLES) {
                failures.add(task.url + ": " + message);
            }
        }
        LOG.debug("Media download of {} failed: {}", task.url, message);
        record(task, Manifest.Status.FAILED, null, message, task.path);
    }

    private void record(FileTask task, Manifest.Status status, Download.Result result, String error, String path) {
        manifest.append(new Manifest.Entry(task.url, task.urlHash, path, result == null ? null : result.size(),
                result == null ? null : result.sha256(), result == null ? null : result.contentType(), status,
                task.attempts, error, settings.platformId(), task.itemId, settings.clock().instant().toString()));
    }

    /** A snapshot of the progress; cheap enough for each progress event. */
    public MediaProgress progress() {
        long finished = alreadyDownloaded;
        long expected = 0;
        long unknown = 0;
        long doneBytes = 0;
        long doneFiles = 0;
        synchronized (tasks) {
            for (FileTask task : tasks) {
                long received = task.received.get();
                if (task.done) {
                    finished++;
                    expected += received;
                    if (received > 0) {
                        doneBytes += received;
                        doneFiles++;
                    }
                } else if (task.expected >= 0) {
                    expected += Math.max(task.expected, received);
                } else {
                    unknown++;
                }
            }
        }
        OptionalLong total = OptionalLong.empty();
        if (inputClosed && (unknown == 0 || doneFiles > 0)) {
            total = OptionalLong.of(expected + (unknown == 0 ? 0 : unknown * (doneBytes / doneFiles)));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        double seconds = elapsed.toNanos() / 1e9;
        long received = bytes.get();
        return new MediaProgress(files, finished, failed.get(), received, total, seconds > 0 ? received / seconds : 0,
                elapsed);
    }

    /**
     * Waits for every queued file, reporting progress every {@code interval}, then closes the stage.
     *
     * @throws ExportException {@code CANCELLED} when the export is cancelled meanwhile (the stage is closed)
     */
    public MediaSummary finish(Cancellation exportCancellation, Duration interval, Consumer<MediaProgress> onProgress) {
        inputClosed = true;
        try {
            while (outstanding.get() > 0) {
                synchronized (outstanding) {
                    if (outstanding.get() > 0) {
                        outstanding.wait(Math.max(1, interval.toMillis()));
                    }
                }
                exportCancellation.check();
                onProgress.accept(progress());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            exportCancellation.check();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        onProgress.accept(progress());
        close();
        List<String> failureSamples;
        synchronized (failures) {
            failureSamples = List.copyOf(failures);
        }
        return new MediaSummary(directory, manifest.file(), files, downloaded.get(), alreadyDownloaded,
                sameContent.get(), failed.get(), bytes.get(), failureSamples);
    }

    /** Stops the downloads (in-flight ones keep their {@code .part} file and pending line) and unlocks the folder. */
    @Override
    public void close() {
        if (!cancellation.isCancelled()) {
            cancellation.cancel();
            pool.shutdownNow();
            download.cancelCalls();
            try {
                if (!pool.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("Media downloads did not stop within {} s", STOP_GRACE.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            manifest.close();
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** One file to download; {@code received} and {@code expected} feed progress. */
    static final class FileTask {
        final String url;
        final String urlHash;
        final String path;
        final String itemId;
        volatile int attempts;
        final AtomicLong received = new AtomicLong();
        /** Bytes this run expects to receive for the file, once a response said; -1 before. */
        volatile long expected = -1;
        volatile boolean done;

        FileTask(String url, String urlHash, String path, String itemId, int attempts) {
            this.url = url;
            this.urlHash = urlHash;
            this.path = path;
            this.itemId = itemId;
            this.attempts = attempts;
        }
    }
}
