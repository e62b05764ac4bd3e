package io.starexport.examples.hackernews;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportResult;
import io.starexport.api.Post;
import io.starexport.api.Target;
import io.starexport.examples.MarkdownFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Hacker News plugin against a WireMock HN Search API.
 *
 * <p>The fixtures in {@code src/test/resources/hackernews/items/} are <b>synthetic</b>: ids, names and
 * texts are made up. Their shape follows the HN Search API's documentation of
 * {@code GET /api/v1/items/:id} (https://hn.algolia.com/api: the item with its descendants nested in
 * {@code children}) and the fields clients type for it ({@code id}, {@code created_at},
 * {@code created_at_i}, {@code type}, {@code author}, {@code title}, {@code url}, {@code text},
 * {@code points}, {@code parent_id}, {@code story_id}, {@code options}, {@code children}; deleted and dead
 * comments with a null author and text), with the HTML subset Hacker News writes in {@code text}
 * ({@code <p>}, {@code <i>}, {@code <a rel="nofollow">} with shortened URL text, {@code <pre><code>},
 * entities such as {@code &#x27;} and {@code &#x2F;}). {@code 41000001.json} is a story whose thread holds
 * seven comments, two of them deleted; {@code 41000004.json} is the answer for one of its comments.
 */
class HackerNewsPlatformTest {
    static final String STORY = "https://news.ycombinator.com/item?id=41000001";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private static StarExport engine() {
        return StarExport.builder().discovery(false).platform(new HackerNewsPlatform()).format(new MarkdownFormat())
                .endpoint("hackernews", "api", server.baseUrl())
                .environment(Map.of())
                .build();
    }

    private static String fixture(String name) {
        try (InputStream in = HackerNewsPlatformTest.class.getResourceAsStream("/hackernews/items/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(String id) {
        server.stubFor(get(urlPathEqualTo("/api/v1/items/" + id)).willReturn(okJson(fixture(id + ".json"))));
    }

    private static List<Comment> comments(String url, boolean replies) {
        try (StarExport star = engine(); Stream<Comment> comments = star.export(url).comments().replies(replies).stream()) {
            return comments.toList();
        }
    }

    private static ExportException failure(String url, Content content) {
        try (StarExport star = engine()) {
            return (ExportException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> star.export(url).content(content).stream().toList());
        }
    }

    @Test
    void resolvesItemContextAndApiLinksToTheCanonicalItemPage() {
        try (StarExport star = engine()) {
            assertThat(Stream.of("https://news.ycombinator.com/item?id=41000001",
                            "http://news.ycombinator.com/item?id=41000001&p=2#41000004",
                            "https://hn.algolia.com/api/v1/items/41000001")
                    .map(url -> star.detect(url).target()))
                    .allSatisfy(target -> assertThat(target)
                            .isEqualTo(Target.of("hackernews", Target.Kind.POST, "41000001", STORY)));
            assertThat(star.detect("https://news.ycombinator.com/context?id=41000004").target())
                    .isEqualTo(Target.of("hackernews", Target.Kind.COMMENT, "41000004",
                            "https://news.ycombinator.com/item?id=41000004"));
            assertThat(star.detect(STORY).contents()).containsExactlyInAnyOrder(Content.COMMENTS, Content.POSTS);
        }
    }

    @Test
    void itemLinksWithoutANumericIdAreInvalid() {
        try (StarExport star = engine()) {
            assertThat(Stream.of("https://news.ycombinator.com/item", "https://news.ycombinator.com/item?id=",
                    "https://news.ycombinator.com/item?id=abc", "https://news.ycombinator.com/item?id=-5",
                    "https://hn.algolia.com/api/v1/items/x1"))
                    .allSatisfy(url -> assertThatThrownBy(() -> star.detect(url))
                            .isInstanceOfSatisfying(ExportException.class, e -> {
                                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL);
                                assertThat(e.getMessage()).contains("news.ycombinator.com/item?id=");
                            }));
        }
    }

    @Test
    void otherHackerNewsPagesAreUnsupportedAndOtherHostsAreNotClaimed() {
        try (StarExport star = engine()) {
            assertThatThrownBy(() -> star.detect("https://news.ycombinator.com/user?id=pg"))
                    .isInstanceOfSatisfying(ExportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CONTENT));
            assertThatThrownBy(() -> star.detect("https://news.ycombinator.com.evil.example/item?id=1"))
                    .isInstanceOfSatisfying(ExportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_PLATFORM));
            assertThatThrownBy(() -> star.detect("https://notycombinator.com/item?id=1"))
                    .isInstanceOfSatisfying(ExportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_PLATFORM));
        }
    }

    @Test
    void flattensTheThreadInReadingOrderWithDepthsAndParentsInOneRequest() {
        serve("41000001");

        List<Comment> comments = comments(STORY, true);

        assertThat(comments).extracting(Comment::id, Comment::depth, c -> c.parentId().orElse(null), Comment::postId)
                .containsExactly(
                        tuple("41000002", 0, null, "41000001"),
                        tuple("41000004", 1, "41000002", "41000001"),
                        tuple("41000007", 2, "41000004", "41000001"),
                        tuple("41000008", 2, "41000005", "41000001"),
                        tuple("41000003", 0, null, "41000001"));
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/items/41000001")));
    }

    @Test
    void mapsAuthorsTimesLinksAndReplyCounts() {
        serve("41000001");

        Comment first = comments(STORY, true).get(0);

        assertThat(first.author()).hasValueSatisfying(author -> {
            assertThat(author.handle()).hasValue("lin");
            assertThat(author.url()).hasValue("https://news.ycombinator.com/user?id=lin");
        });
        assertThat(first.createdAt()).hasValue(Instant.parse("2024-11-05T09:10:00Z"));
        assertThat(first.url()).hasValue("https://news.ycombinator.com/item?id=41000002");
        assertThat(first.replyCount()).hasValue(2);
        assertThat(first.likeCount()).isEmpty();
        assertThat(first.extras().get("textHtml")).asString().startsWith("Plain files. I wrote about it here: <a href=");
    }

    @Test
    void turnsCommentHtmlIntoPlainText() {
        serve("41000001");

        assertThat(comments(STORY, true)).extracting(Comment::text).containsExactly(
                "Plain files. I wrote about it here: https://example.org/blog/2024/archiving-threads-with-plain-files",
                "> Plain files.\n\nWhich format? JSON & CSV both lose the tree.",
                "JSON keeps it:\n\n  {\"id\": 1,\n   \"children\": []}\n\nThe rest is grep.",
                "Replying to a comment that is gone now.",
                "This tool (https://example.net/tool) does it.");
    }

    @Test
    void leavesDeletedCommentsOutAndSaysHowManyTheThreadHeld() {
        serve("41000001");
        try (StarExport star = engine()) {
            ExportResult result = star.export(STORY).comments().replies(true).to(dir.resolve("thread.md")).run();

            assertThat(result.items()).isEqualTo(5);
            assertThat(result.reportedTotal()).hasValue(7);
            assertThat(result.skipped()).isZero();
            assertThat(result.completeness()).startsWith("5 comments exported of 7 reported by hackernews")
                    .contains("deleted");
        }
    }

    @Test
    void withoutRepliesExportsTopLevelCommentsOnly() {
        serve("41000001");

        assertThat(comments(STORY, false)).extracting(Comment::id, Comment::depth)
                .containsExactly(tuple("41000002", 0), tuple("41000003", 0));
    }

    @Test
    void aCommentLinkExportsThatCommentAndItsReplies() {
        serve("41000004");

        assertThat(comments("https://news.ycombinator.com/context?id=41000004", true))
                .extracting(Comment::id, Comment::depth, c -> c.parentId().orElse(null), Comment::postId)
                .containsExactly(tuple("41000004", 0, "41000002", "41000001"),
                        tuple("41000007", 1, "41000004", "41000001"));
    }

    /**
     * A <b>real</b> HN Search API answer, recorded in 2014: {@code hackernews/items/17.json} is the reply for
     * {@code /api/v1/items/17} in fraction/node-hacker-news-api @ a9d6887eefdae932ac18a32e70909f44e261f963 :
     * test/fixtures/fixtures.json (MIT, see LICENSE.node-hacker-news-api next to it). An older shape than
     * today's: no {@code options}, {@code title} or {@code url} keys, and the text wrapped in {@code <p>}.
     */
    @Test
    void readsARealRecordedItemOfTheOlderShape() {
        serve("17");

        List<Comment> comments = comments("https://news.ycombinator.com/item?id=17", true);

        assertThat(comments).extracting(Comment::id, Comment::depth, c -> c.parentId().orElse(null), Comment::postId,
                        c -> c.author().flatMap(a -> a.handle()).orElse(null), Comment::text)
                .containsExactly(
                        tuple("17", 0, "15", "1", "pg", "Is there anywhere to eat on Sandhill Road?"),
                        tuple("1079", 1, "17", "1", "dmon", "sure"),
                        tuple("454426", 1, "17", "1", "Arrington", "This is why we can't have nice things."));
        assertThat(comments.get(0).createdAt()).hasValue(Instant.parse("2006-10-09T19:52:45Z"));
        assertThat(comments).extracting(c -> c.likeCount().orElse(-1)).containsExactly(5L, 4L, 1L);
    }

    @Test
    void readsTheIdFromTheLinksPeoplePaste() {
        try (StarExport star = engine()) {
            assertThat(Stream.of("https://news.ycombinator.com/item?p=2&id=8863", "https://news.ycombinator.com/item?id=8863#8952",
                            "news.ycombinator.com/item?id=8863", "https://news.ycombinator.com/item?id=8863&goto=news")
                    .map(url -> star.detect(url).target().id())).containsOnly("8863");
            assertThatThrownBy(() -> star.detect("https://news.ycombinator.com/threads?id=pg"))
                    .isInstanceOfSatisfying(ExportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CONTENT));
        }
    }

    @Test
    void exportsTheStoryAsAPost() {
        serve("41000001");
        try (StarExport star = engine(); Stream<Post> posts = star.export(STORY).posts().stream()) {
            Post story = posts.findFirst().orElseThrow();

            assertThat(story.id()).isEqualTo("41000001");
            assertThat(story.title()).hasValue("Ask HN: How do you archive discussion threads?");
            assertThat(story.text()).hasValue("I'd like to keep the threads I care about.\n\nWhat do you use?");
            assertThat(story.likeCount()).hasValue(57);
            assertThat(story.commentCount()).hasValue(5);
            assertThat(story.createdAt()).hasValue(Instant.parse("2024-11-05T09:00:00Z"));
            assertThat(story.author().flatMap(a -> a.handle())).hasValue("pat");
            assertThat(story.extras()).containsEntry("type", "story").doesNotContainKey("link");
        }
    }

    @Test
    void aCommentIsNotAPost() {
        serve("41000004");

        ExportException e = failure("https://news.ycombinator.com/item?id=41000004", Content.POSTS);

        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CONTENT);
        assertThat(e.getMessage()).contains("is a comment").contains("https://news.ycombinator.com/item?id=41000001");
    }

    @Test
    void aMissingItemIsNotFound() {
        server.stubFor(get(urlPathEqualTo("/api/v1/items/41000099")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":404,\"error\":\"Not Found\"}")));

        ExportException e = failure("https://news.ycombinator.com/item?id=41000099", Content.COMMENTS);

        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.getMessage()).contains("no item 41000099");
    }

    @Test
    void aReshapedAnswerIsAPlatformChange() {
        Map<String, String> bodies = Map.of(
                "41000101", "{\"hits\":[],\"nbHits\":0}",
                "41000102", "{\"id\":41000102,\"by\":\"pat\",\"kids\":[41000103],\"type\":\"story\"}",
                "41000104", "<html><body>Service moved</body></html>");
        bodies.forEach((id, body) -> server.stubFor(get(urlPathEqualTo("/api/v1/items/" + id))
                .willReturn(aResponse().withStatus(200).withBody(body))));

        assertThat(failure("https://news.ycombinator.com/item?id=41000101", Content.COMMENTS))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED))
                .hasMessageContaining("'id'");
        assertThat(failure("https://news.ycombinator.com/item?id=41000102", Content.COMMENTS))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED))
                .hasMessageContaining("'children'");
        assertThat(failure("https://news.ycombinator.com/item?id=41000104", Content.COMMENTS))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED))
                .hasMessageContaining("not JSON");
    }

    @Test
    void aCommentWithoutAnIdIsSkippedWithItsPath() {
        String body = fixture("41000001.json").replace("\"id\": 41000003,", "");
        server.stubFor(get(urlPathEqualTo("/api/v1/items/41000001")).willReturn(okJson(body)));
        try (StarExport star = engine()) {
            ExportResult result = star.export(STORY).comments().replies(true).to(dir.resolve("thread.md")).run();

            assertThat(result.items()).isEqualTo(4);
            assertThat(result.skippedSamples()).extracting(s -> s.path()).containsExactly("$.children[1].id");
        }
    }

    @Test
    void aLimitKeepsTheFirstCommentsInThreadOrder() {
        serve("41000001");
        try (StarExport star = engine();
             Stream<Comment> comments = star.export(STORY).comments().replies(true).limit(3).stream()) {
            assertThat(comments.map(Comment::id)).containsExactly("41000002", "41000004", "41000007");
        }
        try (StarExport star = engine()) {
            ExportResult result = star.export(STORY).comments().replies(true).limit(3)
                    .to(dir.resolve("limited.md")).run();
            assertThat(result.stopReason()).isEqualTo(ExportResult.StopReason.LIMIT);
        }
    }

    @Test
    void sinceLeavesOutOlderComments() {
        serve("41000001");
        try (StarExport star = engine(); Stream<Comment> comments = star.export(STORY).comments().replies(true)
                .since(Instant.parse("2024-11-05T09:25:00Z")).stream()) {
            assertThat(comments.map(Comment::id)).containsExactly("41000004", "41000007", "41000008");
        }
    }
}
