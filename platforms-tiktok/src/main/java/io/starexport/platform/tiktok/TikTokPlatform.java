package io.starexport.platform.tiktok;

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
import io.starexport.spi.SampleStyle;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * TikTok: comments and replies of a video, a user's videos, profiles, hashtag videos and media metadata.
 *
 * <p>Two backends:
 * <ul>
 *   <li><b>Research API</b> ({@code open.tiktokapis.com}) for approved researchers, with the credentials
 *   {@code client_key} and {@code client_secret} (environment {@code STAREXPORT_TIKTOK_CLIENT_KEY},
 *   {@code STAREXPORT_TIKTOK_CLIENT_SECRET}). Comments, videos and profiles; no media URLs and no
 *   commenter identities.</li>
 *   <li><b>Web API</b> ({@code www.tiktok.com}) that the TikTok site calls. No credentials needed, but
 *   TikTok may refuse unsigned requests: plug a {@link RequestSigner} in with {@link Builder#signer} and
 *   supply the browser's cookies as the {@code cookie} credential.</li>
 * </ul>
 * {@link Backend#AUTO} (the default) uses the Research API when both client credentials are set, except
 * for MEDIA, which only the web API has; otherwise the web API.
 *
 * <p>What each URL offers: a video ({@code /@user/video/ID}, {@code /@user/photo/ID}, short links…)
 * COMMENTS, POSTS (the video itself) and MEDIA; a profile ({@code /@user}) POSTS, PROFILE and MEDIA; a
 * hashtag ({@code /tag/NAME}) POSTS (Research API only).
 *
 * <p>Endpoint names: {@code research}, {@code web}, {@code vm} and {@code vt} (the short-link hosts).
 * Immutable and thread-safe. The no-arg constructor gives the defaults, for {@link java.util.ServiceLoader}.
 */
public final class TikTokPlatform implements Platform {

    /** Which TikTok API an export uses. */
    public enum Backend {
        /** The Research API when {@code client_key} and {@code client_secret} are set (web for MEDIA); else the web API. */
        AUTO,
        /** Always the Research API; fails with {@code AUTH_REQUIRED} without client credentials. */
        RESEARCH,
        /** Always the web API. */
        WEB
    }

    static final String ID = "tiktok";
    static final String CLIENT_KEY = "client_key";
    static final String CLIENT_SECRET = "client_secret";
    static final String COOKIE = "cookie";
    static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private final Backend backend;
    private final String userAgent;
    private final RequestSigner signer;
    private final int webPageSize;
    private final int researchPageSize;

    /** The defaults: {@link Backend#AUTO}, no signer, a desktop Chrome user agent. */
    public TikTokPlatform() {
        this(builder());
    }

    private TikTokPlatform(Builder builder) {
        this.backend = builder.backend == null ? Backend.AUTO : builder.backend;
        this.userAgent = builder.userAgent == null ? DEFAULT_USER_AGENT : builder.userAgent;
        this.signer = builder.signer;
        this.webPageSize = builder.webPageSize == null ? 20 : builder.webPageSize;
        this.researchPageSize = builder.researchPageSize == null ? 100 : builder.researchPageSize;
    }

    /** A builder for host options. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "TikTok";
    }

    @Override
    public Optional<Target> resolve(URI url) {
        return TikTokUrls.resolve(url);
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return switch (kind) {
            case VIDEO -> Set.copyOf(EnumSet.of(Content.COMMENTS, Content.POSTS, Content.MEDIA));
            case PROFILE -> Set.copyOf(EnumSet.of(Content.POSTS, Content.PROFILE, Content.MEDIA));
            case HASHTAG -> Set.of(Content.POSTS);
            default -> Set.of();
        };
    }

    @Override
    public Extractor<? extends Item> extractor(ExportQuery query, PlatformContext context) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(context, "context");
        if (useResearch(query.content(), context.credentials())) {
            if (query.content() == Content.MEDIA) {
                throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, "The TikTok Research API gives no media URLs. "
                        + "Export media with the web backend (TikTokPlatform.builder().backend(Backend.WEB) or AUTO).");
            }
            ResearchApi api = new ResearchApi(context, researchPageSize);
            WebApi shortLinks = new WebApi(context, userAgent, signer);
            return switch (query.content()) {
                case COMMENTS -> new ResearchComments(api, shortLinks, query);
                case PROFILE -> new ResearchProfile(api, query);
                default -> new ResearchVideos(api, shortLinks, query, context.clock());
            };
        }
        if (query.target().kind() == Target.Kind.HASHTAG) {
            throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, "Hashtag videos need the TikTok Research API: set "
                    + "the credentials client_key and client_secret. The web backend does not export hashtags.");
        }
        WebApi web = new WebApi(context, userAgent, signer);
        return switch (query.content()) {
            case COMMENTS -> new WebComments(web, query, webPageSize);
            case PROFILE -> new WebProfile(web, query);
            case POSTS, MEDIA -> query.target().kind() == Target.Kind.VIDEO ? new WebVideo(web, query)
                    : new WebUserVideos(web, query, context.clock());
        };
    }

    private boolean useResearch(Content content, Credentials credentials) {
        boolean key = credentials.has(CLIENT_KEY);
        boolean secret = credentials.has(CLIENT_SECRET);
        if (backend == Backend.WEB) {
            return false;
        }
        if (key != secret || (backend == Backend.RESEARCH && !key)) {
            throw ExportException.of(ErrorCode.AUTH_REQUIRED, "The TikTok Research API needs both client_key and "
                    + "client_secret (missing: " + (key ? CLIENT_SECRET : secret ? CLIENT_KEY : CLIENT_KEY + ", "
                    + CLIENT_SECRET) + "). Set them as credentials or as STAREXPORT_TIKTOK_CLIENT_KEY and "
                    + "STAREXPORT_TIKTOK_CLIENT_SECRET.");
        }
        return backend == Backend.RESEARCH || (key && content != Content.MEDIA);
    }

    /** One request per second with Research credentials (its quota is per day), one every two seconds on the web. */
    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        return credentials.has(CLIENT_KEY) ? RateLimit.perSecond(1) : RateLimit.perMinute(30);
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.of("research", "https://open.tiktokapis.com", "TikTok Research API"),
                Endpoint.of("web", "https://www.tiktok.com", "tiktok.com pages and web API; also /t/ short links"),
                Endpoint.of("vm", "https://vm.tiktok.com", "vm.tiktok.com short links"),
                Endpoint.of("vt", "https://vt.tiktok.com", "vt.tiktok.com short links"));
    }

    @Override
    public List<String> credentialNames() {
        return List.of(CLIENT_KEY, CLIENT_SECRET, COOKIE);
    }

    @Override
    public Set<String> mediaHosts() {
        return Set.of("tiktokcdn.com", "tiktokcdn-us.com", "tiktokcdn-eu.com", "tiktokv.com", "tiktokv.us",
                "tiktokv.eu", "tiktok.com", "ibyteimg.com", "byteoversea.com", "muscdn.com");
    }

    @Override
    public SampleStyle sampleStyle() {
        return TikTokSamples.STYLE;
    }

    /** A Research API daily-quota refusal (a 429) ends the request at once instead of being retried. */
    @Override
    public Optional<ExportException> finalError(HttpResponse response) {
        return ResearchApi.quotaRefusal(response);
    }

    @Override
    public String toString() {
        return "TikTokPlatform[backend=" + backend + ", signer=" + (signer != null) + ", webPageSize=" + webPageSize
                + ", researchPageSize=" + researchPageSize + "]";
    }

    /** Builds a {@link TikTokPlatform}. Each setting may be given once. Not thread-safe. */
    public static final class Builder {
        private Backend backend;
        private String userAgent;
        private RequestSigner signer;
        private Integer webPageSize;
        private Integer researchPageSize;

        private Builder() {
        }

        /** Which API to use; default {@link Backend#AUTO}. */
        public Builder backend(Backend backend) {
            once(this.backend, "backend");
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /** The {@code User-Agent} of web requests; default a current desktop Chrome. Signatures must match it. */
        public Builder userAgent(String userAgent) {
            once(this.userAgent, "userAgent");
            if (Objects.requireNonNull(userAgent, "userAgent").isBlank()) {
                throw new IllegalArgumentException("userAgent must not be blank");
            }
            this.userAgent = userAgent;
            return this;
        }

        /** Signs web API requests (see {@link RequestSigner}); default none, requests go out unsigned. */
        public Builder signer(RequestSigner signer) {
            once(this.signer, "signer");
            this.signer = Objects.requireNonNull(signer, "signer");
            return this;
        }

        /** Comments per web API page, 1 to 50; default 20, as the TikTok site asks. */
        public Builder webPageSize(int size) {
            once(this.webPageSize, "webPageSize");
            this.webPageSize = checkRange("webPageSize", size, 50);
            return this;
        }

        /** Records per Research API request ({@code max_count}), 1 to 100; default 100. */
        public Builder researchPageSize(int size) {
            once(this.researchPageSize, "researchPageSize");
            this.researchPageSize = checkRange("researchPageSize", size, 100);
            return this;
        }

        public TikTokPlatform build() {
            return new TikTokPlatform(this);
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + (current instanceof RequestSigner
                        ? "a signer" : String.valueOf(current)));
            }
        }

        private static int checkRange(String name, int value, int max) {
            if (value < 1 || value > max) {
                throw new IllegalArgumentException(name + " must be between 1 and " + max + " but was " + value);
            }
            return value;
        }
    }
}
