package io.starexport.platform.reddit;

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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Reddit (OAuth, client credentials) under the platform contract, with {@code CommentTreeTest}'s thread: a
 * {@link FakeReddit} model cut into {@code more} stubs and "continue this thread" links (synthetic, shaped after
 * the recordings), and the recorded token answer of {@code TestMore.test_comments.json}. Every request of the
 * error table, the token request included, gets the table's answer, as {@code ErrorsTest} does for them one by one.
 */
class RedditContractTest extends PlatformContract {
    private static final FakeReddit THREAD = new FakeReddit();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .extensions(THREAD)).build();

    @Override
    protected Platform platform() {
        return RedditPlatform.builder().access(RedditPlatform.Access.OAUTH).build();
    }

    @Override
    protected List<UrlCase> urlCases() {
        return List.of(
                UrlCase.resolves("https://reddit.com/r/redditdev/comments/2gmzqe/slug/?utm_source=share&utm_medium=web2x",
                        Target.Kind.POST, "2gmzqe", "https://www.reddit.com/r/redditdev/comments/2gmzqe/"),
                UrlCase.resolves("https://redd.it/3hahrw", Target.Kind.POST, "3hahrw", "https://www.reddit.com/comments/3hahrw/"),
                UrlCase.resolves("https://old.reddit.com/r/redditdev/comments/2gmzqe/_/cklhv0f", Target.Kind.COMMENT, "cklhv0f",
                        "https://www.reddit.com/r/redditdev/comments/2gmzqe/_/cklhv0f/"),
                UrlCase.fails("https://www.reddit.com/r/pics/comments/not-an-id!/", ErrorCode.INVALID_URL),
                UrlCase.fails("https://www.reddit.com/settings", ErrorCode.INVALID_URL),
                UrlCase.notRecognised("https://reddit.com.evil.example/r/pics"),
                UrlCase.notRecognised("https://notreddit.com/r/pics"));
    }

    @Override
    protected RecordedExport recordedExport() {
        server.stubFor(post(urlPathEqualTo("/api/v1/access_token"))
                .willReturn(Cassette.load("TestMore.test_comments.json").response(0)));
        server.stubFor(any(urlPathMatching("/comments/.*|/api/morechildren.*"))
                .willReturn(aResponse().withTransformers(FakeReddit.NAME)));
        return RecordedExport.of(server.baseUrl(), "https://www.reddit.com/r/test/comments/" + FakeReddit.LINK + "/a_thread/",
                Content.COMMENTS, THREAD.byId.size()).withReplies();
    }

    @Override
    protected List<ErrorCase> errorCases() {
        return List.of(
                ErrorCase.json("client credentials rejected", 401, "{\"message\": \"Unauthorized\", \"error\": 401}",
                        ErrorCode.AUTH_FAILED),
                ErrorCase.json("too many requests", 429, "{\"message\": \"Too Many Requests\", \"error\": 429}",
                        ErrorCode.RATE_LIMITED).withHeader("Retry-After", "1"),
                ErrorCase.html("service unavailable", 503, "<html><body>Our CDN was unable to reach our servers</body></html>",
                        ErrorCode.NETWORK));
    }

    @Override
    protected void configure(StarExport.Builder engine, String baseUrl) {
        engine.endpoint("reddit", "oauth", baseUrl).endpoint("reddit", "www", baseUrl);
    }

    @Override
    protected Map<String, String> credentials() {
        return Map.of("client_id", "contract-client-id", "client_secret", "contract-s3cret-value");
    }
}
