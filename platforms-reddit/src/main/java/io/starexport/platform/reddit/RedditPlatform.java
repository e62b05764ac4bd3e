package io.starexport.platform.reddit;

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
import io.starexport.spi.Page;
import io.starexport.spi.Platform;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.RateLimit;
import io.starexport.spi.RateLimitControl;
import io.starexport.spi.SampleStyle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Reddit: comments of a post or of one comment's subtree (every {@code more} stub and "continue this
 * thread" link expanded), posts of a subreddit listing, a subreddit search or a user, and user and
 * subreddit profiles.
 *
 * <p><b>Access.</b> With a {@code client_id} credential (and {@code client_secret}, plus {@code username}
 * and {@code password} for a script app) requests go to {@code oauth.reddit.com} with a bearer token,
 * at 100 requests a minute. Without credentials the public {@code .json} pages of {@code www.reddit.com}
 * are read at 10 requests a minute. {@link Builder#access(Access)} forces one or the other.
 *
 * <p><b>Endpoints:</b> {@code oauth} ({@code https://oauth.reddit.com}) and {@code www}
 * ({@code https://www.reddit.com}: public JSON, the token endpoint and share links).
 *
 * <p>Instances are immutable and thread-safe. The no-argument constructor (used by
 * {@link java.util.ServiceLoader}) gives the defaults; a host that wants other options registers
 * {@code RedditPlatform.builder()...build()} with {@code StarExport.builder().platform(...)}.
 */
public final class RedditPlatform implements Platform {
    static final String ID = "reddit";
    /** This build's version, for the User-Agent; {@code development} when the resource was not filtered. */
    static final String VERSION = buildVersion();
    /** The longest pause used to spread a low remaining budget. */
    static final Duration MAX_SPREAD = Duration.ofSeconds(10);
    static final Set<String> COMMENT_SORTS = Set.of("confidence", "top", "new", "controversial", "old", "qa");

    /** Which Reddit API to use. */
    public enum Access {
        /** OAuth when a {@code client_id} credential is set, the public JSON endpoints otherwise. */
        AUTO,
        /** Always OAuth; an export without credentials fails with {@code AUTH_REQUIRED}. */
        OAUTH,
        /** Always the public JSON endpoints, even when credentials are set. */
        PUBLIC
    }

    private final Access access;
    private final String userAgent;
    private final String commentSort;
    private final int commentLimit;
    private final int pageSize;

    /** A platform with the defaults: {@link Access#AUTO}, the default user agent, sort {@code confidence}. */
    public RedditPlatform() {
        this(builder());
    }

    private RedditPlatform(Builder builder) {
        this.access = builder.access;
        this.userAgent = builder.userAgent;
        this.commentSort = builder.commentSort;
        this.commentLimit = builder.commentLimit;
        this.pageSize = builder.pageSize;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    private static String buildVersion() {
        try (InputStream in = RedditPlatform.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "development" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read this build's version.properties", e);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Reddit";
    }

    @Override
    public Optional<Target> resolve(URI url) {
        return RedditUrls.resolve(url);
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return switch (kind) {
            case POST -> Set.of(Content.COMMENTS, Content.POSTS);
            case COMMENT -> Set.of(Content.COMMENTS);
            case COMMUNITY, PROFILE -> Set.of(Content.COMMENTS, Content.POSTS, Content.PROFILE);
            default -> Set.of();
        };
    }

    @Override
    public Set<Sort> sorts(Content content) {
        return switch (content) {
            case COMMENTS -> Set.of(Sort.TOP, Sort.NEWEST, Sort.OLDEST);
            case POSTS -> Set.of(Sort.TOP, Sort.NEWEST);
            default -> Set.of();
        };
    }

    @Override
    public Extractor<? extends Item> extractor(ExportQuery query, PlatformContext context) {
        Target target = query.target();
        if (!contents(target.kind()).contains(query.content())) {
            throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, "Reddit cannot export " + query.content()
                    + " from a " + target.kind().name().toLowerCase(Locale.ROOT) + "; it offers "
                    + contents(target.kind()) + " there.");
        }
        RedditApi api = new RedditApi(context, useOAuth(context.credentials()), userAgent(context.credentials()));
        return switch (query.content()) {
            case COMMENTS -> target.kind() == Target.Kind.COMMUNITY || target.kind() == Target.Kind.PROFILE
                    ? new CommentListingExtractor(api, query, pageSize)
                    : new CommentExtractor(api, query, commentSort, commentLimit);
            case POSTS -> new PostExtractor(api, query, pageSize);
            case PROFILE -> request -> Page.of(List.of(api.about(target)), null);
            default -> throw new IllegalStateException("unreachable: " + query.content());
        };
    }

    private boolean useOAuth(Credentials credentials) {
        return switch (access) {
            case AUTO -> credentials.has("client_id");
            case OAUTH -> {
                if (!credentials.has("client_id")) {
                    throw ExportException.of(ErrorCode.AUTH_REQUIRED, "Reddit OAuth access needs the client_id "
                            + "credential (and client_secret; username and password for a script app). Create an "
                            + "app at https://www.reddit.com/prefs/apps.");
                }
                yield true;
            }
            case PUBLIC -> false;
        };
    }

    private String userAgent(Credentials credentials) {
        if (userAgent != null) {
            return userAgent;
        }
        return credentials.get("username").map(user -> "java:io.starexport:" + VERSION + " (by /u/" + user + ")")
                .orElse("java:io.starexport:" + VERSION + " (Star Export library)");
    }

    /**
     * 100 requests a minute with OAuth (a {@code client_id}), 10 without, as Reddit's Data API wiki states since
     * 2023 ("averaged over a time window (currently 10 minutes) to support bursting requests"). So bursts are
     * allowed: at most 100 (or 10) in any minute, which keeps every 10-minute window within its budget too, and
     * {@link #onResponse} follows Reddit's own accounting on top.
     */
    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        boolean oauth = access != Access.PUBLIC && credentials.has("client_id");
        return RateLimit.perWindow(oauth ? 100 : 10, Duration.ofMinutes(1));
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.of("oauth", "https://oauth.reddit.com", "Reddit API with an OAuth token"),
                Endpoint.of("www", "https://www.reddit.com", "public JSON pages, the token endpoint and share links"));
    }

    @Override
    public List<String> credentialNames() {
        return List.of("client_id", "client_secret", "username", "password");
    }

    @Override
    public Set<String> mediaHosts() {
        return Set.of("redd.it", "redditmedia.com", "redditstatic.com");
    }

    @Override
    public SampleStyle sampleStyle() {
        return RedditSamples.STYLE;
    }

    /**
     * Reads {@code X-Ratelimit-Remaining} and {@code X-Ratelimit-Reset} (Reddit counts requests per client id
     * over a window, {@code X-Ratelimit-Used} so far). When the budget is used up, the shared bucket pauses
     * until the window resets; when it runs low, each answer pauses the bucket for the time left divided by the
     * requests left, at most 10 seconds, as prawcore spreads it, so other users of the same client id are not
     * starved either.
     */
    @Override
    public void onResponse(HttpResponse response, RateLimitControl rateLimit) {
        Optional<String> remaining = response.header("X-Ratelimit-Remaining");
        Optional<String> reset = response.header("X-Ratelimit-Reset");
        if (remaining.isEmpty() || reset.isEmpty()) {
            return;
        }
        try {
            double left = Double.parseDouble(remaining.get().trim());
            long seconds = (long) Math.ceil(Double.parseDouble(reset.get().trim()));
            if (seconds <= 0) {
                return;
            }
            if (left < 1) {
                rateLimit.pauseFor(Duration.ofSeconds(seconds));
            } else if (seconds / left > 1) {
                rateLimit.pauseFor(Duration.ofMillis(Math.min(MAX_SPREAD.toMillis(), Math.round(seconds / left * 1000))));
            }
        } catch (NumberFormatException ignored) {
            // A header we cannot read gives no feedback; the steady rate still applies.
        }
    }

    @Override
    public String toString() {
        return "RedditPlatform[access=" + access + ", commentSort=" + commentSort + ", commentLimit=" + commentLimit
                + ", pageSize=" + pageSize + (userAgent == null ? "" : ", userAgent=" + userAgent) + "]";
    }

    /** Builds a {@link RedditPlatform}. Each setting may be given once. */
    public static final class Builder {
        private Access access = Access.AUTO;
        private String userAgent;
        private String commentSort = "confidence";
        private int commentLimit = 500;
        private int pageSize = 100;
        private final Set<String> set = new HashSet<>();

        private Builder() {
        }

        private void once(String name) {
            if (!set.add(name)) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /** Which API to use; {@link Access#AUTO} by default. */
        public Builder access(Access access) {
            once("access");
            this.access = Objects.requireNonNull(access, "access");
            return this;
        }

        /**
         * The User-Agent sent to Reddit. Reddit asks for {@code <platform>:<app id>:<version> (by
         * /u/<your user name>)} and throttles generic agents; by default
         * {@code java:io.starexport:<version> (by /u/<username credential>)}.
         */
        public Builder userAgent(String userAgent) {
            once("userAgent");
            if (Objects.requireNonNull(userAgent, "userAgent").isBlank()) {
                throw new IllegalArgumentException("userAgent must not be blank");
            }
            this.userAgent = userAgent;
            return this;
        }

        /**
         * The comment order used when the export asks for none: {@code confidence} (Reddit's "best", the
         * default), {@code top}, {@code new}, {@code controversial}, {@code old} or {@code qa}.
         */
        public Builder commentSort(String commentSort) {
            once("commentSort");
            String sort = Objects.requireNonNull(commentSort, "commentSort").toLowerCase(Locale.ROOT);
            if (!COMMENT_SORTS.contains(sort)) {
                throw new IllegalArgumentException("commentSort must be one of " + COMMENT_SORTS + " but was "
                        + commentSort);
            }
            this.commentSort = sort;
            return this;
        }

        /** Comments asked for with each comment-tree request ({@code limit}), 1 to 500; 500 by default. */
        public Builder commentLimit(int commentLimit) {
            once("commentLimit");
            if (commentLimit < 1 || commentLimit > 500) {
                throw new IllegalArgumentException("commentLimit must be 1 to 500 but was " + commentLimit);
            }
            this.commentLimit = commentLimit;
            return this;
        }

        /** Posts per listing page, 1 to 100 (Reddit's maximum and the default). */
        public Builder pageSize(int pageSize) {
            once("pageSize");
            if (pageSize < 1 || pageSize > 100) {
                throw new IllegalArgumentException("pageSize must be 1 to 100 but was " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        public RedditPlatform build() {
            return new RedditPlatform(this);
        }
    }
}
