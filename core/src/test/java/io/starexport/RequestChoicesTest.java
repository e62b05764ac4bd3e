package io.starexport;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.api.Checkpoint;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.api.ExportResult;
import io.starexport.api.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.TestPages.URL;
import static io.starexport.TestPages.pageRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What one request chooses among its engine's settings, against the test platform served by WireMock: a named
 * credential set instead of the default credentials, and the sandbox for one export on a live engine.
 */
class RequestChoicesTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String DEFAULT_TOKEN = "tok-default-111";
    private static final String BRAND_B_TOKEN = "tok-brand-b-222";

    @TempDir
    Path dir;

    /** The live engine: default credentials, and sets "b", "c" and "a" for the test platform. */
    private static StarExport engine(RetryPolicy retryPolicy) {
        return TestPages.engine(server, retryPolicy).credential("testplatform", "api_token", DEFAULT_TOKEN)
                .credentialSet("b", "testplatform", "api_token", BRAND_B_TOKEN)
                .credentialSet("c", "testplatform", "api_token", "tok-brand-c-333")
                .credentialSet("a", "testplatform", "api_token", "tok-brand-a-444").build();
    }

    private static long count(Stream<Item> items) {
        try (items) {
            return items.count();
        }
    }

    private static long requestsWithToken(String token) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v1/comments"))
                .withHeader("Authorization", equalTo("Bearer " + token)).withQueryParam("key", equalTo(token))
                .build()).getCount();
    }

    @Test
    void aRequestThatNamesACredentialSetSendsThatSetsCredentialAndOthersSendTheDefault() {
        TestPages.threePages(server);
        try (StarExport star = engine(TestPages.FAST_RETRIES)) {
            assertThat(count(star.stream(ExportRequest.builder(URL).credentials("b").build()))).isEqualTo(30);
            assertThat(requestsWithToken(BRAND_B_TOKEN)).isEqualTo(3);
            assertThat(requestsWithToken(DEFAULT_TOKEN)).isZero();

            assertThat(count(star.stream(ExportRequest.builder(URL).build()))).isEqualTo(30);
            assertThat(count(star.export(URL).credentials("b").stream())).isEqualTo(30);
        }
        assertThat(requestsWithToken(DEFAULT_TOKEN)).isEqualTo(3);
        assertThat(requestsWithToken(BRAND_B_TOKEN)).isEqualTo(6);
        assertThat(server.getAllServeEvents()).hasSize(9);
    }

    @Test
    void aResumedExportUsesItsCredentialSetAgainAndNoFileHoldsTheSecret() throws IOException {
        server.stubFor(pageRequest(null).willReturn(TestPages.page(0, 9, "c2")));
        server.stubFor(pageRequest("c2").willReturn(serverError()));
        Path out = dir.resolve("comments.jsonl");
        ExportException failure;
        try (StarExport star = engine(RetryPolicy.none())) {
            failure = org.junit.jupiter.api.Assertions.assertThrows(ExportException.class,
                    () -> star.run(ExportRequest.builder(URL).credentials("b").to(out).build()));
        }
        assertThat(failure.getMessage()).doesNotContain(BRAND_B_TOKEN);
        Path checkpointFile = Checkpoint.fileFor(out);
        assertThat(Files.readString(checkpointFile)).contains("\"b\"").doesNotContain(BRAND_B_TOKEN);

        server.stubFor(pageRequest("c2").willReturn(TestPages.page(10, 19, null)));
        try (StarExport star = engine(RetryPolicy.none())) {
            assertThat(star.resume(checkpointFile).run().items()).isEqualTo(20);
        }
        assertThat(requestsWithToken(BRAND_B_TOKEN)).isEqualTo(3);
        assertThat(requestsWithToken(DEFAULT_TOKEN)).isZero();
    }

    @Test
    void anUnknownCredentialSetFailsBeforeAnyRequestNamingTheSetsThereAre() {
        TestPages.threePages(server);
        try (StarExport star = engine(TestPages.FAST_RETRIES)) {
            assertThatThrownBy(() -> star.run(ExportRequest.builder(URL).credentials("d")
                    .to(dir.resolve("out.jsonl")).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'d'")
                    .hasMessageContaining("[a, b, c]").hasMessageContaining("credentialSet(\"d\"");
        }
        try (StarExport star = TestPages.engine(server).build()) {
            assertThatThrownBy(() -> star.export(URL).credentials("b").stream())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'").hasMessageContaining("none");
        }
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void oneLiveEngineRunsOneExportInTheSandboxWithoutARequestAndAnotherLive() throws IOException {
        TestPages.threePages(server);
        Path sample = dir.resolve("sample.jsonl");
        Path live = dir.resolve("live.jsonl");
        Path sampleAgain = dir.resolve("sample-again.jsonl");
        try (StarExport star = engine(TestPages.FAST_RETRIES)) {
            ExportResult sandboxed = star.run(ExportRequest.builder(URL).sandbox(true).to(sample).build());
            assertThat(sandboxed.items()).isPositive();
            assertThat(server.getAllServeEvents()).isEmpty();

            assertThat(star.export(URL).comments().to(live).run().items()).isEqualTo(30);
            server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/v1/comments")));

            star.export(URL).comments().sandbox(true).to(sampleAgain).run();
        }
        server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/v1/comments")));
        List<String> sampleLines = Files.readAllLines(sample);
        assertThat(Files.readAllLines(sampleAgain)).isEqualTo(sampleLines);
        assertThat(Files.readAllLines(live)).hasSize(30).doesNotContainAnyElementsOf(sampleLines);
    }
}
