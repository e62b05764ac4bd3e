package io.starexport.platform.reddit;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error of the issue mapped to its code, with a message a person can act on and no secret in it.
 * Recorded bodies come from the PRAW/prawcore cassettes (see {@link Cassette}); synthetic ones follow
 * {@code reference/reddit-instagram.md} §1.8 and say so.
 */
class ErrorsTest {
    private static final String SECRET = "s3cret-value";
    private static final String PASSWORD = "hunter2-password";
    private static final String SUBREDDIT = "https://www.reddit.com/r/secretclub/";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static void token() {
        server.stubFor(post(urlPathEqualTo("/api/v1/access_token"))
                .willReturn(okJson("{\"access_token\": \"tok-1\", \"token_type\": \"bearer\", \"expires_in\": 86400, \"scope\": \"*\"}")));
    }

    private static MappingBuilder listing() {
        return get(urlPathEqualTo("/r/secretclub/hot"));
    }

    private static MappingBuilder publicListing() {
        return get(urlPathEqualTo("/r/secretclub/hot.json"));
    }

    private static StarExport oauth() {
        return Reddit.engine(server).credential("reddit", "client_id", "the-client")
                .credential("reddit", "client_secret", SECRET).build();
    }

    private static ExportException failure(StarExport star, Function<StarExport, Stream<? extends Item>> export) {
        try (star) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
                try (Stream<? extends Item> items = export.apply(star)) {
                    items.forEach(item -> { });
                }
            });
            assertThat(thrown).isInstanceOf(ExportException.class);
            ExportException e = (ExportException) thrown;
            assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(PASSWORD).doesNotContain("tok-1");
            return e;
        }
    }

    private static ExportException postsFailure(StarExport star) {
        return failure(star, s -> s.export(SUBREDDIT).posts().stream());
    }

    /** Recorded error answers of the OAuth API, by cassette and interaction. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "TestInbox.test_message__unauthorized.json, 1, PRIVATE_CONTENT",
            "prawcore.TestSession.test_request__forbidden.json, 1, PRIVATE_CONTENT",
            "TestSubreddit.test_sticky__not_set.json, 1, NOT_FOUND",
            "prawcore.TestSession.test_request__not_found.json, 1, NOT_FOUND",
            "prawcore.TestSession.test_request__service_unavailable.json, 1, NETWORK"})
    void mapsRecordedErrorStatuses(String cassette, int interaction, ErrorCode code) {
        token();
        server.stubFor(listing().willReturn(Cassette.load(cassette).response(interaction)));
        assertThat(postsFailure(oauth()).code()).isEqualTo(code);
    }

    @Test
    void serviceUnavailableIsRetriedBeforeGivingUp() {
        token();
        server.stubFor(listing().willReturn(Cassette.load("prawcore.TestSession.test_request__service_unavailable.json").response(1)));
        assertThat(postsFailure(oauth()).code()).isEqualTo(ErrorCode.NETWORK);
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/r/secretclub/hot")))).hasSize(Reddit.FAST_RETRIES.maxAttempts());
    }

    /** prawcore's recorded 429: an HTML "whoa there, pardner!" page with {@code retry-after: 4}. */
    @Test
    void tooManyRequestsWithRetryAfterIsRateLimited() {
        token();
        server.stubFor(listing().willReturn(Cassette.load(
                "prawcore.TestSession.test_request__too__many_requests__with_retry_headers.json").response(1)));
        StarExport star = Reddit.engine(server, new RedditPlatform(),
                        Reddit.FAST_RETRIES.withMaxRetryAfter(Duration.ofSeconds(1)))
                .credential("reddit", "client_id", "the-client").credential("reddit", "client_secret", SECRET).build();
        ExportException e = postsFailure(star);
        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(4));
    }

    /** prawcore's recorded 429 of the token endpoint, JSON without retry headers: retried, then RATE_LIMITED. */
    @Test
    void throttledTokenEndpointIsRateLimited() {
        server.stubFor(post(urlPathEqualTo("/api/v1/access_token")).willReturn(Cassette.load(
                "prawcore.TestSession.test_request__too__many_requests__without_retry_headers.json").response(0)));
        assertThat(postsFailure(oauth()).code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/api/v1/access_token"))))
                .hasSize(Reddit.FAST_RETRIES.maxAttempts());
    }

    /** Synthetic bodies with a {@code reason}, after reference §1.8 (redditwarp's test constants). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "403, private, PRIVATE_CONTENT, private",
            "403, quarantined, PRIVATE_CONTENT, quarantined",
            "403, gold_only, PRIVATE_CONTENT, premium",
            "404, banned, NOT_FOUND, banned"})
    void namesTheReasonOfPrivateQuarantinedAndBannedSubreddits(int status, String reason, ErrorCode code, String said) {
        server.stubFor(publicListing().willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"reason\": \"" + reason + "\", \"message\": \"x\", \"error\": " + status + "}")));
        ExportException e = postsFailure(Reddit.engine(server).build());
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).contains(said);
    }

    /**
     * A gated subreddit (a content advisory to click through) answers 403 with {@code reason: gated} and
     * the advisory (shape quoted in reddit/devvit issue #66 from {@code oauth.reddit.com/r/drugs/about}).
     */
    @Test
    void aGatedSubredditIsPrivateContentNamingTheAdvisory() {
        server.stubFor(publicListing().willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"interstitial_warning_message_html\": \"&lt;div class=\\\"md\\\"&gt;Content Advisory&lt;/div&gt;\", "
                        + "\"reason\": \"gated\", \"interstitial_warning_message\": \"Content Advisory: This community may "
                        + "contain discussions pertaining to drug use.\", \"message\": \"Forbidden\", \"error\": 403}")));
        ExportException e = postsFailure(Reddit.engine(server).build());
        assertThat(e.code()).isEqualTo(ErrorCode.PRIVATE_CONTENT);
        assertThat(e.getMessage()).contains("gated").contains("content advisory");
    }

    /** 451 is a legal block whatever its body: empty as recorded (reference §1.8), or an HTML page. */
    @ParameterizedTest
    @CsvSource({"text/html, <html><head><title>Unavailable For Legal Reasons</title></head></html>", "'', ''"})
    void aLegalBlockIsNamedEvenWhenItsBodyIsAPage(String type, String body) {
        server.stubFor(publicListing().willReturn(aResponse().withStatus(451).withHeader("Content-Type", type).withBody(body)));
        ExportException e = postsFailure(Reddit.engine(server).build());
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.getMessage()).contains("legal reasons (451)");
    }

    /**
     * A subreddit that does not exist is redirected (302) to a subreddit search, which the engine follows on
     * the same host (PRAW's "Redirect to /subreddits/search", reddit/node-api-client#60); an empty search must
     * not pass for an empty subreddit. Synthetic, after those reports.
     */
    @Test
    void aListingRedirectedToASubredditSearchIsNotFoundEvenWhenTheSearchIsEmpty() {
        server.stubFor(publicListing().willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/subreddits/search.json?q=secretclub")));
        server.stubFor(get(urlPathEqualTo("/subreddits/search.json")).willReturn(okJson(
                "{\"kind\": \"Listing\", \"data\": {\"after\": null, \"dist\": 0, \"children\": []}}")));
        ExportException e = postsFailure(Reddit.engine(server).build());
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.getMessage()).contains("r/secretclub");
    }

    @Test
    void unauthorisedWithoutCredentialsAsksForThem() {
        server.stubFor(publicListing().willReturn(aResponse().withStatus(401).withBody("{\"message\": \"Unauthorized\", \"error\": 401}")));
        ExportException e = postsFailure(Reddit.engine(server).build());
        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
        assertThat(e.getMessage()).contains("client_id");
    }

    /** A rejected token is renewed once; rejected again, the export fails with AUTH_FAILED. */
    @Test
    void unauthorisedWithCredentialsRenewsTheTokenOnceThenFails() {
        token();
        server.stubFor(listing().willReturn(aResponse().withStatus(401).withBody("{\"error\": 401}")));
        assertThat(postsFailure(oauth()).code()).isEqualTo(ErrorCode.AUTH_FAILED);
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/api/v1/access_token")))).hasSize(2);
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/r/secretclub/hot")))).hasSize(2);
    }

    /** Token errors arrive in a 200 body (reference §1.1, prawcore's ScriptAuthorizer cassettes). */
    @ParameterizedTest
    @CsvSource({"invalid_grant, username or password", "unauthorized_client, script apps"})
    void tokenErrorsInA200BodyFailAuthentication(String error, String said) {
        server.stubFor(post(urlPathEqualTo("/api/v1/access_token")).willReturn(okJson("{\"error\": \"" + error + "\"}")));
        StarExport star = Reddit.engine(server).credential("reddit", "client_id", "the-client")
                .credential("reddit", "client_secret", SECRET).credential("reddit", "username", "someone")
                .credential("reddit", "password", PASSWORD).build();
        ExportException e = postsFailure(star);
        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_FAILED);
        assertThat(e.getMessage()).contains(said);
    }

    @Test
    void rejectedClientCredentialsFailAuthentication() {
        server.stubFor(post(urlPathEqualTo("/api/v1/access_token")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\": \"Unauthorized\", \"error\": 401}")));
        ExportException e = postsFailure(oauth());
        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_FAILED);
        assertThat(e.getMessage()).contains("client_id and client_secret");
    }

    /**
     * Reddit's network-security block page (synthetic, after the 403 {@code text/html} page Reddit serves
     * to anonymous clients it blocks): a clear AUTH_REQUIRED naming the page, not PLATFORM_CHANGED.
     */
    @ParameterizedTest
    @CsvSource({"403", "200"})
    void anHtmlBlockPageIsNamedNotMistakenForAChangedPlatform(int status) {
        server.stubFor(publicListing().willReturn(htmlPage(status)));
        ExportException e = postsFailure(Reddit.engine(server).build());
        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
        assertThat(e.getMessage()).contains("Blocked").contains("block page").contains("OAuth");
    }

    @Test
    void anHtmlPageOnTheOAuthApiIsANetworkFailureNamingIt() {
        token();
        server.stubFor(listing().willReturn(htmlPage(200)));
        ExportException e = postsFailure(oauth());
        assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
        assertThat(e.getMessage()).contains("Blocked");
    }

    private static ResponseDefinitionBuilder htmlPage(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!doctype html><html><head><title>Blocked</title></head><body>You've been blocked by "
                        + "network security.</body></html>");
    }

    @Test
    void aTreeAnswerThatIsNoLongerAPairOfListingsIsAChangedPlatform() {
        server.stubFor(get(urlPathEqualTo("/comments/abc123.json")).willReturn(okJson("{\"kind\": \"Listing\", \"data\": {}}")));
        ExportException e = failure(Reddit.engine(server).build(),
                s -> s.export("https://www.reddit.com/comments/abc123/").comments().stream());
        assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED);
        assertThat(e.getMessage()).contains("[post, comments]");
    }

    @Test
    void aShareLinkLeadingOutsideRedditIsNotFollowed() {
        server.stubFor(get(urlPathEqualTo("/r/pics/s/AbCdEf1234")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "https://evil.example/r/pics/comments/abc123/")));
        ExportException e = failure(Reddit.engine(server).build(),
                s -> s.export("https://www.reddit.com/r/pics/s/AbCdEf1234").comments().stream());
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL);
        assertThat(e.getMessage()).contains("evil.example");
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    /**
     * On reddit.com the share link's 301 stays on the same host, so the engine follows it to the post's HTML
     * page, which Reddit may block for anonymous clients: where the redirect landed still names the post.
     */
    @Test
    void aShareLinkFollowedOnRedditsOwnHostResolvesEvenWhenItsPageIsBlocked() {
        server.stubFor(get(urlPathEqualTo("/r/pics/s/AbCdEf1234")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/r/pics/comments/abc123/a_title/?share_id=x&utm_source=share")));
        server.stubFor(get(urlPathEqualTo("/r/pics/comments/abc123/a_title/")).willReturn(htmlPage(403)));
        server.stubFor(get(urlPathEqualTo("/comments/abc123.json")).willReturn(okJson("[{\"kind\": \"Listing\", "
                + "\"data\": {\"children\": [{\"kind\": \"t3\", \"data\": {\"id\": \"abc123\", \"title\": \"T\"}}]}}, "
                + "{\"kind\": \"Listing\", \"data\": {\"children\": []}}]")));
        try (StarExport star = Reddit.engine(server).build();
             Stream<Post> posts = star.export("https://www.reddit.com/r/pics/s/AbCdEf1234").posts().stream()) {
            assertThat(posts.map(Post::id)).containsExactly("abc123");
        }
    }

    @Test
    void oauthAccessWithoutCredentialsOrWithHalfAPasswordGrantNeedsThem() {
        StarExport forced = Reddit.engine(server, RedditPlatform.builder().access(RedditPlatform.Access.OAUTH).build()).build();
        assertThat(postsFailure(forced).code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
        StarExport half = Reddit.engine(server).credential("reddit", "client_id", "the-client")
                .credential("reddit", "client_secret", SECRET).credential("reddit", "username", "someone").build();
        ExportException e = postsFailure(half);
        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
        assertThat(e.getMessage()).contains("password");
    }

    /**
     * Synthetic: a {@code morechildren} answer that hands back the same stub instead of comments (Reddit
     * does this for ids it will not expand) ends the expansion instead of asking forever.
     */
    @Test
    void aMoreStubRedditKeepsHandingBackIsDroppedNotAskedForever() {
        server.stubFor(get(urlPathEqualTo("/comments/abc123.json")).willReturn(okJson("[{\"kind\": \"Listing\", "
                + "\"data\": {\"children\": [{\"kind\": \"t3\", \"data\": {\"id\": \"abc123\", \"num_comments\": 3}}]}}, "
                + "{\"kind\": \"Listing\", \"data\": {\"children\": [{\"kind\": \"t1\", \"data\": {\"id\": \"c1\", "
                + "\"parent_id\": \"t3_abc123\", \"link_id\": \"t3_abc123\", \"body\": \"one\", \"replies\": \"\"}}, "
                + "{\"kind\": \"more\", \"data\": {\"count\": 2, \"id\": \"c2\", \"name\": \"t1_c2\", "
                + "\"parent_id\": \"t3_abc123\", \"depth\": 0, \"children\": [\"c2\", \"c3\"]}}]}}]")));
        server.stubFor(get(urlPathEqualTo("/api/morechildren")).willReturn(okJson("{\"json\": {\"errors\": [], "
                + "\"data\": {\"things\": [{\"kind\": \"more\", \"data\": {\"count\": 2, \"id\": \"c2\", "
                + "\"name\": \"t1_c2\", \"parent_id\": \"t3_abc123\", \"depth\": 0, \"children\": [\"c2\", \"c3\"]}}]}}}")));
        try (StarExport star = Reddit.engine(server).build();
             Stream<Comment> comments = star.export("https://redd.it/abc123").comments().stream()) {
            assertThat(comments.map(Comment::id)).containsExactly("c1");
        }
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/morechildren")))).hasSize(1);
    }

    @Test
    void contentAKindOfTargetDoesNotOfferIsUnsupported() {
        ExportException e = failure(Reddit.engine(server).build(),
                s -> s.export("https://www.reddit.com/comments/abc123/").media().stream());
        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CONTENT);
        assertThat(server.getAllServeEvents()).isEqualTo(List.of());
    }

    /**
     * Synthetic answers that echo a credential, as the fault-injection run had a token endpoint and an {@code errors}
     * entry do: the message reaching callers (and job stores) masks it. {@link #failure} checks every message.
     */
    @Test
    void aSecretEchoedInATokenErrorIsMasked() {
        server.stubFor(post(urlPathEqualTo("/api/v1/access_token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": \"bad client_secret " + SECRET + "\"}")));
        assertThat(postsFailure(oauth()).getMessage()).contains("***");
    }

    @Test
    void aSecretEchoedInAnErrorStatusIsMasked() {
        token();
        server.stubFor(listing().willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Bad Request: " + SECRET + "\", \"error\": 400}")));
        assertThat(postsFailure(oauth()).getMessage()).contains("***");
    }

    @Test
    void aSecretEchoedInAMoreChildrenErrorIsMasked() {
        token();
        server.stubFor(get(urlPathEqualTo("/comments/abc123")).willReturn(okJson("[{\"kind\": \"Listing\", "
                + "\"data\": {\"children\": [{\"kind\": \"t3\", \"data\": {\"id\": \"abc123\", \"num_comments\": 3}}]}}, "
                + "{\"kind\": \"Listing\", \"data\": {\"children\": [{\"kind\": \"more\", \"data\": {\"count\": 2, "
                + "\"id\": \"c2\", \"name\": \"t1_c2\", \"parent_id\": \"t3_abc123\", \"depth\": 0, "
                + "\"children\": [\"c2\", \"c3\"]}}]}}]")));
        server.stubFor(post(urlPathEqualTo("/api/morechildren")).willReturn(okJson("{\"json\": {\"errors\": "
                + "[[\"BAD_REQUEST\", \"client " + SECRET + "\", \"children\"]]}}")));
        assertThat(failure(oauth(), s -> s.export("https://redd.it/abc123").comments().stream()).getMessage()).contains("***");
    }
}
