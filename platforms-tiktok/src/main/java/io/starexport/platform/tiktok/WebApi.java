package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Target;
import io.starexport.kit.Json;
import io.starexport.spi.Hosts;
import io.starexport.spi.HttpRequest;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.PluginCache;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TikTok web API as the site's own client calls it: the standard web query parameters, the host's
 * cookies and signer, and TikTok's ways of refusing (an empty 200 body, a non-zero {@code status_code},
 * a captcha or verification page, a redirect to the login page).
 */
final class WebApi {
    private static final Pattern REHYDRATION = Pattern.compile(
            "<script[^>]*\\bid=\"__UNIVERSAL_DATA_FOR_REHYDRATION__\"[^>]*>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern SIGI_STATE = Pattern.compile(
            "<script[^>]*\\bid=\"SIGI_STATE\"[^>]*>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern MS_TOKEN = Pattern.compile("(?:^|;)\\s*msToken=([^;]+)");
    private static final int MAX_SHORT_LINK_HOPS = 5;

    private final PlatformContext context;
    private final String userAgent;
    private final RequestSigner signer;
    /** A random web device id per export, as the site generates one per browser. */
    private final String deviceId;

    WebApi(PlatformContext context, String userAgent, RequestSigner signer) {
        this.context = context;
        this.userAgent = userAgent;
        this.signer = signer;
        this.deviceId = String.valueOf(7_000_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L));
    }

    // ---- JSON API ---------------------------------------------------------------------------------

    /** GET a web API path with the standard parameters plus {@code params}, signed when a signer is set. */
    JsonNode getJson(String path, Map<String, Object> params, String fromPage) {
        return request(path, params, fromPage, false);
    }

    /** Like {@link #getJson}, but null when TikTok answers with its empty-body block, for a caller with another way. */
    JsonNode getJsonUnlessBlocked(String path, Map<String, Object> params, String fromPage) {
        return request(path, params, fromPage, true);
    }

    private JsonNode request(String path, Map<String, Object> params, String fromPage, boolean nullWhenBlocked) {
        HttpRequest.Builder builder = HttpRequest.get(context.endpoint("web").resolve(path));
        standardParameters(fromPage).forEach(builder::query);
        params.forEach(builder::query);
        cookieValue(MS_TOKEN).ifPresent(token -> builder.query("msToken", token));
        HttpRequest unsigned = builder.build();
        HttpRequest.Builder signed = HttpRequest.get(unsigned.url());
        RequestSigner.Signature signature = sign(unsigned.url());
        signature.queryParameters().forEach(signed::query);
        signature.headers().forEach(signed::header);
        browserHeaders(signed);
        HttpResponse response = context.http().send(signed.build());
        String body = checkStatus(response, path).trim();
        if (body.isEmpty()) {
            if (nullWhenBlocked) {
                return null;
            }
            throw blocked(path, "an empty body");
        }
        if (body.startsWith("<")) {
            throw verificationPage(path);
        }
        JsonNode json = Json.parse(TikTokPlatform.ID, body, path);
        long status = statusCode(json);
        if (status != 0) {
            throw statusError(status, Json.text(json, "status_msg") != null ? Json.text(json, "status_msg")
                    : Json.text(json, "statusMsg"), path);
        }
        return json;
    }

