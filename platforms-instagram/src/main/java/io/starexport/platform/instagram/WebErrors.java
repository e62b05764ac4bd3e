package io.starexport.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.kit.Json;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.PlatformContext;

import java.util.Locale;

/**
 * Web API failures (reference 3.6): any body with {@code "status":"fail"} is an error even with HTTP 200
 * (Instaloader, instagrapi); a redirect to {@code /accounts/login/} or an HTML page instead of JSON is a
 * login wall; {@code login_required}, {@code require_login}, {@code checkpoint_required},
 * {@code challenge_required}, {@code feedback_required} and "Please wait a few minutes" (a throttle even
 * with HTTP 401 and {@code require_login}) each get an error that says what to do. None of them is reported as a changed platform.
 */
final class WebErrors {
    private static final String FRESH_COOKIE = " Log in to instagram.com in a browser, copy a fresh sessionid cookie and"
            + " set it as instagram.sessionid (STAREXPORT_INSTAGRAM_SESSIONID).";

    private WebErrors() {
    }

    /** The JSON body of a good response; an {@link ExportException} for everything else. */
    static JsonNode check(HttpResponse response, String what, PlatformContext context) {
        String path = response.url().getPath() == null ? "" : response.url().getPath();
        if (path.startsWith("/accounts/login")) {
            throw loggedOut(what);
        }
        if (path.startsWith("/challenge")) {
            throw challenge("checkpoint_required");
        }
        if (response.status() >= 300 && response.status() < 400) {
            String location = response.header("Location").orElse("");
            if (location.contains("/accounts/login")) {
                throw loggedOut(what);
            }
            if (location.contains("/challenge")) {
                throw challenge("checkpoint_required");
            }
            throw ExportException.of(ErrorCode.PLATFORM_CHANGED, "Instagram redirected the request for " + what
                    + " to another site (HTTP " + response.status() + "); Star Export needs an update, please report it.");
        }
        JsonNode body = Json.parseOrNull(response.body());
        if (body == null || !body.isObject()) {
            if (response.status() == 404) {
                throw notFound(what); // Instagram's "Page not found" HTML page
            }
            String text = response.bodyText().stripLeading().toLowerCase(Locale.ROOT);
            if (text.startsWith("<!doctype html") || text.startsWith("<html") || response.status() == 401
                    || response.status() == 403) {
                throw loggedOut(what);
            }
            throw ExportException.platformChanged(InstagramPlatform.ID, "$", "HTTP " + response.status()
                    + " with a body that is not a JSON object, for " + what);
        }
        String message = Json.text(body.get("message"));
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        // Logged-in sessions get 401 "Please wait a few minutes" with require_login: a throttle, not a logout.
        boolean pleaseWait = lower.contains("please wait a few minutes");
        if (!pleaseWait && (Json.flag(body.get("require_login")) || "login_required".equals(message))) {
            throw loggedOut(what);
        }
        if (body.has("authenticated") && !body.path("authenticated").asBoolean(true)) {
            throw ExportException.of(ErrorCode.AUTH_FAILED, "Instagram does not accept the session (authenticated: "
                    + "false)." + FRESH_COOKIE);
        }
        boolean failed = "fail".equals(Json.text(body.get("status"))) || !response.isSuccessful();
        if (!failed) {
            return body;
        }
        if ("checkpoint_required".equals(message) || "challenge_required".equals(message)) {
            throw challenge(message);
        }
        if ("feedback_required".equals(message)) {
            context.rateLimit().pauseFor(WebBackend.THROTTLE_PAUSE);
            String title = Json.text(body.get("feedback_message"));
            throw ExportException.rateLimited("Instagram has blocked this account's activity for a while "
                    + "(feedback_required" + (title == null ? "" : ": " + context.redact(title)) + "). Stop for a few hours, "
                    + "use the account normally in a browser, then try again more slowly.", null);
        }
        if (pleaseWait || "rate_limit_error".equals(Json.text(body.get("error_type")))
                || response.status() == 429) {
            context.rateLimit().pauseFor(WebBackend.THROTTLE_PAUSE);
            throw ExportException.rateLimited("Instagram asks to wait a few minutes before more requests; Star Export "
                    + "paused for " + WebBackend.THROTTLE_PAUSE.toMinutes() + " min. Try again later or export less at once.",
                    WebBackend.THROTTLE_PAUSE);
        }
        if (lower.contains("not authorized to view user") || lower.contains("private")) {
            throw ExportException.of(ErrorCode.PRIVATE_CONTENT, "The account behind " + what + " is private and this "
                    + "session does not follow it.");
        }
        if (response.status() == 404 || lower.contains("not found") || lower.contains("deleted")
                || lower.contains("unavailable")) {
            throw notFound(what);
        }
        if (response.status() == 401) {
            throw loggedOut(what);
        }
        if (response.status() == 403) {
            throw ExportException.of(ErrorCode.AUTH_REQUIRED, "Instagram refused " + what + " to this session (HTTP 403"
                    + (message == null ? "" : ": " + context.redact(message)) + ").");
        }
        throw ExportException.of(ErrorCode.PLATFORM_CHANGED, "Instagram refused the request for " + what + " (HTTP "
                + response.status() + (message == null ? "" : ": " + context.redact(message))
                + "). If this persists, Star Export needs an update for this platform; please report it.");
    }

    private static ExportException loggedOut(String what) {
        return ExportException.of(ErrorCode.AUTH_FAILED, "Instagram answered " + what + " with its login wall: the "
                + "sessionid cookie is not (or no longer) logged in." + FRESH_COOKIE);
    }

    private static ExportException challenge(String kind) {
        return ExportException.of(ErrorCode.AUTH_REQUIRED, "Instagram wants this session to pass a security check ("
                + kind + "). Open instagram.com in the browser the cookie came from, complete the check, then try again "
                + "(with a fresh sessionid cookie if it changed).");
    }

    private static ExportException notFound(String what) {
        return ExportException.of(ErrorCode.NOT_FOUND, "Instagram has no " + what + " (it may have been deleted, or "
                + "the account renamed).");
    }
}
