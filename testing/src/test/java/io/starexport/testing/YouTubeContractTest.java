package io.starexport.testing;

import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.Target;
import io.starexport.platform.youtube.YouTubePlatform;
import io.starexport.spi.Platform;
import org.junit.jupiter.api.AfterAll;

import java.util.List;
import java.util.Map;

/**
 * The YouTube plugin (Data API backend) under the platform contract. It runs here, not in platforms-youtube,
 * because this module's own tests use the YouTube plugin, and a test dependency each way would be a cycle
 * in the reactor. Pages: {@code recordings/youtube-contract} (see that folder's README). Error bodies follow
 * the Data API's documented error shape (https://developers.google.com/youtube/v3/docs/errors) and
 * {@code platforms-youtube}'s {@code DataApiErrorsTest}.
 */
class YouTubeContractTest extends PlatformContract {
    private static final RecordedResponseServer RECORDINGS = RecordedResponseServer.startFromClasspath("recordings/youtube-contract");

    @AfterAll
    static void stopRecordings() {
        RECORDINGS.close();
    }

    @Override
    protected Platform platform() {
        return new YouTubePlatform();
    }

    @Override
    protected List<UrlCase> urlCases() {
        return List.of(
                UrlCase.resolves("https://youtu.be/dQw4w9WgXcQ?si=qxN9Yd2ZJ8Lx0r3A&t=43", Target.Kind.VIDEO, "dQw4w9WgXcQ",
                        "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
                UrlCase.resolves("https://m.youtube.com/shorts/j9rZxAF3C0I?feature=share", Target.Kind.VIDEO, "j9rZxAF3C0I",
                        "https://www.youtube.com/watch?v=j9rZxAF3C0I"),
                UrlCase.resolves("https://www.youtube.com/watch?v=xaQJbozY_Is&lc=UgwSOM0QHBLysE3vZE54AaABAg&t=3",
                        Target.Kind.COMMENT, "UgwSOM0QHBLysE3vZE54AaABAg",
                        "https://www.youtube.com/watch?v=xaQJbozY_Is&lc=UgwSOM0QHBLysE3vZE54AaABAg"),
                UrlCase.resolves("https://www.youtube.com/@kurzgesagt/videos", Target.Kind.PROFILE, "@kurzgesagt",
                        "https://www.youtube.com/@kurzgesagt"),
                UrlCase.resolves("https://m.youtube.com/playlist?list=PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw&si=x1",
                        Target.Kind.PLAYLIST, "PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw",
                        "https://www.youtube.com/playlist?list=PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw"),
                UrlCase.fails("https://www.youtube.com/watch?v=dQw4w9WgXc", ErrorCode.INVALID_URL),
                UrlCase.fails("https://www.youtube.com/results?search_query=cats", ErrorCode.INVALID_URL),
                UrlCase.notRecognised("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ"),
                UrlCase.notRecognised("https://notyoutube.com/watch?v=dQw4w9WgXcQ"),
                UrlCase.notRecognised("https://youtu.be.example/dQw4w9WgXcQ"));
    }

    @Override
    protected RecordedExport recordedExport() {
        return RecordedExport.of(RECORDINGS.baseUrl().toString(), "https://www.youtube.com/watch?v=F1UP7wRCPH8",
                Content.COMMENTS, 10);
    }

    @Override
    protected List<ErrorCase> errorCases() {
        return List.of(
                ErrorCase.json("quota exceeded", 403, error(403, "youtube.quota", "quotaExceeded"), ErrorCode.QUOTA_EXCEEDED),
                ErrorCase.json("comments disabled", 403, error(403, "youtube.commentThread", "commentsDisabled"),
                        ErrorCode.COMMENTS_DISABLED),
                ErrorCase.json("video not found", 404, error(404, "youtube.commentThread", "videoNotFound"), ErrorCode.NOT_FOUND),
                ErrorCase.json("not authorized", 403, error(403, "global", "forbidden"), ErrorCode.AUTH_FAILED),
                ErrorCase.json("rate limit exceeded", 403, error(403, "usageLimits", "rateLimitExceeded"), ErrorCode.RATE_LIMITED),
                ErrorCase.html("an HTML error page", 502, "<html><body>Bad Gateway</body></html>", ErrorCode.NETWORK));
    }

    private static String error(int code, String domain, String reason) {
        return """
                {"error": {"code": %d, "message": "The request failed: %s.", "errors": [{"message": "The request failed.",
                 "domain": "%s", "reason": "%s"}]}}""".formatted(code, reason, domain, reason);
    }

    @Override
    protected void configure(StarExport.Builder engine, String baseUrl) {
        engine.endpoint("youtube", "api", baseUrl + "/youtube/v3").endpoint("youtube", "web", baseUrl);
    }

    @Override
    protected Map<String, String> credentials() {
        return Map.of("api_key", "AIzaContractTestKey-0123456789abcdefghijk");
    }
}
