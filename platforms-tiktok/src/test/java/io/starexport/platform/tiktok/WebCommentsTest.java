package io.starexport.platform.tiktok;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.platform.tiktok.TikTokTesting.VIDEO_ID;
import static io.starexport.platform.tiktok.TikTokTesting.VIDEO_URL;
import static io.starexport.platform.tiktok.TikTokTesting.engine;
import static io.starexport.platform.tiktok.TikTokTesting.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Web comments through the real engine. {@code web/comment-list.page1.json} is a real {@code /api/comment/list/}
 * body (alingowangxr/ideasseek-ai : {@code douyin-app-doc/tiktok_video_comments.md}, 2026-02-05); the thread
 * and reply pages are synthetic, built from its comment objects after the reference's sections 2.2 and 2.3
 * (see {@code src/test/resources/tiktok/SOURCES.md}).
 */
class WebCommentsTest {
    private static final String THREAD = "7603300000000000001";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private static com.github.tomakehurst.wiremock.client.MappingBuilder commentPage(String cursor) {
        return get(urlPathEqualTo("/api/comment/list/")).withQueryParam("aweme_id", equalTo(VIDEO_ID))
                .withQueryParam("cursor", equalTo(cursor));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder replyPage(String cursor) {
        return get(urlPathEqualTo("/api/comment/list/reply/")).withQueryParam("item_id", equalTo(VIDEO_ID))
                .withQueryParam("comment_id", equalTo(THREAD)).withQueryParam("cursor", equalTo(cursor));
    }

    @Test
    void parsesTheRecordedCommentPageFieldByField() {
        server.stubFor(commentPage("0").willReturn(okJson(resource("web/comment-list.page1.json"))));
        server.stubFor(commentPage("20").willReturn(okJson("{\"comments\":null,\"cursor\":20,\"has_more\":0,\"total\":227,"
                + "\"status_code\":0,\"status_msg\":\"\"}")));
        List<Comment> comments;
        try (StarExport star = engine(server).build(); Stream<Comment> stream = star.export(VIDEO_URL).comments().stream()) {
            comments = stream.toList();
        }
        assertThat(comments).hasSize(19);
        assertThat(comments).allSatisfy(c -> {
            assertThat(c.platform()).isEqualTo("tiktok");
            assertThat(c.postId()).isEqualTo(VIDEO_ID);
            assertThat(c.parentId()).isEmpty();
            assertThat(c.depth()).isZero();
            assertThat(c.author()).isPresent();
        });
        Comment image = comments.get(0);
        assertThat(image.id()).isEqualTo("7603301260598838032");
        assertThat(image.text()).isEmpty();
        assertThat(image.createdAt()).hasValue(Instant.ofEpochSecond(1770281693));
        assertThat(image.likeCount()).hasValue(2);
        assertThat(image.replyCount()).hasValue(0);
        assertThat(image.pinned()).isFalse();
        assertThat(image.author().orElseThrow().id()).hasValue("7253829545996370949");
        assertThat(image.author().orElseThrow().handle()).hasValue("zainjutt.31");
        assertThat(image.author().orElseThrow().displayName()).hasValue("☠️زین وینس");
        assertThat(image.author().orElseThrow().url()).hasValue("https://www.tiktok.com/@zainjutt.31");
        assertThat(image.extras()).containsEntry("language", "un").containsEntry("author_liked", false)
                .containsEntry("author_sec_uid", "MS4wLjABAAAAX8-9O5L2x0V2bBXh7waHKhHwd2gM4Wvh_LsioC0A5-_yJJS76sofDbLhRL6Rrzkg");
        assertThat((List<?>) image.extras().get("image_urls")).hasSize(1).first().asString()
                .startsWith("https://p16-comment-sg-sign.tiktokcdn-us.com/").contains("image-origin");
        Comment text = comments.get(1);
        assertThat(text.id()).isEqualTo("7603308235172496150");
        assertThat(text.text()).isEqualTo("Hi oyyyyyyyyy ❤️🥀😁");
        assertThat(text.createdAt()).hasValue(Instant.ofEpochSecond(1770283175));
        assertThat(text.likeCount()).hasValue(0);
        assertThat(text.author().orElseThrow().handle()).hasValue("shanu3_007");
        assertThat(text.extras()).containsEntry("language", "en").doesNotContainKey("image_urls");
        assertThat(comments.get(17).id()).isEqualTo("7603328008933442324");
        assertThat(comments.get(17).likeCount()).hasValue(1);
        assertThat(comments.get(10).text()).isEqualTo("دکھ سنائے ک\n🥰\nسے سنائے اپنے🥰");
        server.verify(getRequestedFor(urlPathEqualTo("/api/comment/list/"))
                .withQueryParam("aid", equalTo("1988")).withQueryParam("device_platform", equalTo("web_pc"))
                .withQueryParam("app_language", equalTo("en")).withQueryParam("count", equalTo("20"))
                .withQueryParam("device_id", matching("[0-9]{19}"))
                .withQueryParam("msToken", absent()).withQueryParam("X-Bogus", absent())
                .withHeader("User-Agent", matching("Mozilla/5\\.0 .*Chrome.*")));
    }

    private static void stubThread() {
        server.stubFor(commentPage("0").willReturn(okJson(resource("web/comments-thread.page1.json"))));
        server.stubFor(commentPage("2").willReturn(okJson(resource("web/comments-thread.page2.json"))));
        server.stubFor(replyPage("0").willReturn(okJson(resource("web/replies.page1.json"))));
        server.stubFor(replyPage("2").willReturn(okJson(resource("web/replies.page2.json"))));
    }

    @Test
    void pagesThroughCommentsAndTheRepliesOfEachThread() {
        stubThread();
        ExportResult result;
        List<Comment> comments;
        try (StarExport star = engine(server).build();
             Stream<Comment> stream = star.export(VIDEO_URL).comments().replies(true).stream()) {
            comments = stream.toList();
        }
        assertThat(comments).extracting(Comment::id).containsExactly("7603300000000000001", "7603300000000000002",
                "7603300000000000101", "7603300000000000102", "7603300000000000103", "7603300000000000003");
        Comment first = comments.get(0);
        assertThat(first.pinned()).isTrue();
        assertThat(first.replyCount()).hasValue(3);
        assertThat(first.likeCount()).hasValue(12);
        assertThat(comments.get(1).extras()).containsEntry("author_liked", true);
        Comment reply = comments.get(3);
        assertThat(reply.parentId()).hasValue(THREAD);
        assertThat(reply.depth()).isEqualTo(1);
        assertThat(reply.replyCount()).isEmpty();
        assertThat(reply.extras()).containsEntry("reply_to_reply_id", "7603300000000000101");
        assertThat(reply.author().orElseThrow().handle()).hasValue("barbara.l");
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/comment/list/reply/")).withQueryParam("cursor", equalTo("2")));
        try (StarExport star = engine(server).build()) {
            result = star.export(VIDEO_URL).comments().replies(true).to(dir.resolve("c.jsonl")).run();
        }
        assertThat(result.items()).isEqualTo(6);
        assertThat(result.reportedTotal()).hasValue(7);
    }

    /**
     * Shape variants of {@code /api/comment/list/} and its reply list (synthetic, after the reference's sections
     * 2.2, 2.3 and 2.7): {@code has_more} as a bool as well as 0/1, counts as strings, a page left empty by
     * filtered comments ({@code has_filtered_comments}) that still has more after it, a comment pinned only
     * by {@code stick_position}, a creator label, and an empty reply page with more replies after it.
     */
    @Test
    void toleratesShapeVariantsAndPagesOnPastEmptyPages() {
        server.stubFor(commentPage("0").willReturn(okJson("{\"comments\":[{\"cid\":\"7603300000000000011\",\"text\":\"pinned\","
                + "\"create_time\":\"1770280000\",\"digg_count\":\"5\",\"reply_comment_total\":2,\"reply_id\":\"0\","
                + "\"author_pin\":false,\"stick_position\":1,\"is_author_digged\":1,"
                + "\"label_list\":[{\"type\":1,\"text\":\"Creator\"}],\"user\":{\"uid\":\"1\",\"unique_id\":\"Cate.Maker\"}}],"
                + "\"cursor\":20,\"has_more\":true,\"total\":4,\"status_code\":0}")));
        server.stubFor(commentPage("20").willReturn(okJson("{\"comments\":[],\"cursor\":40,\"has_more\":1,"
                + "\"has_filtered_comments\":1,\"status_code\":0}")));
        server.stubFor(commentPage("40").willReturn(okJson("{\"comments\":[{\"cid\":\"7603300000000000012\",\"text\":\"later\","
                + "\"create_time\":1770280100,\"reply_id\":\"0\",\"stick_position\":0}],\"cursor\":41,\"has_more\":false,"
                + "\"status_code\":0}")));
        String reply = "{\"comments\":[{\"cid\":\"7603300000000000111\",\"text\":\"r\",\"create_time\":1770280200,"
                + "\"reply_id\":\"7603300000000000011\"}],\"cursor\":%d,\"has_more\":%s,\"status_code\":0}";
        server.stubFor(get(urlPathEqualTo("/api/comment/list/reply/")).withQueryParam("comment_id", equalTo("7603300000000000011"))
                .withQueryParam("cursor", equalTo("0")).willReturn(okJson("{\"comments\":null,\"cursor\":20,\"has_more\":1,"
                        + "\"status_code\":0}")));
        server.stubFor(get(urlPathEqualTo("/api/comment/list/reply/")).withQueryParam("comment_id", equalTo("7603300000000000011"))
                .withQueryParam("cursor", equalTo("20")).willReturn(okJson(String.format(reply, 21, "0"))));
        List<Comment> comments;
        try (StarExport star = engine(server).build();
             Stream<Comment> stream = star.export(VIDEO_URL).comments().replies(true).stream()) {
            comments = stream.toList();
        }
        assertThat(comments).extracting(Comment::id).containsExactly("7603300000000000011", "7603300000000000111",
                "7603300000000000012");
        Comment pinned = comments.get(0);
        assertThat(pinned.pinned()).isTrue();
        assertThat(pinned.likeCount()).hasValue(5);
        assertThat(pinned.createdAt()).hasValue(Instant.ofEpochSecond(1770280000));
        assertThat(pinned.extras()).containsEntry("author_liked", true).containsEntry("labels", List.of("Creator"));
        assertThat(pinned.author().orElseThrow().url()).hasValue("https://www.tiktok.com/@Cate.Maker");
        assertThat(comments.get(1).parentId()).hasValue("7603300000000000011");
        assertThat(comments.get(2).pinned()).isFalse();
    }

    /** A page that says {@code has_more} but hands back the cursor it was asked with ends the export instead of looping (synthetic). */
    @Test
    void aCursorThatDoesNotMoveEndsTheExport() {
        server.stubFor(commentPage("0").willReturn(okJson("{\"comments\":[{\"cid\":\"7603300000000000021\",\"text\":\"x\","
                + "\"create_time\":1770280000,\"reply_id\":\"0\"}],\"cursor\":0,\"has_more\":1,\"status_code\":0}")));
        try (StarExport star = engine(server).build(); Stream<Comment> stream = star.export(VIDEO_URL).comments().stream()) {
            assertThat(stream.map(Comment::id)).containsExactly("7603300000000000021");
        }
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/comment/list/")));
    }

    @Test
    void withoutRepliesNoReplyPageIsRequested() {
        stubThread();
        try (StarExport star = engine(server).build(); Stream<Comment> stream = star.export(VIDEO_URL).comments().stream()) {
            assertThat(stream.map(Comment::id)).containsExactly("7603300000000000001", "7603300000000000002",
                    "7603300000000000003");
        }
        server.verify(0, getRequestedFor(urlPathEqualTo("/api/comment/list/reply/")));
    }

    @Test
    void resumesInsideAReplyThreadWithoutDuplicates() throws Exception {
        stubThread();
        server.stubFor(replyPage("2").willReturn(serverError()));
        Path out = dir.resolve("comments.jsonl");
        try (StarExport star = engine(server, new TikTokPlatform(), RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> star.export(VIDEO_URL).comments().replies(true).to(out).run())
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK));
        }
        server.stubFor(replyPage("2").willReturn(okJson(resource("web/replies.page2.json"))));
        try (StarExport star = engine(server).build()) {
            ExportResult result = star.resume(dir.resolve("comments.jsonl.checkpoint.json")).run();
            assertThat(result.items()).isEqualTo(6);
        }
        List<String> ids = Files.readAllLines(out).stream().map(WebCommentsTest::idOf).toList();
        assertThat(ids).containsExactly("7603300000000000001", "7603300000000000002", "7603300000000000101",
                "7603300000000000102", "7603300000000000103", "7603300000000000003");
    }

    private static String idOf(String jsonLine) {
        try {
            return TikTokTesting.JSON.readTree(jsonLine).get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anEmptyBodyWithoutASignerAsksForOne() {
        server.stubFor(commentPage("0").willReturn(ok("")));
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export(VIDEO_URL).comments()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
                        assertThat(e.getMessage()).contains("empty body", "TikTokPlatform.builder().signer(", "'cookie'");
                    });
        }
    }

    @Test
    void aSignerSignsEveryRequestAndTheCookieGoesAlong() {
        stubThread();
        List<String> signedUrls = new java.util.concurrent.CopyOnWriteArrayList<>();
        RequestSigner signer = (url, userAgent) -> {
            signedUrls.add(url.toString());
            return new RequestSigner.Signature(Map.of("X-Bogus", "DFSzswVLsig"), Map.of("x-tt-params", "opaque"));
        };
        TikTokPlatform platform = TikTokPlatform.builder().signer(signer).userAgent("Mozilla/5.0 TestBrowser/1.0").build();
        try (StarExport star = engine(server, platform)
                .credential("tiktok", "cookie", "ttwid=1%7Cabc; msToken=MSTOKEN123; tt_csrf_token=x").build()) {
            assertThat(TikTokTesting.drain(star.export(VIDEO_URL).comments().replies(true))).isEqualTo(6);
        }
        assertThat(signedUrls).hasSize(4).allSatisfy(url -> assertThat(url).contains("msToken=MSTOKEN123")
                .contains("browser_version=5.0+TestBrowser%2F1.0").doesNotContain("X-Bogus"));
        server.verify(4, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api/comment/list/(reply/)?"))
                .withQueryParam("X-Bogus", equalTo("DFSzswVLsig")).withQueryParam("msToken", equalTo("MSTOKEN123"))
                .withHeader("x-tt-params", equalTo("opaque")).withHeader("User-Agent", equalTo("Mozilla/5.0 TestBrowser/1.0"))
                .withHeader("Cookie", equalTo("ttwid=1%7Cabc; msToken=MSTOKEN123; tt_csrf_token=x")));
    }

    @Test
    void anEmptyBodyDespiteASignerIsARateLimit() {
        server.stubFor(commentPage("0").willReturn(ok("")));
        TikTokPlatform platform = TikTokPlatform.builder().signer((url, agent) -> RequestSigner.Signature.NONE).build();
        try (StarExport star = engine(server, platform).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export(VIDEO_URL).comments()))
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));
        }
    }

    @Test
    void aFailingSignerIsReportedWithoutItsSecrets() {
        TikTokPlatform platform = TikTokPlatform.builder().signer((url, agent) -> {
            throw new IllegalStateException("signing service down");
        }).build();
        try (StarExport star = engine(server, platform).credential("tiktok", "cookie", "sessionid=SECRET42").build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export(VIDEO_URL).comments()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_FAILED);
                        assertThat(e.getMessage()).contains("signing service down").doesNotContain("SECRET42");
                    });
        }
    }

    /** A signer whose exception quotes the URL it was given must not leak the cookie's msToken (copied into that URL). */
    @Test
    void aFailingSignerQuotingTheUrlDoesNotLeakTheMsToken() {
        TikTokPlatform platform = TikTokPlatform.builder().signer((url, agent) -> {
            throw new IllegalStateException("cannot sign " + url);
        }).build();
        try (StarExport star = engine(server, platform).credential("tiktok", "cookie", "msToken=MSTOKEN123abc; sessionid=SECRET42")
                .build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export(VIDEO_URL).comments()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_FAILED);
                        assertThat(e.getMessage()).contains("cannot sign", "aweme_id=" + VIDEO_ID)
                                .doesNotContain("MSTOKEN123abc", "SECRET42");
                    });
        }
    }

    @Test
    void aNonZeroStatusCodeWithoutASignerIsAuthRequired() {
        server.stubFor(commentPage("0").willReturn(okJson("{\"status_code\":8,\"status_msg\":\"url doesn't match\"}")));
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export(VIDEO_URL).comments()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
                        assertThat(e.getMessage()).contains("status 8: url doesn't match", "signer");
                    });
        }
    }

    @Test
    void statusCodesForMissingAndPrivateVideosMapToTheirErrors() {
        server.stubFor(commentPage("0").willReturn(okJson("{\"status_code\":10204,\"status_msg\":\"item not found\"}")));
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export(VIDEO_URL).comments()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                        assertThat(e.getMessage()).contains("status 10204: item not found", "blocks this network");
                    });
        }
        server.stubFor(commentPage("0").willReturn(okJson("{\"status_code\":10222,\"status_msg\":\"private\"}")));
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export(VIDEO_URL).comments()))
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRIVATE_CONTENT));
        }
    }

    @Test
    void aCaptchaPageIsARateLimitThatSaysWhatToDo() {
        server.stubFor(commentPage("0").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body><div class=\"captcha-verify-container\"><div id=\"captcha-verify-image\"></div>"
                        + "</div></body></html>")));
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export(VIDEO_URL).comments()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                        assertThat(e.getMessage()).contains("captcha");
                    });
        }
    }

    @Test
    void aForbiddenAnswerAsksForCookies() {
        server.stubFor(commentPage("0").willReturn(aResponse().withStatus(403)));
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export(VIDEO_URL).comments()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
                        assertThat(e.getMessage()).contains("'cookie'");
                    });
        }
    }

    @Test
    void aChangedPageShapeIsReportedWithItsPath() {
        server.stubFor(commentPage("0").willReturn(okJson("{\"comments\":{\"oops\":1},\"status_code\":0}")));
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export(VIDEO_URL).comments()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED);
                        assertThat(e.getMessage()).contains("'comments'");
                    });
        }
    }

    @Test
    void aCommentWithoutAnIdIsSkippedAndCounted() {
        server.stubFor(commentPage("0").willReturn(okJson("{\"comments\":[{\"text\":\"no id\"},{\"cid\":\"7603300000000000009\","
                + "\"text\":\"fine\",\"create_time\":1770280000}],\"cursor\":2,\"has_more\":0,\"status_code\":0}")));
        try (StarExport star = engine(server).build()) {
            ExportResult result = star.export(VIDEO_URL).comments().to(dir.resolve("c.json")).run();
            assertThat(result.items()).isEqualTo(1);
            assertThat(result.skipped()).isEqualTo(1);
        }
    }
}
