package io.starexport.core.internal;

import io.starexport.api.Checkpoint;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportRequest;
import io.starexport.api.ExportException;
import io.starexport.api.ExportResult;
import io.starexport.api.ExportResult.StopReason;
import io.starexport.api.Item;
import io.starexport.api.MediaProgress;
import io.starexport.api.MediaSummary;
import io.starexport.api.Progress;
import io.starexport.api.Skipped;
import io.starexport.core.internal.media.MediaStage;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;
import io.starexport.spi.WriterOptions;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One export: cursor → page → date window (stopping early on newest-first pages) → dedup by id, until the limit →
 * enrichment of the page's items → sinks → checkpoint. Runs in one thread; {@link #cancel()} may come from any.
 */
final class ExportRun {
    /** Ids remembered for dedup: enough to cover pages shifting under a live thread, bounded for huge exports. */
    private static final int DEDUP_WINDOW = 100_000;
    private static final int SKIPPED_SAMPLES = 20;
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    private final Engine engine;
    private final ExportPlan plan;
    private final ExportQuery query;
    private final UUID id = UUID.randomUUID();
    private final Events events;
    private final Clock clock;
    private final Duration progressInterval;
    private final Cancellation cancellation = new Cancellation();
    private final long startedNanos = System.nanoTime();
    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > DEDUP_WINDOW;
        }
    };
    private final List<Skipped> skippedSamples = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<OutputFile> outputs = new ArrayList<>();
    /** The media downloads, when asked for; null otherwise. */
    private MediaStage media;

    private Extractor<? extends Item> extractor;
    private Enrichment enrichment;
    private Optional<String> cursor;
    private long delivered;
    private long pages;
    private long skipped;
    private long duplicates;
    private long outsideWindow;
    private OptionalLong reportedTotal = OptionalLong.empty();
    private StopReason stopReason;
    private boolean done;
    /** Every page was fetched: a failure now (finishing the files) leaves nothing to resume. */
    private boolean fetchedAll;
    private long lastProgressNanos;
    private long lastCheckpointNanos;
    /** The last state known consistent with the files: cursor, items and each output's length. */
    private Checkpoint lastGood;

    ExportRun(Engine engine, ExportPlan plan) {
        this.engine = engine;
        this.plan = plan;
        this.query = plan.query();
        this.events = engine.events(plan.listeners());
        this.clock = engine.config().clock();
        this.progressInterval = engine.config().progressInterval();
        this.cursor = plan.resumeFrom().flatMap(Checkpoint::cursor);
        this.delivered = plan.resumeFrom().map(Checkpoint::items).orElse(0L);
        events.emit(new ExportEvent.Created(id, clock.instant(), plan.url(), query.target(), query.content()));
    }

    UUID id() {
        return id;
    }

    void cancel() {
        cancellation.cancel();
    }

    /** Runs to the end, writing the outputs. */
    ExportResult run() {
        try {
            openOutputs();
            if (plan.media().isPresent()) {
                media = engine.mediaStage(plan);
            }
            begin();
            while (!done) {
                nextPage(this::write);
                long[] lengths = outputs.stream().mapToLong(OutputFile::flush).toArray();
                lastGood = checkpoint(lengths);
                if (!done && resumable() && System.nanoTime() - lastCheckpointNanos >= CHECKPOINT_INTERVAL.toNanos()) {
                    saveCheckpoint();
                }
                progress(false);
            }
            long bytes = 0;
            List<Path> files = new ArrayList<>();
            for (OutputFile output : outputs) {
                bytes += output.complete();
                files.add(output.file());
            }
            engine.deleteCheckpoint(checkpointFile());
            // The records are safe on disk; now wait for the files they reference.
            Optional<MediaSummary> mediaSummary = Optional.ofNullable(media).map(stage ->
                    stage.finish(cancellation, progressInterval, this::mediaProgress));
            return finish(files, bytes, mediaSummary);
        } catch (ExportException e) {
            throw fail(e);
        } catch (RuntimeException e) {
            throw fail(unexpected(e));
        } catch (OutOfMemoryError e) {
            throw e; // the failure path needs memory itself; the host reports it
        } catch (Error e) {
            // A plugin's or writer's Error (a StackOverflowError on deep input, say): the stack is unwound by
            // now, so the normal failure path can keep the partial file and its checkpoint.
            throw fail(unexpected(e));
        } finally {
            // Only now, with the files moved or kept and the checkpoint saved or deleted, may another export start.
            outputs.forEach(OutputFile::release);
        }
    }

    /**
     * A lazy stream of the items; closing it early cancels the export. A stream closed part-way through a
     * page reports the checkpoint from before that page, so a resume repeats rather than loses items.
     */
    @SuppressWarnings("unchecked")
    <T extends Item> Stream<T> stream() {
        guarded(this::begin);
        Deque<Item> buffer = new ArrayDeque<>();
        Checkpoint[] beforePage = {lastGood};
        Spliterator<T> pagesOfItems = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private boolean finished;

            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                while (buffer.isEmpty()) {
                    if (finished) {
                        return false;
                    }
                    if (done) {
                        finished = true;
                        finish(List.of(), 0, Optional.empty());
                        return false;
                    }
                    beforePage[0] = lastGood;
                    guarded(() -> {
                        nextPage(buffer::add);
                        lastGood = checkpoint(new long[0]);
                        progress(false);
                    });
                }
                action.accept((T) buffer.poll());
                return true;
            }
        };
        return StreamSupport.stream(pagesOfItems, false).onClose(() -> {
            if (!done || !buffer.isEmpty()) {
                done = true;
                Checkpoint resumeAt = buffer.isEmpty() ? lastGood : beforePage[0];
                buffer.clear();
                events.emit(new ExportEvent.Cancelled(id, clock.instant(), Optional.ofNullable(resumeAt), progressNow()));
            }
        });
    }

    /** Runs a step of a stream, turning any failure into a typed one with its Failed event. */
    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (ExportException e) {
            done = true;
            throw fail(e);
        } catch (RuntimeException e) {
            done = true;
            throw fail(unexpected(e));
        } catch (OutOfMemoryError e) {
            done = true;
            throw e;
        } catch (Error e) {
            done = true;
            throw fail(unexpected(e));
        }
    }

    private void begin() {
        extractor = engine.extractor(plan, cancellation, wait -> events.emit(new ExportEvent.Waiting(id, clock.instant(),
                plan.platform().displayName(), wait)));
        enrichment = engine.enrichment(plan, cancellation, (service, wait) -> events.emit(new ExportEvent.Waiting(id,
                clock.instant(), service, wait)));
        events.emit(new ExportEvent.Started(id, clock.instant(), 1, plan.resumeFrom().isPresent()));
        lastGood = checkpoint(outputs.stream().mapToLong(OutputFile::bytes).toArray());
        lastCheckpointNanos = System.nanoTime();
        if (query.limit().isPresent() && delivered >= query.limit().getAsLong()) {
            stopReason = StopReason.LIMIT;
            done = true;
        }
    }

    private void openOutputs() {
        WriterOptions base = WriterOptions.ofDefaults(query.content()).withTarget(query.target())
                .withEnrichers(plan.request().enrichers());
        Map<Path, Long> resumeBytes = new LinkedHashMap<>();
        plan.resumeFrom().ifPresent(cp -> cp.outputs().forEach(o -> resumeBytes.put(o.file(), o.bytes())));
        for (ExportRequest.Output output : plan.outputs()) {
            Long bytes = resumeBytes.get(output.file());
            WriterOptions options = base.withFormatOptions(output.options());
            outputs.add(OutputFile.open(output.file(), engine.format(output.format().orElseThrow()),
                    bytes == null ? options : options.resuming(delivered), bytes));
        }
    }

    private void nextPage(Consumer<Item> sink) {
        cancellation.check();
        OptionalLong remaining = query.limit().isPresent()
                ? OptionalLong.of(query.limit().getAsLong() - delivered) : OptionalLong.empty();
        Page<? extends Item> page = extractor.fetch(new PageRequest(cursor, remaining));
        if (page == null) {
            throw ExportException.of(ErrorCode.INTERNAL, "The " + plan.platform().id() + " plugin returned no page.");
        }
        pages++;
        skipped += page.skipped().size();
        page.skipped().stream().limit(Math.max(0, SKIPPED_SAMPLES - skippedSamples.size())).forEach(skippedSamples::add);
        if (page.total().isPresent()) {
            reportedTotal = page.total();
        }
        boolean newestFirst = page.order() == Page.Order.NEWEST_FIRST;
        List<Item> kept = new ArrayList<>(page.items().size());
        StopReason stop = null;
        for (Item item : page.items()) {
            if (!query.content().itemType().isInstance(item)) {
                throw ExportException.of(ErrorCode.INTERNAL, "The " + plan.platform().id() + " plugin returned a "
                        + item.getClass().getSimpleName() + " for " + query.content() + "; this is a plugin bug.");
            }
            Optional<Instant> created = item.createdAt();
            if (created.isPresent() && query.since().isPresent() && created.get().isBefore(query.since().get())) {
                outsideWindow++;
                if (newestFirst && topLevel(item)) {
                    stop = StopReason.DATE_WINDOW;
                }
                continue;
            }
            if (created.isPresent() && query.until().isPresent() && !created.get().isBefore(query.until().get())) {
                outsideWindow++;
                continue;
            }
            if (seen.put(item.id(), Boolean.TRUE) != null) {
                duplicates++;
                continue;
            }
            kept.add(item);
            if (query.limit().isPresent() && delivered + kept.size() >= query.limit().getAsLong()) {
                stop = StopReason.LIMIT;
                break;
            }
        }
        // The page is scored before anything of it is written: if an enricher fails, the last checkpoint is still
        // the one before this page, so a resume scores it again and nothing already written is scored twice.
        for (Item item : enrichment.apply(kept)) {
            sink.accept(item);
            delivered++;
        }
        stopReason = stop;
        cursor = page.nextCursor();
        if (stopReason != null || cursor.isEmpty()) {
            done = true;
            fetchedAll = true;
            if (stopReason == null) {
                stopReason = StopReason.COMPLETE;
            }
        }
    }

    private static boolean topLevel(Item item) {
        return !(item instanceof Comment comment) || comment.depth() == 0;
    }

    private void write(Item item) {
        for (OutputFile output : outputs) {
            output.write(item);
        }
        if (media != null) {
            media.accept(item);
        }
    }

    private Checkpoint checkpoint(long[] lengths) {
        List<Checkpoint.Output> files = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            OutputFile output = outputs.get(i);
            files.add(new Checkpoint.Output(output.file().toAbsolutePath(), output.partial().toAbsolutePath(),
                    output.format(), lengths[i]));
        }
        return new Checkpoint(plan.request(), cursor, delivered, files, clock.instant());
    }

    private Path checkpointFile() {
        return outputs.isEmpty() ? null : Checkpoint.fileFor(outputs.get(0).file());
    }

    private void saveCheckpoint() {
        Path file = checkpointFile();
        if (file != null && lastGood != null) {
            Checkpoints.write(file, lastGood);
            lastCheckpointNanos = System.nanoTime();
        }
    }

    private ExportResult finish(List<Path> files, long bytes, Optional<MediaSummary> mediaSummary) {
        if (query.sort().isPresent() && !plan.platform().sorts(query.content()).contains(query.sort().get())) {
            notes.add(plan.platform().displayName() + " cannot order " + query.content().name().toLowerCase(java.util.Locale.ROOT)
                    + " by " + query.sort().get().name().toLowerCase(java.util.Locale.ROOT)
                    + "; items are in the platform's own order.");
        }
        if (!skippedSamples.isEmpty()) {
            // A skip reason must not hide in a count: name the first one in a note people read.
            Skipped first = skippedSamples.get(0);
            notes.add(skipped + " item" + (skipped == 1 ? " was" : "s were") + " skipped as unparseable, the first at "
                    + first.path() + ": " + first.reason() + ". If that looks common, please report it.");
        }
        mediaSummary.filter(summary -> summary.failed() > 0).ifPresent(summary -> notes.add(summary.failed()
                + " media file" + (summary.failed() == 1 ? "" : "s") + " could not be downloaded; see "
                + summary.manifest() + ". Running the export again retries them."));
        progress(true);
        ExportResult result = new ExportResult(id, query.target(), query.content(), delivered, pages, skipped,
                skippedSamples, duplicates, outsideWindow, reportedTotal, stopReason, files, bytes, notes, elapsed(),
                mediaSummary);
        events.emit(new ExportEvent.Finished(id, clock.instant(), result));
        return result;
    }

    /** Whether every output can be continued; otherwise an interrupted export starts over. */
    private boolean resumable() {
        return outputs.stream().allMatch(OutputFile::resumable);
    }

    private ExportException fail(ExportException error) {
        if (media != null) {
            media.close();
        }
        outputs.forEach(OutputFile::abandon);
        if (pages == 0 && plan.resumeFrom().isEmpty()) {
            // Nothing was fetched: there is nothing to keep or resume.
            outputs.forEach(OutputFile::discard);
            lastGood = null;
        } else if (pages == 0 && error.code() == ErrorCode.OUTPUT) {
            // A resume that fails on its checkpoint's own cursor (damaged, or written by another version or for another
            // export): the checkpoint cannot be continued, so it is neither rewritten nor offered for another resume.
            lastGood = null;
        } else if (fetchedAll) {
            // The partial files hold everything; a checkpoint would only send a resume back to page one.
            lastGood = null;
        } else if (!resumable()) {
            // A format that cannot continue its file (xlsx, html) makes the export start over, not resume.
            outputs.forEach(OutputFile::discard);
            lastGood = null;
        }
        Optional<Checkpoint> checkpoint = Optional.ofNullable(lastGood);
        try {
            saveCheckpoint();
        } catch (ExportException checkpointFailure) {
            error.addSuppressed(checkpointFailure);
        }
        ExportException withCheckpoint = checkpoint.map(error::withCheckpoint).orElse(error);
        if (error.code() == ErrorCode.CANCELLED) {
            events.emit(new ExportEvent.Cancelled(id, clock.instant(), checkpoint, progressNow()));
        } else {
            events.emit(new ExportEvent.Failed(id, clock.instant(), withCheckpoint, progressNow()));
        }
        return withCheckpoint;
    }

    private ExportException unexpected(Throwable e) {
        return ExportException.of(ErrorCode.INTERNAL, "The " + plan.platform().id() + " export failed unexpectedly: "
                + engine.redactor(plan.platform(), plan.request().credentials()).redact(String.valueOf(e)) + ". This is a bug; please report it.", e);
    }

    private void progress(boolean last) {
        long now = System.nanoTime();
        if (!events.hasListeners() || (!last && now - lastProgressNanos < progressInterval.toNanos())) {
            return;
        }
        lastProgressNanos = now;
        events.emit(new ExportEvent.ProgressMade(id, clock.instant(), progressNow()));
        if (media != null) {
            mediaProgress(media.progress());
        }
    }

    private void mediaProgress(MediaProgress progress) {
        if (events.hasListeners()) {
            events.emit(new ExportEvent.MediaProgressMade(id, clock.instant(), progress));
        }
    }

    private Progress progressNow() {
        Duration elapsed = elapsed();
        double seconds = elapsed.toNanos() / 1e9;
        return new Progress(delivered, reportedTotal, pages, skipped, seconds > 0 ? delivered / seconds : 0, elapsed);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
