package io.starexport.platform.instagram;

import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
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
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Instagram, through one of two backends.
 *
 * <ul>
 *   <li><b>Graph API</b> ({@link Backend#GRAPH}, credentials {@code access_token} and {@code ig_user_id}):
 *       the official API for business and creator accounts. Comments and replies on the account's own
 *       media, other professional accounts' profiles and media through business discovery, hashtag media.
 *       Rate-limit feedback from {@code X-App-Usage} and {@code X-Business-Use-Case-Usage}.</li>
 *   <li><b>Web API</b> ({@link Backend#WEB}, credential {@code sessionid}, optionally {@code csrftoken} and
 *       {@code ds_user_id}): instagram.com's own API with a logged-in browser session. Comments with
 *       replies on any post the session can see, post media, profiles and their posts.</li>
 * </ul>
 *
 * <p>{@link Backend#AUTO} (the default) uses the Graph API when an {@code access_token} is set, else the
 * web API when a {@code sessionid} is set, else fails with {@code AUTH_REQUIRED}. Targets: posts
 * (comments, the post, its media), profiles (profile, posts, media) and hashtags (posts and media,
 * Graph API only). The host registers a configured instance with
 * {@code StarExport.builder().platform(InstagramPlatform.builder()….build())}; the no-arg constructor
 * gives the defaults. Immutable and thread-safe.
 */
public final class InstagramPlatform implements Platform {
    static final String ID = "instagram";
    private static final Pattern GRAPH_VERSION = Pattern.compile("v\\d{1,3}\\.\\d{1,2}");
    private static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    /** Which API to use. */
    public enum Backend {
        /** The Graph API when an access token is set, else the web API when a session cookie is set. */
        AUTO,
        /** The official Instagram Graph API on graph.facebook.com (credentials {@code access_token}, {@code ig_user_id}). */
        GRAPH,
        /** instagram.com's web API with a logged-in session cookie (credential {@code sessionid}). */
        WEB
    }

    /** Settings the extractors read. */
    record Settings(Backend backend, String graphVersion, String userAgent, int pageSize) {
    }

    private final Settings settings;

    /** Defaults: {@link Backend#AUTO}, Graph API {@code v25.0}, a desktop Chrome user agent, pages of 50. */
    public InstagramPlatform() {
        this(builder());
    }

    private InstagramPlatform(Builder builder) {
        this.settings = new Settings(builder.backend, builder.graphVersion, builder.userAgent, builder.pageSize);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Instagram";
    }

    /**
     * Recognises {@code instagram.com} (any subdomain) and {@code instagr.am} URLs. Throws
     * {@code INVALID_URL} for an Instagram URL that names no post, profile or hashtag, or a malformed
     * shortcode or username, and {@code UNSUPPORTED_CONTENT} for stories.
     */
    @Override
    public Optional<Target> resolve(URI url) {
        return InstagramUrls.resolve(url);
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return switch (kind) {
            case POST -> Set.of(Content.COMMENTS, Content.POSTS, Content.MEDIA);
            case PROFILE -> Set.of(Content.PROFILE, Content.POSTS, Content.MEDIA);
            case HASHTAG -> Set.of(Content.POSTS, Content.MEDIA);
            default -> Set.of();
        };
    }

    @Override
    public Extractor<? extends Item> extractor(ExportQuery query, PlatformContext context) {
        return backend(context.credentials()) == Backend.GRAPH
                ? new GraphBackend(settings, query, context).extractor()
                : new WebBackend(settings, query, context).extractor();
    }

    /** The backend the credentials select, or {@code AUTH_REQUIRED} naming what to set. */
    Backend backend(Credentials credentials) {
        boolean token = credentials.has("access_token");
        boolean session = credentials.has("sessionid");
        switch (settings.backend()) {
            case GRAPH:
                if (!token) {
                    throw ExportException.of(ErrorCode.AUTH_REQUIRED, "The Instagram Graph API backend needs an access "
                            + "token: set instagram.access_token (STAREXPORT_INSTAGRAM_ACCESS_TOKEN).");
                }
                return Backend.GRAPH;
            case WEB:
                if (!session) {
                    throw ExportException.of(ErrorCode.AUTH_REQUIRED, "The Instagram web backend needs a logged-in "
                            + "session cookie: set instagram.sessionid (STAREXPORT_INSTAGRAM_SESSIONID).");
                }
                return Backend.WEB;
            default:
                if (token) {
                    return Backend.GRAPH;
                }
                if (session) {
                    return Backend.WEB;
                }
                throw ExportException.of(ErrorCode.AUTH_REQUIRED, "Instagram needs credentials: a Graph API "
                        + "access_token (with ig_user_id) for business and creator accounts, or a logged-in sessionid "
                        + "cookie for the web API. See docs/platforms/instagram.md.");
        }
    }

    /**
     * Graph API: 60 requests a minute, slowed further by the usage headers. Web API: at most 200 requests in any
     * 11 minutes, bursts allowed: the sliding window Instaloader's rate controller keeps for one session.
     */
    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        boolean graph = settings.backend() == Backend.GRAPH
                || (settings.backend() == Backend.AUTO && credentials.has("access_token"));
        return graph ? RateLimit.perMinute(60) : RateLimit.perWindow(200, Duration.ofMinutes(11));
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.of("graph", "https://graph.facebook.com", "Instagram Graph API (business and creator accounts)"),
                Endpoint.of("web", InstagramUrls.WEB, "instagram.com web API (session cookie)"));
    }

    @Override
    public List<String> credentialNames() {
        return List.of("access_token", "ig_user_id", "sessionid", "csrftoken", "ds_user_id");
    }

    @Override
    public Set<String> mediaHosts() {
        return Set.of("cdninstagram.com", "fbcdn.net");
    }

    @Override
    public SampleStyle sampleStyle() {
        return InstagramSamples.STYLE;
    }

    /** Pauses the shared bucket from the Graph API's usage headers (see {@code UsageFeedback}). */
    @Override
    public void onResponse(HttpResponse response, RateLimitControl rateLimit) {
        UsageFeedback.pause(response).ifPresent(rateLimit::pauseFor);
    }

    @Override
    public String toString() {
        return "InstagramPlatform" + settings;
    }

    /** Builds an {@link InstagramPlatform}; each setting may be given once. */
    public static final class Builder {
        private Backend backend = Backend.AUTO;
        private String graphVersion = "v25.0";
        private String userAgent = DEFAULT_USER_AGENT;
        private int pageSize = 50;
        private final Set<String> set = new HashSet<>();

        private Builder() {
        }

        /** Which API to use; default {@link Backend#AUTO}. */
        public Builder backend(Backend backend) {
            once("backend");
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /** The Graph API version in request paths, such as {@code v25.0}; default {@code v25.0}. */
        public Builder graphApiVersion(String version) {
            once("graphApiVersion");
            if (!GRAPH_VERSION.matcher(Objects.requireNonNull(version, "version")).matches()) {
                throw new IllegalArgumentException("graphApiVersion must look like v25.0 but was '" + version + "'");
            }
            this.graphVersion = version;
            return this;
        }

        /** The browser user agent the web backend sends; default a desktop Chrome. */
        public Builder userAgent(String userAgent) {
            once("userAgent");
            if (Objects.requireNonNull(userAgent, "userAgent").isBlank()) {
                throw new IllegalArgumentException("userAgent must not be blank");
            }
            this.userAgent = userAgent;
            return this;
        }

        /**
         * Items asked for per request (Graph {@code limit}, at most 50 for hashtag media; web feed {@code count}, at
         * most 30), 1 to 100; default 50.
         */
        public Builder pageSize(int pageSize) {
            once("pageSize");
            if (pageSize < 1 || pageSize > 100) {
                throw new IllegalArgumentException("pageSize must be between 1 and 100 but was " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        public InstagramPlatform build() {
            return new InstagramPlatform(this);
        }

        private void once(String setting) {
            if (!set.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }
    }
}
