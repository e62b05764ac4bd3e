package io.starexport.platform.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.ExportResult;
import io.starexport.api.Media;
import io.starexport.api.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shared recording parsed through the module, by the real engine against WireMock. The bodies are
 * PRAW/prawcore cassettes (praw-dev/praw @ 7b69758 and praw-dev/prawcore @ 06e4730 :
 * {@code tests/integration/cassettes/}, BSD-2-Clause, {@code src/test/resources/reddit/LICENSE.praw}); each
 * test names the file and interaction it serves. The error recordings are in {@link ErrorsTest}.
 */
class RecordingsTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static void token(String cassette) {
        server.stubFor(post(urlPathEqualTo("/api/v1/access_token")).willReturn(Cassette.load(cassette).response(0)));
    }

    private static <T> List<T> stream(StarExport star, Function<StarExport, Stream<T>> export) {
        try (Stream<T> items = export.apply(star)) {
            return items.toList();
        }
    }

    /**
     * {@code TestSubmission.test_hide_multiple_in_batches.json}: a password-grant token (interaction 0) and
     * {@code GET /r/popular/hot?limit=100} of 2026-04-13 (interaction 1): 100 posts, 14 galleries, 24 Reddit
     * videos, 50 images, with rate-limit headers.
     */
    @Test
    void popularHotListingOf2026ParsesEveryPostAndItsMedia() {
        Cassette cassette = Cassette.load("TestSubmission.test_hide_multiple_in_batches.json");
        token("TestSubmission.test_hide_multiple_in_batches.json");
        server.stubFor(get(urlPathEqualTo("/r/popular/hot")).withQueryParam("raw_json", equalTo("1"))
                .withQueryParam("limit", equalTo("100")).willReturn(cassette.response(1)));
        List<Post> posts;
        try (StarExport star = Reddit.engine(server).credential("reddit", "client_id", "script-id")
                .credential("reddit", "client_secret", "script-secret").credential("reddit", "username", "someone")
                .credential("reddit", "password", "hunter2").build()) {
            posts = stream(star, s -> s.export("https://www.reddit.com/r/popular/").posts().limit(100).stream());
        }
        assertThat(posts).hasSize(100).extracting(Post::id).doesNotHaveDuplicates();
        assertThat(posts.stream().filter(p -> !p.media().isEmpty() && p.media().get(0).type() == Media.Type.VIDEO))
                .hasSize(24);
        Map<String, Post> byId = posts.stream().collect(Collectors.toMap(Post::id, p -> p));

        Post gallery = byId.get("1skh6dk");
        assertThat(gallery.title()).hasValue("Ramattra x Diablo 4 collab skin");
        assertThat(gallery.author().orElseThrow().handle()).hasValue("doubleoeck1234");
        assertThat(gallery.author().orElseThrow().id()).hasValue("t2_3yj8lxpo");
        assertThat(gallery.likeCount()).isEqualTo(OptionalLong.of(2595));
        assertThat(gallery.commentCount()).isEqualTo(OptionalLong.of(202));
        assertThat(gallery.createdAt()).hasValue(Instant.ofEpochSecond(1776100175));
        assertThat(gallery.extras()).containsEntry("upvote_ratio", 0.98).containsEntry("flair", "News & Discussion")
                .containsEntry("nsfw", false).containsEntry("spoiler", false);
        assertThat(gallery.media()).hasSize(2);
        Media first = gallery.media().get(0);
        assertThat(first.type()).isEqualTo(Media.Type.IMAGE);
        assertThat(first.url()).isEqualTo("https://preview.redd.it/l4qy0l5ppzug1.jpg?width=2160&format=pjpg&auto=webp"
                + "&s=8df739b461e1b9a8453a801ad1ea97a47d1e8dbf");
        assertThat(first.width()).isEqualTo(OptionalInt.of(2160));
        assertThat(first.mimeType()).hasValue("image/jpg");
        assertThat(first.variants()).hasSize(6);
        assertThat(gallery.media().get(1).width()).isEqualTo(OptionalInt.of(1234));
        assertThat(gallery.media().get(1).height()).isEqualTo(OptionalInt.of(735));

        Media video = byId.get("1skl1i1").media().get(0);
        assertThat(video.url()).isEqualTo("https://v.redd.it/dqm10oy4d0vg1/CMAF_1080.mp4?source=fallback");
        assertThat(video.width()).isEqualTo(OptionalInt.of(1080));
        assertThat(video.height()).isEqualTo(OptionalInt.of(1920));
        assertThat(video.duration()).hasValue(Duration.ofSeconds(147));
        assertThat(video.variants()).extracting(Media.Variant::mimeType)
                .containsExactly(Optional.of("application/vnd.apple.mpegurl"), Optional.of("application/dash+xml"));

        Media image = byId.get("1skii2f").media().get(0);
        assertThat(image.url()).isEqualTo("https://i.redd.it/rrinwcmrxzug1.jpeg");
        assertThat(image.width()).isEqualTo(OptionalInt.of(3024));
        assertThat(image.height()).isEqualTo(OptionalInt.of(4032));
        assertThat(image.variants()).hasSize(7);
        assertThat(image.variants().get(0)).isEqualTo(Media.Variant.of("https://preview.redd.it/rrinwcmrxzug1.jpeg"
                + "?width=108&crop=smart&auto=webp&s=6947bf6b90805f27700950b431daced0174184ed", 108, 144));

        assertThat(byId.get("1sk894v").text().orElseThrow()).startsWith("This is ridiculous the movie m");
        assertThat(byId.get("1sk894v").media()).isEmpty();

        LoggedRequest tokenRequest = server.findAll(postRequestedFor(urlPathEqualTo("/api/v1/access_token"))).get(0);
        assertThat(tokenRequest.getBodyAsString()).contains("grant_type=password", "username=someone", "password=hunter2");
        assertThat(tokenRequest.getHeader("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("script-id:script-secret".getBytes(StandardCharsets.UTF_8)));
        server.verify(getRequestedFor(urlPathEqualTo("/r/popular/hot"))
                .withHeader("Authorization", equalTo("bearer <ACCESS_TOKEN>"))
                .withHeader("User-Agent", equalTo("java:io.starexport:" + RedditPlatform.VERSION + " (by /u/someone)")));
    }

    /** The depth of every {@code t1} of a recorded tree, by walking it here. */
    private static void depths(JsonNode listing, int depth, Map<String, Integer> out) {
        for (JsonNode child : listing.path("data").path("children")) {
            if (child.path("kind").asText().equals("t1")) {
                out.put(child.path("data").path("id").asText(), depth);
                depths(child.path("data").path("replies"), depth + 1, out);
            }
        }
    }

    /**
     * {@code TestMore.test_comments.json}: the 2016 tree of 3hahrw (interaction 2, 476 comments, 12 {@code more}
     * stubs and 6 "continue this thread" stubs) and PRAW's {@code POST /api/morechildren} for the top-level
     * stub's 9 ids (interaction 1: 7 comments; 2 were deleted since). The other stubs' answers were not
     * recorded: they are served synthetic and empty (an empty {@code things} list, and a page without the
     * parent), so the export holds exactly the recorded comments.
     */
    @Test
    void recordedTreeOf2016AndItsMoreChildrenAnswer(@TempDir Path dir) {
        Cassette cassette = Cassette.load("TestMore.test_comments.json");
        token("TestMore.test_comments.json");
        server.stubFor(get(urlPathEqualTo("/comments/3hahrw")).willReturn(cassette.response(2)));
        server.stubFor(post(urlPathEqualTo("/api/morechildren")).willReturn(okJson(
                "{\"json\": {\"errors\": [], \"data\": {\"things\": []}}}")));
        server.stubFor(post(urlPathEqualTo("/api/morechildren")).withRequestBody(containing("cu5tt8h"))
                .willReturn(cassette.response(1)));
        server.stubFor(get(urlPathMatching("/comments/3hahrw/_/.*")).willReturn(okJson("[" + cassette.json(2).get(0)
                + ", {\"kind\": \"Listing\", \"data\": {\"children\": [], \"after\": null, \"before\": null}}]")));
        List<Comment> comments;
        ExportResult result;
        try (StarExport star = Reddit.appOnly(server).build()) {
            comments = stream(star, s -> s.export("https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/")
                    .comments().replies(true).stream());
            result = star.export("https://redd.it/3hahrw").comments().replies(true).to(dir.resolve("3hahrw.jsonl")).run();
        }
        Map<String, Integer> expected = new HashMap<>();
        depths(cassette.json(2).get(1), 0, expected);
        for (JsonNode thing : cassette.json(1).path("json").path("data").path("things")) {
            expected.put(thing.path("data").path("id").asText(), 0);
        }
        assertThat(expected).hasSize(483);
        assertThat(comments).extracting(Comment::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(comments).allSatisfy(c -> assertThat(c.depth()).as(c.id()).isEqualTo(expected.get(c.id())));
        assertThat(result.reportedTotal()).isEqualTo(OptionalLong.of(543));
        assertThat(result.items()).isEqualTo(483);

        Map<String, Comment> byId = comments.stream().collect(Collectors.toMap(Comment::id, c -> c));
        Comment top = byId.get("cu5pebp");
        assertThat(top.author().orElseThrow().handle()).hasValue("johnnwho");
        assertThat(top.parentId()).isEmpty();
        assertThat(top.postId()).isEqualTo("3hahrw");
        assertThat(top.text()).startsWith("Man I am glad there ");
        assertThat(top.url()).hasValue("https://www.reddit.com/comments/3hahrw/_/cu5pebp/");
        Comment edited = byId.get("cu5uxy9");
        assertThat(edited.edited()).isTrue();
        assertThat(edited.extras()).containsEntry("edited_at", Instant.ofEpochSecond(1439820212).toString());
        assertThat(edited.parentId()).hasValue("cu5ui8o");
        Comment authorGone = byId.get("cu5v4e7");
        assertThat(authorGone.author()).isEmpty();
        assertThat(authorGone.text()).startsWith("That lady recording ");
        assertThat(authorGone.extras()).containsEntry("author_deleted", true);
        assertThat(byId.get("cu5tead").createdAt()).isPresent();

        List<LoggedRequest> more = server.findAll(postRequestedFor(urlPathEqualTo("/api/morechildren")));
        assertThat(more).isNotEmpty().allSatisfy(request -> assertThat(request.getBodyAsString())
                .contains("api_type=json", "link_id=t3_3hahrw", "sort=confidence"));
        assertThat(more.stream().map(LoggedRequest::getUrl)).allMatch(url -> url.endsWith("raw_json=1"));
        // One continuation per "continue this thread" stub, through the parent comment's own page.
        assertThat(server.findAll(getRequestedFor(urlPathMatching("/comments/3hahrw/_/.*"))).stream()
                .map(r -> r.getUrl().replaceAll("\\?.*", "")).distinct())
                .containsExactlyInAnyOrder("/comments/3hahrw/_/cu61zil", "/comments/3hahrw/_/cu5v5h7",
                        "/comments/3hahrw/_/cu5uyz1", "/comments/3hahrw/_/cu5x40j", "/comments/3hahrw/_/cu5w5nv",
                        "/comments/3hahrw/_/cu61tk1");
    }

    /**
     * {@code TestComment.test_parent__chain.json}: a 32-comment chain cut by "continue this thread" stubs
     * every 10 levels. Interactions 6, 5, 4 and 3 are Reddit's pages (recorded with {@code context=100}) that
     * hold the chain's successive parts; each is served for the comment page the module asks for, and the
     * module finds the parent inside it.
     */
    @Test
    void recordedContinueThisThreadChainIsFollowedToItsEnd() {
        Cassette cassette = Cassette.load("TestComment.test_parent__chain.json");
        token("TestComment.test_parent__chain.json");
        server.stubFor(get(urlPathEqualTo("/comments/6otocc/_/dkk4pne")).willReturn(cassette.response(6)));
        server.stubFor(get(urlPathEqualTo("/comments/6otocc/_/dkk4pwe")).willReturn(cassette.response(5)));
        server.stubFor(get(urlPathEqualTo("/comments/6otocc/_/dkk4q0b")).willReturn(cassette.response(4)));
        server.stubFor(get(urlPathEqualTo("/comments/6otocc/_/dkk4q9z")).willReturn(cassette.response(3)));
        server.stubFor(get(urlPathEqualTo("/comments/6otocc/_/dkk4qjd")).willReturn(cassette.response(2)));
        List<Comment> chain;
        List<Comment> leaf;
        try (StarExport star = Reddit.appOnly(server).build()) {
            chain = stream(star, s -> s.export("https://www.reddit.com/r/reddit_api_test/comments/6otocc/slug/dkk4pne/")
                    .comments().replies(true).stream());
            leaf = stream(star, s -> s.export("https://www.reddit.com/comments/6otocc/_/dkk4qjd").comments().replies(true).stream());
        }
        assertThat(chain).hasSize(32).extracting(Comment::id).doesNotHaveDuplicates();
        for (int i = 0; i < chain.size(); i++) {
            assertThat(chain.get(i).text()).isEqualTo(String.valueOf(i + 1));
            assertThat(chain.get(i).depth()).isEqualTo(i);
            if (i > 0) {
                assertThat(chain.get(i).parentId()).hasValue(chain.get(i - 1).id());
            }
        }
        assertThat(chain.get(0).parentId()).isEmpty();
        assertThat(leaf).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("32");
            assertThat(c.depth()).isZero();
            assertThat(c.parentId()).hasValue("dkk4qin");
        });
    }

    /**
     * {@code TestComment.test_refresh__deleted_comment.json}: Reddit's focused page leaves the deleted
     * comment out (interaction 2); {@code /api/info} still has it (interaction 1).
     */
    @Test
    void deletedCommentIsExportedAndFlaggedFromApiInfo() {
        Cassette cassette = Cassette.load("TestComment.test_refresh__deleted_comment.json");
        token("TestComment.test_refresh__deleted_comment.json");
        server.stubFor(get(urlPathEqualTo("/comments/52o2fl/_/d7ltvl0")).willReturn(cassette.response(2)));
        server.stubFor(get(urlPathEqualTo("/api/info")).withQueryParam("id", equalTo("t1_d7ltvl0"))
                .willReturn(cassette.response(1)));
        List<Comment> comments;
        try (StarExport star = Reddit.appOnly(server).build()) {
            comments = stream(star, s -> s.export("https://www.reddit.com/r/test/comments/52o2fl/testing_define_bot/d7ltvl0/")
                    .comments().replies(true).stream());
        }
        assertThat(comments).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("d7ltvl0");
            assertThat(c.text()).isEqualTo("[deleted]");
            assertThat(c.author()).isEmpty();
            assertThat(c.extras()).containsEntry("deleted", true).containsEntry("fullname", "t1_d7ltvl0");
            assertThat(c.createdAt()).hasValue(Instant.ofEpochSecond(1473815863));
            assertThat(c.parentId()).isEmpty();
        });
    }

    /**
     * {@code TestInbox.test_comment_reply__refresh.json}: the 2025 page of comment myngt77 with modern keys and
     * {@code x-ratelimit-*} headers (interaction 2); its subtree is myngt77 and 64 replies.
     */
    @Test
    void modernCommentPageOf2025GivesTheSubtreeWithEveryField() {
        Cassette cassette = Cassette.load("TestInbox.test_comment_reply__refresh.json");
        token("TestInbox.test_comment_reply__refresh.json");
        server.stubFor(get(urlPathEqualTo("/comments/1j7g9uj/_/myngt77")).willReturn(cassette.response(2)));
        List<Comment> comments;
        try (StarExport star = Reddit.appOnly(server).build()) {
            comments = stream(star, s -> s.export("https://www.reddit.com/r/Lil_SpazJoekp/comments/1j7g9uj/"
                    + "test_post_pls_ignore/myngt77/?context=100").comments().replies(true).stream());
        }
        assertThat(comments).hasSize(65).extracting(Comment::id).doesNotHaveDuplicates();
        Comment root = comments.get(0);
        assertThat(root.id()).isEqualTo("myngt77");
        assertThat(root.parentId()).hasValue("mynfuan");
        assertThat(root.depth()).isZero();
        assertThat(root.text()).isEqualTo("Reply");
        assertThat(root.author().orElseThrow().handle()).hasValue("Lil_SpazTest");
        assertThat(root.author().orElseThrow().id()).hasValue("t2_75u2lqkb");
        assertThat(root.createdAt()).hasValue(Instant.ofEpochSecond(1750348671));
        assertThat(root.likeCount()).isEqualTo(OptionalLong.of(1));
        assertThat(root.edited()).isFalse();
        assertThat(root.pinned()).isFalse();
        assertThat(root.url()).hasValue("https://www.reddit.com/r/Lil_SpazJoekp/comments/1j7g9uj/test_post_pls_ignore/myngt77/");
        assertThat(root.extras()).containsEntry("fullname", "t1_myngt77").containsEntry("is_submitter", true)
                .containsEntry("controversiality", 0L).containsEntry("subreddit", "Lil_SpazJoekp")
                .doesNotContainKey("distinguished");
        assertThat(comments.get(1).id()).isEqualTo("mynh0nh");
        assertThat(comments.get(1).depth()).isEqualTo(1);
        assertThat(comments.subList(1, comments.size())).allSatisfy(c -> assertThat(c.depth()).isPositive());
    }

    /**
     * {@code TestComment.test_resolve_from_share_url.json}: a client-credentials token (interaction 0) and the
     * share link's 301 to the shared comment (interaction 1). The comment's page was not recorded; it is
     * served synthetic: the post and that one comment, in the 2025 shape of
     * {@code TestInbox.test_comment_reply__refresh.json}.
     */
    @Test
    void shareLinkIsResolvedByItsRedirectToTheSharedComment() {
        Cassette cassette = Cassette.load("TestComment.test_resolve_from_share_url.json");
        token("TestComment.test_resolve_from_share_url.json");
        server.stubFor(get(urlPathEqualTo("/r/redditdev/s/nGnQE1QkLC")).willReturn(cassette.response(1)));
        server.stubFor(get(urlPathEqualTo("/comments/2gmzqe/_/cklhv0f")).willReturn(okJson("[{\"kind\": \"Listing\", "
                + "\"data\": {\"children\": [{\"kind\": \"t3\", \"data\": {\"id\": \"2gmzqe\", \"name\": \"t3_2gmzqe\", "
                + "\"num_comments\": 12}}]}}, {\"kind\": \"Listing\", \"data\": {\"children\": [{\"kind\": \"t1\", "
                + "\"data\": {\"id\": \"cklhv0f\", \"name\": \"t1_cklhv0f\", \"parent_id\": \"t3_2gmzqe\", \"link_id\": "
                + "\"t3_2gmzqe\", \"author\": \"bboe\", \"body\": \"Shared\", \"created_utc\": 1410900000.0, "
                + "\"depth\": 0, \"replies\": \"\"}}], \"after\": null, \"before\": null}}]")));
        List<Comment> comments;
        try (StarExport star = Reddit.appOnly(server).build()) {
            comments = stream(star, s -> s.export("https://www.reddit.com/r/redditdev/s/nGnQE1QkLC").comments()
                    .replies(true).stream());
        }
        assertThat(comments).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("cklhv0f");
            assertThat(c.postId()).isEqualTo("2gmzqe");
        });
        server.verify(getRequestedFor(urlPathEqualTo("/r/redditdev/s/nGnQE1QkLC")).withoutHeader("Authorization"));
    }

    /**
     * A user's comments page ({@code /user/NAME/comments}) exports comments without being told, and every one of
     * them: each is the user's own, so leaving replies out would keep only the comments made on posts. Served
     * from interaction 1 of {@code TestSubredditStreams.test_comments__with_continue_after_id.json} (100 comments,
     * 86 of them replies), a flat {@code t1} listing of the same shape as a user's (reference §1.7).
     */
    @Test
    void aUsersCommentsPageExportsEveryCommentOfTheUserWithoutAskingForReplies() {
        Cassette cassette = Cassette.load("TestSubredditStreams.test_comments__with_continue_after_id.json");
        token("TestSubredditStreams.test_comments__with_continue_after_id.json");
        server.stubFor(get(urlPathEqualTo("/user/someone/comments")).willReturn(cassette.response(1)));
        server.stubFor(get(urlPathEqualTo("/user/someone/comments")).withQueryParam("after", equalTo("t1_k3uzsxu"))
                .willReturn(okJson("{\"kind\": \"Listing\", \"data\": {\"after\": null, \"children\": []}}")));
        server.stubFor(get(urlPathEqualTo("/r/test/comments")).willReturn(cassette.response(1)));
        server.stubFor(get(urlPathEqualTo("/r/test/comments")).withQueryParam("after", equalTo("t1_k3uzsxu"))
                .willReturn(okJson("{\"kind\": \"Listing\", \"data\": {\"after\": null, \"children\": []}}")));
        List<? extends io.starexport.api.Item> mine;
        List<? extends io.starexport.api.Item> subreddit;
        try (StarExport star = Reddit.appOnly(server).build()) {
            mine = stream(star, s -> s.export("https://www.reddit.com/user/someone/comments/").stream());
            subreddit = stream(star, s -> s.export("https://www.reddit.com/r/test/comments/").stream());
        }
        assertThat(mine).hasSize(100).allSatisfy(item -> assertThat(item).isInstanceOf(Comment.class));
        assertThat(subreddit).hasSize(14).allSatisfy(item -> assertThat(item).isInstanceOf(Comment.class));
    }

    /**
     * {@code TestSubredditStreams.test_comments__with_continue_after_id.json}: a subreddit's newest comments
     * of 2023, flat listings of {@code t1} without {@code depth}: interaction 1 (100 comments, 86 of them
     * replies, {@code after} set) and interaction 2 (95 comments, the last page). Interaction 2 was fetched
     * by PRAW's stream with {@code before=} and repeats comments of interaction 1, so each is served as the
     * first page of its own export; the page after interaction 1 is a synthetic empty last page.
     */
    @Test
    void subredditCommentListingsOf2023PageWithAfterAndCount() {
        Cassette cassette = Cassette.load("TestSubredditStreams.test_comments__with_continue_after_id.json");
        token("TestSubredditStreams.test_comments__with_continue_after_id.json");
        server.stubFor(get(urlPathEqualTo("/r/test/comments")).willReturn(cassette.response(1)));
        server.stubFor(get(urlPathEqualTo("/r/test/comments")).withQueryParam("after", equalTo("t1_k3uzsxu"))
                .withQueryParam("count", equalTo("100"))
                .willReturn(okJson("{\"kind\": \"Listing\", \"data\": {\"after\": null, \"children\": []}}")));
        server.stubFor(get(urlPathEqualTo("/r/other/comments")).willReturn(cassette.response(2)));
        List<Comment> comments;
        List<Comment> topLevel;
        List<Comment> second;
        try (StarExport star = Reddit.appOnly(server).build()) {
            comments = stream(star, s -> s.export("https://www.reddit.com/r/test/").comments().replies(true).stream());
            topLevel = stream(star, s -> s.export("https://www.reddit.com/r/test/").comments().stream());
            second = stream(star, s -> s.export("https://www.reddit.com/r/other/").comments().replies(true).stream());
        }
        assertThat(comments).hasSize(100).extracting(Comment::id).doesNotHaveDuplicates();
        assertThat(topLevel).hasSize(14).allSatisfy(c -> {
            assertThat(c.depth()).isZero();
            assertThat(c.parentId()).isEmpty();
        });
        assertThat(second).hasSize(95);
        Comment first = comments.get(0);
        assertThat(first.id()).isEqualTo("k3yrfii");
        assertThat(first.parentId()).hasValue("k3u4rtt");
        assertThat(first.postId()).isEqualTo("agi5zf");
        assertThat(first.depth()).isEqualTo(1);
        assertThat(first.author().orElseThrow().handle()).hasValue("Acceptable-Bread-566");
        assertThat(first.createdAt()).hasValue(Instant.ofEpochSecond(1696754768));
        assertThat(first.text()).isEqualTo("Did it work?");
        server.verify(getRequestedFor(urlPathEqualTo("/r/test/comments")).withQueryParam("after", equalTo("t1_k3uzsxu")));
    }
}
