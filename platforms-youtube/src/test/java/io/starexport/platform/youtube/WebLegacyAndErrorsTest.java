package io.starexport.platform.youtube;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.platform.youtube.WebCommentsTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The legacy {@code commentRenderer} shape and the keyless failure modes. All bodies here are synthetic:
 * the legacy pages follow the fields NewPipe's {@code YoutubeCommentsInfoItemExtractor} and yt-dlp's
 * {@code _extract_comment_old} read (reference §1.8, legacy format); the watch data keeps the recorded
 * nesting of {@code innertube/*}/02 ({@code contents.twoColumnWatchNextResults.results.results.contents});
 * the consent page, the "unusual traffic" page and the bot check carry the texts yt-dlp and
 * youtube-comment-downloader look for (reference §1.8, "Disabled, errors, throttling").
 */
class WebLegacyAndErrorsTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String VIDEO = "dQw4w9WgXcQ";

    private static StarExport engine() {
        return YouTubeTests.engine(server, new YouTubePlatform(), null, RetryPolicy.none())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private static String watch(String commentsSection) {
        return "{\"responseContext\":{},\"contents\":{\"twoColumnWatchNextResults\":{\"results\":{\"results\":{\"contents\":["
                + "{\"videoPrimaryInfoRenderer\":{\"title\":{\"runs\":[{\"text\":\"A video\"}]}}},"
                + "{\"itemSectionRenderer\":{\"contents\":[" + commentsSection + "],\"trackingParams\":\"x\","
                + "\"sectionIdentifier\":\"comment-item-section\",\"targetId\":\"comments-section\"}}]}}}}}";
    }

    private static String continuationItem(String token) {
        return "{\"continuationItemRenderer\":{\"trigger\":\"CONTINUATION_TRIGGER_ON_ITEM_SHOWN\",\"continuationEndpoint\":"
                + "{\"commandMetadata\":{\"webCommandMetadata\":{\"sendPost\":true,\"apiUrl\":\"/youtubei/v1/next\"}},"
                + "\"continuationCommand\":{\"token\":\"" + token + "\",\"request\":\"CONTINUATION_REQUEST_TYPE_WATCH_NEXT\"}}}}";
    }

    private static String legacyComment(String id, String text, String time, String votes, String extra) {
        return "{\"commentId\":\"" + id + "\",\"contentText\":{\"runs\":[{\"text\":\"" + text + "\"}]},"
                + "\"authorText\":{\"simpleText\":\"@legacy-" + id.length() + "\"},"
                + "\"authorThumbnail\":{\"thumbnails\":[{\"url\":\"https://yt3.ggpht.com/s48\",\"width\":48,\"height\":48},"
                + "{\"url\":\"https://yt3.ggpht.com/s88\",\"width\":88,\"height\":88}]},"
                + "\"authorEndpoint\":{\"browseEndpoint\":{\"browseId\":\"UCuAXFkgsw1L7xaCfnd5JJOw\",\"canonicalBaseUrl\":\"/@legacy\"}},"
                + "\"publishedTimeText\":{\"runs\":[{\"text\":\"" + time + "\"}]},"
                + (votes == null ? "" : "\"voteCount\":{\"simpleText\":\"" + votes + "\"},") + extra
                + "\"isLiked\":false}";
    }

    private static void stubNext(String jsonPath, String value, String body) {
        server.stubFor(post(urlPathEqualTo("/youtubei/v1/next"))
                .withRequestBody(value == null ? matchingJsonPath(jsonPath) : matchingJsonPath(jsonPath, equalTo(value)))
                .willReturn(okJson(body)));
    }

    private static ExportException failure() {
        try (StarExport star = engine()) {
            ExportException[] thrown = new ExportException[1];
            assertThatThrownBy(() -> star.export("https://youtu.be/" + VIDEO).comments().stream().count())
                    .isInstanceOfSatisfying(ExportException.class, e -> thrown[0] = e);
            return thrown[0];
        }
    }

    @Test
    void readsTheLegacyCommentRendererShape() {
        stubNext("$.videoId", null, watch(continuationItem("LEGACY1")));
        String thread = "{\"commentThreadRenderer\":{\"comment\":{\"commentRenderer\":" + legacyComment(
                "UgzLegacy0000000000000000", "First!", "3 days ago", "1.2K",
                "\"replyCount\":12,\"authorIsChannelOwner\":true,\"pinnedCommentBadge\":{\"pinnedCommentBadgeRenderer\":{}},"
                        + "\"actionButtons\":{\"commentActionButtonsRenderer\":{\"creatorHeart\":{\"creatorHeartRenderer\":"
                        + "{\"isHearted\":true}}}},\"authorCommentBadge\":{\"authorCommentBadgeRenderer\":{}},")
                + "},\"replies\":{\"commentRepliesRenderer\":{\"contents\":[" + continuationItem("LEGACYREPLIES") + "]}}}}";
        String plain = "{\"commentThreadRenderer\":{\"comment\":{\"commentRenderer\":" + legacyComment(
                "UgzPlain00000000000000000", "no likes", "2 weeks ago", null, "") + "}}}";
        stubNext("$.continuation", "LEGACY1", "{\"responseContext\":{},\"onResponseReceivedEndpoints\":["
                + "{\"reloadContinuationItemsCommand\":{\"targetId\":\"comments-section\",\"continuationItems\":[" + thread + ","
                + plain + "]}}]}");
        String reply = "{\"commentRenderer\":" + legacyComment("UgzLegacy0000000000000000.reply000000000",
                "a reply", "1 hour ago", "7", "") + "}";
        stubNext("$.continuation", "LEGACYREPLIES", "{\"responseContext\":{},\"onResponseReceivedEndpoints\":["
                + "{\"appendContinuationItemsAction\":{\"targetId\":\"comment-replies-item-UgzLegacy0000000000000000\","
                + "\"continuationItems\":[" + reply + "]}}]}");
        List<Comment> comments;
        try (StarExport star = engine()) {
            comments = star.export("https://youtu.be/" + VIDEO).comments().replies(true).stream().toList();
        }
        assertThat(comments).extracting(Comment::id).containsExactly("UgzLegacy0000000000000000",
                "UgzPlain00000000000000000", "UgzLegacy0000000000000000.reply000000000");
        Comment first = comments.get(0);
        assertThat(first.text()).isEqualTo("First!");
        assertThat(first.pinned()).isTrue();
        assertThat(first.likeCount()).hasValue(1_200);
        assertThat(first.replyCount()).hasValue(12);
        assertThat(first.createdAt()).hasValue(NOW.minus(Duration.ofDays(3)));
        assertThat(first.author().orElseThrow().id()).hasValue("UCuAXFkgsw1L7xaCfnd5JJOw");
        assertThat(first.author().orElseThrow().verified()).isTrue();
        assertThat(first.extras()).containsEntry("hearted_by_creator", true).containsEntry("author_is_channel_owner", true)
                .containsEntry("author_avatar_url", "https://yt3.ggpht.com/s88");
        Comment plainComment = comments.get(1);
        assertThat(plainComment.likeCount()).hasValue(0);
        assertThat(plainComment.replyCount()).hasValue(0);
        assertThat(plainComment.pinned()).isFalse();
        assertThat(plainComment.createdAt()).hasValue(NOW.minus(Duration.ofDays(14)));
        Comment replyComment = comments.get(2);
        assertThat(replyComment.parentId()).hasValue("UgzLegacy0000000000000000");
        assertThat(replyComment.likeCount()).hasValue(7);
        assertThat(replyComment.createdAt()).hasValue(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void aContinuationThatPointsAtItselfEndsTheExport() {
        stubNext("$.videoId", null, watch(continuationItem("LOOP")));
        String thread = "{\"commentThreadRenderer\":{\"comment\":{\"commentRenderer\":" + legacyComment(
                "UgzLoop00000000000000000", "again", "3 days ago", "1", "") + "}}}";
        stubNext("$.continuation", "LOOP", "{\"onResponseReceivedEndpoints\":[{\"appendContinuationItemsAction\":"
                + "{\"continuationItems\":[" + thread + "," + continuationItem("LOOP") + "]}}]}");
        try (StarExport star = engine()) {
            assertThat(star.export("https://youtu.be/" + VIDEO).comments().stream().map(Comment::id).toList())
                    .containsExactly("UgzLoop00000000000000000");
        }
    }

    @Test
    void readsRepliesGivenInlineAsSubThreads() {
        String reply = "{\"commentRenderer\":" + legacyComment("UgzInline0000000000000000.reply000000000",
                "inline reply", "2 days ago", "3", "") + "}";
        String thread = "{\"commentThreadRenderer\":{\"comment\":{\"commentRenderer\":" + legacyComment(
                "UgzInline0000000000000000", "has inline replies", "3 days ago", "5", "\"replyCount\":1,")
                + "},\"replies\":{\"commentRepliesRenderer\":{\"subThreads\":[" + reply + "]}}}}";
        WebCommentParser.Result result = WebCommentParser.parse(json("{\"onResponseReceivedEndpoints\":["
                + "{\"appendContinuationItemsAction\":{\"continuationItems\":[" + thread + "]}}]}"), VIDEO, null, NOW, true);
        assertThat(result.comments()).extracting(Comment::id).containsExactly("UgzInline0000000000000000",
                "UgzInline0000000000000000.reply000000000");
        assertThat(result.comments().get(1).parentId()).hasValue("UgzInline0000000000000000");
        assertThat(result.pendingReplies()).isEmpty();
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return YouTubeTests.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aConsentPageIsATypedError() {
        server.stubFor(post(urlPathEqualTo("/youtubei/v1/next")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html lang=\"en\"><head><title>Before you continue to YouTube</title></head><body>"
                        + "<form action=\"https://consent.youtube.com/save\" method=\"POST\"><input type=\"hidden\" "
                        + "name=\"gl\" value=\"DE\"><input type=\"hidden\" name=\"set_ytc\" value=\"true\">"
                        + "<button>Accept all</button></form></body></html>")));
        ExportException error = failure();
        assertThat(error.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
        assertThat(error.getMessage()).contains("consent").contains("api_key");
    }

    @Test
    void aRedirectToTheConsentSiteIsATypedError() {
        server.stubFor(post(urlPathEqualTo("/youtubei/v1/next")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://consent.youtube.com/m?continue=https%3A%2F%2Fwww.youtube.com%2F&gl=DE&hl=de")));
        assertThat(failure().code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
    }

    @Test
    void aBotCheckIsRateLimited() {
        stubNext("$.videoId", null, "{\"responseContext\":{},\"playabilityStatus\":{\"status\":\"LOGIN_REQUIRED\","
                + "\"reason\":\"Sign in to confirm you\u2019re not a bot\"}}");
        ExportException error = failure();
        assertThat(error.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(error.retryAfter()).isPresent();
        assertThat(error.getMessage()).contains("not a bot");
    }

    /** A comment that quotes the bot-check text is a comment, not a bot check (synthetic legacy page). */
    @Test
    void aCommentQuotingTheBotCheckIsExported() {
        stubNext("$.videoId", null, watch(continuationItem("QUOTE1")));
        String thread = "{\"commentThreadRenderer\":{\"comment\":{\"commentRenderer\":" + legacyComment(
                "UgzQuote00000000000000000", "It says Sign in to confirm you’re not a bot, then unusual traffic",
                "1 day ago", "3", "") + "}}}";
        stubNext("$.continuation", "QUOTE1", "{\"responseContext\":{},\"onResponseReceivedEndpoints\":["
                + "{\"reloadContinuationItemsCommand\":{\"continuationItems\":[" + thread + "]}}]}");
        List<Comment> comments;
        try (StarExport star = engine()) {
            comments = star.export("https://youtu.be/" + VIDEO).comments().stream().toList();
        }
        assertThat(comments).extracting(Comment::text)
                .containsExactly("It says Sign in to confirm you’re not a bot, then unusual traffic");
    }

    @Test
    void googlesUnusualTrafficPageIsRateLimited() {
        server.stubFor(post(urlPathEqualTo("/youtubei/v1/next")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Our systems have detected unusual traffic from your computer network.</body></html>")));
        assertThat(failure().code()).isEqualTo(ErrorCode.RATE_LIMITED);
    }

    @Test
    void anUnavailableVideoIsNotFound() {
        stubNext("$.videoId", null, "{\"responseContext\":{},\"contents\":{\"twoColumnWatchNextResults\":{\"results\":"
                + "{\"results\":{\"contents\":[{\"itemSectionRenderer\":{\"contents\":[{\"backgroundPromoRenderer\":{}}]}}]}}}},"
                + "\"alerts\":[{\"alertRenderer\":{\"type\":\"ERROR\",\"text\":{\"runs\":[{\"text\":\"This video isn't "
                + "available any more\"}]}}}]}");
        ExportException error = failure();
        assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(error.getMessage()).contains("isn't available any more");
    }

    @Test
    void aPrivateVideoIsPrivateContent() {
        stubNext("$.videoId", null, "{\"responseContext\":{},\"alerts\":[{\"alertRenderer\":{\"type\":\"ERROR\","
                + "\"text\":{\"simpleText\":\"This video is private\"}}}]}");
        assertThat(failure().code()).isEqualTo(ErrorCode.PRIVATE_CONTENT);
    }

    @Test
    void turnedOffCommentsAreCommentsDisabled() {
        stubNext("$.videoId", null, watch("{\"messageRenderer\":{\"text\":{\"runs\":[{\"text\":\"Comments are turned off. \"},"
                + "{\"text\":\"Learn more\"}]}}}"));
        ExportException error = failure();
        assertThat(error.code()).isEqualTo(ErrorCode.COMMENTS_DISABLED);
        assertThat(error.getMessage()).contains("Comments are turned off");
    }

    @Test
    void watchDataWithoutAnyKnownShapeIsAChangedPlatform() {
        stubNext("$.videoId", null, "{\"responseContext\":{},\"somethingNew\":{}}");
        ExportException error = failure();
        assertThat(error.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED);
        assertThat(error.getMessage()).contains("twoColumnWatchNextResults");
    }

    @Test
    void anInnerTubeErrorBodyIsReported() {
        server.stubFor(post(urlPathEqualTo("/youtubei/v1/next")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":400,\"message\":\"Request contains an invalid argument.\","
                        + "\"errors\":[{\"message\":\"Request contains an invalid argument.\",\"domain\":\"global\","
                        + "\"reason\":\"badRequest\"}],\"status\":\"INVALID_ARGUMENT\"}}")));
        ExportException error = failure();
        assertThat(error.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED);
        assertThat(error.getMessage()).contains("invalid argument").contains("webClientVersion");
    }
}
