package io.starexport.platform.instagram;

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

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Instagram (Graph API backend) under the platform contract, with {@code GraphBackendTest}'s replies scenario:
 * the shortcode found among the account's media (recorded, python-facebook), then a comments page with nested
 * and paged replies ({@code synthetic/graph-comments-replies.json}, reference/reddit-instagram.md 2.2), the rest of
 * a reply thread and the second comments page (recorded). Error bodies as in {@code GraphErrorsTest}.
 */
class InstagramContractTest extends PlatformContract {
    private static final String MEDIA_ID = "17896129349106152";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Override
    protected Platform platform() {
        return new InstagramPlatform();
    }

    @Override
    protected List<UrlCase> urlCases() {
        return List.of(
                UrlCase.resolves("https://www.instagram.com/reel/CAG3E8-A3wf/?igsh=abc&utm_source=ig_web_copy_link",
                        Target.Kind.POST, "CAG3E8-A3wf", "https://www.instagram.com/p/CAG3E8-A3wf/"),
                UrlCase.resolves("https://instagr.am/p/CAnqPB-Jzcj/", Target.Kind.POST, "CAnqPB-Jzcj",
                        "https://www.instagram.com/p/CAnqPB-Jzcj/"),
                UrlCase.resolves("https://m.instagram.com/robertdowneyjr/?hl=en", Target.Kind.PROFILE, "robertdowneyjr",
                        "https://www.instagram.com/robertdowneyjr/"),
                UrlCase.resolves("https://www.instagram.com/explore/tags/coffee/", Target.Kind.HASHTAG, "coffee",
                        "https://www.instagram.com/explore/tags/coffee/"),
                UrlCase.fails("https://www.instagram.com/accounts/login/", ErrorCode.INVALID_URL),
                UrlCase.fails("https://www.instagram.com/stories/jlo/3141592653589793238/", ErrorCode.UNSUPPORTED_CONTENT),
                UrlCase.notRecognised("https://instagram.com.evil.example/p/CAnqPB-Jzcj/"),
                UrlCase.notRecognised("https://notinstagram.com/p/CAnqPB-Jzcj/"));
    }

    private static MappingBuilder graph(String path, String after) {
        return get(urlPathEqualTo("/v25.0/" + path)).withQueryParam("access_token", equalTo(Fixtures.TOKEN))
                .withQueryParam("after", after == null ? absent() : equalTo(after));
    }

    @Override
    protected RecordedExport recordedExport() {
        server.stubFor(graph(Fixtures.IG_USER_ID + "/media", null).willReturn(okJson(Fixtures.read("graph/medias_p1.json"))));
        server.stubFor(graph(Fixtures.IG_USER_ID + "/media", "after").willReturn(okJson(Fixtures.read("graph/medias_p2.json"))));
        server.stubFor(graph(MEDIA_ID + "/comments", null).willReturn(okJson(Fixtures.read("synthetic/graph-comments-replies.json"))));
        server.stubFor(graph("17873440459141021/replies", "QVFIUnJ6").willReturn(okJson(Fixtures.read("graph/replies.json"))));
        server.stubFor(graph(MEDIA_ID + "/comments", "QVFIUm2").willReturn(okJson(Fixtures.read("graph/comments_p2.json"))));
        return RecordedExport.of(server.baseUrl(), "https://www.instagram.com/p/CRyZpmrjYC4/", Content.COMMENTS, 6)
                .withReplies();
    }

    @Override
    protected List<ErrorCase> errorCases() {
        return List.of(
                ErrorCase.json("190 expired token", 400, error(190, 463, "Error validating access token: Session has expired"),
                        ErrorCode.AUTH_FAILED),
                ErrorCase.json("190 echoing the token", 400, error(190, null, "Malformed access token " + Fixtures.TOKEN),
                        ErrorCode.AUTH_FAILED),
                ErrorCase.json("4 app limit", 403, error(4, null, "(#4) Application request limit reached"), ErrorCode.RATE_LIMITED),
                ErrorCase.json("100/33 unknown id", 400, error(100, 33, "Unsupported get request."), ErrorCode.NOT_FOUND),
                ErrorCase.json("-1 Instagram server error", 400, error(-1, 2207001, "Instagram server error"), ErrorCode.NETWORK));
    }

    private static String error(int code, Integer subcode, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"AQt_hJ68vFybS4Tn\"}}";
    }

    @Override
    protected void configure(StarExport.Builder engine, String baseUrl) {
        engine.endpoint("instagram", "graph", baseUrl).endpoint("instagram", "web", baseUrl);
    }

    @Override
    protected Map<String, String> credentials() {
        return Map.of("access_token", Fixtures.TOKEN, "ig_user_id", Fixtures.IG_USER_ID);
    }
}
