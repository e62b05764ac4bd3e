package io.starexport;

import io.starexport.api.Checkpoint;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportRequest;
import io.starexport.api.ExportResult;
import io.starexport.api.Item;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.api.Sort;
import io.starexport.api.Target;
import io.starexport.media.MediaOptions;
import io.starexport.spi.FormatOptions;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The short way to build and run one {@link ExportRequest}, from {@link StarExport#export(String)}. Choose the
 * content, options and outputs, then finish with {@link #run()}, {@link #stream()} or {@link #start()}. Each
 * setting may be given once; a second call is an error. Not thread-safe; use each spec for one export.
 *
 * <p>When no content is chosen, {@link Detection#defaultContent()} decides: comments of a video, post or
 * comment, posts of a profile, playlist, community or hashtag. The typed choices ({@link #comments()},
 * {@link #posts()}…) fix the item type of {@link #stream()}; {@link #content(Content)} streams {@link Item}s.
 *
 * @param <T> the item type the chosen content yields
 */
public final class ExportSpec<T extends Item> {
    private final StarExport star;
    private final Target target;
    private final ExportRequest.Builder request;
    private final Map<String, Object> given = new HashMap<>();
    private final List<ExportListener> listeners = new ArrayList<>();
    private final Checkpoint resumeFrom;

    private ExportSpec(StarExport star, Target target, ExportRequest.Builder request, Checkpoint resumeFrom) {
        this.star = star;
        this.target = target;
        this.request = request;
        this.resumeFrom = resumeFrom;
    }

    static ExportSpec<Item> of(StarExport star, String url, Target target) {
        return new ExportSpec<>(star, target, ExportRequest.builder(url), null);
    }

    /** A spec that continues a checkpointed export with its request unchanged; only listeners may be added. */
    static ExportSpec<Item> resuming(StarExport star, Target target, Checkpoint checkpoint) {
        return new ExportSpec<>(star, target, checkpoint.request().toBuilder(), checkpoint);
    }

    /** The target the URL resolved to. */
    public Target target() {
        return target;
    }

    /** The request this spec describes so far, for running later, storing or submitting as a job. */
    public ExportRequest request() {
        return request.build();
    }

    /** Export comments (and replies, with {@link #replies(boolean)}). */
    public ExportSpec<Comment> comments() {
        return typed(Content.COMMENTS);
    }

    /** Export posts or videos. */
    public ExportSpec<Post> posts() {
        return typed(Content.POSTS);
    }

    /** Export the profile. */
    public ExportSpec<Profile> profile() {
        return typed(Content.PROFILE);
    }

    /** Export media metadata, one row per file. */
    public ExportSpec<MediaItem> media() {
        return typed(Content.MEDIA);
    }

    /** Export a content chosen at run time; its items stream as {@link Item}s. */
    public ExportSpec<Item> content(Content content) {
        return typed(content);
    }

    @SuppressWarnings("unchecked")
    private <R extends Item> ExportSpec<R> typed(Content content) {
        set("content", content);
        request.content(content);
        return (ExportSpec<R>) this;
    }

    /** Include replies to comments; off by default. */
    public ExportSpec<T> replies(boolean replies) {
        set("replies", replies);
        request.replies(replies);
        return this;
    }

    /** Requested order; a hint the platform honours where it can ({@link ExportResult#notes()} says when not). */
    public ExportSpec<T> sort(Sort sort) {
        set("sort", sort);
        request.sort(sort);
        return this;
    }

    /** The most items to export, replies included. */
    public ExportSpec<T> limit(long limit) {
        set("limit", limit);
        request.limit(limit);
        return this;
    }

    /** Only items created at or after this time. */
    public ExportSpec<T> since(Instant since) {
        set("since", since);
        request.since(since);
        return this;
    }

    /** Only items created before this time. */
    public ExportSpec<T> until(Instant until) {
        set("until", until);
        request.until(until);
        return this;
    }

    /** Writes to a file whose format is chosen by its extension ({@code .csv}, {@code .json}, {@code .jsonl}…). */
    public ExportSpec<T> to(Path file) {
        unlocked("to");
        request.to(Objects.requireNonNull(file, "file"));
        return this;
    }

    /** Writes to a file in the format with this id, whatever its extension. */
    public ExportSpec<T> to(Path file, String format) {
        unlocked("to");
        request.to(Objects.requireNonNull(file, "file"), format);
        return this;
    }

    /**
     * Writes to a file with a format's own options, such as
     * {@code to(Path.of("c.csv"), CsvFormat.options().byteOrderMark(true))}.
     */
    public ExportSpec<T> to(Path file, FormatOptions options) {
        unlocked("to");
        request.to(Objects.requireNonNull(file, "file"), options);
        return this;
    }

    /**
     * Also downloads the media files the exported items reference (the files of posts and media rows),
     * with {@link #run()} or {@link #start()}. The records are written first; a file that cannot be
     * downloaded is recorded in the folder's manifest and counted in {@link ExportResult#media()}, and does
     * not fail the export. A resumed export continues the downloads. See {@link MediaOptions} for names,
     * quality, limits and hosts.
     *
     * @throws io.starexport.api.ExportException {@code UNSUPPORTED_CONTENT} when the export runs in sandbox
     *                                           mode or the platform declares no media hosts (at run time)
     */
    public ExportSpec<T> downloadMedia(MediaOptions options) {
        set("downloadMedia", options);
        request.downloadMedia(options);
        return this;
    }

    /** Downloads media into {@code directory} with the default {@link MediaOptions}; see {@link #downloadMedia(MediaOptions)}. */
    public ExportSpec<T> downloadMedia(Path directory) {
        return downloadMedia(MediaOptions.of(directory));
    }

    /**
     * Exports deterministic sample data offline instead of calling the platform; off by default, and always on
     * for an engine built with {@link StarExport.Builder#sandbox(boolean) sandbox(true)}.
     */
    public ExportSpec<T> sandbox(boolean sandbox) {
        set("sandbox", sandbox);
        request.sandbox(sandbox);
        return this;
    }

    /** Uses the engine's credential set with this name ({@link StarExport.Builder#credentialSet}). */
    public ExportSpec<T> credentials(String name) {
        set("credentials", name);
        request.credentials(name);
        return this;
    }

    /** Connects through the engine's proxy with this name ({@link StarExport.Builder#namedProxy}). */
    public ExportSpec<T> proxy(String name) {
        set("proxy", name);
        request.proxy(name);
        return this;
    }

    /**
     * Runs an enricher on every page, after the ones added before; its findings travel with each item
     * ({@link Item#enrichments()}) and the writers write them. The id must name an installed enricher (found on the
     * class path or registered with {@link StarExport.Builder#enricher}); an unknown one fails with an
     * {@link IllegalArgumentException} listing the installed ones when the export starts.
     */
    public ExportSpec<T> enrich(String enricherId) {
        unlocked("enrich");
        request.enrich(enricherId);
        return this;
    }

    /**
     * Scores every item's sentiment offline with VADER: {@code enrich("vader")}, which needs the
     * {@code starexport-sentiment-vader} module.
     */
    public ExportSpec<T> sentiment() {
        return enrich("vader");
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
        return star.run(request(), Optional.ofNullable(resumeFrom), listeners);
    }

    /**
     * The items as a lazy stream, fetched page by page as it is consumed. Close it (try-with-resources)
     * to stop early. Writes no files.
     *
     * @throws IllegalStateException when outputs or media downloads were given (use {@link #run()} to write files)
     */
    @SuppressWarnings("unchecked")
    public Stream<T> stream() {
        return (Stream<T>) star.stream(request(), Optional.ofNullable(resumeFrom), listeners);
    }

    /** Runs the export on the engine's executor; see {@link #run()}. */
    public RunningExport start() {
        return star.start(request(), Optional.ofNullable(resumeFrom), listeners);
    }

    private void set(String name, Object value) {
        unlocked(name);
        Object current = given.putIfAbsent(name, Objects.requireNonNull(value, name));
        if (current != null) {
            throw new IllegalStateException(name + " was already set to " + current);
        }
    }

    private void unlocked(String name) {
        if (resumeFrom != null) {
            throw new IllegalStateException("a resumed export keeps the request of its checkpoint; " + name
                    + " cannot change. Start a new export to change it.");
        }
    }
}
