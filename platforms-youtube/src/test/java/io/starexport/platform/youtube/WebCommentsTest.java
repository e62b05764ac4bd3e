package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportResult;
import io.starexport.api.Sort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.platform.youtube.YouTubeTests.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keyless comments (entity shape), end to end through the engine against the recorded InnerTube flow of
 * TeamNewPipe/NewPipeExtractor @ HEAD of 2026-07 :
 * {@code extractor/src/test/resources/mocks/v1/.../youtubecommentsextractor/{pinned,replies}/generated_mock_{2,3,4}.json}
 * (unwrapped; {@code youtube/innertube/SOURCE.md}). WireMock answers {@code POST /youtubei/v1/next} by the
 * body's {@code videoId} or {@code continuation}, the way the recordings were made.
 */
class WebCommentsTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant NOW = Instant.parse("2026-01-24T12:00:00Z");

    @TempDir
    Path dir;

    static StarExport.Builder engine(RetryPolicy retries) {
        return YouTubeTests.engine(server, new YouTubePlatform(), null, retries).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static StarExport engine() {
        return engine(RetryPolicy.ofDefaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20))).build();
    }

    static JsonNode json(String path) {
        try {
            return YouTubeTests.JSON.readTree(resource(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String continuationOf(String request) {
        return json(request).path("continuation").asText();
    }

    static MappingBuilder next() {
        return post(urlPathEqualTo("/youtubei/v1/next"));
    }

    /** The recorded flow of one case: the video call and every recorded continuation. */
    static void stubRecorded(String scenario, String... pages) {
        server.stubFor(next().withRequestBody(matchingJsonPath("$.videoId"))
                .willReturn(okJson(resource("innertube/" + scenario + "/02-next.response.json"))));
        for (String page : pages) {
            server.stubFor(next().withRequestBody(matchingJsonPath("$.continuation",
                            equalTo(continuationOf("innertube/" + scenario + "/" + page + "-next.request.json"))))
                    .willReturn(okJson(resource("innertube/" + scenario + "/" + page + "-next.response.json"))));
        }
    }

    @Test
    void exportsTheRecordedThreadsAndARepliesPage() {
        stubRecorded("replies", "03", "04");
        List<Comment> comments;
        ExportResult result;
        try (StarExport star = engine()) {
            comments = star.export("https://www.youtube.com/watch?v=xaQJbozY_Is").comments().replies(true).limit(30)
                    .stream().toList();
            result = star.export("https://www.youtube.com/watch?v=xaQJbozY_Is").comments().replies(true).limit(30)
                    .to(dir.resolve("c.jsonl")).run();
        }
        assertThat(comments).hasSize(30);
        assertThat(comments.subList(0, 20)).allSatisfy(c -> assertThat(c.depth()).isZero());
        assertThat(result.reportedTotal()).hasValue(21_051);

        Comment pinned = comments.get(0);
        assertThat(pinned.id()).isEqualTo("UgwSOM0QHBLysE3vZE54AaABAg");
        assertThat(pinned.postId()).isEqualTo("xaQJbozY_Is");
        assertThat(pinned.text()).startsWith("The 12,022 Calendar is sold out");
        assertThat(pinned.pinned()).isTrue();
        assertThat(pinned.edited()).isTrue();
        assertThat(pinned.likeCount()).hasValue(9_800);
        assertThat(pinned.replyCount()).hasValue(327);
        assertThat(pinned.createdAtApproximate()).isTrue();
        assertThat(pinned.createdAt()).hasValue(NOW.minus(Duration.ofDays(4 * 365)));
        assertThat(pinned.url()).hasValue("https://www.youtube.com/watch?v=xaQJbozY_Is&lc=UgwSOM0QHBLysE3vZE54AaABAg");
        assertThat(pinned.extras()).containsEntry("like_count_text", "9.8k").containsEntry("like_count_approximate", true)
                .containsEntry("published_time_text", "4 years ago (edited)")
                .containsEntry("author_is_channel_owner", true).containsEntry("hearted_by_creator", false);
        assertThat(pinned.author().orElseThrow().id()).hasValue("UCsXVk37bltHxD1rDPwtNM8Q");
        assertThat(pinned.author().orElseThrow().handle()).hasValue("kurzgesagt");
        assertThat(pinned.author().orElseThrow().displayName()).hasValue("@kurzgesagt");
        assertThat(pinned.author().orElseThrow().url()).hasValue("https://www.youtube.com/@kurzgesagt");
        assertThat(pinned.author().orElseThrow().verified()).isTrue();

        Comment second = comments.get(1);
        assertThat(second.id()).isEqualTo("UgxNNFhhw8l9vjj9zsx4AaABAg");
        assertThat(second.pinned()).isFalse();
        assertThat(second.likeCount()).hasValue(22_000);
        assertThat(comments.get(4).likeCount()).hasValue(200);
        assertThat(comments.get(4).extras()).doesNotContainKey("like_count_approximate");
        assertThat(comments.get(4).createdAt()).hasValue(NOW.minus(Duration.ofDays(2 * 365)));
        assertThat(comments.get(12).replyCount()).hasValue(0);
        assertThat(comments.get(16).createdAt()).hasValue(NOW.minus(Duration.ofDays(11 * 30)));

        Comment reply = comments.get(20);
        assertThat(reply.id()).isEqualTo("UgwSOM0QHBLysE3vZE54AaABAg.9TOrAAD78Z59TP5tOBhBXP");
        assertThat(reply.parentId()).hasValue("UgwSOM0QHBLysE3vZE54AaABAg");
        assertThat(reply.depth()).isEqualTo(1);
        assertThat(reply.likeCount()).hasValue(52);
        assertThat(reply.replyCount()).isEmpty();
        assertThat(comments.get(21).edited()).isTrue();
        assertThat(comments.subList(20, 30)).allSatisfy(c -> assertThat(c.parentId()).hasValue(pinned.id()));

        server.verify(postRequestedFor(urlPathEqualTo("/youtubei/v1/next"))
                .withHeader("X-YouTube-Client-Name", equalTo("1"))
                .withHeader("X-YouTube-Client-Version", equalTo("2.20260123.01.00"))
                .withHeader("User-Agent", containing("Firefox"))
                .withHeader("Cookie", equalTo("SOCS=CAE="))
                .withQueryParam("key", absent())
                .withRequestBody(matchingJsonPath("$.context.client.clientName", equalTo("WEB")))
                .withRequestBody(matchingJsonPath("$.context.client.hl", equalTo("en"))));
    }

    @Test
    void exportsTheRecordedPinnedCaseWithHeartsAndEdits() {
        stubRecorded("pinned", "03");
        List<Comment> comments;
        try (StarExport star = engine()) {
            comments = star.export("https://youtu.be/bjFtFMilb34").comments().limit(20).stream().toList();
        }
        assertThat(comments).hasSize(20);
        Comment pinned = comments.get(0);
        assertThat(pinned.id()).isEqualTo("Ugyh_hTLZVme65Jqc954AaABAg");
        assertThat(pinned.pinned()).isTrue();
        assertThat(pinned.author().orElseThrow().handle()).hasValue("lemondefr");
        assertThat(pinned.likeCount()).hasValue(67);
        assertThat(pinned.replyCount()).hasValue(76);
        assertThat(pinned.text()).startsWith("Pour retrouver");
        assertThat(comments).filteredOn(c -> Boolean.TRUE.equals(c.extras().get("hearted_by_creator")))
                .extracting(Comment::id).containsExactly("UgxMWTwv5iloqe1IROF4AaABAg", "Ugx0_FUGtRVD_1XBJUx4AaABAg");
        assertThat(comments).filteredOn(Comment::edited).extracting(Comment::id)
                .containsExactly("UgyyqK-AAMDiqHVFpmh4AaABAg", "Ugx0_FUGtRVD_1XBJUx4AaABAg");
        assertThat(comments).filteredOn(Comment::pinned).hasSize(1);
        assertThat(comments.get(1).text()).startsWith("0:21 \"contre LE covid 19\"\nLe d");
    }

    @Test
    void everyRecordedPageParsesCompletely() {
        for (String page : new String[]{"pinned/03", "replies/03"}) {
            WebCommentParser.Result result = WebCommentParser.parse(json("innertube/" + page + "-next.response.json"),
                    "v", null, NOW, true);
            assertThat(result.comments()).as(page).hasSize(20);
            assertThat(result.skipped()).as(page).isEmpty();
            assertThat(result.next()).as(page).isNotBlank();
            assertThat(result.newestToken()).as(page).isNotBlank();
            assertThat(result.comments()).as(page).allSatisfy(c -> {
                assertThat(c.author().orElseThrow().id()).isPresent();
                assertThat(c.createdAt()).isPresent();
                assertThat(c.likeCount()).isPresent();
            });
        }
        WebCommentParser.Result replies = WebCommentParser.parse(json("innertube/replies/04-next.response.json"),
                "xaQJbozY_Is", "UgwSOM0QHBLysE3vZE54AaABAg", NOW, true);
        assertThat(replies.comments()).hasSize(10).allSatisfy(c -> assertThat(c.depth()).isEqualTo(1));
        assertThat(replies.next()).isNotBlank();
        // 18 of the 20 threads on the recorded first page have replies to fetch (two have none).
        assertThat(WebCommentParser.parse(json("innertube/replies/03-next.response.json"), "v", null, NOW, true)
                .pendingReplies()).hasSize(18);
        for (String scenario : new String[]{"pinned", "replies"}) {
            JsonNode watch = json("innertube/" + scenario + "/02-next.response.json");
            assertThat(WebComments.firstToken(watch, "v")).isEqualTo(continuationOf("innertube/" + scenario + "/03-next.request.json"));
            assertThat(WebComments.newestToken(watch)).isNotBlank();
        }
    }

    @Test
    void newestSortUsesTheCommentsPanelsSortMenu() {
        String newest = WebComments.newestToken(json("innertube/pinned/02-next.response.json"));
        server.stubFor(next().withRequestBody(matchingJsonPath("$.videoId"))
                .willReturn(okJson(resource("innertube/pinned/02-next.response.json"))));
        server.stubFor(next().withRequestBody(matchingJsonPath("$.continuation", equalTo(newest)))
                .willReturn(okJson(resource("innertube/pinned/03-next.response.json"))));
        try (StarExport star = engine()) {
            assertThat(star.export("https://youtu.be/bjFtFMilb34").comments().sort(Sort.NEWEST).limit(20).stream().count())
                    .isEqualTo(20);
        }
        server.verify(postRequestedFor(urlPathEqualTo("/youtubei/v1/next"))
                .withRequestBody(matchingJsonPath("$.continuation", equalTo(newest))));
    }

    @Test
    void resumesAtTheRepliesPageWithoutDuplicates() throws Exception {
        stubRecorded("replies", "03");
        String repliesToken = continuationOf("innertube/replies/04-next.request.json");
        server.stubFor(next().withRequestBody(matchingJsonPath("$.continuation", equalTo(repliesToken)))
                .willReturn(serverError()));
        Path out = dir.resolve("comments.jsonl");
        try (StarExport star = engine(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> star.export("https://youtu.be/xaQJbozY_Is").comments().replies(true).limit(30)
                    .to(out).run()).isInstanceOfSatisfying(ExportException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK));
        }
        server.stubFor(next().withRequestBody(matchingJsonPath("$.continuation", equalTo(repliesToken)))
                .willReturn(okJson(resource("innertube/replies/04-next.response.json"))));
        try (StarExport star = engine()) {
            assertThat(star.resume(dir.resolve("comments.jsonl.checkpoint.json")).run().items()).isEqualTo(30);
        }
        List<String> ids = Files.readAllLines(out).stream()
                .map(line -> line.replaceAll("^\\{\"platform\":\"youtube\",\"id\":\"([^\"]+)\".*", "$1")).toList();
        assertThat(ids).hasSize(30).doesNotHaveDuplicates();
        assertThat(ids.get(20)).isEqualTo("UgwSOM0QHBLysE3vZE54AaABAg.9TOrAAD78Z59TP5tOBhBXP");
    }

    @Test
    void channelsAndPlaylistsNeedAnApiKeyInKeylessMode() {
        try (StarExport star = engine()) {
            assertThatThrownBy(() -> star.export("https://www.youtube.com/@kurzgesagt").posts().stream().count())
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CONTENT);
                        assertThat(e.getMessage()).contains("api_key");
                    });
        }
    }
}
