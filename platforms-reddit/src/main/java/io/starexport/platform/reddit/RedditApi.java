package io.starexport.platform.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Profile;
import io.starexport.api.Target;
import io.starexport.kit.Json;
import io.starexport.spi.Credentials;
import io.starexport.spi.Hosts;
import io.starexport.spi.HttpRequest;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.PluginCache;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reddit's HTTP API for one export: the OAuth token, the two access modes (bearer token to
 * {@code oauth.reddit.com}, or {@code .json} pages on {@code www.reddit.com}), share links, and the
 * mapping of Reddit's error statuses and block pages to {@link ExportException}s. Any text taken from an answer
 * passes {@link PlatformContext#redact(String)} before it goes into a message: Reddit may echo a credential.
 */
final class RedditApi {
    /** A token is renewed this long before Reddit says it expires. */
    static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);
    private static final Pattern TITLE = Pattern.compile("<title>([^<]{0,200})</title>", Pattern.CASE_INSENSITIVE);
    private static final int MAX_SHARE_HOPS = 5;
    private static final Pattern SUBREDDIT_PATH = Pattern.compile("/r/([^/]+)");

    private final PlatformContext context;
    private final boolean oauth;
    private final String userAgent;

    RedditApi(PlatformContext context, boolean oauth, String userAgent) {
        this.context = context;
        this.oauth = oauth;
        this.userAgent = userAgent;
        if (oauth) {
            checkCredentials(context.credentials());
        }
    }

    boolean oauth() {
        return oauth;
    }

    /** GET a listing or thing: {@code path} is Reddit's path without {@code .json}, such as {@code /r/pics/hot}. */
    JsonNode get(String path, Map<String, ?> parameters) {
        HttpResponse response = send(() -> {
            HttpRequest.Builder request = HttpRequest.get(base().resolve(oauth ? path : path + ".json"));
            parameters.forEach(request::query);
            return request.query("raw_json", 1);
        });
        // Reddit redirects a subreddit it does not know to a subreddit search, which the engine follows.
        String landed = response.url().getPath() == null ? "" : response.url().getPath();
        if (landed.startsWith("/subreddits/search") && !path.startsWith("/subreddits/search")) {
            Matcher sub = SUBREDDIT_PATH.matcher(path);
            throw ExportException.of(ErrorCode.NOT_FOUND, "Reddit has no " + (sub.lookingAt() ? "subreddit r/"
                    + sub.group(1) : path) + " (it redirected to a subreddit search); check the name.");
        }
        return json(response, path);
    }

    /**
     * {@code /api/morechildren} for up to 100 comment ids: a form POST on the OAuth API, as PRAW sends it,
     * and a GET on the public endpoint, which accepts no POST without a session.
     */
    JsonNode moreChildren(String linkFullname, List<String> ids, String sort) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_type", "json");
        form.put("children", String.join(",", ids));
        form.put("link_id", linkFullname);
        form.put("sort", sort);
        JsonNode root = json(send(() -> {
            if (oauth) {
                return HttpRequest.postForm(URI.create(base().resolve("/api/morechildren") + "?raw_json=1"), form)
                        .idempotent(true);
            }
            // api_type=json makes the plain path answer JSON, as gallery-dl calls it without OAuth.
            HttpRequest.Builder request = HttpRequest.get(base().resolve("/api/morechildren"));
            form.forEach(request::query);
            return request.query("raw_json", 1);
        }), "/api/morechildren");
        JsonNode errors = root.path("json").path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            String text = context.redact(errors.toString());
            if (text.contains("RATELIMIT")) {
                throw ExportException.rateLimited("Reddit refused to expand more comments for now: " + text, null);
            }
            throw ExportException.of(ErrorCode.PLATFORM_CHANGED, "Reddit refused to expand more comments: " + text);
        }
        return root;
    }

    /** The about data of a subreddit ({@code /r/SUB/about}, a {@code t5}) or a user ({@code /user/NAME/about}, a {@code t2}). */
    Profile about(Target target) {
        boolean community = target.kind() == Target.Kind.COMMUNITY;
        JsonNode root = get(community ? "/r/" + target.id() + "/about" : "/user/" + target.id() + "/about", Map.of());
        String kind = root.path("kind").asText("");
        if (community && kind.equals("Listing")) {
            throw ExportException.of(ErrorCode.NOT_FOUND, "Reddit has no subreddit r/" + target.id()
                    + " (it answered with a subreddit search).");
        }
        if (!kind.equals(community ? "t5" : "t2")) {
            throw ExportException.platformChanged(RedditPlatform.ID, "kind", "expected " + (community ? "t5" : "t2")
                    + " but found '" + kind + "'");
        }
        return community ? Things.subreddit(root.path("data"), "data") : Things.user(root.path("data"), "data");
    }

    /** The post or comment an app share link ({@code /r/SUB/s/CODE}) stands for, following its redirects. */
    Target resolveShare(Target share) {
        URI next = web(URI.create(share.attributes().getOrDefault("shareUrl", share.url())));
        for (int hop = 0; hop < MAX_SHARE_HOPS; hop++) {
            URI current = next;
            HttpResponse response = context.http().send(HttpRequest.get(current).header("User-Agent", userAgent).build());
            // The engine follows redirects on the same host itself: where it ended names the post, whatever
            // that page answered (often an HTML page, or a block page for anonymous clients).
            Optional<Target> landed = response.url().getPath().equals(current.getPath()) ? Optional.empty()
                    : postOrComment(response.url());
            if (landed.isPresent()) {
                return landed.get();
            }
            if (response.status() >= 300 && response.status() < 400) {
                String location = response.header("Location").orElseThrow(() -> ExportException.platformChanged(
                        RedditPlatform.ID, "Location", "a share link redirect without a Location header"));
                URI target = current.resolve(location);
                boolean relative = URI.create(location).getHost() == null;
                if (!relative && !Hosts.matches(target.getHost(), "reddit.com") && !Hosts.matches(target.getHost(), "redd.it")) {
                    throw ExportException.of(ErrorCode.INVALID_URL, "The share link " + share.url()
                            + " leads outside Reddit (" + target.getHost() + "); only Reddit hosts are followed.");
                }
                Optional<Target> resolved = postOrComment(target);
                if (resolved.isPresent()) {
                    return resolved.get();
                }
                next = web(target);
            } else if (response.isSuccessful()) {
                return postOrComment(response.url()).orElseThrow(() -> ExportException.of(ErrorCode.NOT_FOUND,
                        "The share link " + share.url() + " did not lead to a Reddit post."));
            } else if (response.status() == 404) {
                throw ExportException.of(ErrorCode.NOT_FOUND, "The share link " + share.url()
                        + " is unknown to Reddit or has expired.");
            } else {
                throw failure(response, "the share link " + share.url());
            }
        }
        throw ExportException.of(ErrorCode.INVALID_URL, "The share link " + share.url() + " redirected more than "
                + MAX_SHARE_HOPS + " times without reaching a post.");
    }

    /** A post or comment target when a URL's path names one (ignoring the host); empty otherwise. */
    private static Optional<Target> postOrComment(URI url) {
        try {
            URI onWeb = URI.create(RedditUrls.WEB + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
            return RedditUrls.resolve(onWeb).filter(t -> (t.kind() == Target.Kind.POST || t.kind() == Target.Kind.COMMENT)
                    && !t.attributes().containsKey("short"));
        } catch (ExportException | IllegalArgumentException notAPost) {
            return Optional.empty();
        }
    }

    /** A Reddit URL moved onto the {@code www} endpoint, so that only Reddit (or the host's override) is asked. */
    private URI web(URI reddit) {
        return URI.create(context.endpoint("www").resolve(reddit.getRawPath()) + (reddit.getRawQuery() == null ? ""
                : "?" + reddit.getRawQuery()));
    }

    private URI base() {
        return context.endpoint(oauth ? "oauth" : "www");
    }

    /** Sends a request, with a fresh token once when Reddit rejects a cached one. */
    private HttpResponse send(Supplier<HttpRequest.Builder> request) {
        HttpResponse response = context.http().send(authorised(request.get(), false).build());
        if (oauth && response.status() == 401) {
            response = context.http().send(authorised(request.get(), true).build());
            if (response.status() == 401) {
                throw ExportException.of(ErrorCode.AUTH_FAILED, "Reddit rejected a fresh OAuth token (401). Check that "
                        + "the app is allowed to use the API and that the account is not suspended.");
            }
        }
        return response;
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request, boolean freshToken) {
        request.header("User-Agent", userAgent);
        if (oauth) {
            request.header("Authorization", "bearer " + token(freshToken));
        }
        return request;
    }

    private JsonNode json(HttpResponse response, String what) {
        if (!response.isSuccessful()) {
            throw failure(response, what);
        }
        if (isHtml(response)) {
            throw blockPage(response, what);
        }
        // A blank body goes on as a missing node: a tree request asks once more (CommentExtractor.tree).
        return response.bodyText().isBlank() ? MissingNode.getInstance() : Json.parse(RedditPlatform.ID, response.body(), what);
    }

    /** The exception for a non-2xx answer. */
    ExportException failure(HttpResponse response, String what) {
        int status = response.status();
        if (status == 451) {
            return ExportException.of(ErrorCode.NOT_FOUND, "Reddit withholds " + what
                    + " for legal reasons (451) in the requesting region.");
        }
        if (isHtml(response) && status != 404) {
            return blockPage(response, what);
        }
        String reason = reason(response);
        return switch (status) {
            case 401 -> oauth
                    ? ExportException.of(ErrorCode.AUTH_FAILED, "Reddit rejected the OAuth token for " + what + " (401).")
                    : ExportException.of(ErrorCode.AUTH_REQUIRED, "Reddit wants an OAuth login for " + what
                            + "; set the client_id and client_secret credentials.");
            case 403 -> ExportException.of(ErrorCode.PRIVATE_CONTENT, switch (reason) {
                case "private" -> "This subreddit is private; only approved members can read " + what + ".";
                case "quarantined" -> "This subreddit is quarantined; Reddit shows it only to accounts that opted "
                        + "in on the website. Use OAuth as a script app with such an account.";
                case "gated" -> "This subreddit is gated behind a content advisory; Reddit shows it only to "
                        + "accounts that accepted it on the website. Use OAuth as a script app with such an account.";
                case "gold_only" -> "This subreddit is for premium members only.";
                default -> "Reddit refused access to " + what + " (403" + (reason.isEmpty() ? "" : ", " + reason)
                        + "): it is private, quarantined or needs an account with access.";
            });
            case 404, 410 -> ExportException.of(ErrorCode.NOT_FOUND, reason.equals("banned")
                    ? "This subreddit was banned by Reddit; " + what + " is gone."
                    : "Reddit has no " + what + " (" + status + "); it was deleted or never existed.");
            default -> {
                if (status >= 300 && status < 400) {
                    yield ExportException.of(ErrorCode.PLATFORM_CHANGED, "Reddit redirected " + what + " to "
                            + context.redact(response.header("Location").orElse("nowhere")) + " instead of answering it.");
                }
                yield ExportException.of(ErrorCode.PLATFORM_CHANGED, "Reddit refused " + what + " with HTTP " + status
                        + (reason.isEmpty() ? "" : " (" + reason + ")")
                        + "; Star Export may need an update for this platform, please report it.");
            }
        };
    }

    /** {@code reason} (in lower case), else {@code message}, of a JSON error body, redacted; empty when there is none. */
    private String reason(HttpResponse response) {
        JsonNode body = Json.parseOrNull(response.body());
        if (body != null && body.isObject()) {
            String reason = body.path("reason").asText("");
            return reason.isEmpty() ? context.redact(body.path("message").asText(""))
                    : context.redact(reason).toLowerCase(Locale.ROOT);
        }
        return "";
    }

    private static boolean isHtml(HttpResponse response) {
        if (response.header("Content-Type").map(type -> type.toLowerCase(Locale.ROOT).contains("html")).orElse(false)) {
            return true;
        }
        byte[] body = response.body();
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }

    /** An HTML page where JSON was expected: a network-security block, a login wall or an age gate. */
    private ExportException blockPage(HttpResponse response, String what) {
        Matcher title = TITLE.matcher(response.bodyText());
        String named = title.find() ? " ('" + context.redact(title.group(1).strip()) + "')" : "";
        String path = response.url().getPath() == null ? "" : response.url().getPath();
        if (path.contains("over18")) {
            return ExportException.of(ErrorCode.AUTH_REQUIRED, "Reddit showed its over-18 confirmation page" + named
                    + " instead of " + what + "; export NSFW content through OAuth with an account that allows it.");
        }
        if (path.contains("quarantine")) {
            return ExportException.of(ErrorCode.PRIVATE_CONTENT, "Reddit showed its quarantine page" + named
                    + " instead of " + what + "; opt in on the website and use OAuth with that account.");
        }
        String message = "Reddit answered " + what + " with an HTML page" + named + " (HTTP " + response.status()
                + ") instead of JSON: a block page. ";
        return oauth
                ? ExportException.of(ErrorCode.NETWORK, message + "Something between you and Reddit (a proxy, a "
                        + "captive portal or Reddit's network security) intercepted the request; try again later.")
                : ExportException.of(ErrorCode.AUTH_REQUIRED, message + "Reddit blocks anonymous requests it does "
                        + "not trust; set OAuth credentials (client_id and client_secret) and a descriptive user "
                        + "agent, or try from another network.");
    }

    // ---- OAuth -------------------------------------------------------------------------------------

    /** An access token and when Reddit stops accepting it. {@link #toString()} hides the token. */
    record Token(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[*** until " + expiresAt + "]";
        }
    }

    private static void checkCredentials(Credentials credentials) {
        if (credentials.has("username") != credentials.has("password")) {
            throw ExportException.of(ErrorCode.AUTH_REQUIRED, "Reddit's password grant needs both the username and "
                    + "password credentials; only " + (credentials.has("username") ? "username" : "password")
                    + " is set.");
        }
        if (credentials.has("username") && !credentials.has("client_secret")) {
            throw ExportException.of(ErrorCode.AUTH_REQUIRED, "Reddit's password grant is for script apps and needs "
                    + "the client_secret credential too.");
        }
    }

    private String token(boolean fresh) {
        PluginCache<String, Token> tokens = context.cache("oauth-tokens", Duration.ofDays(1), 256);
        String key = fingerprint(context.credentials());
        Instant now = context.clock().instant();
        if (!fresh) {
            Optional<Token> cached = tokens.get(key);
            if (cached.isPresent() && now.isBefore(cached.get().expiresAt().minus(TOKEN_MARGIN))) {
                return cached.get().value();
            }
        }
        Token token = fetchToken(now);
        tokens.put(key, token);
        return token.value();
    }

    /**
     * {@code POST /api/v1/access_token} with HTTP Basic client authentication: the password grant when
     * {@code username} is set (script apps), client credentials when {@code client_secret} is set
     * (application-only), and the installed-client grant for an app without a secret.
     */
    private Token fetchToken(Instant now) {
        Credentials credentials = context.credentials();
        String clientId = credentials.get("client_id").orElseThrow();
        String secret = credentials.get("client_secret").orElse("");
        Map<String, String> form = new LinkedHashMap<>();
        if (credentials.has("username")) {
            form.put("grant_type", "password");
            form.put("username", credentials.get("username").orElseThrow());
            form.put("password", credentials.get("password").orElseThrow());
        } else if (!secret.isEmpty()) {
            form.put("grant_type", "client_credentials");
        } else {
            form.put("grant_type", "https://oauth.reddit.com/grants/installed_client");
            form.put("device_id", "DO_NOT_TRACK_THIS_DEVICE");
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse response = context.http().send(HttpRequest.postForm(
                        context.endpoint("www").resolve("/api/v1/access_token"), form)
                .header("Authorization", "Basic " + basic).header("User-Agent", userAgent).idempotent(true).build());
        if (response.status() == 401 || response.status() == 403) {
            throw ExportException.of(ErrorCode.AUTH_FAILED, "Reddit rejected the client_id and client_secret ("
                    + response.status() + "); copy them again from https://www.reddit.com/prefs/apps.");
        }
        if (isHtml(response)) {
            throw blockPage(response, "the token request");
        }
        JsonNode body = Json.parse(RedditPlatform.ID, response.body(), "the token answer");
        if (body.hasNonNull("error") || !response.isSuccessful()) {
            String error = context.redact(body.path("error").asText(String.valueOf(response.status())));
            throw ExportException.of(ErrorCode.AUTH_FAILED, switch (error) {
                case "invalid_grant" -> "Reddit rejected the username or password (invalid_grant). An account with "
                        + "two-factor authentication needs the password as password:otp.";
                case "unauthorized_client" -> "Reddit refused the password grant (unauthorized_client): only script "
                        + "apps may use it. Use a script app, or drop username and password for app-only access.";
                case "unsupported_grant_type" -> "Reddit refused the grant type for this app (unsupported_grant_type).";
                default -> "Reddit refused the token request (" + error + ").";
            });
        }
        String accessToken = body.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw ExportException.platformChanged(RedditPlatform.ID, "access_token", "missing from the token answer");
        }
        long expiresIn = body.path("expires_in").asLong(3600);
        return new Token(accessToken, now.plusSeconds(expiresIn));
    }

    /** A cache key for the credentials that never holds a secret. */
    private String fingerprint(Credentials credentials) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(context.endpoint("www").toString().getBytes(StandardCharsets.UTF_8));
            for (String name : List.of("client_id", "client_secret", "username", "password")) {
                digest.update((name + "=" + credentials.get(name).orElse("") + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
