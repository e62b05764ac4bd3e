package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.kit.Json;
import io.starexport.spi.HttpRequest;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.PluginCache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The TikTok Research API ({@code open.tiktokapis.com/v2}): a client-credentials token cached until five
 * minutes (a tenth of its lifetime, if shorter) before it expires, JSON POST queries with the fields in the query string, and the
 * {@code error.code} of every answer mapped to an error code.
 */
final class ResearchApi {
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);
    private final PlatformContext context;
    private final int pageSize;

    ResearchApi(PlatformContext context, int pageSize) {
        this.context = context;
        this.pageSize = pageSize;
    }

    int pageSize() {
        return pageSize;
    }

    /** An access token and until when to use it; {@link #toString()} hides the token. */
    record Token(String value, Instant useUntil) {
        @Override
        public String toString() {
            return "Token[useUntil=" + useUntil + "]";
        }
    }

    /** POSTs a query and returns its {@code data} object, renewing the token once if TikTok rejects it. */
    JsonNode query(String path, String fields, ObjectNode body) {
        try {
            return query(path, fields, body, false);
        } catch (TokenRejected rejected) {
            return query(path, fields, body, true);
        }
    }

    private JsonNode query(String path, String fields, ObjectNode body, boolean renewed) {
        Token token = token(renewed);
        HttpRequest request = HttpRequest.post(context.endpoint("research").resolve(path),
                        body.toString().getBytes(StandardCharsets.UTF_8), "application/json")
                .query("fields", fields).header("Authorization", "Bearer " + token.value()).idempotent(true).build();
        HttpResponse response = context.http().send(request);
        JsonNode json = parseOrNull(response);
        JsonNode error = json == null ? null : json.get("error");
        String code = Json.text(error, "code");
        if (response.isSuccessful() && json != null && (code == null || code.equals("ok"))) {
            JsonNode data = json.get("data");
            if (data == null || !data.isObject()) {
                throw ExportException.platformChanged(TikTokPlatform.ID, "data", "missing in the answer to " + path);
            }
            return data;
        }
        if ("access_token_invalid".equals(code) || (code == null && response.status() == 401)) {
            tokens().invalidate(cacheKey());
            if (!renewed) {
                throw new TokenRejected();
            }
            throw ExportException.of(ErrorCode.AUTH_FAILED, "The TikTok Research API rejected a fresh access token for "
                    + path + ". Check the client_key and client_secret and that the app is approved for research.");
        }
        throw error(response.status(), code, Json.text(error, "message"), Json.text(error, "log_id"), path);
    }

    /**
     * The daily-quota refusal, which TikTok sends as HTTP 429: retrying it before 00:00 UTC cannot succeed,
     * so it ends the request at once ({@link TikTokPlatform#finalError}). Other 429s are left to the engine.
     */
    static Optional<ExportException> quotaRefusal(HttpResponse response) {
        if (response.status() != 429) {
            return Optional.empty();
        }
        JsonNode json = parseOrNull(response);
        JsonNode error = json == null ? null : json.get("error");
        String code = Json.text(error, "code");
        String message = Json.text(error, "message");
        return isQuota(code, message) ? Optional.of(quotaExceeded(message != null ? message : code)) : Optional.empty();
    }

    private static boolean isQuota(String code, String message) {
        return "daily_quota_limit_exceeded".equals(code)
                || (message != null && message.toLowerCase(Locale.ROOT).contains("quota"));
    }

    private static ExportException quotaExceeded(String reason) {
        return ExportException.of(ErrorCode.QUOTA_EXCEEDED, "The TikTok Research API daily quota is used up (" + reason
                + "). It allows 1,000 requests and 100,000 records a day per organisation and resets at 00:00 UTC; "
                + "resume the export after that.");
    }

    private ExportException error(int status, String code, String message, String logId, String path) {
        String detail = " (" + (code == null ? "HTTP " + status : code) + (message == null ? "" : ": " + message)
                + (logId == null ? "" : ", log_id " + logId) + ")";
        detail = context.redact(detail);
        if (isQuota(code, message)) {
            return quotaExceeded(code + (message == null ? "" : ": " + message));
        }
        if (code == null && status == 404) {
            return ExportException.of(ErrorCode.NOT_FOUND, "The TikTok Research API found nothing at " + path + detail + ".");
        }
        if (code == null) {
            return ExportException.platformChanged(TikTokPlatform.ID, "error.code", "HTTP " + status + " from " + path
                    + " without a TikTok error");
        }
        return switch (code) {
            case "scope_not_authorized", "scope_permission_missed" -> ExportException.of(ErrorCode.AUTH_REQUIRED,
                    "The TikTok app is not approved for the Research API (scope research.data.basic)" + detail
                            + ". Apply for research access at developers.tiktok.com, or use the web backend.");
            case "rate_limit_exceeded" -> ExportException.rateLimited("The TikTok Research API is limiting requests"
                    + detail + ". Lower the TikTok rate limit or try again later.", null);
            case "invalid_params" -> invalidParams(message, detail, path);
            default -> ExportException.platformChanged(TikTokPlatform.ID, "error.code", "'" + code + "' from " + path
                    + detail);
        };
    }

    private static ExportException invalidParams(String message, String detail, String path) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (lower.contains("not exist") || lower.contains("not found") || lower.contains("no such")
                || lower.contains("invalid user") || lower.contains("invalid video")) {
            return ExportException.of(ErrorCode.NOT_FOUND, "The TikTok Research API has no such user or video" + detail
                    + ". Private, deleted and under-age accounts are not in the Research API.");
        }
        if (lower.contains("cursor") || lower.contains("search_id") || lower.contains("search id")) {
            return ExportException.of(ErrorCode.NOT_FOUND, "The TikTok Research API no longer accepts this position in "
                    + "the results" + detail + ": its searches expire. Start the export again without resuming.");
        }
        return ExportException.of(ErrorCode.PLATFORM_CHANGED, "The TikTok Research API rejected the request to " + path
                + " as invalid" + detail + ". Star Export may need an update for this API; please report it.");
    }

    // ---- token ------------------------------------------------------------------------------------

    private PluginCache<String, Token> tokens() {
        return context.cache("research-tokens", Duration.ofHours(2), 100);
    }

    private Token token(boolean renew) {
        PluginCache<String, Token> cache = tokens();
        String key = cacheKey();
        if (!renew) {
            Token cached = cache.get(key).orElse(null);
            if (cached != null && cached.useUntil().isAfter(context.clock().instant())) {
                return cached;
            }
        }
        Token fresh = requestToken();
        cache.put(key, fresh);
        return fresh;
    }

    private Token requestToken() {
        String clientKey = context.credentials().get(TikTokPlatform.CLIENT_KEY).orElseThrow();
        String clientSecret = context.credentials().get(TikTokPlatform.CLIENT_SECRET).orElseThrow();
        HttpRequest request = HttpRequest.postForm(context.endpoint("research").resolve("/v2/oauth/token/"),
                        Map.of("client_key", clientKey, "client_secret", clientSecret,
                                "grant_type", "client_credentials"))
                .header("Cache-Control", "no-cache").idempotent(true).build();
        HttpResponse response = context.http().send(request);
        JsonNode json = parseOrNull(response);
        String token = Json.text(json, "access_token");
        if (response.isSuccessful() && token != null) {
            long seconds = Json.number(json, "expires_in") == null ? 7200 : Json.number(json, "expires_in");
            Duration margin = Duration.ofSeconds(Math.min(TOKEN_MARGIN.toSeconds(), seconds / 10));
            return new Token(token, context.clock().instant().plusSeconds(seconds).minus(margin));
        }
        String error = json == null ? null : Json.text(json, "error");
        if (error == null && json != null) {
            error = Json.text(json.path("error"), "code");
        }
        String description = json == null ? null : Json.text(json, "error_description");
        if (error == null && response.isSuccessful()) {
            throw ExportException.platformChanged(TikTokPlatform.ID, "access_token", "missing in the token answer");
        }
        throw ExportException.of(ErrorCode.AUTH_FAILED, context.redact("TikTok refused the Research API client "
                + "credentials (" + (error == null ? "HTTP " + response.status() : error)
                + (description == null ? "" : ": " + description) + "). Check client_key and client_secret."));
    }

    /** Tokens are cached per client key and secret; the key holds a digest of the secret, never the secret. */
    private String cacheKey() {
        String clientKey = context.credentials().get(TikTokPlatform.CLIENT_KEY).orElse("");
        String secret = context.credentials().get(TikTokPlatform.CLIENT_SECRET).orElse("");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return clientKey + ":" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static JsonNode parseOrNull(HttpResponse response) {
        JsonNode node = Json.parseOrNull(response.body());
        return node != null && node.isObject() ? node : null;
    }

    /** The token was refused; asked once more with a new one. */
    private static final class TokenRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TokenRejected() {
            super(null, null, false, false);
        }
    }
}
