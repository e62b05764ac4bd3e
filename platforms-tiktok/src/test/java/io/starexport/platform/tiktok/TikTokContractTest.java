package io.starexport.platform.tiktok;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.Target;
import io.starexport.spi.Platform;
import io.starexport.testing.PlatformContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.platform.tiktok.TikTokTesting.VIDEO_ID;
import static io.starexport.platform.tiktok.TikTokTesting.VIDEO_URL;
import static io.starexport.platform.tiktok.TikTokTesting.resource;

/**
 * TikTok (web backend, with a browser's cookie) under the platform contract, with {@code WebCommentsTest}'s
 * thread: two comment pages and a reply thread of two pages (synthetic, built from the recorded
 * {@code web/comment-list.page1.json}; see {@code src/test/resources/tiktok/SOURCES.md}). Error answers as in
 * {@code WebCommentsTest}: a captcha page, HTTP 403, and the {@code status_code}s of reference section 2.7.
 */
class TikTokContractTest extends PlatformContract {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Override
    protected Platform platform() {
        return new TikTokPlatform();
    }

    @Override
    protected List<UrlCase> urlCases() {
        return List.of(
                UrlCase.resolves("https://www.tiktok.com/@scout2015/video/6718335390845095173?is_from_webapp=1&sender_device=pc",
                        Target.Kind.VIDEO, "6718335390845095173", "https://www.tiktok.com/@scout2015/video/6718335390845095173"),
                UrlCase.resolves("https://www.tiktok.com/embed/v2/6718335390845095173", Target.Kind.VIDEO,
                        "6718335390845095173", "https://www.tiktok.com/@_/video/6718335390845095173"),
                UrlCase.resolves("https://vt.tiktok.com/ZSjXyZ123/?k=1", Target.Kind.VIDEO, "ZSjXyZ123",
                        "https://vt.tiktok.com/ZSjXyZ123/"),
                UrlCase.resolves("https://m.tiktok.com/@user.name_1", Target.Kind.PROFILE, "user.name_1",
                        "https://www.tiktok.com/@user.name_1"),
                UrlCase.resolves("https://www.tiktok.com/tag/funny", Target.Kind.HASHTAG, "funny", "https://www.tiktok.com/tag/funny"),
                UrlCase.fails("https://www.tiktok.com/@scout2015/video/abc", ErrorCode.INVALID_URL),
                UrlCase.fails("https://www.tiktok.com/foryou", ErrorCode.INVALID_URL),
                UrlCase.notRecognised("https://nottiktok.com/@scout2015/video/6718335390845095173"),
                UrlCase.notRecognised("https://tiktok.com.evil.example/@scout2015/video/6718335390845095173"));
    }

    private static MappingBuilder commentPage(String cursor) {
        return get(urlPathEqualTo("/api/comment/list/")).withQueryParam("aweme_id", equalTo(VIDEO_ID))
                .withQueryParam("cursor", equalTo(cursor));
    }

    private static MappingBuilder replyPage(String cursor) {
        return get(urlPathEqualTo("/api/comment/list/reply/")).withQueryParam("item_id", equalTo(VIDEO_ID))
                .withQueryParam("comment_id", equalTo("7603300000000000001")).withQueryParam("cursor", equalTo(cursor));
    }

    @Override
    protected RecordedExport recordedExport() {
        server.stubFor(commentPage("0").willReturn(okJson(resource("web/comments-thread.page1.json"))));
        server.stubFor(commentPage("2").willReturn(okJson(resource("web/comments-thread.page2.json"))));
        server.stubFor(replyPage("0").willReturn(okJson(resource("web/replies.page1.json"))));
        server.stubFor(replyPage("2").willReturn(okJson(resource("web/replies.page2.json"))));
        return RecordedExport.of(server.baseUrl(), VIDEO_URL, Content.COMMENTS, 6).withReplies();
    }

    @Override
    protected List<ErrorCase> errorCases() {
        return List.of(
                ErrorCase.html("a captcha page", 200, "<html><body><div class=\"captcha-verify-container\">"
                        + "<div id=\"captcha-verify-image\"></div></div></body></html>", ErrorCode.RATE_LIMITED),
                ErrorCase.json("status 10204, item not found", 200, "{\"status_code\":10204,\"status_msg\":\"item not found\"}",
                        ErrorCode.NOT_FOUND),
                ErrorCase.json("status 10222, private", 200, "{\"status_code\":10222,\"status_msg\":\"private\"}",
                        ErrorCode.PRIVATE_CONTENT),
                ErrorCase.json("comments of another shape", 200, "{\"comments\":{\"oops\":1},\"status_code\":0}",
                        ErrorCode.PLATFORM_CHANGED));
    }

    @Override
    protected void configure(StarExport.Builder engine, String baseUrl) {
        engine.endpoint("tiktok", "web", baseUrl).endpoint("tiktok", "research", baseUrl)
                .endpoint("tiktok", "vm", baseUrl).endpoint("tiktok", "vt", baseUrl);
    }

    @Override
    protected Map<String, String> credentials() {
        return Map.of("cookie", "msToken=contractMsTokenSecret0123456789; sessionid=contractSessionSecret42");
    }
}
