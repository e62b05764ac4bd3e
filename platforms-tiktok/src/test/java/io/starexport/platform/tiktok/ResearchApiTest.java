package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.kit.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.platform.tiktok.TikTokTesting.VIDEO_ID;
import static io.starexport.platform.tiktok.TikTokTesting.VIDEO_URL;
import static io.starexport.platform.tiktok.TikTokTesting.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Research API backend. {@code research/example_resp_*.json} are the example bodies of TikTok's Research
 * API documentation (via JBGruber/traktok {@code tests/testthat/}); the token answer, second pages and error
 * bodies are synthetic, after the reference's section 2.8 (TT-TOK, TT-CMT, TT-VQ, TT-UI, TT-ERR) and the
 * {@code daily_quota_limit_exceeded} code research clients handle.
 */
class ResearchApiTest {
    private static final String TOKEN = "clt.example-token-1";
    private static final String SECRET = "s3cr3t-client-secret";
    private static final String COMMENTS = "/v2/research/video/comment/list/";
    private static final String VIDEOS = "/v2/research/video/query/";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static StarExport.Builder engine() {
        return TikTokTesting.engine(server).credential("tiktok", "client_key", "awtestkey")
                .credential("tiktok", "client_secret", SECRET);
    }

    private static void stubToken(String token, long expiresIn) {
        server.stubFor(post(urlPathEqualTo("/v2/oauth/token/"))
                .withRequestBody(containing("client_key=awtestkey")).withRequestBody(containing("client_secret=" + SECRET))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}")));
    }

    private static MappingBuilder research(String path) {
        return post(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", containing("application/json"));
    }

    private static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"log_id\":\"20260205TESTLOG\"}}";
    }

    private static void stubComments() {
        stubToken(TOKEN, 7200);
        server.stubFor(research(COMMENTS).withQueryParam("fields", equalTo(ResearchComments.FIELDS))
                .withRequestBody(equalToJson("{\"video_id\":" + VIDEO_ID + ",\"max_count\":100,\"cursor\":0}"))
                .willReturn(okJson(resource("research/example_resp_comments.json"))));
        server.stubFor(research(COMMENTS).withRequestBody(matchingJsonPath("$.cursor", equalTo("300")))
                .willReturn(okJson("{\"data\":{\"comments\":[{\"id\":7603400000000000001,\"video_id\":" + VIDEO_ID
                        + ",\"text\":\"top level\",\"like_count\":3,\"reply_count\":0,\"parent_comment_id\":" + VIDEO_ID
                        + ",\"create_time\":1770290000}],\"has_more\":false,\"cursor\":301},"
                        + "\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"20260205TESTLOG\"}}")));
    }

    private static List<Comment> comments(StarExport star, boolean replies) {
        try (Stream<Comment> stream = star.export(VIDEO_URL).comments().replies(replies).stream()) {
            return stream.toList();
        }
    }

    @Test
    void readsTheDocumentedCommentPageAndTheNextOne() {
        stubComments();
        List<Comment> comments;
        try (StarExport star = engine().build()) {
            comments = comments(star, true);
        }
        assertThat(comments).hasSize(2);
        Comment documented = comments.get(0);
        assertThat(documented.id()).isEqualTo("12345616934634134");
        assertThat(documented.postId()).isEqualTo("1234563451201523412");
        assertThat(documented.text()).isEqualTo("AWEEEEEE 🥰🥰🥰");
        assertThat(documented.likeCount()).hasValue(50);
        assertThat(documented.replyCount()).hasValue(10);
        assertThat(documented.createdAt()).hasValue(Instant.ofEpochSecond(1671491598));
        assertThat(documented.parentId()).hasValue("1234561201524010");
        assertThat(documented.author()).isEmpty();
        Comment top = comments.get(1);
        assertThat(top.id()).isEqualTo("7603400000000000001");
        assertThat(top.parentId()).isEmpty();
        assertThat(top.depth()).isZero();
        server.verify(1, postRequestedFor(urlPathEqualTo("/v2/oauth/token/")));
        server.verify(0, getRequestedFor(urlPathEqualTo("/api/comment/list/")));
    }

