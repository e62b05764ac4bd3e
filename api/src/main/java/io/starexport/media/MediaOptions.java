package io.starexport.media;

import io.starexport.spi.RateLimit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an export downloads the media files its items reference, part of an
 * {@link io.starexport.api.ExportRequest}. Immutable and thread-safe; build with
 * {@link #builder(Path)} or take the defaults with {@link #of(Path)}.
 *
 * <p>Defaults: the {@link #DEFAULT_NAMING} template, {@link Quality#BEST}, 4 downloads at a time, 10
 * requests a second, files up to 2 GiB, content types {@code image/*}, {@code video/*}, {@code audio/*}
 * and {@code application/octet-stream}, and only the platform's own media hosts.
 */
public final class MediaOptions {
    /**
     * One folder per platform and author, files named by author, creation time and item id:
     * {@code youtube/somechannel/somechannel_20251012_141523_dQw4w9WgXcQ.jpg}.
     */
    public static final String DEFAULT_NAMING = "{platform}/{author}/{author}_{date:yyyyMMdd_HHmmss}_{id}.{ext}";
    static final int DEFAULT_CONCURRENCY = 4;
    static final RateLimit DEFAULT_RATE_LIMIT = RateLimit.perSecond(10);
    static final long DEFAULT_MAX_FILE_SIZE = 2L << 30;
    static final List<String> DEFAULT_CONTENT_TYPES = List.of("image/*", "video/*", "audio/*",
            "application/octet-stream");
    private static final int MAX_CONCURRENCY = 64;

    private final Path directory;
    private final String naming;
    private final Quality quality;
    private final int concurrency;
    private final RateLimit rateLimit;
    private final long maxFileSize;
    private final List<String> contentTypes;
    private final Set<String> extraHosts;

    private MediaOptions(Builder builder) {
        this.directory = builder.directory;
        this.naming = builder.naming == null ? DEFAULT_NAMING : builder.naming;
        this.quality = builder.quality == null ? Quality.BEST : builder.quality;
        this.concurrency = builder.concurrency == null ? DEFAULT_CONCURRENCY : builder.concurrency;
        this.rateLimit = builder.rateLimit == null ? DEFAULT_RATE_LIMIT : builder.rateLimit;
        this.maxFileSize = builder.maxFileSize == null ? DEFAULT_MAX_FILE_SIZE : builder.maxFileSize;
        this.contentTypes = builder.contentTypes == null ? DEFAULT_CONTENT_TYPES : builder.contentTypes;
        this.extraHosts = builder.extraHosts == null ? Set.of() : builder.extraHosts;
    }

    /** The defaults, downloading into {@code directory}. */
    public static MediaOptions of(Path directory) {
        return builder(directory).build();
    }

    /** A builder downloading into {@code directory}, created when needed. */
    public static Builder builder(Path directory) {
        return new Builder(Objects.requireNonNull(directory, "directory"));
    }

    /** The media folder; it holds the files and {@code manifest.jsonl}. */
    public Path directory() {
        return directory;
    }

    /** The naming template, a relative path with {@code /} between folders. */
    public String naming() {
        return naming;
    }

    /** Which rendition of multi-rendition media to download. */
    public Quality quality() {
        return quality;
    }

    /** Files downloaded at the same time. */
    public int concurrency() {
        return concurrency;
    }

    /** Requests per period to media hosts, separate from the platform API's limit; applies per export. */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    /** The largest file downloaded, in bytes; larger ones are refused. */
    public long maxFileSize() {
        return maxFileSize;
    }

    /** Accepted {@code Content-Type}s, such as {@code image/jpeg} or {@code video/*}. */
    public List<String> contentTypes() {
        return contentTypes;
    }

    /** Hosts fetched besides the platform's own media hosts (a mirror, a test server), lower case. */
    public Set<String> extraHosts() {
        return extraHosts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MediaOptions that && directory.equals(that.directory) && naming.equals(that.naming)
                && quality.equals(that.quality) && concurrency == that.concurrency && rateLimit.equals(that.rateLimit)
                && maxFileSize == that.maxFileSize && contentTypes.equals(that.contentTypes)
                && extraHosts.equals(that.extraHosts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(directory, naming, quality, concurrency, rateLimit, maxFileSize, contentTypes, extraHosts);
    }

    @Override
    public String toString() {
        return "MediaOptions[directory=" + directory + ", naming=" + naming + ", quality=" + quality + ", concurrency="
                + concurrency + ", rateLimit=" + rateLimit + ", maxFileSize=" + maxFileSize + ", contentTypes="
                + contentTypes + ", extraHosts=" + extraHosts + "]";
    }

    /** Builds {@link MediaOptions}; each setting may be given once. Not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private String naming;
        private Quality quality;
        private Integer concurrency;
        private RateLimit rateLimit;
        private Long maxFileSize;
        private List<String> contentTypes;
        private Set<String> extraHosts;

        private Builder(Path directory) {
            this.directory = directory;
        }

        /**
         * The file naming template: a relative path with {@code /} between folders and the placeholders
         * {@code {platform}}, {@code {author}} (handle, else display name, else id, else {@code unknown}),
         * {@code {date:PATTERN}} (creation time in UTC, a {@link java.time.format.DateTimeFormatter} pattern;
         * {@code {date}} alone is {@code yyyyMMdd_HHmmss}), {@code {id}} (the item's id), {@code {index}}
         * (position of the file in its post, from 0) and {@code {ext}} (from the MIME type or URL).
         * Every part is sanitised after substitution.
         *
         * @throws IllegalArgumentException for an unknown placeholder, a bad date pattern, an absolute path or an
         *                                  empty folder name
         */
        public Builder naming(String template) {
            once(naming, "naming");
            NamingSyntax.check(Objects.requireNonNull(template, "template"));
            this.naming = template;
            return this;
        }

        /** Which rendition to download; {@link Quality#BEST} by default. */
        public Builder quality(Quality quality) {
            once(this.quality, "quality");
            this.quality = Objects.requireNonNull(quality, "quality");
            return this;
        }

        /** Files downloaded at the same time, 1 to 64; 4 by default. */
        public Builder concurrency(int concurrency) {
            once(this.concurrency, "concurrency");
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                throw new IllegalArgumentException("concurrency must be 1 to " + MAX_CONCURRENCY + " but was "
                        + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /** Requests to media hosts per period, for this export; 10 a second by default. */
        public Builder rateLimit(RateLimit rateLimit) {
            once(this.rateLimit, "rateLimit");
            this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
            return this;
        }

        /** The largest file to download, in bytes; 2 GiB by default. */
        public Builder maxFileSize(long bytes) {
            once(this.maxFileSize, "maxFileSize");
            if (bytes < 1) {
                throw new IllegalArgumentException("maxFileSize must be >= 1 but was " + bytes);
            }
            this.maxFileSize = bytes;
            return this;
        }

        /**
         * Accepted content types, exact ({@code image/jpeg}) or by family ({@code video/*}). A response
         * without a {@code Content-Type} counts as {@code application/octet-stream}.
         */
        public Builder contentTypes(List<String> types) {
            once(this.contentTypes, "contentTypes");
            Objects.requireNonNull(types, "types");
            if (types.isEmpty()) {
                throw new IllegalArgumentException("contentTypes must name at least one type");
            }
            for (String type : types) {
                if (!type.matches("[A-Za-z0-9.+-]+/(\\*|[A-Za-z0-9.+-]+)")) {
                    throw new IllegalArgumentException("content type must look like image/jpeg or video/*, but was '"
                            + type + "'");
                }
            }
            this.contentTypes = types.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
            return this;
        }

        /**
         * Hosts to fetch besides the platform's media hosts, matched exactly or as subdomains. Redirects are
         * followed only to the platform's hosts and these.
         */
        public Builder extraHosts(Set<String> hosts) {
            once(this.extraHosts, "extraHosts");
            Set<String> lower = new TreeSet<>();
            for (String host : Objects.requireNonNull(hosts, "hosts")) {
                if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]+") || host.startsWith(".")) {
                    throw new IllegalArgumentException("extraHosts must be host names such as cdn.example.com, but "
                            + "got '" + host + "'");
                }
                // OkHttp reports IPv6 hosts without their brackets.
                lower.add(host.toLowerCase(Locale.ROOT).replaceAll("^\\[(.*)]$", "$1"));
            }
            this.extraHosts = Set.copyOf(lower);
            return this;
        }

        public MediaOptions build() {
            return new MediaOptions(this);
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
        }
    }
}
