package io.starexport.platform.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole tree of a thread that Reddit cuts into {@code more} stubs and "continue this thread" links,
 * against {@link FakeReddit} (synthetic, shaped after the recordings; see its javadoc), through the real
 * engine, with OAuth and with the public JSON endpoints.
 */
class CommentTreeTest {
    private static final String URL = "https://www.reddit.com/r/test/comments/" + FakeReddit.LINK + "/a_synthetic_thread/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeReddit thread = new FakeReddit();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(new Delegate())).build();

    /** Lets each test use a fresh thread model behind the one registered extension. */
    static final class Delegate implements com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2 {
        @Override
        public com.github.tomakehurst.wiremock.http.ResponseDefinition transform(
                com.github.tomakehurst.wiremock.stubbing.ServeEvent serveEvent) {
            return thread.transform(serveEvent);
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return FakeReddit.NAME;
        }
    }

    @BeforeEach
    void stubs() {
        thread = new FakeReddit();
        // The token answer recorded in TestMore.test_comments.json (client credentials).
        server.stubFor(post(urlPathEqualTo("/api/v1/access_token"))
                .willReturn(Cassette.load("TestMore.test_comments.json").response(0)));
        server.stubFor(any(urlPathMatching("/comments/.*|/api/morechildren.*"))
                .willReturn(aResponse().withTransformers(FakeReddit.NAME)));
    }

    private StarExport engine(RedditPlatform.Access access) {
        StarExport.Builder builder = Reddit.engine(server, RedditPlatform.builder().access(access).build());
        if (access == RedditPlatform.Access.OAUTH) {
            builder.credential("reddit", "client_id", "test-client-id").credential("reddit", "client_secret", "s3cret");
        }
        return builder.build();
    }

    private static List<Comment> export(StarExport star, String url, boolean replies) {
        try (Stream<Comment> comments = star.export(url).comments().replies(replies).stream()) {
            return comments.toList();
        }
    }