    @Test
    void leavesRepliesOutUnlessAsked() {
        stubComments();
        try (StarExport star = engine().build()) {
            assertThat(comments(star, false)).extracting(Comment::id).containsExactly("7603400000000000001");
        }
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends java.time.Clock {
        private Instant now = Instant.parse("2026-02-05T12:00:00Z");

        void advance(java.time.Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void reusesTheTokenAcrossExportsUntilFiveMinutesBeforeItExpires() {
        stubComments();
        MovableClock clock = new MovableClock();
        try (StarExport star = engine().clock(clock).build()) {
            comments(star, false);
            clock.advance(java.time.Duration.ofSeconds(7200 - 301));
            comments(star, false);
            server.verify(1, postRequestedFor(urlPathEqualTo("/v2/oauth/token/")));
            clock.advance(java.time.Duration.ofSeconds(2));
            comments(star, false);
            server.verify(2, postRequestedFor(urlPathEqualTo("/v2/oauth/token/")));
        }
    }

    @Test
    void renewsARejectedTokenOnce() {
        server.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\":\"clt.revoked\",\"expires_in\":7200,\"token_type\":\"Bearer\"}"))
                .willSetStateTo("renewed"));
        server.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).inScenario("token").whenScenarioStateIs("renewed")
                .willReturn(okJson("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":7200,\"token_type\":\"Bearer\"}")));
        server.stubFor(post(urlPathEqualTo(COMMENTS)).withHeader("Authorization", equalTo("Bearer clt.revoked"))
                .willReturn(aResponse().withStatus(401).withBody(error("access_token_invalid", "The access token is invalid or not found in the request."))));
        server.stubFor(research(COMMENTS).willReturn(okJson(resource("research/example_resp_comments.json")
                .replace("\"has_more\": true", "\"has_more\": false"))));
        try (StarExport star = engine().build()) {
            assertThat(comments(star, true)).hasSize(1);
        }
        server.verify(2, postRequestedFor(urlPathEqualTo("/v2/oauth/token/")));
    }

    private static ExportException commentsFailure(StarExport star) {
        try {
            comments(star, true);
        } catch (ExportException e) {
            return e;
        }
        throw new AssertionError("the export did not fail");
    }

    @Test
    void aTokenThatStaysInvalidFailsAuthentication() {
        stubToken(TOKEN, 7200);
        server.stubFor(research(COMMENTS).willReturn(aResponse().withStatus(401)
                .withBody(error("access_token_invalid", "The access token is invalid or not found in the request."))));
        try (StarExport star = engine().build()) {
            ExportException e = commentsFailure(star);
            assertThat(e.code()).isEqualTo(ErrorCode.AUTH_FAILED);
            assertThat(e.getMessage()).doesNotContain(TOKEN, SECRET);
        }
    }

    @Test
    void refusedClientCredentialsFailAuthenticationWithoutShowingTheSecret() {
        server.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).willReturn(aResponse().withStatus(401).withBody(
                "{\"error\":\"invalid_client\",\"error_description\":\"Client key or secret is incorrect.\",\"log_id\":\"x\"}")));
        try (StarExport star = engine().build()) {
            ExportException e = commentsFailure(star);
            assertThat(e.code()).isEqualTo(ErrorCode.AUTH_FAILED);
            assertThat(e.getMessage()).contains("invalid_client", "Client key or secret is incorrect").doesNotContain(SECRET);
        }
    }

    @Test
    void anUnapprovedAppNeedsResearchAccess() {
        stubToken(TOKEN, 7200);
        server.stubFor(research(COMMENTS).willReturn(aResponse().withStatus(401)
                .withBody(error("scope_not_authorized", "The user did not authorize the scope required for completing this request."))));
        try (StarExport star = engine().build()) {
            ExportException e = commentsFailure(star);
            assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
            assertThat(e.getMessage()).contains("research.data.basic");
        }
    }

    @Test
    void aRateLimitIsTransientAndTheDailyQuotaIsNot() {
        stubToken(TOKEN, 7200);
        server.stubFor(research(COMMENTS).willReturn(aResponse().withStatus(429)
                .withBody(error("rate_limit_exceeded", "API rate limit was exceeded, only 600 requests per minute are allowed."))));
        try (StarExport star = engine().build()) {
            assertThat(commentsFailure(star).code()).isEqualTo(ErrorCode.RATE_LIMITED);
        }
        server.stubFor(research(COMMENTS).willReturn(aResponse().withStatus(429)
                .withBody(error("daily_quota_limit_exceeded", "Daily quota limit exceeded"))));
        try (StarExport star = engine().build()) {
            ExportException e = commentsFailure(star);
            assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
            assertThat(e.getMessage()).contains("00:00 UTC");
        }
    }

    /**
     * The daily-quota refusal comes as HTTP 429; waiting and retrying cannot help before 00:00 UTC, so the
     * first refusal ends the export with QUOTA_EXCEEDED and no retries, while a plain rate limit is still
     * retried. Bodies synthetic, after TT-ERR.
     */
    @Test
    void aDailyQuotaRefusalEndsAtOnceWithoutRetries() {
        stubToken(TOKEN, 7200);
        server.stubFor(research(COMMENTS).willReturn(aResponse().withStatus(429)
                .withBody(error("daily_quota_limit_exceeded", "Daily quota limit exceeded"))));
        try (StarExport star = engine().build()) {
            assertThat(commentsFailure(star).code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        }
        server.verify(1, postRequestedFor(urlPathEqualTo(COMMENTS)));
        server.resetRequests();
        server.stubFor(research(COMMENTS).willReturn(aResponse().withStatus(429)
                .withBody(error("rate_limit_exceeded", "API rate limit was exceeded"))));
        try (StarExport star = engine().build()) {
            assertThat(commentsFailure(star).code()).isEqualTo(ErrorCode.RATE_LIMITED);
        }
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(COMMENTS)))).hasSizeGreaterThan(1);
    }

    /**
     * The API may answer a page with fewer records than asked ("due to reasons such as comments deleted by
     * users", TT-CMT, developers.tiktok.com/doc/research-api-specs-query-video-comments), none at all, yet
     * {@code has_more: true} and a cursor further on; traktok's clients keep paging while {@code has_more}.
     * The export goes on to the next page. Synthetic bodies after TT-CMT.
     */
    @Test
    void anEmptyCommentPageWithMoreToComeIsNotTheEnd() {
        stubToken(TOKEN, 7200);
        String ok = ",\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"x\"}}";
        server.stubFor(research(COMMENTS).withRequestBody(matchingJsonPath("$.cursor", equalTo("0")))
                .willReturn(okJson("{\"data\":{\"comments\":[],\"has_more\":true,\"cursor\":100}" + ok)));
        server.stubFor(research(COMMENTS).withRequestBody(matchingJsonPath("$.cursor", equalTo("100")))
                .willReturn(okJson("{\"data\":{\"comments\":[{\"id\":7603400000000000009,\"video_id\":" + VIDEO_ID
                        + ",\"text\":\"late\",\"parent_comment_id\":" + VIDEO_ID + ",\"create_time\":1770290000}],"
                        + "\"has_more\":false,\"cursor\":101}" + ok)));
        try (StarExport star = engine().build()) {
            assertThat(comments(star, true)).extracting(Comment::id).containsExactly("7603400000000000009");
        }
    }

    /** A {@code has_more} page whose cursor does not move on ends the export rather than asking again (synthetic, after TT-CMT). */
    @Test
    void aCursorThatDoesNotMoveEndsTheCommentExport() {
        stubToken(TOKEN, 7200);
        server.stubFor(research(COMMENTS).willReturn(okJson("{\"data\":{\"comments\":[],\"has_more\":true,\"cursor\":0},"
                + "\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"x\"}}")));
        try (StarExport star = engine().build()) {
            assertThat(comments(star, true)).isEmpty();
        }
        server.verify(1, postRequestedFor(urlPathEqualTo(COMMENTS)));
    }

    /**
     * Without {@code until} the first window ends today (UTC), never on a future date the API may refuse
     * (clients send today at the latest: tiktok/tiktok-research-api-wrapper issue #2, traktok's
     * {@code end_date = Sys.Date()}). Synthetic answer after TT-VQ.
     */
    @Test
    void theFirstWindowEndsTodayNotInTheFuture() {
        stubToken(TOKEN, 7200);
        server.stubFor(research(VIDEOS).willReturn(okJson("{\"data\":{\"videos\":[],\"cursor\":0,\"has_more\":false,"
                + "\"search_id\":\"1\"},\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"x\"}}")));
        try (StarExport star = engine().clock(new MovableClock()).build();
             Stream<Post> stream = star.export("https://www.tiktok.com/@cate").posts()
                     .since(Instant.parse("2026-01-20T00:00:00Z")).stream()) {
            assertThat(stream.count()).isZero();
        }
        server.verify(1, postRequestedFor(urlPathEqualTo(VIDEOS)).withRequestBody(matchingJsonPath("$.end_date", equalTo("20260205")))
                .withRequestBody(matchingJsonPath("$.start_date", equalTo("20260120"))));
        server.verify(1, postRequestedFor(urlPathEqualTo(VIDEOS)));
    }

    /** Same for the video query: an empty page with {@code has_more} continues the window with its search id. */
    @Test
    void anEmptyVideoPageWithMoreToComeContinuesTheWindow() {
        stubToken(TOKEN, 7200);
        String ok = ",\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"x\"}}";
        server.stubFor(research(VIDEOS).withRequestBody(matchingJsonPath("$.start_date", equalTo("20260205")))
                .willReturn(okJson("{\"data\":{\"videos\":[],\"cursor\":100,\"has_more\":true,\"search_id\":\"77\"}" + ok)));
        server.stubFor(research(VIDEOS).withRequestBody(matchingJsonPath("$.start_date", equalTo("20260205")))
                .withRequestBody(matchingJsonPath("$.cursor", equalTo("100")))
                .withRequestBody(matchingJsonPath("$.search_id", equalTo("77")))
                .willReturn(okJson("{\"data\":{\"videos\":[{\"id\":7603500000000000001,\"create_time\":1772352000}],"
                        + "\"cursor\":101,\"has_more\":false,\"search_id\":\"77\"}" + ok)));
        List<Post> posts;
        try (StarExport star = engine().build();
             Stream<Post> stream = star.export("https://www.tiktok.com/@cate").posts()
                     .since(Instant.parse("2026-02-05T00:00:00Z")).until(Instant.parse("2026-03-05T12:00:00Z")).stream()) {
            posts = stream.toList();
        }
        assertThat(posts).extracting(Post::id).containsExactly("7603500000000000001");
    }

    @Test
    void invalidParametersSayWhatWasWrong() {
        stubToken(TOKEN, 7200);
        server.stubFor(research(COMMENTS).willReturn(aResponse().withStatus(400)
                .withBody(error("invalid_params", "Invalid count or cursor"))));
        try (StarExport star = engine().build()) {
            ExportException e = commentsFailure(star);
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(e.getMessage()).contains("Invalid count or cursor", "without resuming");
        }
        server.stubFor(research(COMMENTS).willReturn(aResponse().withStatus(400)
                .withBody(error("invalid_params", "Field 'video_id' must be an int64"))));
        try (StarExport star = engine().build()) {
            ExportException e = commentsFailure(star);
            assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED);
            assertThat(e.getMessage()).contains("invalid_params", "Field 'video_id' must be an int64", "20260205TESTLOG");
        }
    }

    @Test
    void aMissingClientSecretIsReported() {
        try (StarExport star = TikTokTesting.engine(server).credential("tiktok", "client_key", "awtestkey").build()) {
            ExportException e = commentsFailure(star);
            assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
            assertThat(e.getMessage()).contains("client_secret");
        }
        TikTokPlatform research = TikTokPlatform.builder().backend(TikTokPlatform.Backend.RESEARCH).build();
        try (StarExport star = TikTokTesting.engine(server, research).build()) {
            assertThat(commentsFailure(star).code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
        }
    }

    @Test
    void walksThirtyDayWindowsAcrossTheRequestedDates() {
        stubToken(TOKEN, 7200);
        String ok = ",\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"20260205TESTLOG\"}}";
        String video = "{\"id\":%s,\"username\":\"cate\",\"create_time\":%d,\"video_description\":\"v%s\",\"view_count\":10}";
        server.stubFor(research(VIDEOS).withRequestBody(matchingJsonPath("$.start_date", equalTo("20260205")))
                .withRequestBody(matchingJsonPath("$.end_date", equalTo("20260306")))
                .willReturn(okJson("{\"data\":{\"videos\":[" + String.format(video, "7603500000000000001", 1772352000L, "1")
                        + "],\"cursor\":1,\"has_more\":true,\"search_id\":\"7201388525814961198\"}" + ok)));
        server.stubFor(research(VIDEOS).withRequestBody(matchingJsonPath("$.start_date", equalTo("20260205")))
                .withRequestBody(matchingJsonPath("$.cursor", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.search_id", equalTo("7201388525814961198")))
                .willReturn(okJson("{\"data\":{\"videos\":[" + String.format(video, "7603500000000000002", 1771574400L, "2")
                        + "],\"cursor\":2,\"has_more\":false,\"search_id\":\"7201388525814961198\"}" + ok)));
        server.stubFor(research(VIDEOS).withRequestBody(matchingJsonPath("$.start_date", equalTo("20260107")))
                .withRequestBody(matchingJsonPath("$.end_date", equalTo("20260205")))
                .willReturn(okJson("{\"data\":{\"videos\":[" + String.format(video, "7603500000000000003", 1770285600L, "3")
                        + "," + String.format(video, "7603500000000000004", 1768903200L, "4")
                        + "],\"cursor\":2,\"has_more\":false,\"search_id\":\"7201388525814961199\"}" + ok)));
        server.stubFor(research(VIDEOS).withRequestBody(matchingJsonPath("$.start_date", equalTo("20260101")))
                .withRequestBody(matchingJsonPath("$.end_date", equalTo("20260107")))
                .willReturn(okJson("{\"data\":{\"videos\":[],\"cursor\":0,\"has_more\":false,\"search_id\":\"1\"}" + ok)));
        List<Post> posts;
        try (StarExport star = engine().build();
             Stream<Post> stream = star.export("https://www.tiktok.com/@cate").posts()
                     .since(Instant.parse("2026-01-01T00:00:00Z")).until(Instant.parse("2026-03-05T12:00:00Z")).stream()) {
            posts = stream.toList();
        }
        assertThat(posts).extracting(Post::id).containsExactly("7603500000000000001", "7603500000000000002",
                "7603500000000000004");
        assertThat(posts.get(0).author().orElseThrow().handle()).hasValue("cate");
        server.verify(4, postRequestedFor(urlPathEqualTo(VIDEOS)).withQueryParam("fields", equalTo(ResearchVideos.FIELDS))
                .withRequestBody(matchingJsonPath("$.query.and[0].field_name", equalTo("username")))
                .withRequestBody(matchingJsonPath("$.query.and[0].field_values[0]", equalTo("cate")))
                .withRequestBody(matchingJsonPath("$.max_count", equalTo("100"))));
    }

    @Test
    void resumesTheWindowWalkWithoutDuplicates(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        stubToken(TOKEN, 7200);
        String ok = ",\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"x\"}}";
        server.stubFor(research(VIDEOS).withRequestBody(matchingJsonPath("$.start_date", equalTo("20260205")))
                .willReturn(okJson("{\"data\":{\"videos\":[{\"id\":7603500000000000001,\"create_time\":1772352000},"
                        + "{\"id\":7603500000000000002,\"create_time\":1771574400}],\"cursor\":2,\"has_more\":false,"
                        + "\"search_id\":\"1\"}" + ok)));
        server.stubFor(research(VIDEOS).withRequestBody(matchingJsonPath("$.start_date", equalTo("20260110")))
                .willReturn(aResponse().withStatus(500).withBody(error("internal_error", "Something went wrong."))));
        java.nio.file.Path out = dir.resolve("posts.jsonl");
        try (StarExport star = TikTokTesting.engine(server, new TikTokPlatform(), io.starexport.RetryPolicy.none())
                .credential("tiktok", "client_key", "awtestkey").credential("tiktok", "client_secret", SECRET).build()) {
            assertThatThrownBy(() -> star.export("https://www.tiktok.com/@cate").posts()
                    .since(Instant.parse("2026-01-10T00:00:00Z")).until(Instant.parse("2026-03-05T12:00:00Z")).to(out).run())
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK));
        }
        server.stubFor(research(VIDEOS).withRequestBody(matchingJsonPath("$.start_date", equalTo("20260110")))
                .withRequestBody(matchingJsonPath("$.end_date", equalTo("20260205")))
                .willReturn(okJson("{\"data\":{\"videos\":[{\"id\":7603500000000000003,\"create_time\":1768903200}],"
                        + "\"cursor\":1,\"has_more\":false,\"search_id\":\"2\"}" + ok)));
        assertThat(java.nio.file.Files.readString(dir.resolve("posts.jsonl.checkpoint.json")))
                .doesNotContain(SECRET, TOKEN, "awtestkey");
        try (StarExport star = engine().build()) {
            assertThat(star.resume(dir.resolve("posts.jsonl.checkpoint.json")).run().items()).isEqualTo(3);
        }
        List<String> ids = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(out)) {
            ids.add(TikTokTesting.JSON.readTree(line).get("id").asText());
        }
        assertThat(ids).containsExactly("7603500000000000001", "7603500000000000002", "7603500000000000003");
    }

    @Test
    void parsesTheDocumentedVideoQueryAnswer() {
        JsonNode data = Json.parse(TikTokPlatform.ID, resource("research/example_resp_q_videos.json"), "test").get("data");
        List<Post> posts = new java.util.ArrayList<>();
        data.get("videos").forEach(v -> posts.add(ResearchVideos.post(v)));
        assertThat(posts).hasSize(2);
        Post post = posts.get(0);
        assertThat(post.id()).isEqualTo("702874395068494965");
        assertThat(post.text()).hasValue("lol #pov #avengers");
        assertThat(post.createdAt()).hasValue(Instant.ofEpochSecond(1633823999));
        assertThat(post.viewCount()).hasValue(1050);
        assertThat(post.commentCount()).hasValue(2);
        assertThat(post.likeCount()).isEmpty();
        assertThat(post.extras()).containsEntry("hashtags", List.of("avengers", "pov")).containsEntry("region_code", "CA")
                .containsEntry("music_id", "703847506349838790").doesNotContainKey("effect_ids");
    }

    @Test
    void queriesOneVideoInTheWindowItsIdDates() {
        stubToken(TOKEN, 7200);
        server.stubFor(research(VIDEOS).willReturn(okJson("{\"data\":{\"videos\":[{\"id\":" + VIDEO_ID + ",\"username\":\"cate\","
                + "\"create_time\":1770280384,\"like_count\":7,\"favorites_count\":2,\"video_duration\":15}],\"cursor\":1,"
                + "\"has_more\":false,\"search_id\":\"1\"},\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"x\"}}")));
        try (StarExport star = engine().build(); Stream<Post> stream = star.export(VIDEO_URL).posts().stream()) {
            Post post = stream.toList().get(0);
            assertThat(post.likeCount()).hasValue(7);
            assertThat(post.extras()).containsEntry("save_count", 2L).containsEntry("duration_seconds", 15L);
        }
        server.verify(1, postRequestedFor(urlPathEqualTo(VIDEOS))
                .withRequestBody(matchingJsonPath("$.start_date", equalTo("20260204")))
                .withRequestBody(matchingJsonPath("$.end_date", equalTo("20260206")))
                .withRequestBody(matchingJsonPath("$.query.and[0].field_name", equalTo("video_id"))));
    }

    @Test
    void queriesAHashtagsVideos() {
        stubToken(TOKEN, 7200);
        server.stubFor(research(VIDEOS).willReturn(okJson("{\"data\":{\"videos\":[],\"cursor\":0,\"has_more\":false,"
                + "\"search_id\":\"1\"},\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"x\"}}")));
        try (StarExport star = engine().build()) {
            assertThat(TikTokTesting.drain(star.export("https://www.tiktok.com/tag/travel").posts()
                    .since(Instant.parse("2026-02-20T00:00:00Z")).until(Instant.parse("2026-03-01T00:00:00Z")))).isZero();
        }
        server.verify(1, postRequestedFor(urlPathEqualTo(VIDEOS))
                .withRequestBody(matchingJsonPath("$.query.and[0].field_name", equalTo("hashtag_name")))
                .withRequestBody(matchingJsonPath("$.query.and[0].field_values[0]", equalTo("travel")))
                .withRequestBody(matchingJsonPath("$.start_date", equalTo("20260220"))));
    }

    @Test
    void readsTheDocumentedUserInfo() {
        stubToken(TOKEN, 7200);
        server.stubFor(research("/v2/research/user/info/").withQueryParam("fields", equalTo(ResearchProfile.FIELDS))
                .withRequestBody(equalToJson("{\"username\":\"joe123456\"}"))
                .willReturn(okJson(resource("research/example_resp_q_user.json"))));
        Profile profile;
        try (StarExport star = engine().build();
             Stream<Profile> stream = star.export("https://www.tiktok.com/@joe123456").profile().stream()) {
            profile = stream.toList().get(0);
        }
        assertThat(profile.id()).isEqualTo("joe123456");
        assertThat(profile.author().orElseThrow().displayName()).hasValue("my nick name");
        assertThat(profile.author().orElseThrow().verified()).isFalse();
        assertThat(profile.bio()).hasValue("my_bio");
        assertThat(profile.followerCount()).hasValue(232);
        assertThat(profile.followingCount()).hasValue(45);
        assertThat(profile.postCount()).hasValue(44);
        assertThat(profile.extras()).containsEntry("likes_count", 27_155_089L)
                .containsEntry("avatar_url", "https://some_cdn.com/my_avatar");
    }

    @Test
    void mediaComesFromTheWebEvenWithResearchCredentials() {
        server.stubFor(get(urlPathEqualTo("/@cate/video/" + VIDEO_ID)).willReturn(ok(TikTokTesting.page("webapp.video-detail",
                "{\"statusCode\":0,\"itemInfo\":{\"itemStruct\":{\"id\":\"" + VIDEO_ID + "\",\"createTime\":1770280384,"
                        + "\"video\":{\"playAddr\":\"https://v16-webapp.tiktok.com/v.mp4\",\"duration\":15}}}}"))));
        try (StarExport star = engine().build()) {
            assertThat(TikTokTesting.drain(star.export(VIDEO_URL).media())).isEqualTo(1);
        }
        server.verify(0, postRequestedFor(urlPathEqualTo("/v2/oauth/token/")));
        TikTokPlatform research = TikTokPlatform.builder().backend(TikTokPlatform.Backend.RESEARCH).build();
        try (StarExport star = TikTokTesting.engine(server, research).credential("tiktok", "client_key", "k")
                .credential("tiktok", "client_secret", "s").build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export(VIDEO_URL).media()))
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CONTENT));
        }
    }
}
