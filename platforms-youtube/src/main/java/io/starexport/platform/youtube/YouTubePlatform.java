package io.starexport.platform.youtube;

import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Sort;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.Platform;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.RateLimit;
import io.starexport.spi.RateLimitControl;
import io.starexport.spi.SampleStyle;

import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * YouTube: comments and replies of videos, a channel's or playlist's videos, channel profiles and video
 * metadata, through the YouTube Data API v3 (credential {@code api_key}) or the keyless web client
 * (InnerTube). Discovered by {@link java.util.ServiceLoader} with the defaults; register an instance from
 * {@link #builder()} with {@code StarExport.builder().platform(...)} to choose the backend or change
 * defaults.
 *
 * <p>What each target offers:
 * <ul>
 *   <li>video: COMMENTS (sorts TOP and NEWEST), POSTS (the video itself), MEDIA (thumbnail, video and,
 *       keyless, its formats);</li>
 *   <li>one comment ({@code watch?v=…&lc=…}): COMMENTS, the comment and its replies (Data API only);</li>
 *   <li>channel: POSTS (its uploads), PROFILE, COMMENTS (every comment on the channel) (Data API only);</li>
 *   <li>playlist: POSTS (Data API only).</li>
 * </ul>
 *
 * <p><b>Quota.</b> Each Data API call costs 1 unit (commentThreads.list, comments.list, videos.list,
 * channels.list, playlistItems.list), and a call the engine retries (HTTP 5xx, 429) costs it per attempt. The
 * instance counts the units spent per API key;
 * {@link #quotaUnitsUsed()} and {@link #quotaUnitsUsed(String)} give the running totals. Calls stop with
 * {@link ErrorCode#QUOTA_EXCEEDED} before a key spends more than {@link Builder#dailyQuotaBudget(long)} units
 * (default 10,000, Google's default daily quota) within one quota day (midnight to midnight Pacific Time).
 *
 * <p>Thread-safe; one instance may serve many exports at once.
 */
public final class YouTubePlatform implements Platform {

    /** Which API the exports use. */
    public enum Backend {
        /** The Data API when an {@code api_key} credential is configured, the keyless web client otherwise. */
        AUTO,
        /** Always the Data API; exports without an {@code api_key} fail with {@code AUTH_REQUIRED}. */
        DATA_API,
        /** Always the keyless web client, even when an {@code api_key} is configured. */
        WEB
    }

    static final String API_KEY = "api_key";
    private static final String DEFAULT_CLIENT_VERSION = "2.20260123.01.00";
    /** A current desktop browser, as NewPipe and yt-dlp send to the web client. */
    private static final String DEFAULT_WEB_USER_AGENT =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";
    private static final Set<Sort> COMMENT_SORTS = Collections.unmodifiableSet(EnumSet.of(Sort.TOP, Sort.NEWEST));

    private final Backend backend;
    private final int commentPageSize;
    private final String webClientVersion;
    private final String webUserAgent;
    private final long dailyQuotaBudget;
    private final Quota quota = new Quota();

    /** The platform with its defaults: {@link Backend#AUTO}, 100 comment threads a page, a 10,000-unit daily budget. */
    public YouTubePlatform() {
        this(builder());
    }

    private YouTubePlatform(Builder builder) {
        this.backend = builder.backend;
        this.commentPageSize = builder.commentPageSize;
        this.webClientVersion = builder.webClientVersion;
        this.webUserAgent = builder.webUserAgent;
        this.dailyQuotaBudget = builder.dailyQuotaBudget;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The backend choice this instance was built with. */
    public Backend backend() {
        return backend;
    }

    /** Data API units spent through this instance since it was created, all keys together. */
    public long quotaUnitsUsed() {
        return quota.total();
    }

    /** Data API units spent through this instance with one API key since it was created. */
    public long quotaUnitsUsed(String apiKey) {
        return quota.total(Objects.requireNonNull(apiKey, "apiKey"));
    }

    @Override
    public String id() {
        return YouTubeUrls.PLATFORM;
    }

    @Override
    public String displayName() {
        return "YouTube";
    }

    /**
     * {@inheritDoc}
     *
     * @throws ExportException {@code INVALID_URL} for a YouTube URL with a malformed id or of a page that
     *                         cannot be exported
     */
    @Override
    public Optional<Target> resolve(URI url) {
        return YouTubeUrls.resolve(url);
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return switch (kind) {
            case VIDEO -> Collections.unmodifiableSet(EnumSet.of(Content.COMMENTS, Content.POSTS, Content.MEDIA));
            case COMMENT -> Set.of(Content.COMMENTS);
            case PROFILE -> Collections.unmodifiableSet(EnumSet.of(Content.POSTS, Content.PROFILE, Content.COMMENTS));
            case PLAYLIST -> Set.of(Content.POSTS);
            default -> Set.of();
        };
    }

    @Override
    public Set<Sort> sorts(Content content) {
        return content == Content.COMMENTS ? COMMENT_SORTS : Set.of();
    }

    @Override
    public Extractor<? extends Item> extractor(ExportQuery query, PlatformContext context) {
        Target target = query.target();
        if (usesDataApi(context.credentials())) {
            String key = context.credentials().get(API_KEY).orElseThrow(() -> ExportException.of(ErrorCode.AUTH_REQUIRED,
                    "The YouTube platform is set to the Data API backend but no api_key is configured: set "
                            + "STAREXPORT_YOUTUBE_API_KEY or credential(\"youtube\", \"api_key\", …)."));
            DataApi api = new DataApi(context, key, quota, dailyQuotaBudget);
            return query.content() == Content.COMMENTS ? new DataApiComments(api, query, commentPageSize)
                    : new DataApiVideos(api, query);
        }
        WebClient client = new WebClient(context, webClientVersion, webUserAgent);
        if (target.kind() == Target.Kind.VIDEO) {
            return query.content() == Content.COMMENTS ? new WebComments(client, query, context.clock())
                    : new WebVideo(client, query);
        }
        throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, "Keyless YouTube exports cover videos only (comments, "
                + "metadata and formats); " + query.content().name().toLowerCase(Locale.ROOT) + " of a "
                + target.kind().name().toLowerCase(Locale.ROOT) + " needs the YouTube Data API: configure an "
                + "api_key (STAREXPORT_YOUTUBE_API_KEY).");
    }

    private boolean usesDataApi(Credentials credentials) {
        return backend == Backend.DATA_API || backend == Backend.AUTO && credentials.has(API_KEY);
    }

    /**
     * Data API: 5 requests a second (the daily quota, not the rate, is the Data API's limit; see
     * {@link Builder#dailyQuotaBudget(long)}). Keyless: 1 request a second, to stay clear of YouTube's bot
     * checks.
     */
    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        return usesDataApi(credentials) ? RateLimit.perSecond(5) : RateLimit.perSecond(1);
    }

    /** Counts each Data API attempt (the engine's retries included) against the key's quota. */
    @Override
    public void onResponse(HttpResponse response, RateLimitControl rateLimit) {
        DataApi.answered();
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.of("api", "https://www.googleapis.com/youtube/v3", "YouTube Data API v3"),
                Endpoint.of("web", YouTubeUrls.WEB, "youtube.com web client (InnerTube, /youtubei/v1/…)"));
    }

    @Override
    public List<String> credentialNames() {
        return List.of(API_KEY);
    }

    @Override
    public Set<String> mediaHosts() {
        return Set.of("ytimg.com", "googlevideo.com", "ggpht.com");
    }

    @Override
    public SampleStyle sampleStyle() {
        return YouTubeSamples.STYLE;
    }

    @Override
    public String toString() {
        return "YouTubePlatform[backend=" + backend + ", commentPageSize=" + commentPageSize + ", webClientVersion="
                + webClientVersion + ", webUserAgent=" + webUserAgent + ", dailyQuotaBudget=" + dailyQuotaBudget + "]";
    }

    /** Builds a {@link YouTubePlatform}. Each setting may be given once. */
    public static final class Builder {
        private Backend backend = Backend.AUTO;
        private int commentPageSize = 100;
        private String webClientVersion = DEFAULT_CLIENT_VERSION;
        private String webUserAgent = DEFAULT_WEB_USER_AGENT;
        private long dailyQuotaBudget = 10_000;
        private final Set<String> set = new HashSet<>();

        private Builder() {
        }

        /** Which API to use; default {@link Backend#AUTO}. */
        public Builder backend(Backend backend) {
            once("backend", this.backend);
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /** Comment threads per Data API page, 1 to 100; default 100 (fewest units). */
        public Builder commentPageSize(int commentPageSize) {
            once("commentPageSize", this.commentPageSize);
            if (commentPageSize < 1 || commentPageSize > 100) {
                throw new IllegalArgumentException("commentPageSize must be 1 to 100 but was " + commentPageSize);
            }
            this.commentPageSize = commentPageSize;
            return this;
        }

        /**
         * The WEB client version the keyless client announces; default {@value #DEFAULT_CLIENT_VERSION}. Set a
         * newer one if YouTube starts refusing the default.
         */
        public Builder webClientVersion(String webClientVersion) {
            once("webClientVersion", this.webClientVersion);
            if (webClientVersion == null || !webClientVersion.matches("\\d+\\.\\d{8}\\.\\d+\\.\\d+")) {
                throw new IllegalArgumentException("webClientVersion must look like 2.20260123.01.00 but was "
                        + webClientVersion);
            }
            this.webClientVersion = webClientVersion;
            return this;
        }

        /**
         * The {@code User-Agent} the keyless client sends; default a current desktop Firefox, since the web
         * client serves browsers. The Data API calls use the engine's user agent.
         */
        public Builder webUserAgent(String webUserAgent) {
            once("webUserAgent", this.webUserAgent);
            if (webUserAgent == null || webUserAgent.isBlank()) {
                throw new IllegalArgumentException("webUserAgent must not be blank");
            }
            this.webUserAgent = webUserAgent;
            return this;
        }

        /** The most Data API units one key may spend per quota day in this process; default 10,000. */
        public Builder dailyQuotaBudget(long units) {
            once("dailyQuotaBudget", this.dailyQuotaBudget);
            if (units < 1) {
                throw new IllegalArgumentException("dailyQuotaBudget must be at least 1 but was " + units);
            }
            this.dailyQuotaBudget = units;
            return this;
        }

        private void once(String name, Object current) {
            if (!set.add(name)) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
        }

        /** The platform. */
        public YouTubePlatform build() {
            return new YouTubePlatform(this);
        }
    }
}
