package io.starexport.examples.hackernews;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.Target;
import io.starexport.spi.Platform;
import io.starexport.testing.PlatformContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The Hacker News plugin under the platform contract, as a third-party plugin's tests would run it, with the
 * synthetic {@code hackernews/items/41000001.json} of {@link HackerNewsPlatformTest} (the HN Search API's
 * documented item shape). The API answers a whole thread in one response, so the export has one page and no
 * cursor: the contract's two cursor tests are skipped, and with no credentials so is the secrets test.
 */
class HackerNewsContractTest extends PlatformContract {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Override
    protected Platform platform() {
        return new HackerNewsPlatform();
    }

    @Override
    protected List<UrlCase> urlCases() {
        return List.of(
                UrlCase.resolves("http://news.ycombinator.com/item?id=41000001&p=2#41000004", Target.Kind.POST, "41000001",
                        "https://news.ycombinator.com/item?id=41000001"),
                UrlCase.resolves("https://hn.algolia.com/api/v1/items/41000001", Target.Kind.POST, "41000001",
                        "https://news.ycombinator.com/item?id=41000001"),
                UrlCase.resolves("https://news.ycombinator.com/context?id=41000004", Target.Kind.COMMENT, "41000004",
                        "https://news.ycombinator.com/item?id=41000004"),
                UrlCase.fails("https://news.ycombinator.com/item?id=abc", ErrorCode.INVALID_URL),
                UrlCase.fails("https://news.ycombinator.com/user?id=pg", ErrorCode.UNSUPPORTED_CONTENT),
                UrlCase.notRecognised("https://news.ycombinator.com.evil.example/item?id=1"),
                UrlCase.notRecognised("https://notycombinator.com/item?id=1"));
    }

    @Override
    protected RecordedExport recordedExport() {
        server.stubFor(get(urlPathEqualTo("/api/v1/items/41000001")).willReturn(okJson(fixture("41000001.json"))));
        return RecordedExport.of(server.baseUrl(), HackerNewsPlatformTest.STORY, Content.COMMENTS, 5).withReplies();
    }

    @Override
    protected List<ErrorCase> errorCases() {
        return List.of(
                ErrorCase.json("no such item", 404, "{\"status\":404,\"error\":\"Not Found\"}", ErrorCode.NOT_FOUND),
                ErrorCase.html("a server error", 503, "<html><body>Service Unavailable</body></html>", ErrorCode.NETWORK),
                ErrorCase.html("an HTML page instead of JSON", 200, "<html><body>maintenance</body></html>",
                        ErrorCode.PLATFORM_CHANGED),
                ErrorCase.json("an item without children", 200, "{\"id\": 41000001, \"type\": \"story\"}",
                        ErrorCode.PLATFORM_CHANGED));
    }

    @Override
    protected void configure(StarExport.Builder engine, String baseUrl) {
        engine.endpoint("hackernews", "api", baseUrl);
    }

    private static String fixture(String name) {
        try (InputStream in = HackerNewsContractTest.class.getResourceAsStream("/hackernews/items/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
