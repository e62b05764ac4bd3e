package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.kit.Json;
import io.starexport.spi.HttpRequest;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.PlatformContext;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The keyless web client: {@code POST /youtubei/v1/next} and {@code /youtubei/v1/player} with the WEB
 * client context and no API key, as NewPipe sends them (NPX-MOCK {@code generated_mock_2.json} request:
 * {@code X-YouTube-Client-Name: 1}, {@code X-YouTube-Client-Version}, {@code Origin}, {@code Referer}
 * and the {@code SOCS=CAE=} consent cookie). Language {@code en}, so relative times and counts parse.
 *
 * <p>Answers that are not data become typed errors: the EU consent page, Google's "unusual traffic" and
 * "confirm you're not a bot" checks, and InnerTube error bodies.
 */
final class WebClient {
    private static final Duration BOT_CHECK_PAUSE = Duration.ofMinutes(1);
    private static final String NO_KEY_HINT = " Configure a YouTube Data API key (credential api_key) to export "
            + "through the official API instead.";

    private final PlatformContext context;
    private final String clientVersion;
    private final String userAgent;

    WebClient(PlatformContext context, String clientVersion, String userAgent) {
        this.context = context;
        this.clientVersion = clientVersion;
        this.userAgent = userAgent;
    }

    /** {@code /next} for a video: the watch page's data, with the comments continuation and sort menu. */
    JsonNode nextForVideo(String videoId) {
        return call("next", body().put("videoId", videoId), "video " + videoId);
    }

    /** {@code /next} with a continuation token: a comments or replies page. */
    JsonNode nextContinuation(String token, String subject) {
        return call("next", body().put("continuation", token), subject);
    }

    /** {@code /player} for a video: playability, details and streaming formats. */
    JsonNode player(String videoId) {
        return call("player", body().put("videoId", videoId).put("contentCheckOk", true).put("racyCheckOk", true),
                "video " + videoId);
    }

    private ObjectNode body() {
        ObjectNode body = Json.object();
        ObjectNode client = body.putObject("context").putObject("client");
        client.put("hl", "en").put("gl", "US").put("clientName", "WEB").put("clientVersion", clientVersion)
                .put("originalUrl", "https://www.youtube.com").put("platform", "DESKTOP").put("utcOffsetMinutes", 0);
        return body;
    }

    private JsonNode call(String method, ObjectNode body, String subject) {
        String base = context.endpoint("web").toString();
        URI url = URI.create((base.endsWith("/") ? base : base + "/") + "youtubei/v1/" + method + "?prettyPrint=false");
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse response = context.http().send(HttpRequest.post(url, bytes, "application/json")
                .header("X-YouTube-Client-Name", "1").header("X-YouTube-Client-Version", clientVersion)
                .header("Origin", "https://www.youtube.com").header("Referer", "https://www.youtube.com/")
                .header("Cookie", "SOCS=CAE=").header("Accept-Language", "en")
                .header("User-Agent", userAgent)
                .idempotent(true).build());
        return check(response, subject);
    }

    private JsonNode check(HttpResponse response, String subject) {
        int status = response.status();
        if (status >= 300 && status < 400) {
            String location = response.header("Location").orElse("");
            if (location.contains("consent.youtube.com") || location.contains("consent.google.")) {
                throw consent();
            }
            if (location.contains("/sorry/")) {
                throw botCheck("YouTube redirected the request to Google's 'unusual traffic' page.");
            }
            throw ExportException.of(ErrorCode.PLATFORM_CHANGED, "YouTube redirected the web client to an unexpected "
                    + "place (HTTP " + status + "). Star Export may need an update; please report it." + NO_KEY_HINT);
        }
        JsonNode json = Json.parseOrNull(response.body());
        // Only the page itself or the playability verdict counts: comments in a JSON body may quote the text.
        JsonNode playability = json == null ? null : json.path("playabilityStatus");
        String lower = (json == null ? response.bodyText() : playability.path("reason").asText("") + " "
                + Objects.toString(FormattedText.of(playability.path("errorScreen").path("playerErrorMessageRenderer")
                .path("reason")), ""))
                .toLowerCase(Locale.ROOT);
        if (lower.contains("confirm you\u2019re not a bot") || lower.contains("confirm you're not a bot")) {
            throw botCheck("YouTube asks to \"Sign in to confirm you're not a bot\" for requests from this address.");
        }
        if (json == null) {
            if (lower.contains("consent.youtube.com") || lower.contains("before you continue to youtube")) {
                throw consent();
            }
            if (lower.contains("unusual traffic")) {
                throw botCheck("Google answered with its 'unusual traffic' page.");
            }
            if (status == 404 || status == 410) {
                throw ExportException.of(ErrorCode.NOT_FOUND, "YouTube found no " + subject + ".");
            }
            if (status == 403) {
                throw botCheck("YouTube refused the keyless web client (HTTP 403).");
            }
            throw ExportException.platformChanged(YouTubeUrls.PLATFORM, "(body)",
                    "HTTP " + status + " without a JSON body from the web client");
        }
        if (response.isSuccessful() && !json.has("error")) {
            return json;
        }
        JsonNode error = json.path("error");
        String message = context.redact(error.path("message").asText("HTTP " + status));
        int code = error.path("code").asInt(status);
        if (code == 403) {
            throw botCheck("YouTube refused the keyless web client (HTTP 403: " + message + ").");
        }
        if (code == 404 || code == 410) {
            throw ExportException.of(ErrorCode.NOT_FOUND, "YouTube found no " + subject + ": " + message + ".");
        }
        throw ExportException.of(ErrorCode.PLATFORM_CHANGED, "YouTube's web client refused the request for " + subject
                + " (HTTP " + code + ": " + message + "). The web client version may be too old; set a newer one with "
                + "YouTubePlatform.builder().webClientVersion(…), or report it." + NO_KEY_HINT);
    }

    private static ExportException consent() {
        return ExportException.of(ErrorCode.AUTH_REQUIRED, "YouTube answered with its cookie-consent page "
                + "(consent.youtube.com) instead of data, which happens for some European addresses even with the "
                + "consent cookie Star Export sends." + NO_KEY_HINT);
    }

    private ExportException botCheck(String what) {
        context.rateLimit().pauseFor(BOT_CHECK_PAUSE);
        return ExportException.rateLimited(what + " Keyless exports from this address are blocked for now; try again "
                + "later or from another network." + NO_KEY_HINT, BOT_CHECK_PAUSE);
    }
}
