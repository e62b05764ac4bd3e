package io.starexport.mediadownload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportException;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportRequest;
import io.starexport.api.ExportResult;
import io.starexport.api.MediaProgress;
import io.starexport.api.MediaSummary;
import io.starexport.media.MediaOptions;
import io.starexport.media.Quality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Media downloads end to end: {@link MediaTestPlatform} lists posts, WireMock serves their images and a
 * video with byte ranges ({@link RangeResponses}), and the files, manifest and result are checked.
 */
class MediaDownloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILE = "https://media.test.example/u/alice";
    private static final String CREATED = "2025-10-12T14:15:23Z";
    private static final RetryPolicy FAST = RetryPolicy.ofDefaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(new RangeResponses())).build();

    @TempDir
    Path dir;

    private final List<ObjectNode> posts = new ArrayList<>();

    // ---- fixtures --------------------------------------------------------------------------------

    /** Deterministic bytes that start like the format they stand for. */
    private static byte[] bytes(int size, long seed, String magic) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        byte[] head = magic.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, data, 0, Math.min(head.length, size));
        return data;
    }

    private static byte[] jpeg(int size, long seed) {
        return bytes(size, seed, "\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF");
    }

    private static byte[] mp4(int size, long seed) {
        return bytes(size, seed, "\u0000\u0000\u0000\u0018ftypmp42");
    }

    private static String url(String path) {
        return server.baseUrl() + path;
    }

    private static void serve(String path, byte[] body, String contentType) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withHeader("Accept-Ranges", "bytes").withBody(body)));
    }

    private ObjectNode post(String id, String author) {
        ObjectNode post = JSON.createObjectNode().put("id", id).put("created", CREATED).put("author", author);
        post.putArray("media");
        posts.add(post);
        return post;
    }

    private static ObjectNode file(ObjectNode post, String type, String url, String mime) {
        ObjectNode file = ((ArrayNode) post.get("media")).addObject().put("type", type).put("url", url);
        if (mime != null) {
            file.put("mime", mime);
        }
        return file;
    }

    private void servePosts() {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("posts").addAll(posts);
        server.stubFor(get(urlPathEqualTo("/v1/posts")).willReturn(okJson(body.toString())));
    }

    private StarExport engine(RetryPolicy retryPolicy) {
        return StarExport.builder().platform(new MediaTestPlatform()).endpoint(MediaTestPlatform.ID, "api",
                server.baseUrl()).environment(Map.of()).retryPolicy(retryPolicy).build();
    }

    private ExportResult export(MediaOptions options) {
        return export(options, FAST, ExportListener.NONE);
    }

    private ExportResult export(MediaOptions options, RetryPolicy retryPolicy, ExportListener listener) {
        servePosts();
        try (StarExport star = engine(retryPolicy)) {
            return star.export(PROFILE).posts().to(dir.resolve("posts.jsonl")).downloadMedia(options)
                    .listener(listener).run();
        }
    }

    private Path media() {
        return dir.resolve("media");
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest's lines, and its latest line per URL. */
    private List<JsonNode> manifestLines() {
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(media().resolve("manifest.jsonl"))) {
                lines.add(JSON.readTree(line));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, JsonNode> manifest() {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        manifestLines().forEach(line -> latest.put(line.get("url").asText(), line));
        return latest;
    }

    private List<Path> storedFiles() {
        try (Stream<Path> files = Files.walk(media())) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("manifest.jsonl"))
                    .map(f -> media().relativize(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- tests -----------------------------------------------------------------------------------
    @Test
    void aJobDownloadsMediaAndItsStoredRequestKeepsTheMediaSettings() throws Exception {
        byte[] image = jpeg(5_000, 11);
        serve("/cdn/job.jpg", image, "image/jpeg");
        file(post("77", "carol"), "IMAGE", url("/cdn/job.jpg"), "image/jpeg");
        servePosts();
        MediaOptions options = MediaOptions.builder(media()).quality(Quality.maxHeight(720)).concurrency(2)
                .extraHosts(java.util.Set.of("cdn.example.org")).build();
        Path store = dir.resolve("jobs");
        java.util.UUID id;
        try (StarExport star = engine(FAST);
             io.starexport.jobs.JobExecutor jobs = io.starexport.jobs.JobExecutor.builder(star)
                     .store(io.starexport.jobs.JobStore.directory(store)).build()) {
            io.starexport.jobs.Job job = jobs.submit(io.starexport.api.ExportRequest.builder(PROFILE).content(
                    io.starexport.api.Content.POSTS).to(dir.resolve("posts.jsonl")).downloadMedia(options).build());
            id = job.id();
            assertThat(job.completion().get(30, java.util.concurrent.TimeUnit.SECONDS).status())
                    .isEqualTo(io.starexport.jobs.JobStatus.SUCCEEDED);
        }
        assertThat(Files.readAllBytes(media().resolve("mediatest/carol/carol_20251012_141523_77.jpg"))).isEqualTo(image);

        try (StarExport star = engine(FAST);
             io.starexport.jobs.JobExecutor reloaded = io.starexport.jobs.JobExecutor.builder(star)
                     .store(io.starexport.jobs.JobStore.directory(store)).build()) {
            MediaOptions stored = reloaded.job(id).orElseThrow().request().media().orElseThrow();
            assertThat(stored.directory()).isEqualTo(options.directory());
            assertThat(stored.naming()).isEqualTo(options.naming());
            assertThat(stored.quality()).isEqualTo(Quality.maxHeight(720));
            assertThat(stored.concurrency()).isEqualTo(2);
            assertThat(stored.rateLimit()).isEqualTo(options.rateLimit());
            assertThat(stored.maxFileSize()).isEqualTo(options.maxFileSize());
            assertThat(stored.contentTypes()).isEqualTo(options.contentTypes());
            assertThat(stored.extraHosts()).containsExactly("cdn.example.org");
        }
    }


    @Test
    void downloadsThePostFilesCarouselChildrenAndVideoIntoOneFolderPerAuthor() throws IOException {
        byte[] small = jpeg(2_000, 1);
        byte[] large = jpeg(9_000, 2);
        byte[] child = jpeg(3_000, 3);
        byte[] sibling = jpeg(3_500, 33);
        byte[] video = mp4(300_000, 4);
        serve("/cdn/p1_640.jpg", small, "image/jpeg");
        serve("/cdn/p1_1080.jpg", large, "image/jpeg");
        serve("/cdn/c1.jpg", child, "image/jpeg");
        serve("/cdn/c2.jpg", sibling, "image/jpeg");
        serve("/cdn/c3.mp4", video, "video/mp4");
        ObjectNode single = file(post("123456789", "alice"), "IMAGE", url("/cdn/p1_640.jpg"), "image/jpeg")
                .put("width", 640).put("height", 640);
        single.putArray("variants").addObject().put("url", url("/cdn/p1_1080.jpg")).put("width", 1080).put("height", 1080);
        ObjectNode carousel = post("987", "alice");
        file(carousel, "IMAGE", url("/cdn/c1.jpg"), null);
        file(carousel, "IMAGE", url("/cdn/c2.jpg"), "image/jpeg");
        file(carousel, "VIDEO", url("/cdn/c3.mp4"), "video/mp4");

        ExportResult result = export(MediaOptions.of(media()));

        assertThat(Files.readAllLines(dir.resolve("posts.jsonl"))).hasSize(2);
        Path folder = media().resolve("mediatest").resolve("alice");
        assertThat(Files.readAllBytes(folder.resolve("alice_20251012_141523_123456789.jpg"))).isEqualTo(large);
        assertThat(Files.readAllBytes(folder.resolve("alice_20251012_141523_987.jpg"))).isEqualTo(child);
        assertThat(Files.readAllBytes(folder.resolve("alice_20251012_141523_987_1.jpg"))).isEqualTo(sibling);
        assertThat(sha256(folder.resolve("alice_20251012_141523_987.mp4"))).isEqualTo(sha256(video));
        assertThat(storedFiles()).hasSize(4);
        server.verify(0, getRequestedFor(urlPathEqualTo("/cdn/p1_640.jpg")));

        MediaSummary summary = result.media().orElseThrow();
        assertThat(summary.files()).isEqualTo(4);
        assertThat(summary.downloaded()).isEqualTo(4);
        assertThat(summary.failed()).isZero();
        assertThat(summary.bytes()).isEqualTo(large.length + child.length + sibling.length + video.length);
        assertThat(summary.manifest()).isEqualTo(media().resolve("manifest.jsonl").toAbsolutePath());
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void manifestRecordsEveryFileWithHashesSizeTypeStatusAndAttempts() throws IOException {
        byte[] image = jpeg(4_321, 5);
        serve("/cdn/one.jpg", image, "image/jpeg");
        file(post("42", "bob"), "IMAGE", url("/cdn/one.jpg"), "image/jpeg");

        export(MediaOptions.of(media()));

        List<JsonNode> lines = manifestLines();
        assertThat(lines).extracting(line -> line.get("status").asText()).containsExactly("pending", "downloaded");
        JsonNode done = lines.get(1);
        assertThat(done.get("url").asText()).isEqualTo(url("/cdn/one.jpg"));
        assertThat(done.get("url_hash").asText()).isEqualTo(sha256(url("/cdn/one.jpg").getBytes(StandardCharsets.UTF_8)));
        assertThat(done.get("path").asText()).isEqualTo("mediatest/bob/bob_20251012_141523_42.jpg");
        assertThat(done.get("size").asLong()).isEqualTo(4_321);
        assertThat(done.get("sha256").asText()).isEqualTo(sha256(image));
        assertThat(done.get("content_type").asText()).isEqualTo("image/jpeg");
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        assertThat(done.has("error")).isFalse();
        assertThat(done.get("item_id").asText()).isEqualTo("42");
    }

    @Test
    void resumesADroppedTransferWithRangeToTheExactBytes() {
        byte[] video = mp4(250_000, 6);
        server.stubFor(get(urlPathEqualTo("/cdn/clip.mp4")).inScenario("drop").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "video/mp4")
                        .withHeader("Accept-Ranges", "bytes").withHeader(RangeResponses.BREAK_AFTER, "100000")
                        .withBody(video))
                .willSetStateTo("dropped"));
        server.stubFor(get(urlPathEqualTo("/cdn/clip.mp4")).inScenario("drop").whenScenarioStateIs("dropped")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "video/mp4")
                        .withHeader("Accept-Ranges", "bytes").withBody(video)));
        file(post("77", "carol"), "VIDEO", url("/cdn/clip.mp4"), "video/mp4");

        ExportResult result = export(MediaOptions.of(media()));

        server.verify(getRequestedFor(urlPathEqualTo("/cdn/clip.mp4")).withHeader("Range", equalTo("bytes=100000-")));
        Path stored = media().resolve("mediatest/carol/carol_20251012_141523_77.mp4");
        assertThat(sha256(stored)).isEqualTo(sha256(video));
        assertThat(stored.resolveSibling(stored.getFileName() + ".part")).doesNotExist();
        assertThat(manifest().get(url("/cdn/clip.mp4")).get("attempts").asInt()).isEqualTo(2);
        assertThat(result.media().orElseThrow().bytes()).isEqualTo(video.length);
    }

    @Test
    void aLaterRunContinuesThePartialFileAnInterruptedRunLeft() {
        byte[] video = mp4(200_000, 7);
        server.stubFor(get(urlPathEqualTo("/cdn/long.mp4")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withHeader("Accept-Ranges", "bytes")
                .withHeader(RangeResponses.BREAK_AFTER, "64000").withBody(video)));
        file(post("88", "dave"), "VIDEO", url("/cdn/long.mp4"), "video/mp4");

        ExportResult first = export(MediaOptions.of(media()), RetryPolicy.none(), ExportListener.NONE);

        Path stored = media().resolve("mediatest/dave/dave_20251012_141523_88.mp4");
        Path part = stored.resolveSibling(stored.getFileName() + ".part");
        assertThat(first.items()).isEqualTo(1);
        assertThat(first.media().orElseThrow().failed()).isEqualTo(1);
        assertThat(first.notes()).anyMatch(note -> note.contains("1 media file could not be downloaded"));
        assertThat(stored).doesNotExist();
        assertThat(part).hasSize(64_000);
        assertThat(manifest().get(url("/cdn/long.mp4")).get("status").asText()).isEqualTo("failed");

        serve("/cdn/long.mp4", video, "video/mp4");
        ExportResult second = export(MediaOptions.of(media()), RetryPolicy.none(), ExportListener.NONE);

        server.verify(getRequestedFor(urlPathEqualTo("/cdn/long.mp4")).withHeader("Range", equalTo("bytes=64000-")));
        assertThat(sha256(stored)).isEqualTo(sha256(video));
        assertThat(part).doesNotExist();
        assertThat(second.media().orElseThrow().bytes()).isEqualTo(200_000 - 64_000);
        assertThat(manifest().get(url("/cdn/long.mp4")).get("sha256").asText()).isEqualTo(sha256(video));
    }

    @Test
    void skipsFilesAnEarlierRunDownloaded() {
        serve("/cdn/a.jpg", jpeg(1_000, 8), "image/jpeg");
        serve("/cdn/b.jpg", jpeg(1_500, 9), "image/jpeg");
        ObjectNode post = post("5", "erin");
        file(post, "IMAGE", url("/cdn/a.jpg"), "image/jpeg");
        file(post, "IMAGE", url("/cdn/b.jpg"), "image/jpeg");

        export(MediaOptions.of(media()));
        ExportResult again = export(MediaOptions.of(media()));

        server.verify(1, getRequestedFor(urlPathEqualTo("/cdn/a.jpg")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/cdn/b.jpg")));
        MediaSummary summary = again.media().orElseThrow();
        assertThat(summary.alreadyDownloaded()).isEqualTo(2);
        assertThat(summary.downloaded()).isZero();
        assertThat(summary.bytes()).isZero();
        assertThat(storedFiles()).hasSize(2);
    }

    @Test
    void downloadsAUrlOnceWhenSeveralItemsReferenceIt() {
        serve("/cdn/shared.jpg", jpeg(1_200, 10), "image/jpeg");
        file(post("1", "frank"), "IMAGE", url("/cdn/shared.jpg"), "image/jpeg");
        file(post("2", "frank"), "IMAGE", url("/cdn/shared.jpg"), "image/jpeg");

        ExportResult result = export(MediaOptions.of(media()));

        server.verify(1, getRequestedFor(urlPathEqualTo("/cdn/shared.jpg")));
        assertThat(result.media().orElseThrow().files()).isEqualTo(1);
        assertThat(storedFiles()).containsExactly(Path.of("mediatest", "frank", "frank_20251012_141523_1.jpg"));
    }

    @Test
    void storesIdenticalBytesOnce() {
        byte[] same = jpeg(2_500, 11);
        serve("/cdn/copy1.jpg", same, "image/jpeg");
        serve("/cdn/copy2.jpg", same, "image/jpeg");
        file(post("10", "gina"), "IMAGE", url("/cdn/copy1.jpg"), "image/jpeg");
        file(post("11", "gina"), "IMAGE", url("/cdn/copy2.jpg"), "image/jpeg");

        ExportResult result = export(MediaOptions.builder(media()).concurrency(1).build());

        assertThat(storedFiles()).hasSize(1);
        assertThat(result.media().orElseThrow().sameContent()).isEqualTo(1);
        assertThat(result.media().orElseThrow().downloaded()).isEqualTo(1);
        JsonNode first = manifest().get(url("/cdn/copy1.jpg"));
        JsonNode second = manifest().get(url("/cdn/copy2.jpg"));
        assertThat(second.get("status").asText()).isEqualTo("duplicate");
        assertThat(second.get("path").asText()).isEqualTo(first.get("path").asText());
        assertThat(second.get("sha256").asText()).isEqualTo(sha256(same));
        assertThat(media().resolve(first.get("path").asText())).hasBinaryContent(same);
    }

    @Test
    void refusesARedirectToAHostThatIsNotAMediaHost() throws IOException {
        String foreign = server.baseUrl().replace("localhost", "127.0.0.1") + "/internal/secret.jpg";
        serve("/internal/secret.jpg", jpeg(500, 12), "image/jpeg");
        server.stubFor(get(urlPathEqualTo("/cdn/moved.jpg")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", foreign)));
        serve("/cdn/real.jpg", jpeg(700, 13), "image/jpeg");
        server.stubFor(get(urlPathEqualTo("/cdn/old.jpg")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/cdn/real.jpg")));
        file(post("20", "hank"), "IMAGE", url("/cdn/moved.jpg"), "image/jpeg");
        file(post("21", "hank"), "IMAGE", url("/cdn/old.jpg"), "image/jpeg");

        ExportResult result = export(MediaOptions.of(media()));

        server.verify(0, getRequestedFor(urlPathEqualTo("/internal/secret.jpg")));
        assertThat(Files.readAllLines(dir.resolve("posts.jsonl"))).hasSize(2);
        JsonNode refused = manifest().get(url("/cdn/moved.jpg"));
        assertThat(refused.get("status").asText()).isEqualTo("failed");
        assertThat(refused.get("error").asText()).contains("redirect").contains("127.0.0.1");
        assertThat(manifest().get(url("/cdn/old.jpg")).get("status").asText()).isEqualTo("downloaded");
        assertThat(result.media().orElseThrow().failures()).singleElement().asString().contains("127.0.0.1");
    }

    @Test
    void neverRequestsAUrlOnAHostThePlatformDoesNotServeMediaFrom() {
        String foreign = server.baseUrl().replace("localhost", "127.0.0.1") + "/internal/admin.jpg";
        serve("/internal/admin.jpg", jpeg(500, 14), "image/jpeg");
        file(post("30", "ivan"), "IMAGE", foreign, "image/jpeg");

        ExportResult result = export(MediaOptions.of(media()));

        server.verify(0, getRequestedFor(urlPathEqualTo("/internal/admin.jpg")));
        assertThat(result.media().orElseThrow().failed()).isEqualTo(1);
        assertThat(manifest().get(foreign).get("error").asText()).contains("not a media host");
    }

    @Test
    void extraHostsAreFetchedWhenTheHostAllowsThem() {
        String mirror = server.baseUrl().replace("localhost", "127.0.0.1") + "/mirror/pic.jpg";
        byte[] image = jpeg(800, 15);
        serve("/mirror/pic.jpg", image, "image/jpeg");
        file(post("31", "ivan"), "IMAGE", mirror, "image/jpeg");

        ExportResult result = export(MediaOptions.builder(media()).extraHosts(java.util.Set.of("127.0.0.1")).build());

        assertThat(result.media().orElseThrow().downloaded()).isEqualTo(1);
        assertThat(media().resolve("mediatest/ivan/ivan_20251012_141523_31.jpg")).hasBinaryContent(image);
    }

    @Test
    void refusesAnUnacceptedContentTypeAndFilesOverTheSizeCap() throws IOException {
        server.stubFor(get(urlPathEqualTo("/cdn/login.jpg")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("<html>log in</html>")));
        serve("/cdn/huge.mp4", mp4(50_000, 16), "video/mp4");
        file(post("40", "judy"), "IMAGE", url("/cdn/login.jpg"), "image/jpeg");
        file(post("41", "judy"), "VIDEO", url("/cdn/huge.mp4"), "video/mp4");
        // Chunked, with no Content-Length: the cap is enforced while reading.
        server.stubFor(get(urlPathEqualTo("/cdn/stream.mp4")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withBody(mp4(50_000, 18)).withChunkedDribbleDelay(5, 20)));
        file(post("42", "judy"), "VIDEO", url("/cdn/stream.mp4"), "video/mp4");

        ExportResult result = export(MediaOptions.builder(media()).maxFileSize(10_000).build());

        assertThat(result.media().orElseThrow().failed()).isEqualTo(3);
        assertThat(manifest().get(url("/cdn/stream.mp4")).get("error").asText()).contains("grew past the limit of 10000");
        try (Stream<Path> left = Files.walk(media())) {
            assertThat(left.filter(f -> f.toString().endsWith(".part"))).isEmpty();
        }
        assertThat(manifest().get(url("/cdn/login.jpg")).get("error").asText()).contains("text/html");
        assertThat(manifest().get(url("/cdn/huge.mp4")).get("error").asText()).contains("50000").contains("10000");
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void retriesServerErrorsAsApiCallsAre() {
        byte[] image = jpeg(1_000, 17);
        server.stubFor(get(urlPathEqualTo("/cdn/flaky.jpg")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo("/cdn/flaky.jpg")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg").withBody(image)));
        file(post("50", "kim"), "IMAGE", url("/cdn/flaky.jpg"), "image/jpeg");

        ExportResult result = export(MediaOptions.of(media()));

        assertThat(result.media().orElseThrow().downloaded()).isEqualTo(1);
        assertThat(manifest().get(url("/cdn/flaky.jpg")).get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void namesHostileAuthorsSafely() throws IOException {
        String[] authors = {"../../etc", "con", "a".repeat(300), "\uD83E\uDD8A\uD83D\uDCA5 fox", "nul.txt", "tab\there"};
        for (int i = 0; i < authors.length; i++) {
            serve("/cdn/h" + i + ".jpg", jpeg(100 + i, 20 + i), "image/jpeg");
            file(post("9" + i, authors[i]), "IMAGE", url("/cdn/h" + i + ".jpg"), "image/jpeg");
        }

        ExportResult result = export(MediaOptions.of(media()));

        assertThat(result.media().orElseThrow().downloaded()).isEqualTo(authors.length);
        List<Path> files = storedFiles();
        assertThat(files).hasSize(authors.length);
        Path root = media().toRealPath();
        for (Path file : files) {
            assertThat(media().resolve(file).toRealPath()).startsWith(root);
            for (Path segment : file) {
                String name = segment.toString();
                assertThat(name).doesNotStartWith(".").doesNotEndWith(".").doesNotEndWith(" ")
                        .doesNotContain("\t", "/", "\\", ":");
                assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
                String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                assertThat(stem.toLowerCase(java.util.Locale.ROOT)).isNotIn("con", "nul", "prn", "aux");
            }
        }
        Path authorsFolder = media().resolve("mediatest");
        assertThat(authorsFolder.resolve("_con")).isDirectory();
        assertThat(authorsFolder.resolve("a".repeat(64))).isDirectory();
        assertThat(authorsFolder.resolve("\uD83E\uDD8A\uD83D\uDCA5 fox")).isDirectory();
        assertThat(media().getParent().resolve("etc")).doesNotExist();
    }

    @Test
    void mediaRowsAreDownloadedWithTheNamingTemplate() {
        byte[] first = jpeg(600, 30);
        byte[] second = mp4(900, 31);
        serve("/cdn/m0.jpg", first, "image/jpeg");
        serve("/cdn/m1.mp4", second, "video/mp4");
        ObjectNode post = post("60", "lena");
        file(post, "IMAGE", url("/cdn/m0.jpg"), "image/jpeg");
        file(post, "VIDEO", url("/cdn/m1.mp4"), "video/mp4");
        servePosts();

        ExportResult result;
        try (StarExport star = engine(FAST)) {
            result = star.export(PROFILE).media().to(dir.resolve("media.csv"))
                    .downloadMedia(MediaOptions.builder(media()).naming("{author}/{date:yyyy-MM}/{id}-{index}.{ext}")
                            .build())
                    .run();
        }

        assertThat(result.media().orElseThrow().downloaded()).isEqualTo(2);
        assertThat(media().resolve("lena/2025-10/60_0-0.jpg")).hasBinaryContent(first);
        assertThat(media().resolve("lena/2025-10/60_1-1.mp4")).hasBinaryContent(second);
    }

    @Test
    void picksTheRenditionTheQualityAsksFor() {
        byte[] p360 = mp4(300, 40);
        byte[] p720 = mp4(700, 41);
        byte[] p1080 = mp4(1_080, 42);
        serve("/cdn/v360.mp4", p360, "video/mp4");
        serve("/cdn/v720.mp4", p720, "video/mp4");
        serve("/cdn/v1080.mp4", p1080, "video/mp4");
        ObjectNode video = file(post("70", "mona"), "VIDEO", url("/cdn/v1080.mp4"), "video/mp4")
                .put("width", 1920).put("height", 1080);
        ArrayNode variants = video.putArray("variants");
        variants.addObject().put("url", url("/cdn/v720.mp4")).put("width", 1280).put("height", 720);
        variants.addObject().put("url", url("/cdn/v360.mp4")).put("width", 640).put("height", 360);

        export(MediaOptions.builder(media()).quality(Quality.parse("720p")).build());

        assertThat(media().resolve("mediatest/mona/mona_20251012_141523_70.mp4")).hasBinaryContent(p720);
        server.verify(0, getRequestedFor(urlPathEqualTo("/cdn/v1080.mp4")));
    }

    @Test
    void reportsMediaProgressWithBytesSpeedAndEta() {
        byte[] image = jpeg(5_000, 50);
        byte[] video = mp4(120_000, 51);
        serve("/cdn/pi.jpg", image, "image/jpeg");
        serve("/cdn/pv.mp4", video, "video/mp4");
        ObjectNode post = post("80", "nora");
        file(post, "IMAGE", url("/cdn/pi.jpg"), "image/jpeg");
        file(post, "VIDEO", url("/cdn/pv.mp4"), "video/mp4");
        List<MediaProgress> seen = new ArrayList<>();
        ExportListener listener = new ExportListener() {
            @Override
            public void onMediaProgress(ExportEvent.MediaProgressMade event) {
                seen.add(event.progress());
            }
        };

        export(MediaOptions.of(media()), FAST, listener);

        assertThat(seen).isNotEmpty();
        MediaProgress last = seen.get(seen.size() - 1);
        assertThat(last.files()).isEqualTo(2);
        assertThat(last.finished()).isEqualTo(2);
        assertThat(last.bytes()).isEqualTo(image.length + video.length);
        assertThat(last.totalBytes()).hasValue(image.length + video.length);
        assertThat(last.bytesPerSecond()).isPositive();
        assertThat(last.eta()).hasValue(Duration.ZERO);
    }

    @Test
    void aCancelledExportKeepsItsRecordsAndTheNextRunFinishesItsPendingFiles() throws IOException {
        byte[] video = mp4(50_000, 70);
        server.stubFor(get(urlPathEqualTo("/cdn/held.mp4")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withBody(video).withFixedDelay(5_000)));
        file(post("95", "pia"), "VIDEO", url("/cdn/held.mp4"), "video/mp4");
        servePosts();
        try (StarExport star = engine(FAST)) {
            var running = star.export(PROFILE).posts().to(dir.resolve("posts.jsonl")).downloadMedia(media()).start();
            Path manifestFile = media().resolve("manifest.jsonl");
            while (!Files.exists(manifestFile) || Files.size(manifestFile) == 0) {
                Thread.onSpinWait();
            }
            running.cancel();
            assertThatThrownBy(() -> running.result().join()).hasCauseInstanceOf(ExportException.class)
                    .cause().satisfies(e -> assertThat(((ExportException) e).code()).isEqualTo(ErrorCode.CANCELLED));
        }
        assertThat(Files.readAllLines(dir.resolve("posts.jsonl"))).hasSize(1);
        assertThat(manifest().get(url("/cdn/held.mp4")).get("status").asText()).isEqualTo("pending");

        posts.clear();
        serve("/cdn/held.mp4", video, "video/mp4");
        ExportResult next = export(MediaOptions.of(media()));

        assertThat(next.items()).isZero();
        assertThat(next.media().orElseThrow().downloaded()).isEqualTo(1);
        assertThat(media().resolve("mediatest/pia/pia_20251012_141523_95.mp4")).hasBinaryContent(video);
    }

    @Test
    void aResumedExportContinuesTheMediaDownloadsItsRequestAskedFor() {
        byte[] first = jpeg(4_000, 81);
        byte[] second = jpeg(4_500, 82);
        serve("/cdn/first.jpg", first, "image/jpeg");
        serve("/cdn/second.jpg", second, "image/jpeg");
        file(post("81", "rita"), "IMAGE", url("/cdn/first.jpg"), "image/jpeg");
        ObjectNode page1 = JSON.createObjectNode().put("next", "2");
        page1.putArray("posts").addAll(posts);
        posts.clear();
        file(post("82", "rita"), "IMAGE", url("/cdn/second.jpg"), "image/jpeg");
        ObjectNode page2 = JSON.createObjectNode();
        page2.putArray("posts").addAll(posts);
        server.stubFor(get(urlPathEqualTo("/v1/posts")).withQueryParam("cursor", absent())
                .willReturn(okJson(page1.toString())));
        server.stubFor(get(urlPathEqualTo("/v1/posts")).withQueryParam("cursor", equalTo("2"))
                .willReturn(serverError()));
        Path out = dir.resolve("posts.jsonl");
        // Retries on: the failure stops the download of 81 at any point, even with every byte in its .part
        // file, which the resume then fetches again after a 416.
        try (StarExport star = engine(FAST)) {
            assertThatThrownBy(() -> star.export(PROFILE).posts().to(out).downloadMedia(media()).run())
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.checkpoint()).isPresent());
        }

        server.stubFor(get(urlPathEqualTo("/v1/posts")).withQueryParam("cursor", equalTo("2"))
                .willReturn(okJson(page2.toString())));
        ExportResult resumed;
        try (StarExport star = engine(FAST)) {
            // The checkpoint's request carries the media options: the resume is not asked for them again.
            resumed = star.resume(io.starexport.api.Checkpoint.fileFor(out)).run();
        }
        assertThat(resumed.items()).isEqualTo(2);
        assertThat(resumed.media()).isPresent();
        assertThat(media().resolve("mediatest/rita/rita_20251012_141523_81.jpg")).hasBinaryContent(first);
        assertThat(media().resolve("mediatest/rita/rita_20251012_141523_82.jpg")).hasBinaryContent(second);
    }

    @Test
    void sandboxModeRefusesMediaDownloads() {
        try (StarExport star = StarExport.builder().platform(new MediaTestPlatform()).sandbox(true)
                .environment(Map.of()).build()) {
            assertThatThrownBy(() -> star.export("https://media.test.example/u/pia").media()
                    .to(dir.resolve("media.csv")).downloadMedia(media()).run())
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CONTENT);
                        assertThat(e.getMessage()).contains("sandbox");
                    });
        }
        assertThat(media()).doesNotExist();
    }

    @Test
    void twoExportsCannotShareAMediaFolderAtOnce() {
        serve("/cdn/slow.jpg", jpeg(100, 60), "image/jpeg");
        file(post("90", "omar"), "IMAGE", url("/cdn/slow.jpg"), "image/jpeg");
        servePosts();
        server.stubFor(get(urlPathEqualTo("/cdn/slow.jpg")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/jpeg").withBody(jpeg(100, 60)).withFixedDelay(1_500)));
        try (StarExport star = engine(FAST)) {
            var first = star.export(PROFILE).posts().to(dir.resolve("a.jsonl")).downloadMedia(media()).start();
            ExportException refused = org.junit.jupiter.api.Assertions.assertThrows(ExportException.class, () -> {
                // The first export holds the folder while its slow download runs.
                while (!Files.exists(media().resolve("manifest.jsonl"))) {
                    Thread.onSpinWait();
                }
                star.export(PROFILE).posts().to(dir.resolve("b.jsonl")).downloadMedia(media()).run();
            });
            assertThat(refused.code()).isEqualTo(ErrorCode.OUTPUT);
            assertThat(refused.getMessage()).contains("in use by another export");
            assertThat(first.result().join().media().orElseThrow().downloaded()).isEqualTo(1);
        }
    }
}
