package io.starexport.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.kit.Json;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.PlatformContext;

import java.time.Duration;
import java.util.Optional;

/**
 * Graph API error bodies ({@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}, doc:
 * developers.facebook.com/docs/graph-api/guides/error-handling; Instagram's own codes: …/instagram-platform/
 * instagram-graph-api/reference/error-codes) to error codes.
 */
final class GraphErrors {
    private GraphErrors() {
    }

    static ExportException map(HttpResponse response, JsonNode body, PlatformContext context) {
        JsonNode error = body == null ? null : body.get("error");
        if (error == null || !error.isObject()) {
            return byStatus(response);
        }
        Integer code = error.hasNonNull("code") ? error.get("code").asInt() : null;
        int subcode = error.path("error_subcode").asInt(0);
        String message = context.redact(error.path("message").asText("no message"));
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        String trace = Json.text(error.get("fbtrace_id"));
        String detail = " (Graph API error " + (code == null ? "without a code" : code) + (subcode > 0 ? "/" + subcode : "")
                + ": " + message
                + (trace == null ? "" : "; fbtrace_id " + trace) + ")";
        if (code == null) {
            return ExportException.of(ErrorCode.PLATFORM_CHANGED, "The Instagram Graph API refused the request; if this "
                    + "persists, Star Export needs an update for this platform, please report it" + detail + ".");
        }
        if (subcode == 2207050) {
            return ExportException.of(ErrorCode.AUTH_REQUIRED, "Instagram reports the professional account as inactive, "
                    + "checkpointed or restricted: sign in to the Instagram app, complete what it asks, then try again"
                    + detail + ".");
        }
        if (code == 190 || code == 102 || subcode == 463 || subcode == 467) {
            return ExportException.of(ErrorCode.AUTH_FAILED, "The Instagram Graph API rejected the access token: it is "
                    + "invalid, expired or revoked. Create a new one and set it as instagram.access_token" + detail + ".");
        }
        if (code == 4 || code == 17 || code == 32 || code == 613 || code == 341 || code == 368
                || (code >= 80000 && code < 80100)) {
            Duration wait = UsageFeedback.pause(response).orElse(UsageFeedback.FULL);
            context.rateLimit().pauseFor(wait);
            return ExportException.rateLimited("The Instagram Graph API is throttling this app or account; Star Export "
                    + "paused for " + wait.toMinutes() + " min. Try again later or export less at once" + detail + ".", wait);
        }
        if (code == 10 || (code >= 200 && code < 300)) {
            return ExportException.of(ErrorCode.AUTH_REQUIRED, "The access token lacks a permission this request needs "
                    + "(instagram_basic, instagram_manage_comments, pages_read_engagement or business discovery access). "
                    + "Grant it to your app and create a new token" + detail + ".");
        }
        if ((code == 100 && (subcode == 33 || message.contains("does not exist"))) || code == 110 || code == 803
                || subcode == 2207013) {
            return ExportException.of(ErrorCode.NOT_FOUND, "Instagram has no object with this id, or the token may not "
                    + "see it (business discovery finds only business and creator accounts)" + detail + ".");
        }
        if (code == 1 || code == 2 || code == -1 || code == -2 || Json.flag(error.get("is_transient"))) {
            return ExportException.of(ErrorCode.NETWORK, "The Instagram Graph API had a temporary problem; try again "
                    + "later" + detail + ".");
        }
        return ExportException.of(ErrorCode.PLATFORM_CHANGED, "The Instagram Graph API refused the request; if this "
                + "persists, Star Export needs an update for this platform, please report it" + detail + ".");
    }

    private static ExportException byStatus(HttpResponse response) {
        int status = response.status();
        Optional<ErrorCode> code = switch (status) {
            case 401 -> Optional.of(ErrorCode.AUTH_FAILED);
            case 403 -> Optional.of(ErrorCode.AUTH_REQUIRED);
            case 404, 410 -> Optional.of(ErrorCode.NOT_FOUND);
            default -> Optional.empty();
        };
        if (code.isPresent()) {
            return ExportException.of(code.get(), "The Instagram Graph API answered HTTP " + status + " without an error body.");
        }
        return ExportException.platformChanged(InstagramPlatform.ID, "error", "HTTP " + status
                + (response.isSuccessful() ? " with a body that is not a JSON object" : " without a Graph error body"));
    }
}
