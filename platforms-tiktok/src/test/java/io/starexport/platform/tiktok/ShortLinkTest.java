package io.starexport.platform.tiktok;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.platform.tiktok.TikTokTesting.VIDEO_ID;
import static io.starexport.platform.tiktok.TikTokTesting.engine;
import static io.starexport.platform.tiktok.TikTokTesting.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Short links: {@code vm.tiktok.com}, {@code vt.tiktok.com} and {@code /t/} answer with a redirect to the video
 * page (as yt-dlp's {@code TikTokVMIE} follows them). The redirects here are synthetic; the comment page is
 * the real recording {@code web/comment-list.page1.json}.
 */
class ShortLinkTest {
    private static final String VIDEO_PAGE = "https://www.tiktok.com/@cate/video/" + VIDEO_ID
            + "?_r=1&_t=ZS-8xYz&is_from_webapp=1&sender_device=pc";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static void redirect(String path, int status, String location) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(status).withHeader("Location", location)));
    }

    private static void stubComments() {
        server.stubFor(get(urlPathEqualTo("/api/comment/list/")).withQueryParam("aweme_id", equalTo(VIDEO_ID))
                .willReturn(okJson(resource("web/comment-list.page1.json").replace("\"has_more\": 1", "\"has_more\": 0"))));
    }

    private static long comments(String url) {
        try (StarExport star = engine(server).build(); Stream<Comment> stream = star.export(url).comments().stream()) {
            return stream.filter(c -> c.postId().equals(VIDEO_ID)).count();
        }
    }

    @Test
    void followsAVmLinkToItsVideo() {
        redirect("/ZMeAbCdEf/", 301, VIDEO_PAGE);
        stubComments();
        assertThat(comments("https://vm.tiktok.com/ZMeAbCdEf/")).isEqualTo(19);
        server.verify(getRequestedFor(urlPathEqualTo("/api/comment/list/")).withQueryParam("aweme_id", equalTo(VIDEO_ID)));
    }

    @Test
    void followsAChainOfTikTokRedirects() {
        redirect("/ZSjXyZ123/", 302, "https://vm.tiktok.com/ZMeChain1/");
        redirect("/ZMeChain1/", 301, "https://m.tiktok.com/v/" + VIDEO_ID + ".html?u_code=x");
        stubComments();
        assertThat(comments("https://vt.tiktok.com/ZSjXyZ123/")).isEqualTo(19);
    }

    @Test
    void followsAWebShortLink() {
        redirect("/t/ZTRabc123/", 301, VIDEO_PAGE);
        stubComments();
        assertThat(comments("https://www.tiktok.com/t/ZTRabc123/")).isEqualTo(19);
    }

    @Test
    void refusesARedirectToAnotherSite() {
        redirect("/ZMevil123/", 301, "https://tiktok.com.evil.example/@cate/video/" + VIDEO_ID);
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export("https://vm.tiktok.com/ZMevil123/").comments()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL);
                        assertThat(e.getMessage()).contains("tiktok.com.evil.example", "not a TikTok host");
                    });
        }
        server.verify(0, getRequestedFor(urlPathEqualTo("/api/comment/list/")));
    }

    @Test
    void aLinkToAProfileNamesTheProfileUrl() {
        redirect("/ZMeProf11/", 301, "https://www.tiktok.com/@cate?_t=8x&_r=1");
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export("https://vm.tiktok.com/ZMeProf11/").comments()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CONTENT);
                        assertThat(e.getMessage()).contains("https://www.tiktok.com/@cate");
                    });
        }
    }

    @Test
    void anExpiredLinkIsNotFound() {
        redirect("/ZMeGone11/", 301, "https://www.tiktok.com/");
        server.stubFor(get(urlEqualTo("/ZMeMiss11/")).willReturn(aResponse().withStatus(404)));
        try (StarExport star = engine(server).build()) {
            for (String url : new String[] {"https://vm.tiktok.com/ZMeGone11/", "https://vm.tiktok.com/ZMeMiss11/"}) {
                assertThatThrownBy(() -> TikTokTesting.drain(star.export(url).comments()))
                        .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
            }
        }
    }
}
