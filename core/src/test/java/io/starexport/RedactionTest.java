package io.starexport;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.api.ExportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.TestPages.URL;
import static io.starexport.TestPages.pageRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A credential never shows up in logs (SLF4J at debug), exception messages, toString() or files. */
class RedactionTest {
    private static final String SECRET = "sk-live-7f3a9c2e1b";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().notifier(new Silent())).build();

    /** WireMock's near-miss reports quote the stubs' expected headers; keep them out of the captured log. */
    static final class Silent implements com.github.tomakehurst.wiremock.common.Notifier {
        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
        }

        @Override
        public void error(String message, Throwable t) {
        }
    }

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureLog() {
        originalErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        System.setErr(originalErr);
    }

    @Test
    void credentialNeverAppearsInLogsErrorsCheckpointsOrFiles() throws Exception {
        server.stubFor(pageRequest(null).withHeader("Authorization", equalTo("Bearer " + SECRET))
                .willReturn(TestPages.page(0, 9, "c2")));
        server.stubFor(pageRequest("c2").willReturn(aResponse().withStatus(503)));
        Path out = dir.resolve("out.csv");
        StarExport.Builder builder = TestPages.engine(server, RetryPolicy.ofDefaults().withMaxAttempts(2)
                .withBackoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2)))
                .credential("testplatform", "api_token", SECRET);
        assertThat(builder.toString()).doesNotContain(SECRET);
        try (StarExport star = builder.build()) {
            assertThat(star.toString()).doesNotContain(SECRET);
            assertThatThrownBy(() -> star.export(URL).comments().to(out).run())
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.getMessage()).doesNotContain(SECRET).contains("/v1/comments");
                        assertThat(e.toString()).doesNotContain(SECRET);
                    });
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("/v1/comments").contains("key=***").doesNotContain(SECRET);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SECRET);
            }
        }
    }

    @Test
    void environmentCredentialsAreUsedAndNeverPrinted() {
        server.stubFor(pageRequest(null).withHeader("Authorization", equalTo("Bearer " + SECRET))
                .willReturn(TestPages.page(0, 2, null)));
        try (StarExport star = TestPages.engine(server).build()) {
            assertThatThrownBy(() -> star.export(URL).stream().count()).as("the stub answers only with the token")
                    .isInstanceOf(ExportException.class);
        }
        try (StarExport star = StarExport.builder().endpoint("testplatform", "api", server.baseUrl())
                .environment(Map.of("STAREXPORT_TESTPLATFORM_API_TOKEN", SECRET)).build()) {
            assertThat(star.export(URL).stream().count()).isEqualTo(3);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
    }

    @Test
    void proxyPasswordIsMasked() {
        ProxyConfig proxy = ProxyConfig.parse("http://alice:" + SECRET + "@proxy.example:8080");
        assertThat(proxy.password()).hasValue(SECRET);
        assertThat(proxy.toString()).isEqualTo("http://alice:***@proxy.example:8080");
    }
}
