package io.starexport.platform.instagram;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Web API failures (reference/reddit-instagram.md 3.6). Recorded: {@code challenge.json}, {@code login-error.json},
 * {@code profile-id-invalid.json} (pgrimaud/instagram-user-feed @ 8e39f0f : tests/fixtures/, MIT). The other bodies
 * are synthetic, copied from the shapes that table cites (instagrapi, instabot, Instaloader). The throttle answers
 * with {@code require_login} and HTTP 401 follow instaloader/instaloader issues #2501, #2532 and #2568 (2025): a
 * logged-in session gets {@code 401 "fail" status, message "Please wait a few minutes before you try again."}, which
 * is a throttle, not a logged-out cookie. A 404 with an HTML page follows Instaloader's not-found handling of
 * {@code web_profile_info} ({@code QueryReturnedNotFoundException}).
 */
class WebErrorsTest {
    private static final String POST = "https://www.instagram.com/p/CAnqPB-Jzcj/";
    private static final String COMMENTS = "/api/v1/media/2317006284167526179/comments/";
    private static final String PROFILE = "/api/v1/users/web_profile_info/";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("checkpoint (recorded)", 400, Fixtures.read("web/challenge.json"), ErrorCode.AUTH_REQUIRED, "security check"),
                arguments("challenge", 400, "{\"message\":\"challenge_required\",\"challenge\":{\"url\":\"https://i.instagram.com/challenge/\"},\"status\":\"fail\"}",
                        ErrorCode.AUTH_REQUIRED, "security check"),
                arguments("login rejected (recorded)", 200, Fixtures.read("web/login-error.json"), ErrorCode.AUTH_FAILED, "fresh sessionid"),
                arguments("session expired", 403, "{\"message\":\"login_required\",\"error_title\":\"You've been logged out\",\"error_body\":\"Please log back in.\",\"logout_reason\":8,\"status\":\"fail\"}",
                        ErrorCode.AUTH_FAILED, "fresh sessionid"),
                arguments("please wait with require_login", 401, "{\"message\":\"Please wait a few minutes before you try again.\",\"require_login\":true,\"status\":\"fail\"}",
                        ErrorCode.RATE_LIMITED, "wait a few minutes"),
                arguments("please wait, 401", 401, "{\"message\":\"Please wait a few minutes before you try again.\",\"status\":\"fail\"}",
                        ErrorCode.RATE_LIMITED, "wait a few minutes"),
                arguments("require_login", 400, "{\"message\":\"\",\"require_login\":true,\"status\":\"fail\"}",
                        ErrorCode.AUTH_FAILED, "login wall"),
                arguments("not found page", 404, "<!DOCTYPE html><html><head><title>Page not found • Instagram</title></head></html>",
                        ErrorCode.NOT_FOUND, "deleted"),
                arguments("unauthorised", 401, "{\"message\":\"\",\"status\":\"fail\"}", ErrorCode.AUTH_FAILED, "fresh sessionid"),
                arguments("login page instead of JSON", 200, "<!DOCTYPE html><html><head><title>Login • Instagram</title></head></html>",
                        ErrorCode.AUTH_FAILED, "login wall"),
                arguments("action block", 400, "{\"message\":\"feedback_required\",\"spam\":true,\"feedback_title\":\"Try Again Later\",\"feedback_message\":\"We restrict certain activity to protect our community.\",\"status\":\"fail\"}",
                        ErrorCode.RATE_LIMITED, "few hours"),
                arguments("please wait", 400, "{\"message\":\"Please wait a few minutes before you try again.\",\"status\":\"fail\"}",
                        ErrorCode.RATE_LIMITED, "wait a few minutes"),
                arguments("rate_limit_error", 200, "{\"status\":\"fail\",\"error_type\":\"rate_limit_error\",\"message\":\"\"}",
                        ErrorCode.RATE_LIMITED, "wait a few minutes"),
                arguments("private account", 400, "{\"message\":\"Not authorized to view user\",\"status\":\"fail\"}",
                        ErrorCode.PRIVATE_CONTENT, "private"),
                arguments("media gone", 400, "{\"message\":\"Media not found or unavailable\",\"status\":\"fail\"}",
                        ErrorCode.NOT_FOUND, "deleted"),
                arguments("not found", 404, "{\"message\":\"\",\"status\":\"fail\"}", ErrorCode.NOT_FOUND, "deleted"),
                arguments("comments off", 200, "{\"comments\":[],\"comments_disabled\":true,\"status\":\"ok\"}",
                        ErrorCode.COMMENTS_DISABLED, "turned off"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void mapsEachFailureToAnErrorThatSaysWhatToDo(String name, int status, String body, ErrorCode code, String hint) {
        server.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(aResponse().withStatus(status).withBody(body)));
        ExportException e = export(POST);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).contains(hint).doesNotContain(Fixtures.SESSION).doesNotContain(Fixtures.CSRF);
    }

    @Test
    void aRedirectToTheLoginPageIsALoginWall() {
        server.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", server.baseUrl() + "/accounts/login/?next=%2Fp%2FCAnqPB-Jzcj%2F")));
        server.stubFor(get(urlPathEqualTo("/accounts/login/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<!DOCTYPE html><html></html>")));
        ExportException e = export(POST);
        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_FAILED);
        assertThat(e.getMessage()).contains("login wall");
    }

    @Test
    void aRedirectToAnotherHostsLoginIsALoginWall() {
        server.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://login.example.com/accounts/login/")));
        assertThat(export(POST).code()).isEqualTo(ErrorCode.AUTH_FAILED);
    }

    @Test
    void aMissingProfileIsNotFound() {
        server.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.read("web/profile-id-invalid.json"))));
        ExportException e = export("https://www.instagram.com/no.such.user.here/");
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.getMessage()).contains("no.such.user.here");
    }

    @Test
    void postsOfAMissingProfileAreNotFound() {
        server.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.read("web/profile-id-invalid.json"))));
        try (StarExport star = Fixtures.web(server).build()) {
            ExportException e = assertThrows(ExportException.class,
                    () -> Fixtures.items(star.export("https://www.instagram.com/no.such.user.here/").posts()));
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        }
    }

    @Test
    void throttlingWithStatus429EndsAsRateLimitedOnceRetriesRunOut() {
        server.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(aResponse().withStatus(429)
                .withBody("{\"message\":\"Please wait a few minutes before you try again.\",\"status\":\"fail\"}")));
        try (StarExport star = Fixtures.engine(server, new InstagramPlatform(), Map.of("sessionid", Fixtures.SESSION),
                RetryPolicy.none()).build()) {
            ExportException e = assertThrows(ExportException.class, () -> Fixtures.items(star.export(POST).comments()));
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        }
    }

    @Test
    void aChangedBodyIsReportedAsAChangedPlatform() {
        server.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(aResponse().withStatus(200).withBody("{\"status\":\"ok\"}")));
        ExportException e = export(POST);
        assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED);
        assertThat(e.getMessage()).contains("comments");
    }

    private static ExportException export(String url) {
        try (StarExport star = Fixtures.web(server).build()) {
            return assertThrows(ExportException.class, () -> {
                if (url.contains("/p/")) {
                    Fixtures.items(star.export(url).comments());
                } else {
                    Fixtures.items(star.export(url).profile());
                }
            });
        }
    }
}
