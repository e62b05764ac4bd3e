package io.starexport;

import io.starexport.api.Checkpoint;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportResult;
import io.starexport.api.Item;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.api.Sort;
import io.starexport.api.Target;
import io.starexport.core.internal.Engine;
import io.starexport.core.internal.ExportPlan;
import io.starexport.media.MediaOptions;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * One export being described, from {@link StarExport#export(String)}. Choose the content, options and
 * outputs, then finish with {@link #run()}, {@link #stream()} or {@link #start()}. Each setting may be
 * given once; a second call is an error. Not thread-safe; use each spec for one export.
 *
 * <p>When no content is chosen, {@link Detection#defaultContent()} decides: comments of a video, post or
 * comment, posts of a profile, playlist, community or hashtag.
 *
 * @param <T> the item type the chosen content yields
 */
public final class ExportSpec<T extends Item> {
    private final Engine engine;
    private final String url;
    private final Target target;
    private Content content;
    private Boolean replies;
    private Sort sort;
    private Long limit;
    private Instant since;
    private Instant until;
    private final List<ExportPlan.Output> outputs = new ArrayList<>();
    private Boolean byteOrderMark;
    private Boolean formulaProtection;
    private final List<ExportListener> listeners = new ArrayList<>();
    private MediaOptions media;
    private final Checkpoint resumeFrom;

    ExportSpec(Engine engine, String url, Target target, Checkpoint resumeFrom) {
        this.engine = engine;
        this.url = url;
        this.target = target;
        this.resumeFrom = resumeFrom;
    }

    /** A spec that continues a checkpointed export with the same content, options and files. */
    static ExportSpec<Item> resuming(Engine engine, Target target, Checkpoint checkpoint) {
        ExportSpec<Item> spec = new ExportSpec<>(engine, checkpoint.url(), target, checkpoint);
        spec.content = checkpoint.content();
        spec.replies = checkpoint.replies();
        spec.sort = checkpoint.sort().orElse(null);
        spec.limit = checkpoint.limit().isPresent() ? checkpoint.limit().getAsLong() : null;
        spec.since = checkpoint.since().orElse(null);
        spec.until = checkpoint.until().orElse(null);
        spec.formulaProtection = checkpoint.formulaProtection();
        checkpoint.outputs().forEach(output -> spec.outputs.add(new ExportPlan.Output(output.file(), output.format())));
        return spec;
    }

    /** The target the URL resolved to. */
    public Target target() {
        return target;
    }

    /** Export comments (and replies, with {@link #replies(boolean)}). */
    public ExportSpec<Comment> comments() {
        return content(Content.COMMENTS);
    }

    /** Export posts or videos. */
    public ExportSpec<Post> posts() {
        return content(Content.POSTS);
    }

    /** Export the profile. */
    public ExportSpec<Profile> profile() {
        return content(Content.PROFILE);
    }

    /** Export media metadata, one row per file. */
    public ExportSpec<MediaItem> media() {
        return content(Content.MEDIA);
    }

    /** Export a content chosen at run time. */
    @SuppressWarnings("unchecked")
    public <R extends Item> ExportSpec<R> content(Content content) {
        Objects.requireNonNull(content, "content");
        once(this.content, "content");
        this.content = content;
        return (ExportSpec<R>) this;
    }

    /** Include replies to comments; off by default. */
    public ExportSpec<T> replies(boolean replies) {
        once(this.replies, "replies");
        this.replies = replies;
        return this;
    }

    /** Requested order; a hint the platform honours where it can ({@link ExportResult#notes()} says when not). */
    public ExportSpec<T> sort(Sort sort) {
        once(this.sort, "sort");
        this.sort = Objects.requireNonNull(sort, "sort");
        return this;
    }

    /** The most items to export, replies included. */
    public ExportSpec<T> limit(long limit) {
        once(this.limit, "limit");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1 but was " + limit);
        }
        this.limit = limit;
        return this;
    }

    /** Only items created at or after this time. */
    public ExportSpec<T> since(Instant since) {
        once(this.since, "since");
        this.since = Objects.requireNonNull(since, "since");
        return this;
    }

    /** Only items created before this time. */
    public ExportSpec<T> until(Instant until) {
        once(this.until, "until");
        this.until = Objects.requireNonNull(until, "until");
        return this;
    }

    /** Writes to a file whose format is chosen by its extension ({@code .csv}, {@code .json}, {@code .jsonl}…). */
    public ExportSpec<T> to(Path file) {
        outputs.add(new ExportPlan.Output(Objects.requireNonNull(file, "file"), null));
        return this;
    }

    /** Writes to a file in the format with this id, whatever its extension. */
    public ExportSpec<T> to(Path file, String format) {
        outputs.add(new ExportPlan.Output(Objects.requireNonNull(file, "file"), Objects.requireNonNull(format, "format")));
        return this;
    }

    /** Starts formats that take one (csv) with a UTF-8 byte order mark, for Excel; off by default. */
    public ExportSpec<T> byteOrderMark(boolean byteOrderMark) {
        once(this.byteOrderMark, "byteOrderMark");
        this.byteOrderMark = byteOrderMark;
        return this;
    }

    /** Neutralises spreadsheet formulas in cells (CSV injection); on by default. */
    public ExportSpec<T> formulaProtection(boolean formulaProtection) {
        once(this.formulaProtection, "formulaProtection");
        this.formulaProtection = formulaProtection;
        return this;
    }

    /**
     * Also downloads the media files the exported items reference (the files of posts and media rows),
     * with {@link #run()} or {@link #start()}. The records are written first; a file that cannot be
     * downloaded is recorded in the folder's manifest and counted in {@link ExportResult#media()}, and does
     * not fail the export. A resumed export downloads media only when this is given again. See
     * {@link MediaOptions} for names, quality, limits and hosts.
     *
     * @throws io.starexport.api.ExportException {@code UNSUPPORTED_CONTENT} when the export runs in sandbox
     *                                           mode or the platform declares no media hosts (at run time)
     */
    public ExportSpec<T> downloadMedia(MediaOptions options) {
        once(this.media, "downloadMedia");
        this.media = Objects.requireNonNull(options, "options");
        return this;
    }

    /** Downloads media into {@code directory} with the default {@link MediaOptions}; see {@link #downloadMedia(MediaOptions)}. */
    public ExportSpec<T> downloadMedia(Path directory) {
        return downloadMedia(MediaOptions.of(directory));
    }

    /** Adds a listener for this export's events, after the engine's own listeners. */
    public ExportSpec<T> listener(ExportListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Runs the export in this thread and writes the outputs. Files are written under a {@code .partial}
     * name and moved into place when complete; on failure or cancellation (interrupting the thread
     * cancels) the partial files stay beside a {@code .checkpoint.json} that {@link StarExport#resume(Path)}
     * continues from.
     *
     * @throws io.starexport.api.ExportException on any failure, with its checkpoint when files were written
     * @throws IllegalStateException when no output was given
     */
    public ExportResult run() {
        if (outputs.isEmpty()) {
            throw new IllegalStateException("run() needs an output: add .to(Path.of(\"out.csv\")), or use stream()");
        }
        return engine.run(plan());
    }

    /**
     * The items as a lazy stream, fetched page by page as it is consumed. Close it (try-with-resources)
     * to stop early. Writes no files.
     *
     * @throws IllegalStateException when outputs were given (use {@link #run()} to write files)
     */
    public Stream<T> stream() {
        if (!outputs.isEmpty()) {
            throw new IllegalStateException("stream() writes no files; remove .to(...) or use run()");
        }
        if (media != null) {
            throw new IllegalStateException("stream() downloads no media; remove .downloadMedia(...) or use run()");
        }
        return engine.stream(plan());
    }

    /** Runs the export on the engine's executor; see {@link #run()}. */
    public RunningExport start() {
        if (outputs.isEmpty()) {
            throw new IllegalStateException("start() needs an output: add .to(Path.of(\"out.csv\"))");
        }
        return engine.start(plan());
    }

    private ExportPlan plan() {
        if (outputs.stream().map(o -> o.file().toAbsolutePath().normalize()).distinct().count() < outputs.size()) {
            throw new IllegalArgumentException("the same output file was given twice: " + outputs);
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
        }
        return engine.plan(url, target, Optional.ofNullable(content), replies != null && replies,
                Optional.ofNullable(sort), limit == null ? OptionalLong.empty() : OptionalLong.of(limit),
                Optional.ofNullable(since), Optional.ofNullable(until), outputs,
                new ExportPlan.WriterSwitches(byteOrderMark != null && byteOrderMark,
                        formulaProtection == null || formulaProtection),
                listeners, Optional.ofNullable(resumeFrom), Optional.ofNullable(media));
    }

    private static void once(Object current, String name) {
        if (current != null) {
            throw new IllegalStateException(name + " was already set to " + current);
        }
    }
}