    /** The standard query parameters of the TikTok web client (as TikTok-Api and yt-dlp send them). */
    private Map<String, Object> standardParameters(String fromPage) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("aid", "1988");
        params.put("app_language", "en");
        params.put("app_name", "tiktok_web");
        params.put("browser_language", "en-US");
        params.put("browser_name", "Mozilla");
        params.put("browser_online", "true");
        params.put("browser_platform", "Win32");
        params.put("browser_version", userAgent.startsWith("Mozilla/") ? userAgent.substring(8) : userAgent);
        params.put("channel", "tiktok_web");
        params.put("cookie_enabled", "true");
        params.put("device_id", deviceId);
        params.put("device_platform", "web_pc");
        params.put("focus_state", "true");
        params.put("from_page", fromPage);
        params.put("history_len", "2");
        params.put("is_fullscreen", "false");
        params.put("is_page_visible", "true");
        params.put("language", "en");
        params.put("os", "windows");
        params.put("priority_region", "");
        params.put("referer", "");
        params.put("region", "US");
        params.put("screen_height", "1080");
        params.put("screen_width", "1920");
        params.put("tz_name", "UTC");
        params.put("webcast_language", "en");
        return params;
    }

    private RequestSigner.Signature sign(URI url) {
        if (signer == null) {
            return RequestSigner.Signature.NONE;
        }
        try {
            RequestSigner.Signature signature = signer.sign(url, userAgent);
            return signature == null ? RequestSigner.Signature.NONE : signature;
        } catch (RuntimeException e) {
            // the signer saw the URL with the cookie's msToken in it, and may quote it: the message is masked,
            // and the exception itself is not kept as the cause, where logs would show it unmasked
            String reason = String.valueOf(e);
            String msToken = cookieValue(MS_TOKEN).orElse(null);
            if (msToken != null && !msToken.isEmpty()) {
                reason = reason.replace(msToken, "***");
            }
            throw ExportException.of(ErrorCode.AUTH_FAILED, context.redact("The TikTok request signer failed: " + reason
                    + ". Fix the signer given to TikTokPlatform.builder().signer(...)."));
        }
    }

    private void browserHeaders(HttpRequest.Builder builder) {
        builder.header("User-Agent", userAgent).header("Referer", TikTokUrls.WEB + "/")
                .header("Accept-Language", "en-US,en;q=0.9");
        context.credentials().get(TikTokPlatform.COOKIE).ifPresent(cookie -> builder.header("Cookie", cookie));
    }

    private Optional<String> cookieValue(Pattern pattern) {
        return context.credentials().get(TikTokPlatform.COOKIE).map(pattern::matcher).filter(Matcher::find)
                .map(m -> m.group(1).trim());
    }

    private static long statusCode(JsonNode json) {
        Long code = Json.number(json, "status_code");
        if (code == null) {
            code = Json.number(json, "statusCode");
        }
        return code == null ? 0 : code;
    }

    // ---- pages ------------------------------------------------------------------------------------

    /** The {@code __DEFAULT_SCOPE__[scope]} object of a TikTok page's rehydration data, or null when the page has none. */
    JsonNode pageData(String path, String scope) {
        HttpRequest.Builder builder = HttpRequest.get(context.endpoint("web").resolve(path));
        browserHeaders(builder);
        builder.header("Accept", "text/html,application/xhtml+xml");
        HttpResponse response = context.http().send(builder.build());
        String html = checkStatus(response, path);
        if (response.url().getPath() != null && response.url().getPath().startsWith("/login")) {
            throw ExportException.of(ErrorCode.AUTH_REQUIRED, "TikTok sent the page " + path + " to its login page. "
                    + "Supply the cookies of a logged-in browser as the TikTok credential 'cookie'.");
        }
        if (html.isBlank()) {
            throw blocked(path, "an empty page");
        }
        Matcher matcher = REHYDRATION.matcher(html);
        if (matcher.find()) {
            JsonNode data = Json.parse(TikTokPlatform.ID, matcher.group(1), path + " __UNIVERSAL_DATA_FOR_REHYDRATION__");
            JsonNode scoped = data.path("__DEFAULT_SCOPE__").get(scope);
            // a page with data for other scopes only (no video or user in it): the caller's other way, if any
            return scoped == null || !scoped.isObject() ? null : scoped;
        }
        Matcher sigi = SIGI_STATE.matcher(html);
        if (sigi.find()) {
            return sigiScope(Json.parse(TikTokPlatform.ID, sigi.group(1), path + " SIGI_STATE"), scope, path.substring(path.lastIndexOf('/') + 1));
        }
        if (isVerificationPage(html)) {
            throw verificationPage(path);
        }
        return null;
    }

    /**
     * The older SIGI_STATE page data, reshaped like the rehydration scope the callers read; {@code key} is
     * the last path segment, the video id whose {@code ItemModule} entry is wanted (the first one otherwise).
     */
    private static JsonNode sigiScope(JsonNode sigi, String scope, String key) {
        ObjectNode shaped = Json.object();
        if (scope.equals("webapp.video-detail")) {
            JsonNode items = sigi.path("ItemModule");
            if (items.isObject() && items.size() > 0) {
                shaped.put("statusCode", 0);
                shaped.putObject("itemInfo").set("itemStruct", items.has(key) ? items.get(key) : items.elements().next());
            } else {
                shaped.set("statusCode", sigi.path("VideoPage").path("statusCode"));
            }
        } else {
            JsonNode users = sigi.path("UserModule").path("users");
            JsonNode stats = sigi.path("UserModule").path("stats");
            if (users.isObject() && users.size() > 0) {
                shaped.put("statusCode", 0);
                shaped.putObject("userInfo").set("user", users.elements().next());
                if (stats.isObject() && stats.size() > 0) {
                    ((ObjectNode) shaped.get("userInfo")).set("stats",
                            stats.elements().next());
                }
            } else {
                shaped.set("statusCode", sigi.path("UserPage").path("statusCode"));
            }
        }
        return shaped;
    }

    /** Throws the error a non-zero rehydration {@code statusCode} stands for. */
    void checkPageStatus(JsonNode scoped, String path) {
        long status = Json.number(scoped, "statusCode") == null ? 0 : Json.number(scoped, "statusCode");
        if (status != 0) {
            throw statusError(status, Json.text(scoped, "statusMsg"), path);
        }
    }

    // ---- short links ------------------------------------------------------------------------------

    /**
     * The video a short link stands for, following its redirects only to TikTok hosts. Cached per engine for
     * a day, as a short link keeps pointing at the same video.
     */
    Target followShortLink(Target target) {
        PluginCache<String, Target> cache = context.cache("short-links", Duration.ofDays(1), 10_000);
        return cache.get(target.url(), url -> follow(URI.create(url)));
    }

    private Target follow(URI shortLink) {
        URI link = shortLink;
        for (int hop = 0; hop < MAX_SHORT_LINK_HOPS; hop++) {
            HttpRequest.Builder request = HttpRequest.get(onEndpoint(link));
            browserHeaders(request);
            HttpResponse response = context.http().send(request.build());
            int status = response.status();
            if (status >= 300 && status < 400) {
                String location = response.header("Location").orElseThrow(() -> ExportException.platformChanged(
                        TikTokPlatform.ID, "Location", "a redirect without a Location header for " + shortLink));
                URI next = link.resolve(location.trim());
                if (!TikTokUrls.isTikTokHost(next.getHost())) {
                    throw ExportException.of(ErrorCode.INVALID_URL, "The short link " + shortLink + " redirects to "
                            + next.getHost() + ", which is not a TikTok host; Star Export does not follow it.");
                }
                Optional<Target> resolved = resolveQuietly(next);
                if (resolved.isPresent() && resolved.get().attributes().containsKey("short")) {
                    link = next;
                    continue;
                }
                return videoOrFail(shortLink, resolved, next);
            }
            if (response.isSuccessful()) {
                URI landed = URI.create(link.getScheme() + "://" + link.getHost() + response.url().getRawPath());
                return videoOrFail(shortLink, resolveQuietly(landed), landed);
            }
            if (status == 404 || status == 410) {
                throw ExportException.of(ErrorCode.NOT_FOUND, "The TikTok short link " + shortLink
                        + " does not exist (HTTP " + status + ").");
            }
            checkStatus(response, shortLink.getPath());
        }
        throw ExportException.of(ErrorCode.NOT_FOUND, "The TikTok short link " + shortLink + " redirected more than "
                + MAX_SHORT_LINK_HOPS + " times without reaching a video.");
    }

    private static Optional<Target> resolveQuietly(URI url) {
        try {
            return TikTokUrls.resolve(url);
        } catch (ExportException notAVideo) {
            return Optional.empty();
        }
    }

    private static Target videoOrFail(URI shortLink, Optional<Target> resolved, URI landed) {
        if (resolved.isPresent() && resolved.get().kind() == Target.Kind.VIDEO
                && !resolved.get().attributes().containsKey("short")) {
            return resolved.get();
        }
        if (resolved.isPresent() && resolved.get().kind() == Target.Kind.PROFILE) {
            throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, "The short link " + shortLink + " leads to the "
                    + "profile " + resolved.get().url() + "; export that URL instead.");
        }
        throw ExportException.of(ErrorCode.NOT_FOUND, "The TikTok short link " + shortLink + " does not lead to a "
                + "video (it leads to " + landed.getHost() + landed.getPath() + "); it may have expired.");
    }

    /** The short link's path on the endpoint that serves its host. */
    private URI onEndpoint(URI link) {
        String host = link.getHost();
        String endpoint = Hosts.matches(host, "vm.tiktok.com") ? "vm"
                : Hosts.matches(host, "vt.tiktok.com") ? "vt" : "web";
        String path = link.getRawPath() == null || link.getRawPath().isEmpty() ? "/" : link.getRawPath();
        return context.endpoint(endpoint).resolve(path + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
    }

    // ---- errors -----------------------------------------------------------------------------------

    /** The body of a 2xx response; errors for the statuses the engine leaves to plugins. */
    private String checkStatus(HttpResponse response, String what) {
        int status = response.status();
        if (response.isSuccessful()) {
            return response.bodyText();
        }
        String name = "TikTok answered HTTP " + status + " to " + what;
        if (status == 404 || status == 410) {
            throw ExportException.of(ErrorCode.NOT_FOUND, name + ": it does not exist or was deleted.");
        }
        if (status == 401 || status == 403) {
            throw ExportException.of(ErrorCode.AUTH_REQUIRED, name + ". TikTok refuses this client; supply the cookies "
                    + "of a browser session as the TikTok credential 'cookie'" + (signer == null
                    ? " and a request signer with TikTokPlatform.builder().signer(...)." : "."));
        }
        if (status >= 300 && status < 400) {
            throw ExportException.of(ErrorCode.AUTH_REQUIRED, name + ", a redirect to "
                    + response.header("Location").map(l -> URI.create(l.trim()).getHost()).orElse("elsewhere")
                    + " (usually a login or verification page). Supply the TikTok credential 'cookie'.");
        }
        throw ExportException.platformChanged(TikTokPlatform.ID, what, "HTTP " + status);
    }

    /** TikTok's bot block: a 200 with nothing in it. */
    private ExportException blocked(String what, String found) {
        if (signer == null) {
            return ExportException.of(ErrorCode.AUTH_REQUIRED, "TikTok answered " + what + " with " + found + ", its "
                    + "block for requests it does not trust. TikTok wants signed requests (X-Bogus, msToken): plug a "
                    + "signer in with TikTokPlatform.builder().signer(...), supply the cookies of a browser session "
                    + "as the TikTok credential 'cookie', or use the Research API (client_key, client_secret).");
        }
        return ExportException.rateLimited("TikTok answered the signed request " + what + " with " + found + ", its "
                + "block for requests it does not trust. Try again later, refresh the 'cookie' credential (msToken), "
                + "or check the signer.", null);
    }

    private static boolean isVerificationPage(String html) {
        return html.contains("captcha-verify") || html.contains("id=\"cs\"") || html.contains("verify-bar")
                || html.contains("_wafchallengeid") || html.contains("Please wait...");
    }

    private static ExportException verificationPage(String what) {
        return ExportException.rateLimited("TikTok answered " + what + " with a captcha or verification page: it "
                + "suspects automated traffic. Slow down, use another network or proxy, or supply the cookies of a "
                + "browser that passed the check as the TikTok credential 'cookie'.", null);
    }

    /** A non-zero {@code status_code}/{@code statusCode} as the error it stands for. */
    private ExportException statusError(long status, String message, String what) {
        String detail = " (TikTok status " + status + (message == null ? "" : ": " + message) + ")";
        if (status == 10202 || status == 10204 || status == 10221) {
            return ExportException.of(ErrorCode.NOT_FOUND, "TikTok says " + what + " does not exist or was removed"
                    + detail + (status == 10204 ? "; TikTok also answers so when it blocks this network (try another)"
                    : "") + ".");
        }
        if (status == 10216 || status == 10222) {
            return ExportException.of(ErrorCode.PRIVATE_CONTENT, "TikTok says " + what + " is private" + detail
                    + ". Supply the 'cookie' credential of an account that may see it.");
        }
        if (status == 10231) {
            return ExportException.of(ErrorCode.NOT_FOUND, "TikTok does not offer " + what + " in this region"
                    + detail + "; try a proxy in another region.");
        }
        if (signer == null) {
            return ExportException.of(ErrorCode.AUTH_REQUIRED, "TikTok refused the unsigned request " + what + detail
                    + ". Plug a signer in with TikTokPlatform.builder().signer(...) and supply the cookies of a "
                    + "browser session as the TikTok credential 'cookie'.");
        }
        return ExportException.rateLimited("TikTok refused the request " + what + detail + ". Try again later or "
                + "refresh the 'cookie' credential.", null);
    }
}
