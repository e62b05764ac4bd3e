package io.starexport.platform.youtube;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.platform.youtube.YouTubeTests.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Data API error bodies mapped to error codes. The envelope follows the real recordings: the
 * {@code keyInvalid} body is sns-sdks/python-youtube @ 1694c2c : {@code testdata/error_response.json}
 * (recorded); the others follow the {@code quotaExceeded} recording quoted in reference §1.1
 * (cab-1729/Mine-Youtube-Data {@code quota exhausted.json}) with the reasons and statuses of GDOC-ERR and
 * GDOC-CT (synthetic).
 */
class DataApiErrorsTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static String body(int status, String domain, String reason, String message) {
        return "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"errors\":[{\"message\":\"" + message
                + "\",\"domain\":\"" + domain + "\",\"reason\":\"" + reason + "\"}]}}";
    }

    private static ExportException export(String url) {
        try (StarExport star = YouTubeTests.engine(server, new YouTubePlatform(), API_KEY, RetryPolicy.none()).build()) {
            ExportException[] thrown = new ExportException[1];
            assertThatThrownBy(() -> star.export(url).comments().stream().count())
                    .isInstanceOfSatisfying(ExportException.class, e -> thrown[0] = e);
            return thrown[0];
        }
    }

    @ParameterizedTest(name = "{1} {2} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            403 | youtube.quota     | quotaExceeded      | The request cannot be completed because you have exceeded your \\u003ca href=\\"/youtube/v3/getting-started#quota\\"\\u003equota\\u003c/a\\u003e. | QUOTA_EXCEEDED
            403 | usageLimits       | dailyLimitExceeded | Daily Limit Exceeded                                  | QUOTA_EXCEEDED
            403 | youtube.commentThread | commentsDisabled | The video identified by the videoId parameter has disabled comments. | COMMENTS_DISABLED
            404 | youtube.commentThread | videoNotFound  | The video identified by the videoId parameter could not be found. | NOT_FOUND
            404 | youtube.commentThread | channelNotFound | The channel could not be found.                     | NOT_FOUND
            404 | youtube.playlistItem | playlistNotFound | The playlist could not be found.                   | NOT_FOUND
            403 | global            | forbidden          | The request is not properly authorized.               | AUTH_FAILED
            403 | usageLimits       | rateLimitExceeded  | Rate Limit Exceeded                                   | RATE_LIMITED
            400 | youtube.parameter | invalidPageToken   | The request specifies an invalid page token.          | PLATFORM_CHANGED
            """)
    void mapsErrorReasons(int status, String domain, String reason, String message, ErrorCode code) {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body(status, domain, reason, message))));
        ExportException error = export("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.getMessage()).doesNotContain(API_KEY).doesNotContain("<a href");
    }

    @Test
    void mapsTheRecordedKeyInvalidBodyToAuthFailed() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(YouTubeTests.resource("data-api/error_response.json"))));
        ExportException error = export("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(error.code()).isEqualTo(ErrorCode.AUTH_FAILED);
        assertThat(error.getMessage()).contains("keyInvalid").contains("api_key").doesNotContain(API_KEY);
    }

    /**
     * Today's Google error envelope (AIP-193, as googleapis.com services answer a bad key): the legacy
     * {@code errors[].reason} is only {@code badRequest}, the real reason is in the {@code ErrorInfo} of
     * {@code details[]}, and {@code status} names the canonical code. Synthetic, following that envelope as
     * Google answers a made-up key ({@code "API key not valid. Please pass a valid API key."}).
     */
    @ParameterizedTest(name = "{1} / {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            400 | badRequest | API_KEY_INVALID                  | AUTH_FAILED
            403 | forbidden  | API_KEY_HTTP_REFERRER_BLOCKED    | AUTH_FAILED
            403 | accessNotConfigured | SERVICE_DISABLED        | AUTH_FAILED
            """)
    void readsTheReasonFromTheErrorInfoDetails(int status, String legacyReason, String reason, ErrorCode code) {
        String body = "{\"error\":{\"code\":" + status + ",\"message\":\"API key not valid. Please pass a valid API key.\","
                + "\"errors\":[{\"message\":\"API key not valid. Please pass a valid API key.\",\"domain\":\"global\","
                + "\"reason\":\"" + legacyReason + "\"}],\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"" + reason + "\",\"domain\":\"googleapis.com\","
                + "\"metadata\":{\"service\":\"youtube.googleapis.com\"}}]}}";
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body)));
        ExportException error = export("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.getMessage()).contains(reason).doesNotContain(API_KEY);
    }

    /** Bodies with no reason at all: the canonical {@code error.status} decides (synthetic, AIP-193 codes). */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            429 | RESOURCE_EXHAUSTED | RATE_LIMITED
            403 | PERMISSION_DENIED  | AUTH_FAILED
            401 | UNAUTHENTICATED    | AUTH_FAILED
            404 | NOT_FOUND          | NOT_FOUND
            """)
    void fallsBackOnTheErrorStatus(int status, String canonical, ErrorCode code) {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(status).withBody(
                "{\"error\":{\"code\":" + status + ",\"message\":\"Refused.\",\"status\":\"" + canonical + "\"}}")));
        assertThat(export("https://www.youtube.com/watch?v=dQw4w9WgXcQ").code()).isEqualTo(code);
    }

    @Test
    void aRateLimitPausesAndReportsTheWait() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(403)
                .withBody(body(403, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded"))));
        ExportException error = export("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(error.retryAfter()).isPresent();
    }

    @Test
    void anEmptyVideosListIsNotFound() {
        server.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(aResponse().withStatus(200)
                .withBody("{\"kind\":\"youtube#videoListResponse\",\"etag\":\"x\",\"items\":[],\"pageInfo\":{\"totalResults\":0,\"resultsPerPage\":0}}")));
        try (StarExport star = YouTubeTests.engine(server, new YouTubePlatform(), API_KEY).build()) {
            assertThatThrownBy(() -> star.export("https://youtu.be/dQw4w9WgXcQ").posts().stream().count())
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
    }

    /**
     * {@code channels.list} leaves {@code items} out when nothing matches: the body quoted in
     * sns-sdks/python-youtube issue 158 ({@code forUsername}) and google/googleapis.dart issue 255.
     */
    @Test
    void aChannelListWithoutItemsIsNotFound() {
        server.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).willReturn(aResponse().withStatus(200)
                .withBody("{\"kind\": \"youtube#channelListResponse\", \"etag\": \"RuuXzTIr0OoDqI4S0RU6n4FqKEM\", "
                        + "\"pageInfo\": {\"totalResults\": 0, \"resultsPerPage\": 5}}")));
        try (StarExport star = YouTubeTests.engine(server, new YouTubePlatform(), API_KEY).build()) {
            assertThatThrownBy(() -> star.export("https://www.youtube.com/@no.such_handle").profile().stream().count())
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                        assertThat(e.getMessage()).contains("@no.such_handle");
                    });
        }
    }

    @Test
    void aBodyWithoutItemsIsAChangedPlatform() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"nextPageToken\":\"x\"}")));
        ExportException error = export("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(error.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED);
        assertThat(error.getMessage()).contains("commentThreads.items");
    }

    @Test
    void stopsBeforeSpendingMoreThanTheDailyBudget() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody(YouTubeTests.resource("data-api/comment_threads_by_video_paged_2.json"))));
        YouTubePlatform platform = YouTubePlatform.builder().dailyQuotaBudget(2).build();
        try (StarExport star = YouTubeTests.engine(server, platform, API_KEY).build()) {
            assertThat(star.export("https://youtu.be/F1UP7wRCPH8").comments().stream().count()).isEqualTo(5);
            assertThat(star.export("https://youtu.be/F1UP7wRCPH8").comments().stream().count()).isEqualTo(5);
            assertThatThrownBy(() -> star.export("https://youtu.be/F1UP7wRCPH8").comments().stream().count())
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                        assertThat(e.getMessage()).contains("dailyQuotaBudget");
                    });
        }
        assertThat(platform.quotaUnitsUsed(API_KEY)).isEqualTo(2);
        server.verify(2, anyRequestedFor(anyUrl()));
    }

    /**
     * Google bills every request it answers (GDOC-Q: "All API requests, including invalid requests, incur a
     * quota cost"), so a call the engine retries after a 503 costs a unit per attempt.
     */
    @Test
    void countsEveryAttemptOfARetriedCall() {
        server.stubFor(get(anyUrl()).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody(body(503, "global", "backendError", "Backend Error")))
                .willSetStateTo("answered"));
        server.stubFor(get(anyUrl()).inScenario("retry").whenScenarioStateIs("answered").willReturn(aResponse()
                .withStatus(200).withBody(YouTubeTests.resource("data-api/comment_threads_by_video_paged_2.json"))));
        YouTubePlatform platform = new YouTubePlatform();
        try (StarExport star = YouTubeTests.engine(server, platform, API_KEY).build()) {
            assertThat(star.export("https://youtu.be/F1UP7wRCPH8").comments().stream().count()).isEqualTo(5);
        }
        server.verify(2, anyRequestedFor(anyUrl()));
        assertThat(platform.quotaUnitsUsed(API_KEY)).isEqualTo(2);
    }

    @Test
    void theDataApiBackendWithoutAKeyAsksForOne() {
        YouTubePlatform platform = YouTubePlatform.builder().backend(YouTubePlatform.Backend.DATA_API).build();
        try (StarExport star = YouTubeTests.engine(server, platform, null).build()) {
            assertThatThrownBy(() -> star.export("https://youtu.be/F1UP7wRCPH8").comments().stream().count())
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
                        assertThat(e.getMessage()).contains("STAREXPORT_YOUTUBE_API_KEY");
                    });
        }
    }
}
