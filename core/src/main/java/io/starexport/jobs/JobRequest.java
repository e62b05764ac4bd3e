package io.starexport.jobs;

import io.starexport.api.Content;
import io.starexport.api.Sort;
import io.starexport.media.MediaOptions;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a job exports and where it writes: the same choices as {@link io.starexport.ExportSpec}, plus a
 * priority. Holds no credentials (the engine supplies them at run time), so it is safe to store and show.
 * Once submitted, the job's request carries the canonical URL of the target rather than the URL given,
 * so whatever else that URL carried (user info, tracking parameters) is not kept.
 *
 * @param url      the URL to export
 * @param content  what to export; absent for the target's default ({@link io.starexport.Detection#defaultContent()})
 * @param replies  whether to include replies to comments
 * @param sort     the requested order, a hint the platform honours where it can
 * @param limit    the most items to export
 * @param since    only items created at or after this time
 * @param until    only items created before this time
 * @param outputs  the files to write, at least one
 * @param byteOrderMark     start text outputs with a UTF-8 byte order mark, as
 *                          {@link io.starexport.ExportSpec#byteOrderMark}; a resumed attempt continues the file
 *                          and adds none
 * @param formulaProtection neutralise spreadsheet formulas in cells, as
 *                          {@link io.starexport.ExportSpec#formulaProtection}; every attempt writes the same way
 * @param media    media downloads for the exported items, as {@link io.starexport.ExportSpec#downloadMedia}
 *                 does them; every attempt, resumed ones included, downloads into the same folder
 * @param priority 1 (lowest) to 10 (highest); higher-priority jobs start first, equal ones in submission order
 */
public record JobRequest(String url, Optional<Content> content, boolean replies, Optional<Sort> sort,
                         OptionalLong limit, Optional<Instant> since, Optional<Instant> until, List<Output> outputs,
                         boolean byteOrderMark, boolean formulaProtection, Optional<MediaOptions> media,
                         int priority) {

    /** The lowest priority. */
    public static final int MIN_PRIORITY = 1;
    /** The priority of a request that names none. */
    public static final int DEFAULT_PRIORITY = 5;
    /** The highest priority. */
    public static final int MAX_PRIORITY = 10;

    /**
     * One output file.
     *
     * @param file   where to write
     * @param format the output format id; absent to choose it by the file's extension
     */
    public record Output(Path file, Optional<String> format) {
        public Output {
            Objects.requireNonNull(file, "file");
            format = format == null ? Optional.empty() : format;
        }
    }

    public JobRequest {
        Objects.requireNonNull(url, "url");
        content = content == null ? Optional.empty() : content;
        sort = sort == null ? Optional.empty() : sort;
        limit = limit == null ? OptionalLong.empty() : limit;
        since = since == null ? Optional.empty() : since;
        until = until == null ? Optional.empty() : until;
        outputs = List.copyOf(outputs);
        media = media == null ? Optional.empty() : media;
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one output file: add .to(Path.of(\"out.jsonl\"))");
        }
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY
                    + " but was " + priority);
        }
        if (limit.isPresent() && limit.getAsLong() < 1) {
            throw new IllegalArgumentException("limit must be >= 1 but was " + limit.getAsLong());
        }
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw new IllegalArgumentException("since (" + since.get() + ") must be before until (" + until.get() + ")");
        }
    }

    /** Starts a request for a URL. */
    public static Builder builder(String url) {
        return new Builder(Objects.requireNonNull(url, "url"));
    }

    /** A copy with another URL. */
    JobRequest withUrl(String url) {
        return new JobRequest(url, content, replies, sort, limit, since, until, outputs, byteOrderMark,
                formulaProtection, media, priority);
    }

    /**
     * Builds a {@link JobRequest}. Each single-valued setting may be given once. Not thread-safe.
     */
    public static final class Builder {
        private final String url;
        private Content content;
        private Boolean replies;
        private Sort sort;
        private Long limit;
        private Instant since;
        private Instant until;
        private final List<Output> outputs = new ArrayList<>();
        private Boolean byteOrderMark;
        private Boolean formulaProtection;
        private MediaOptions media;
        private Integer priority;

        private Builder(String url) {
            this.url = url;
        }

        /** What to export; by default {@link io.starexport.Detection#defaultContent()}. */
        public Builder content(Content content) {
            once(this.content, "content");
            this.content = Objects.requireNonNull(content, "content");
            return this;
        }

        /** Include replies to comments; off by default. */
        public Builder replies(boolean replies) {
            once(this.replies, "replies");
            this.replies = replies;
            return this;
        }

        /** Requested order. */
        public Builder sort(Sort sort) {
            once(this.sort, "sort");
            this.sort = Objects.requireNonNull(sort, "sort");
            return this;
        }

        /** The most items to export, replies included. */
        public Builder limit(long limit) {
            once(this.limit, "limit");
            this.limit = limit;
            return this;
        }

        /** Only items created at or after this time. */
        public Builder since(Instant since) {
            once(this.since, "since");
            this.since = Objects.requireNonNull(since, "since");
            return this;
        }

        /** Only items created before this time. */
        public Builder until(Instant until) {
            once(this.until, "until");
            this.until = Objects.requireNonNull(until, "until");
            return this;
        }

        /** Writes to a file whose format is chosen by its extension. */
        public Builder to(Path file) {
            outputs.add(new Output(file, Optional.empty()));
            return this;
        }

        /** Writes to a file in the format with this id. */
        public Builder to(Path file, String format) {
            outputs.add(new Output(file, Optional.of(Objects.requireNonNull(format, "format"))));
            return this;
        }

        /** Starts text outputs with a UTF-8 byte order mark, for Excel; off by default. A resumed attempt adds none. */
        public Builder byteOrderMark(boolean byteOrderMark) {
            once(this.byteOrderMark, "byteOrderMark");
            this.byteOrderMark = byteOrderMark;
            return this;
        }

        /** Neutralises spreadsheet formulas in cells (CSV injection); on by default. */
        public Builder formulaProtection(boolean formulaProtection) {
            once(this.formulaProtection, "formulaProtection");
            this.formulaProtection = formulaProtection;
            return this;
        }

        /** Also downloads the media files of the exported items; see {@link io.starexport.ExportSpec#downloadMedia}. */
        public Builder downloadMedia(MediaOptions options) {
            once(this.media, "downloadMedia");
            this.media = Objects.requireNonNull(options, "options");
            return this;
        }

        /** 1 (lowest) to 10 (highest); {@value JobRequest#DEFAULT_PRIORITY} by default. */
        public Builder priority(int priority) {
            once(this.priority, "priority");
            this.priority = priority;
            return this;
        }

        /**
         * Builds the request.
         *
         * @throws IllegalArgumentException when no output was given, the priority is out of range, or
         *                                  {@code since} is not before {@code until}
         */
        public JobRequest build() {
            return new JobRequest(url, Optional.ofNullable(content), replies != null && replies,
                    Optional.ofNullable(sort), limit == null ? OptionalLong.empty() : OptionalLong.of(limit),
                    Optional.ofNullable(since), Optional.ofNullable(until), outputs,
                    byteOrderMark != null && byteOrderMark, formulaProtection == null || formulaProtection,
                    Optional.ofNullable(media), priority == null ? DEFAULT_PRIORITY : priority);
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
        }
    }
}
