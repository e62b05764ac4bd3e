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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The YouTube Data API v3 as the extractors use it: one GET per list call with the API key, the call's
 * quota units counted, and error bodies ({@code error.errors[].reason}, GDOC-ERR) mapped to error codes.
 * Every list call this module makes costs 1 unit (GDOC-Q: commentThreads, comments, videos, channels and
 * playlistItems list).
 */
final class DataApi {
    /** Units each list call costs (https://developers.google.com/youtube/v3/determine_quota_cost). */
    static final long UNITS_PER_CALL = 1;
    private static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(10);
    /** The reasons {@link #error} maps; others fall back on {@code error.status}, then the HTTP status. */
    private static final Set<String> KNOWN_REASONS = Set.of("quotaExceeded", "dailyLimitExceeded",
            "dailyLimitExceededUnreg", "rateLimitExceeded", "userRateLimitExceeded", "commentsDisabled", "videoNotFound",
            "channelNotFound", "playlistNotFound", "commentThreadNotFound", "commentNotFound", "parentCommentNotFound",
            "channelClosed", "channelSuspended", "playlistItemsNotAccessible", "private", "keyInvalid", "keyExpired",
            "API_KEY_INVALID", "API_KEY_HTTP_REFERRER_BLOCKED", "API_KEY_IP_ADDRESS_BLOCKED", "API_KEY_SERVICE_BLOCKED",
            "forbidden", "accessNotConfigured", "ipRefererBlocked", "SERVICE_DISABLED");

    /** Responses received for the list call running on this thread, counted by {@link #answered()}. */
    private static final ThreadLocal<int[]> ANSWERS = new ThreadLocal<>();

    private final PlatformContext context;
    private final String apiKey;
    private final Quota quota;
    private final long dailyBudget;

    DataApi(PlatformContext context, String apiKey, Quota quota, long dailyBudget) {
        this.context = context;
        this.apiKey = apiKey;
        this.quota = quota;
        this.dailyBudget = dailyBudget;
    }

    /**
     * Calls a list method, for example {@code commentThreads}, with the given parameters (null values are
     * left out) and returns the JSON body of a successful answer.
     *
     * @param subject what is being read, for error messages ("video dQw4w9WgXcQ")
     */
    JsonNode list(String resource, Map<String, Object> parameters, String subject) {
        if (quota.today(apiKey, context.clock().instant()) + UNITS_PER_CALL > dailyBudget) {
            throw ExportException.of(ErrorCode.QUOTA_EXCEEDED, "This API key has spent its daily budget of " + dailyBudget
                    + " YouTube Data API units in this process; the quota resets at midnight Pacific Time. Raise "
                    + "YouTubePlatform.builder().dailyQuotaBudget(…) if your Google Cloud project has a larger quota.");
        }
        String base = context.endpoint("api").toString();
        HttpRequest.Builder request = HttpRequest.get(URI.create((base.endsWith("/") ? base : base + "/") + resource));
        parameters.forEach(request::query);
        request.query("key", apiKey);
        request.header("Accept", "application/json");
        quota.spend(apiKey, UNITS_PER_CALL, context.clock().instant());
        HttpResponse response;
        int[] answers = {0};
        ANSWERS.set(answers);
        try {
            response = context.http().send(request.build());
        } finally {
            ANSWERS.remove();
            if (answers[0] > 1) {
                // The engine retried (5xx, 429): Google bills each attempt it answered.
                quota.spend(apiKey, (answers[0] - 1) * UNITS_PER_CALL, context.clock().instant());
            }
        }
        JsonNode body = Json.parseOrNull(response.body());
        if (response.isSuccessful()) {
            if (body != null && body.path("items").isMissingNode() && body.path("kind").asText("").endsWith("ListResponse")) {
                // A list response with no match leaves items out (channels.list forHandle/forUsername).
                ((ObjectNode) body).putArray("items");
            }
            if (body == null || !body.path("items").isArray()) {
                throw ExportException.platformChanged(YouTubeUrls.PLATFORM, resource + ".items",
                        body == null ? "the body is not a JSON object" : "no items array");
            }
            return body;
        }
        throw error(response.status(), body, resource, subject);
    }

    /**
     * Counts one HTTP response to the list call running on this thread, if any; the platform's
     * {@code onResponse} hook calls it for every attempt the engine makes.
     */
    static void answered() {
        int[] answers = ANSWERS.get();
        if (answers != null) {
            answers[0]++;
        }
    }

