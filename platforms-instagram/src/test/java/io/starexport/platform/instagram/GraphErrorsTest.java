package io.starexport.platform.instagram;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Graph API error bodies to error codes. {@code graph/error_data.json} is recorded (python-facebook @ c0aa73f :
 * testdata/base/error_data.json); the others are synthetic, in the envelope of
 * developers.facebook.com/docs/graph-api/guides/error-handling with the codes the issue lists, and the codes of
 * developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes (-1/-2 server errors
 * "Try again", subcode 2207050 for an inactive, checkpointed or restricted professional account).
 */
class GraphErrorsTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static String error(int code, Integer subcode, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"AQt_hJ68vFybS4Tn\"}}";
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("recorded #100 object does not exist", 400, Fixtures.read("graph/error_data.json"), ErrorCode.NOT_FOUND),
                arguments("190 expired token", 400, error(190, 463, "Error validating access token: Session has expired"), ErrorCode.AUTH_FAILED),
                arguments("190 echoing the token", 400, error(190, null, "Malformed access token " + Fixtures.TOKEN), ErrorCode.AUTH_FAILED),
                arguments("4 app limit, HTTP 403", 403, error(4, null, "(#4) Application request limit reached"), ErrorCode.RATE_LIMITED),
                arguments("17 user limit", 400, error(17, null, "(#17) User request limit reached"), ErrorCode.RATE_LIMITED),
                arguments("32 page limit", 400, error(32, null, "(#32) Page request limit reached"), ErrorCode.RATE_LIMITED),
                arguments("613 rate limit", 400, error(613, null, "(#613) Calls to this api have exceeded the rate limit."), ErrorCode.RATE_LIMITED),
                arguments("80002 Instagram BUC", 400, error(80002, null, "There have been too many calls to this Instagram account."), ErrorCode.RATE_LIMITED),
                arguments("10 permission", 400, error(10, null, "(#10) Application does not have permission for this action"), ErrorCode.AUTH_REQUIRED),
                arguments("200 permission", 403, error(200, null, "(#200) Requires instagram_manage_comments permission"), ErrorCode.AUTH_REQUIRED),
                arguments("100/33 unknown id", 400, error(100, 33, "Unsupported get request. Object with ID '1789' does not exist"), ErrorCode.NOT_FOUND),
                arguments("110 unknown user", 400, error(110, 2207013, "Invalid user id"), ErrorCode.NOT_FOUND),
                arguments("100 bad field", 400, error(100, null, "(#100) Tried accessing nonexisting field (shortcode)"), ErrorCode.PLATFORM_CHANGED),
                arguments("-1/2207001 Instagram server error", 400, error(-1, 2207001, "Instagram server error"), ErrorCode.NETWORK),
                arguments("-2/2207003 timeout", 400, error(-2, 2207003, "It takes too long"), ErrorCode.NETWORK),
                arguments("2207050 restricted account", 400, error(25, 2207050, "The user is restricted"), ErrorCode.AUTH_REQUIRED),
                arguments("no code", 400, "{\"error\":{\"message\":\"odd\",\"type\":\"OAuthException\",\"fbtrace_id\":\"AQt_hJ68vFybS4Tn\"}}", ErrorCode.PLATFORM_CHANGED),
                arguments("2 temporary", 400, error(2, null, "An unexpected error has occurred. Please retry your request later."), ErrorCode.NETWORK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void mapsTheErrorBody(String name, int status, String body, ErrorCode code) {
        server.stubFor(get(urlPathMatching("/v25.0/.*")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
        try (StarExport star = Fixtures.graph(server).build()) {
            assertThatThrownBy(() -> Fixtures.items(star.export("https://www.instagram.com/p/CRyZpmrjYC4/").comments()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(code);
                        assertThat(e.getMessage()).contains("fbtrace_id AQt_hJ68vFybS4Tn").doesNotContain(Fixtures.TOKEN);
                        if (code == ErrorCode.RATE_LIMITED) {
                            assertThat(e.retryAfter()).isPresent();
                        }
                    });
        }
    }
}
