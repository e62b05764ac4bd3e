package io.starexport.api;

import io.starexport.media.MediaOptions;
import io.starexport.spi.FormatOptions;
import io.starexport.spi.HttpRequest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Everything one export was asked for: what to read, which items to keep, where to write them and how to
 * connect. One immutable value that the engine runs, a checkpoint carries, a job store keeps and a schedule
 * replays; two requests are {@link #equals equal} when they ask for the same export. Holds no secrets: a
 * credential set and a proxy are named here and defined on the engine's builder.
 *
 * <pre>{@code
 * ExportRequest request = ExportRequest.builder("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
 *         .content(Content.COMMENTS).replies(true).limit(500)
 *         .to(Path.of("comments.csv"))
 *         .build();
 * ExportResult result = star.run(request);
 * }</pre>
 *
 * <p>Build with {@link #builder(String)}; change a copy with {@link #toBuilder()}. The JSON form, written and
 * read by the core module's {@code io.starexport.RequestJson}, is versioned.
 */
public final class ExportRequest {
    private final String url;
    private final Optional<Content> content;
    private final boolean replies;
    private final Optional<Sort> sort;
    private final OptionalLong limit;
    private final Optional<Instant> since;
    private final Optional<Instant> until;
    private final List<Output> outputs;
    private final Optional<MediaOptions> media;
    private final boolean sandbox;
    private final Optional<String> credentials;
    private final Optional<String> proxy;
    private final List<String> enrichers;

    private ExportRequest(Builder builder) {
        this.url = builder.url;
        this.content = Optional.ofNullable(builder.content);
        this.replies = builder.replies;
        this.sort = Optional.ofNullable(builder.sort);
        this.limit = builder.limit == null ? OptionalLong.empty() : OptionalLong.of(builder.limit);
        this.since = Optional.ofNullable(builder.since);
        this.until = Optional.ofNullable(builder.until);
        this.outputs = List.copyOf(builder.outputs);
        this.media = Optional.ofNullable(builder.media);
        this.sandbox = builder.sandbox;
        this.credentials = Optional.ofNullable(builder.credentials);
        this.proxy = Optional.ofNullable(builder.proxy);
        this.enrichers = List.copyOf(builder.enrichers);
    }

    /** A builder for an export of {@code url}. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** A builder holding this request's settings, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder(url);
        builder.content = content.orElse(null);
        builder.replies = replies;
        builder.sort = sort.orElse(null);
        builder.limit = limit.isPresent() ? limit.getAsLong() : null;
        builder.since = since.orElse(null);
        builder.until = until.orElse(null);
        builder.outputs.addAll(outputs);
        builder.media = media.orElse(null);
        builder.sandbox = sandbox;
        builder.credentials = credentials.orElse(null);
        builder.proxy = proxy.orElse(null);
        builder.enrichers.addAll(enrichers);
        return builder;
    }

    /** The URL to export, as given (a checkpoint's request holds the target's canonical URL). */
    public String url() {
        return url;
    }

    /** What to export; absent for the target's default (comments of a video or post, posts of a profile…). */
    public Optional<Content> content() {
        return content;
    }

    /** Whether replies to comments are included; off by default. */
    public boolean replies() {
        return replies;
    }

    /** The requested order, a hint the platform honours where it can. */
    public Optional<Sort> sort() {
        return sort;
    }

    /** The most items to export, replies included. */
    public OptionalLong limit() {
        return limit;
    }

    /** Only items created at or after this time. */
    public Optional<Instant> since() {
        return since;
    }

    /** Only items created before this time. */
    public Optional<Instant> until() {
        return until;
    }

    /** The files to write; empty for an export that is streamed. */
    public List<Output> outputs() {
        return outputs;
    }

    /** Media downloads for the exported items, when asked for. */
    public Optional<MediaOptions> media() {
        return media;
    }

    /** Whether the export reads deterministic sample data offline instead of the platform. */
    public boolean sandbox() {
        return sandbox;
    }

    /** The name of the engine's credential set to use; absent for the engine's default credentials. */
    public Optional<String> credentials() {
        return credentials;
    }

    /** The name of the engine's proxy to use; absent for the engine's proxy choice. */
    public Optional<String> proxy() {
        return proxy;
    }

    /**
     * The ids of the enrichers to run on every page, in order (such as {@code vader}); empty for none. Their findings
     * travel with each item ({@link Item#enrichments()}) and the writers write them.
     */
    public List<String> enrichers() {
        return enrichers;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExportRequest that && url.equals(that.url) && content.equals(that.content)
                && replies == that.replies && sort.equals(that.sort) && limit.equals(that.limit)
                && since.equals(that.since) && until.equals(that.until) && outputs.equals(that.outputs)
                && media.equals(that.media) && sandbox == that.sandbox && credentials.equals(that.credentials)
                && proxy.equals(that.proxy) && enrichers.equals(that.enrichers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, content, replies, sort, limit, since, until, outputs, media, sandbox, credentials,
                proxy, enrichers);
    }

    /** The settings that differ from the defaults; secret-looking URL parameters and user info are masked. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "ExportRequest[", "]");
        text.add("url=" + maskedUrl());
        content.ifPresent(value -> text.add("content=" + value));
        if (replies) {
            text.add("replies=true");
        }
        sort.ifPresent(value -> text.add("sort=" + value));
        limit.ifPresent(value -> text.add("limit=" + value));
        since.ifPresent(value -> text.add("since=" + value));
        until.ifPresent(value -> text.add("until=" + value));
        if (!outputs.isEmpty()) {
            text.add("outputs=" + outputs);
        }
        media.ifPresent(value -> text.add("media=" + value));
        if (sandbox) {
            text.add("sandbox=true");
        }
        credentials.ifPresent(value -> text.add("credentials=" + value));
        proxy.ifPresent(value -> text.add("proxy=" + value));
        if (!enrichers.isEmpty()) {
            text.add("enrichers=" + enrichers);
        }
        return text.toString();
    }

    private String maskedUrl() {
        try {
            return HttpRequest.redact(URI.create(url));
        } catch (IllegalArgumentException e) {
            return "(not a valid URL)";
        }
    }

    /**
     * One output file.
     *
     * @param file    where to write
     * @param format  the output format id; absent to choose it by the file's extension
     * @param options the format's own options (for csv, a byte order mark and formula protection), by name;
     *                the format checks them when the export is planned
     */
    public record Output(Path file, Optional<String> format, Map<String, String> options) {
        public Output {
            Objects.requireNonNull(file, "file");
            format = Values.orEmpty(format);
            options = options == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(options));
        }

        /** A file in the format its extension names, with that format's default options. */
        public static Output of(Path file) {
            return new Output(file, Optional.empty(), Map.of());
        }
    }

    /**
     * Builds an {@link ExportRequest}. A later call replaces an earlier one ({@code to} adds an output). Not
     * thread-safe.
     */
    public static final class Builder {
        private String url;
        private Content content;
        private boolean replies;
        private Sort sort;
        private Long limit;
        private Instant since;
        private Instant until;
        private final List<Output> outputs = new ArrayList<>();
        private MediaOptions media;
        private boolean sandbox;
        private String credentials;
        private String proxy;
        private final List<String> enrichers = new ArrayList<>();

        private Builder(String url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        /** The URL to export. */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /** What to export; by default what the target offers first (see the engine's {@code Detection}). */
        public Builder content(Content content) {
            this.content = Objects.requireNonNull(content, "content");
            return this;
        }

        /** Include replies to comments; off by default. */
        public Builder replies(boolean replies) {
            this.replies = replies;
            return this;
        }

        /** The requested order. */
        public Builder sort(Sort sort) {
            this.sort = Objects.requireNonNull(sort, "sort");
            return this;
        }

        /** The most items to export, replies included; at least 1. */
        public Builder limit(long limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be >= 1 but was " + limit);
            }
            this.limit = limit;
            return this;
        }

        /** Only items created at or after this time. */
        public Builder since(Instant since) {
            this.since = Objects.requireNonNull(since, "since");
            return this;
        }

        /** Only items created before this time. */
        public Builder until(Instant until) {
            this.until = Objects.requireNonNull(until, "until");
            return this;
        }

        /** Adds a file whose format is chosen by its extension ({@code .csv}, {@code .json}, {@code .jsonl}…). */
        public Builder to(Path file) {
            outputs.add(Output.of(file));
            return this;
        }

        /** Adds a file in the format with this id, whatever its extension. */
        public Builder to(Path file, String format) {
            outputs.add(new Output(file, Optional.of(Objects.requireNonNull(format, "format")), Map.of()));
            return this;
        }

        /** Adds a file in the format and with the options a format's own builder made, such as csv's. */
        public Builder to(Path file, FormatOptions options) {
            Objects.requireNonNull(options, "options");
            outputs.add(new Output(file, Optional.of(options.format()), options.asMap()));
            return this;
        }

        /** Replaces the outputs. */
        public Builder outputs(List<Output> outputs) {
            this.outputs.clear();
            this.outputs.addAll(outputs);
            return this;
        }

        /** Also downloads the media files of the exported items; see {@link MediaOptions}. */
        public Builder downloadMedia(MediaOptions options) {
            this.media = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Exports deterministic sample data offline instead of calling the platform; off by default. */
        public Builder sandbox(boolean sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        /** Uses the engine's credential set with this name instead of its default credentials. */
        public Builder credentials(String name) {
            this.credentials = requireName(name, "credentials");
            return this;
        }

        /** Connects through the engine's proxy with this name. */
        public Builder proxy(String name) {
            this.proxy = requireName(name, "proxy");
            return this;
        }

        /**
         * Adds an enricher to run on every page, after the ones added before: its id, such as {@code vader} (lower
         * case). The engine checks that it is installed when the export is planned.
         *
         * @throws IllegalArgumentException when the id is blank or was already added
         */
        public Builder enrich(String enricherId) {
            Objects.requireNonNull(enricherId, "enricherId");
            String id = enricherId.strip().toLowerCase(java.util.Locale.ROOT);
            if (id.isEmpty()) {
                throw new IllegalArgumentException("an enricher id must not be blank");
            }
            if (enrichers.contains(id)) {
                throw new IllegalArgumentException("the enricher '" + id + "' was already added: " + enrichers);
            }
            enrichers.add(id);
            return this;
        }

        /** Replaces the enrichers with these, in order; see {@link #enrich(String)}. */
        public Builder enrichers(List<String> enricherIds) {
            Objects.requireNonNull(enricherIds, "enricherIds");
            enrichers.clear();
            enricherIds.forEach(this::enrich);
            return this;
        }

        /**
         * Builds the request.
         *
         * @throws IllegalArgumentException when {@code since} is not before {@code until}, or two outputs name
         *                                  one file
         */
        public ExportRequest build() {
            if (since != null && until != null && !since.isBefore(until)) {
                throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
            }
            if (outputs.stream().map(o -> o.file().toAbsolutePath().normalize()).distinct().count() < outputs.size()) {
                throw new IllegalArgumentException("the same output file was given twice: " + outputs);
            }
            return new ExportRequest(this);
        }

        private static String requireName(String name, String what) {
            Objects.requireNonNull(name, what);
            if (name.isBlank()) {
                throw new IllegalArgumentException(what + " must name a set configured on the engine, not be blank");
            }
            return name;
        }
    }
}