    /** Parameters in the order given. */
    static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private ExportException error(int status, JsonNode body, String resource, String subject) {
        JsonNode error = body == null ? null : body.path("error");
        List<String> reasons = new ArrayList<>();
        String message = "";
        String canonical = "";
        if (error != null && error.isObject()) {
            // The ErrorInfo reasons of details[] ("API_KEY_INVALID", where errors[] only says "badRequest"), then
            // the legacy errors[].reason ("quotaExceeded"); error.status is the canonical code.
            for (String list : new String[]{"details", "errors"}) {
                for (JsonNode entry : error.path(list)) {
                    String reason = Json.text(entry.path("reason"));
                    if (reason != null && !reasons.contains(reason)) {
                        reasons.add(reason);
                    }
                }
            }
            message = error.path("message").asText("").replaceAll("<[^>]+>", "").trim();
            canonical = error.path("status").asText("");
        }
        String reason = reasons.stream().filter(KNOWN_REASONS::contains).findFirst().orElse("");
        String said = context.redact(message.isEmpty() ? "HTTP " + status : message + " (HTTP " + status + ", "
                + (reasons.isEmpty() ? canonical.isEmpty() ? "no reason" : canonical : String.join(", ", reasons)) + ")");
        switch (reason) {
            case "quotaExceeded", "dailyLimitExceeded", "dailyLimitExceededUnreg" -> {
                return ExportException.of(ErrorCode.QUOTA_EXCEEDED, "The YouTube Data API quota of this key's project "
                        + "is used up: " + said + ". It resets at midnight Pacific Time; export without an api_key "
                        + "(keyless mode) meanwhile, or ask Google for more quota.");
            }
            case "rateLimitExceeded", "userRateLimitExceeded" -> {
                context.rateLimit().pauseFor(RATE_LIMIT_PAUSE);
                return ExportException.rateLimited("The YouTube Data API asks to slow down: " + said + ".",
                        RATE_LIMIT_PAUSE);
            }
            case "commentsDisabled" -> {
                return ExportException.of(ErrorCode.COMMENTS_DISABLED, "Comments are turned off for " + subject + ".");
            }
            case "videoNotFound", "channelNotFound", "playlistNotFound", "commentThreadNotFound", "commentNotFound",
                 "parentCommentNotFound", "channelClosed", "channelSuspended" -> {
                return ExportException.of(ErrorCode.NOT_FOUND, "YouTube found no " + subject + ": " + said + ".");
            }
            case "playlistItemsNotAccessible", "private" -> {
                return ExportException.of(ErrorCode.PRIVATE_CONTENT, subject + " is private: " + said + ".");
            }
            case "forbidden" -> {
                return ExportException.of(ErrorCode.AUTH_FAILED, "YouTube refused this api_key access to " + subject
                        + ": " + said + ". A private video or channel refuses every key; otherwise check the key's "
                        + "restrictions in the Google Cloud console.");
            }
            case "keyInvalid", "keyExpired", "API_KEY_INVALID", "API_KEY_HTTP_REFERRER_BLOCKED",
                 "API_KEY_IP_ADDRESS_BLOCKED", "API_KEY_SERVICE_BLOCKED", "accessNotConfigured",
                 "ipRefererBlocked", "SERVICE_DISABLED" -> {
                return ExportException.of(ErrorCode.AUTH_FAILED, "YouTube rejected the api_key: " + said + ". Check the "
                        + "key in the Google Cloud console and that the YouTube Data API v3 is enabled for its project.");
            }
            default -> {
                return switch (canonical) {
                    case "RESOURCE_EXHAUSTED" -> ExportException.rateLimited("The YouTube Data API asks to slow down: "
                            + said + ".", RATE_LIMIT_PAUSE);
                    case "UNAUTHENTICATED", "PERMISSION_DENIED" -> ExportException.of(ErrorCode.AUTH_FAILED,
                            "YouTube refused access to " + subject + " with this api_key: " + said + ".");
                    case "NOT_FOUND" -> ExportException.of(ErrorCode.NOT_FOUND, "YouTube found no " + subject + ": " + said
                            + ".");
                    default -> byStatus(status, said, resource, subject);
                };
            }
        }
    }

    private static ExportException byStatus(int status, String said, String resource, String subject) {
        return switch (status) {
            case 401 -> ExportException.of(ErrorCode.AUTH_FAILED, "YouTube rejected the api_key: " + said + ".");
            case 403 -> ExportException.of(ErrorCode.AUTH_FAILED, "YouTube refused access to " + subject + ": "
                    + said + ".");
            case 404, 410 -> ExportException.of(ErrorCode.NOT_FOUND, "YouTube found no " + subject + ": " + said
                    + ".");
            default -> ExportException.of(ErrorCode.PLATFORM_CHANGED, "The YouTube Data API refused the "
                    + resource + ".list request for " + subject + ": " + said + ". Star Export may need an "
                    + "update; please report it.");
        };
    }
}