    /** Every comment of the model exported once, with its true parent and depth. */
    private static void assertWholeThread(List<Comment> comments) {
        assertThat(comments).extracting(Comment::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(thread.byId.keySet())
                .doesNotContain(FakeReddit.VANISHED);
        for (Comment comment : comments) {
            FakeReddit.Node node = thread.byId.get(comment.id());
            assertThat(comment.parentId()).as("parent of %s", comment.id())
                    .isEqualTo(node.parent().startsWith("t1_") ? java.util.Optional.of(node.parent().substring(3))
                            : java.util.Optional.empty());
            assertThat(comment.depth()).as("depth of %s", comment.id()).isEqualTo(node.depth());
            assertThat(comment.postId()).isEqualTo(FakeReddit.LINK);
        }
    }

    private static List<LoggedRequest> moreChildrenRequests() {
        return server.findAll(anyRequestedFor(urlPathMatching("/api/morechildren.*")));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new HashMap<>();
        for (String pair : encoded.split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    @ParameterizedTest
    @EnumSource(value = RedditPlatform.Access.class, names = {"OAUTH", "PUBLIC"})
    void exportsEveryCommentOnceWithItsParentAndDepth(RedditPlatform.Access access) {
        try (StarExport star = engine(access)) {
            assertWholeThread(export(star, URL, true));
        }
        List<LoggedRequest> more = moreChildrenRequests();
        assertThat(more).hasSizeGreaterThanOrEqualTo(3);
        for (LoggedRequest request : more) {
            Map<String, String> parameters = access == RedditPlatform.Access.OAUTH
                    ? form(request.getBodyAsString()) : form(request.getUrl().substring(request.getUrl().indexOf('?') + 1));
            assertThat(request.getMethod().getName()).isEqualTo(access == RedditPlatform.Access.OAUTH ? "POST" : "GET");
            assertThat(parameters).containsEntry("api_type", "json").containsEntry("link_id", "t3_" + FakeReddit.LINK)
                    .containsEntry("sort", "confidence");
            assertThat(parameters.get("children").split(",")).hasSizeBetween(1, 100);
        }
        // The 26-deep chain needs two "continue this thread" fetches through its comments' own pages.
        List<String> continued = server.findAll(anyRequestedFor(urlPathMatching("/comments/" + FakeReddit.LINK + "/_/.*")))
                .stream().map(LoggedRequest::getUrl).toList();
        assertThat(continued).hasSize(2);
        if (access == RedditPlatform.Access.PUBLIC) {
            assertThat(continued).allMatch(url -> url.contains(".json"));
            assertThat(server.findAll(anyRequestedFor(urlPathEqualTo("/api/v1/access_token")))).isEmpty();
        }
    }

    /** Reddit now and then answers a "continue this thread" request with an empty body or {@code null}: asked again. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "null"})
    void aBlankContinueThisThreadAnswerIsAskedAgainNotSkipped(String body) {
        thread.blankContinuations(body, 1);
        try (StarExport star = engine(RedditPlatform.Access.OAUTH)) {
            assertWholeThread(export(star, URL, true));
        }
        assertThat(server.findAll(anyRequestedFor(urlPathMatching("/comments/" + FakeReddit.LINK + "/_/.*")))).hasSize(3);
    }

    @Test
    void aContinueThisThreadAnswerThatStaysBlankFailsWithACheckpointInsteadOfLosingTheSubtree(@TempDir Path dir) {
        thread.blankContinuations("", Integer.MAX_VALUE);
        Path file = dir.resolve("thread.jsonl");
        try (StarExport star = engine(RedditPlatform.Access.OAUTH)) {
            assertThatThrownBy(() -> star.export(URL).comments().replies(true).to(file).run())
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                        assertThat(e.code().isTransient()).isTrue();
                        assertThat(e.getMessage()).contains("continue this thread");
                        assertThat(e.checkpoint()).isPresent();
                    });
        }
    }

    @Test
    void rebuildsDepthWhenMoreChildrenAnswersLackIt() {
        thread.withoutDepth();
        try (StarExport star = engine(RedditPlatform.Access.OAUTH)) {
            assertWholeThread(export(star, URL, true));
        }
    }

    /**
     * Synthetic: morechildren things in reverse order (replies before their parents, nested {@code more}
     * stubs before the comments they hang under), with and without {@code depth}; the tree is rebuilt from
     * {@code parent_id}, as PRAW's {@code CommentForest} does, not from the order of the answer.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void rebuildsTheTreeWhenMoreChildrenAnswersOutOfTreeOrder(boolean withDepth) {
        thread.outOfTreeOrder();
        if (!withDepth) {
            thread.withoutDepth();
        }
        List<Comment> comments;
        try (StarExport star = engine(RedditPlatform.Access.OAUTH)) {
            comments = export(star, URL, true);
        }
        assertWholeThread(comments);
        List<String> order = comments.stream().map(Comment::id).toList();
        assertThat(comments).allSatisfy(c -> c.parentId().ifPresent(parent -> assertThat(order.indexOf(parent))
                .as("%s after its parent %s", c.id(), parent).isLessThan(order.indexOf(c.id()))));
    }

    /**
     * A {@code more} stub with {@code count: 0} that still lists children ids is expanded through morechildren
     * like any other; only a stub without children (id {@code _}) is a "continue this thread" link. Synthetic,
     * as {@link FakeReddit}.
     */
    @Test
    void aMoreStubCountingZeroButListingChildrenIsExpanded() {
        thread.zeroCounts();
        try (StarExport star = engine(RedditPlatform.Access.PUBLIC)) {
            assertWholeThread(export(star, URL, true));
        }
    }

    @Test
    void outOfOrderRepliesStayOutOfAnExportWithoutReplies() {
        thread.outOfTreeOrder();
        thread.withoutDepth();
        try (StarExport star = engine(RedditPlatform.Access.OAUTH)) {
            assertThat(export(star, URL, false)).extracting(Comment::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(thread.top.stream().map(FakeReddit.Node::id).toList());
        }
    }

    @Test
    void aCommentSubtreeKeepsItsRelativeDepthsWhenMoreChildrenAnswersOutOfTreeOrder() {
        thread.outOfTreeOrder();
        FakeReddit.Node chain = thread.top.get(0).children().get(0);
        FakeReddit.Node root = thread.byId.values().stream().filter(n -> n.depth() == 1 && n != chain)
                .max(java.util.Comparator.comparingInt(FakeReddit.Node::size)).orElseThrow();
        try (StarExport star = engine(RedditPlatform.Access.OAUTH)) {
            List<Comment> comments = export(star, URL + root.id() + "/", true);
            assertThat(comments).hasSize(root.size());
            assertThat(comments).allSatisfy(c -> assertThat(c.depth()).as("depth of %s", c.id())
                    .isEqualTo(thread.byId.get(c.id()).depth() - root.depth()));
        }
    }

    @Test
    void flagsDeletedAndRemovedCommentsAndKeepsThem() {
        try (StarExport star = engine(RedditPlatform.Access.PUBLIC)) {
            Map<String, Comment> byId = export(star, URL, true).stream()
                    .collect(Collectors.toMap(Comment::id, c -> c));
            Comment deleted = byId.get("k" + Integer.toString(100003, 36));
            assertThat(deleted.extras()).containsEntry("deleted", true);
            assertThat(deleted.author()).isEmpty();
            assertThat(deleted.text()).isEqualTo("[deleted]");
            assertThat(byId.get("k" + Integer.toString(100004, 36)).extras()).containsEntry("removed", true);
        }
    }

    @Test
    void withoutRepliesExportsTopLevelCommentsOnly() {
        try (StarExport star = engine(RedditPlatform.Access.OAUTH)) {
            List<Comment> comments = export(star, URL, false);
            assertThat(comments).extracting(Comment::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(thread.top.stream().map(FakeReddit.Node::id).toList());
            assertThat(comments).allSatisfy(c -> assertThat(c.depth()).isZero());
        }
        assertThat(server.findAll(anyRequestedFor(urlPathEqualTo("/comments/" + FakeReddit.LINK))).get(0).getUrl())
                .contains("depth=1");
        assertThat(server.findAll(anyRequestedFor(urlPathMatching("/comments/" + FakeReddit.LINK + "/_/.*")))).isEmpty();
    }

    /** Reddit's {@code num_comments} counts replies too: without replies it is no total of what was asked for. */
    @Test
    void withoutRepliesTheResultDoesNotBlameThePlatformForTheRepliesLeftOut(@TempDir Path dir) {
        ExportResult result;
        try (StarExport star = engine(RedditPlatform.Access.OAUTH)) {
            result = star.export(URL).comments().to(dir.resolve("top.jsonl")).run();
        }
        assertThat(result.items()).isEqualTo(thread.top.size());
        assertThat(result.reportedTotal()).isEmpty();
        assertThat(result.completeness()).doesNotContain("deleted, hidden or filtered");
    }

    @Test
    void aCommentUrlExportsThatCommentsSubtreeCountingDepthFromIt() {
        FakeReddit.Node root = thread.top.get(0).children().get(0);
        Set<String> subtree = new HashSet<>();
        List<FakeReddit.Node> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            FakeReddit.Node node = todo.remove(0);
            subtree.add(node.id());
            todo.addAll(node.children());
        }
        try (StarExport star = engine(RedditPlatform.Access.OAUTH)) {
            List<Comment> comments = export(star, URL + root.id() + "/?context=3", true);
            assertThat(comments).extracting(Comment::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subtree);
            assertThat(comments.get(0).id()).isEqualTo(root.id());
            assertThat(comments.get(0).depth()).isZero();
            assertThat(comments.get(0).parentId()).contains(thread.top.get(0).id());
            assertThat(comments).allSatisfy(c -> assertThat(c.depth())
                    .isEqualTo(thread.byId.get(c.id()).depth() - root.depth()));
        }
    }

    @Test
    void resumesFromACheckpointWithoutLosingOrRepeatingAComment(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("thread.jsonl");
        thread.failFrom(3);
        try (StarExport star = engine(RedditPlatform.Access.OAUTH)) {
            assertThatThrownBy(() -> star.export(URL).comments().replies(true).to(file).run())
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                        assertThat(e.checkpoint()).isPresent();
                    });
        }
        Path checkpoint = dir.resolve("thread.jsonl.checkpoint.json");
        assertThat(checkpoint).exists();
        assertThat(Files.readString(checkpoint)).doesNotContain("s3cret").doesNotContain("test-client-id");
        thread.heal();
        ExportResult result;
        try (StarExport star = engine(RedditPlatform.Access.OAUTH)) {
            result = star.resume(checkpoint).run();
        }
        assertThat(result.reportedTotal()).hasValue(thread.byId.size() + 1);
        List<Comment> written = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode item = JSON.readTree(line);
            written.add(Comment.builder().platform("reddit").id(item.get("id").asText()).postId(FakeReddit.LINK)
                    .text("").parentId(item.path("parentId").isTextual() ? item.get("parentId").asText() : null)
                    .depth(item.get("depth").asInt()).build());
        }
        assertWholeThread(written);
    }
}
