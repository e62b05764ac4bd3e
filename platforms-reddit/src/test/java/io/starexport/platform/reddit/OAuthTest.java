package io.starexport.platform.reddit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.starexport.StarExport;
import io.starexport.api.Post;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth token's life: fetched with HTTP Basic client authentication, reused by later exports of the
 * engine, renewed shortly before it expires and when Reddit rejects it. Token answers follow the recorded
 * shape ({@code {"access_token", "token_type": "bearer", "expires_in", "scope"}}, reference §1.1); listings
 * are minimal synthetic Listings.
 */
class OAuthTest {
    private static final String LISTING = "{\"kind\": \"Listing\", \"data\": {\"after\": null, \"children\": [{\"kind\": "
            + "\"t3\", \"data\": {\"id\": \"1abc\", \"name\": \"t3_1abc\", \"title\": \"A post\"}}]}}";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-22T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void stubs() {
        server.stubFor(post(urlPathEqualTo("/api/v1/access_token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\": \"first-token\", \"token_type\": \"bearer\", \"expires_in\": 3600, "
                        + "\"scope\": \"*\"}")).willSetStateTo("second"));
        server.stubFor(post(urlPathEqualTo("/api/v1/access_token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\": \"second-token\", \"token_type\": \"bearer\", \"expires_in\": 3600, "
                        + "\"scope\": \"*\"}")));
        server.stubFor(get(urlPathEqualTo("/r/pics/hot")).willReturn(okJson(LISTING)));
    }

    private static List<Post> posts(StarExport star) {
        try (Stream<Post> posts = star.export("https://www.reddit.com/r/pics/").posts().stream()) {
            return posts.toList();
        }
    }

    private static int tokenRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/api/v1/access_token"))).size();
    }

    @Test
    void fetchesAnAppOnlyTokenWithBasicAuthAndReusesItAcrossExports() {
        try (StarExport star = Reddit.appOnly(server).build()) {
            assertThat(posts(star)).extracting(Post::id).containsExactly("1abc");
            assertThat(posts(star)).hasSize(1);
        }
        assertThat(tokenRequests()).isEqualTo(1);
        server.verify(postRequestedFor(urlPathEqualTo("/api/v1/access_token"))
                .withRequestBody(equalTo("grant_type=client_credentials"))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder()
                        .encodeToString("test-client-id:test-client-secret".getBytes(StandardCharsets.UTF_8)))));
        server.verify(2, getRequestedFor(urlPathEqualTo("/r/pics/hot")).withHeader("Authorization", equalTo("bearer first-token"))
                .withQueryParam("raw_json", equalTo("1")));
    }

    @Test
    void renewsTheTokenShortlyBeforeItExpires() {
        ManualClock clock = new ManualClock();
        try (StarExport star = Reddit.appOnly(server).clock(clock).build()) {
            posts(star);
            clock.advance(Duration.ofSeconds(3600).minus(RedditApi.TOKEN_MARGIN).minusSeconds(1));
            posts(star);
            assertThat(tokenRequests()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(2));
            posts(star);
        }
        assertThat(tokenRequests()).isEqualTo(2);
        server.verify(1, getRequestedFor(urlPathEqualTo("/r/pics/hot")).withHeader("Authorization", equalTo("bearer second-token")));
    }

    @Test
    void renewsATokenRedditRejectsAndRepeatsTheRequest() {
        server.stubFor(get(urlPathEqualTo("/r/pics/hot")).withHeader("Authorization", equalTo("bearer first-token"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\": 401}")));
        try (StarExport star = Reddit.appOnly(server).build()) {
            assertThat(posts(star)).hasSize(1);
        }
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void anInstalledAppWithoutSecretUsesTheInstalledClientGrant() {
        try (StarExport star = Reddit.engine(server).credential("reddit", "client_id", "installed-app").build()) {
            posts(star);
        }
        server.verify(postRequestedFor(urlPathEqualTo("/api/v1/access_token"))
                .withRequestBody(equalTo("grant_type=https%3A%2F%2Foauth.reddit.com%2Fgrants%2Finstalled_client"
                        + "&device_id=DO_NOT_TRACK_THIS_DEVICE")));
    }

    @Test
    void sendsTheHostsUserAgentWithEveryRequest() {
        String agent = "android:com.example.archiver:v2.1 (by /u/example_dev)";
        try (StarExport star = Reddit.engine(server, RedditPlatform.builder().userAgent(agent).build())
                .credential("reddit", "client_id", "id").credential("reddit", "client_secret", "secret").build()) {
            posts(star);
        }
        server.verify(postRequestedFor(urlPathEqualTo("/api/v1/access_token")).withHeader("User-Agent", equalTo(agent)));
        server.verify(getRequestedFor(urlPathEqualTo("/r/pics/hot")).withHeader("User-Agent", equalTo(agent)));
    }

    @Test
    void withoutCredentialsReadsThePublicJsonWithoutAToken() {
        server.stubFor(get(urlPathEqualTo("/r/pics/hot.json")).willReturn(okJson(LISTING)));
        try (StarExport star = Reddit.engine(server).build()) {
            assertThat(posts(star)).hasSize(1);
        }
        assertThat(tokenRequests()).isZero();
        server.verify(getRequestedFor(urlPathEqualTo("/r/pics/hot.json")).withoutHeader("Authorization")
                .withHeader("User-Agent", equalTo("java:io.starexport:" + RedditPlatform.VERSION + " (Star Export library)")));
    }
}
