package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code export --media-dir}: media downloads from the command line, against {@link MediaPlatform} on WireMock. */
class MediaDownloadCommandTest {
    private static final String PROFILE = "https://clitest.example/u/alice";
    private static final byte[] P720 = "720p video bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] P1080 = "1080p video bytes, larger".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private void servePost(String mediaPath) {
        String body = """
                {"posts": [{"id": "123456789", "created": "2025-10-12T14:15:23Z", "author": "alice",
                  "media": [{"type": "VIDEO", "url": "%1$s%2$s", "width": 1920, "height": 1080,
                             "variants": [{"url": "%1$s/cdn/720.mp4", "width": 1280, "height": 720}]}]}]}
                """.formatted(server.baseUrl(), mediaPath);
        server.stubFor(get(urlPathEqualTo("/v1/posts")).willReturn(okJson(body)));
        server.stubFor(get(urlPathEqualTo("/cdn/1080.mp4")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withBody(P1080)));
        server.stubFor(get(urlPathEqualTo("/cdn/720.mp4")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withBody(P720)));
    }

    private Cli.Run export(String... extra) {
        String[] base = {"export", PROFILE, "--endpoint", "clitest.api=" + server.baseUrl(), "-o",
                dir.resolve("posts.jsonl").toString(), "--media-dir", dir.resolve("media").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void downloadsTheBestRenditionAndSummarisesTheMedia() {
        servePost("/cdn/1080.mp4");

        Cli.Run run = export();

        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(dir.resolve("media/clitest/alice/alice_20251012_141523_123456789.mp4")).hasBinaryContent(P1080);
        assertThat(run.err()).contains("Media: 1 file in " + dir.resolve("media").toAbsolutePath() + " — 1 downloaded ("
                + P1080.length + " B), 0 failed");
    }

    @Test
    void mediaQualityPicksAMaximumHeight() {
        servePost("/cdn/1080.mp4");

        Cli.Run run = export("--media-quality", "720p");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(dir.resolve("media/clitest/alice/alice_20251012_141523_123456789.mp4")).hasBinaryContent(P720);
        server.verify(0, getRequestedFor(urlPathEqualTo("/cdn/1080.mp4")));
    }

    @Test
    void jsonOutputCarriesTheMediaSummary() {
        servePost("/cdn/1080.mp4");

        Cli.Run run = export("--json");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        JsonNode media = run.json().get("data").get("media");
        assertThat(media.get("files").asLong()).isEqualTo(1);
        assertThat(media.get("downloaded").asLong()).isEqualTo(1);
        assertThat(media.get("failed").asLong()).isZero();
        assertThat(media.get("bytes").asLong()).isEqualTo(P1080.length);
        assertThat(media.get("manifest").asText()).endsWith("manifest.jsonl");
    }

    @Test
    void aFailedFileIsReportedButTheRecordsAreKept() {
        servePost("/cdn/gone.mp4");
        server.stubFor(get(urlPathEqualTo("/cdn/gone.mp4")).willReturn(aResponse().withStatus(404)));

        Cli.Run run = export();

        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(dir.resolve("posts.jsonl")).isRegularFile();
        assertThat(run.err()).contains("1 failed")
                .contains("note: 1 media file could not be downloaded")
                .contains("media failed: " + server.baseUrl() + "/cdn/gone.mp4: HTTP 404");
    }

    @Test
    void mediaQualityWithoutAMediaDirIsAUsageError() {
        Cli.Run run = Cli.run("export", PROFILE, "--media-quality", "best");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--media-quality needs --media-dir");
    }

    @Test
    void anUnknownQualityIsAUsageError() {
        servePost("/cdn/1080.mp4");

        Cli.Run run = export("--media-quality", "hd");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("quality must be best, worst or a maximum height");
    }

    @Test
    void sandboxModeRefusesMediaDownloadsClearly() {
        Cli.Run run = Cli.run("export", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "--sandbox", "-o",
                dir.resolve("c.csv").toString(), "--media-dir", dir.resolve("media").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("not available in sandbox mode");
        assertThat(dir.resolve("c.csv")).doesNotExist();
    }
}
