package io.starexport.platform.instagram;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportResult;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Graph API backend end to end through the real engine against WireMock. Recorded bodies:
 * sns-sdks/python-facebook @ c0aa73f : {@code testdata/instagram/apidata/} (Apache-2.0; copied to
 * {@code resources/instagram/graph/}) and {@code …/discovery/} (@ beaf63bf / 44e1762e; {@code graph-discovery/}).
 * {@code synthetic/graph-comments-replies.json} follows reference/reddit-instagram.md 2.2 (nested replies with paging).
 */
class GraphBackendTest {
    private static final String POST = "https://www.instagram.com/p/CRyZpmrjYC4/";
    private static final String MEDIA_ID = "17896129349106152";
    private static final String V = "/v25.0/";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private static MappingBuilder graph(String path, String after) {
        return get(urlPathEqualTo(V + path)).withQueryParam("access_token", equalTo(Fixtures.TOKEN))
                .withQueryParam("after", after == null ? absent() : equalTo(after));
    }

    /** The shortcode lookup through the account's own media: medias_p1 then medias_p2, whose carousel is CRyZpmrjYC4. */
    private static void stubLookup() {
        server.stubFor(graph(Fixtures.IG_USER_ID + "/media", null).willReturn(okJson(Fixtures.read("graph/medias_p1.json"))));
        server.stubFor(graph(Fixtures.IG_USER_ID + "/media", "after").willReturn(okJson(Fixtures.read("graph/medias_p2.json"))));
    }

    @Test
    void findsThePostAmongTheAccountsMediaAndPagesItsComments() {
        stubLookup();
        server.stubFor(graph(MEDIA_ID + "/comments", null).willReturn(okJson(Fixtures.read("graph/comments_p1.json"))));
        server.stubFor(graph(MEDIA_ID + "/comments", "after").willReturn(okJson(Fixtures.read("graph/comments_p2.json"))));
        List<Comment> comments;
        try (StarExport star = Fixtures.graph(server).build()) {
            comments = Fixtures.items(star.export(POST).comments());
        }
        assertThat(comments).extracting(Comment::id)
                .containsExactly("17858154961981086", "17874875428706419", "17892250648466172", "17914413430382429");
        Comment first = comments.get(0);
        assertThat(first.postId()).isEqualTo(MEDIA_ID);
        assertThat(first.text()).isEqualTo("Beautiful!");
        assertThat(first.createdAt()).hasValue(Instant.parse("2020-06-01T10:56:52Z"));
        assertThat(first.author()).isEmpty();
        assertThat(first.likeCount()).isEmpty();
        assertThat(comments.get(2).text()).isEqualTo("@ikroskun  Hey, guys");
        assertThat(comments.get(3).createdAt()).hasValue(Instant.parse("2020-02-24T09:11:00Z"));
        server.verify(getRequestedFor(urlPathEqualTo(V + MEDIA_ID + "/comments"))
                .withQueryParam("fields", containing("like_count"))
                .withQueryParam("limit", equalTo("50")));
    }

    private static void stubRepliesScenario() {
        stubLookup();
        server.stubFor(graph(MEDIA_ID + "/comments", null).willReturn(okJson(Fixtures.read("synthetic/graph-comments-replies.json"))));
        server.stubFor(graph("17873440459141021/replies", "QVFIUnJ6").willReturn(okJson(Fixtures.read("graph/replies.json"))));
        server.stubFor(graph(MEDIA_ID + "/comments", "QVFIUm2").willReturn(okJson(Fixtures.read("graph/comments_p2.json"))));
    }

    @Test
    void readsNestedRepliesThenTheRestOfTheThreadThenTheNextPage() {
        stubRepliesScenario();
        List<Comment> comments;
        try (StarExport star = Fixtures.graph(server).build()) {
            comments = Fixtures.items(star.export(POST).comments().replies(true));
        }
        assertThat(comments).extracting(Comment::id).containsExactly("17873440459141021", "17845747489952795",
                "17881770991003328", "17847314687296283", "17892250648466172", "17914413430382429");
        Comment top = comments.get(0);
        assertThat(top.author().orElseThrow().handle()).hasValue("ikroskun");
        assertThat(top.author().orElseThrow().id()).hasValue("17841406338772941");
        assertThat(top.likeCount()).hasValue(1);
        assertThat(top.replyCount()).isEmpty();
        assertThat(top.extras()).containsEntry("hidden", false);
        Comment nested = comments.get(1);
        assertThat(nested.parentId()).hasValue("17873440459141021");
        assertThat(nested.depth()).isEqualTo(1);
        assertThat(comments.get(2).replyCount()).hasValue(0);
        Comment continued = comments.get(3);
        assertThat(continued.text()).isEqualTo("@lixiangguodu123 nihao");
        assertThat(continued.parentId()).hasValue("17873440459141021");
        assertThat(continued.createdAt()).hasValue(Instant.parse("2020-08-07T03:30:06Z"));
        server.verify(getRequestedFor(urlPathEqualTo(V + MEDIA_ID + "/comments")).withQueryParam("fields", containing("replies{")));
    }

    @Test
    void resumesWithoutDuplicatesAndNeverWritesTheTokenToTheCheckpoint() throws Exception {
        stubRepliesScenario();
        server.stubFor(graph("17873440459141021/replies", "QVFIUnJ6").willReturn(serverError()));
        Path out = dir.resolve("comments.jsonl");
        ExportException failure;
        try (StarExport star = Fixtures.engine(server, new InstagramPlatform(),
                Map.of("access_token", Fixtures.TOKEN, "ig_user_id", Fixtures.IG_USER_ID), RetryPolicy.none()).build()) {
            failure = assertThrows(ExportException.class, () -> star.export(POST).comments().replies(true).to(out).run());
        }
        Path checkpoint = dir.resolve("comments.jsonl.checkpoint.json");
        assertThat(Files.readString(checkpoint)).doesNotContain(Fixtures.TOKEN);
        String cursor = failure.checkpoint().orElseThrow().cursor().orElseThrow();
        String payload = cursor.substring(cursor.lastIndexOf('.') + 1); // <kind>.<version>.<base64url JSON>
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8))
                .contains("QVFIUnJ6").doesNotContain(Fixtures.TOKEN);

        server.stubFor(graph("17873440459141021/replies", "QVFIUnJ6").willReturn(okJson(Fixtures.read("graph/replies.json"))));
        try (StarExport star = Fixtures.graph(server).build()) {
            ExportResult result = star.resume(checkpoint).run();
            assertThat(result.items()).isEqualTo(6);
        }
        assertThat(Files.readString(out)).doesNotContain(Fixtures.TOKEN);
        assertThat(Files.readAllLines(out)).hasSize(6);
    }

    @Test
    void exportsACarouselAndItsChildren() {
        stubLookup();
        server.stubFor(graph(MEDIA_ID, null).willReturn(okJson(Fixtures.read("graph/media_default.json"))));
        try (StarExport star = Fixtures.graph(server).build()) {
            Post post = Fixtures.items(star.export(POST).posts()).get(0);
            assertThat(post.id()).isEqualTo(MEDIA_ID);
            assertThat(post.text()).hasValue("ALBUM");
            assertThat(post.url()).hasValue("https://www.instagram.com/p/CRyZpmrjYC4/");
            assertThat(post.likeCount()).hasValue(1);
            assertThat(post.commentCount()).hasValue(0);
            assertThat(post.createdAt()).hasValue(Instant.parse("2021-07-26T10:45:20Z"));
            assertThat(post.extras()).containsEntry("media_type", "carousel").containsEntry("shortcode", "CRyZpmrjYC4");
            assertThat(post.media()).extracting(Media::type).containsExactly(Media.Type.IMAGE, Media.Type.IMAGE, Media.Type.VIDEO);
            assertThat(post.media().get(2).url()).startsWith("https://video-gmp1-1.cdninstagram.com/");
            assertThat(post.media().get(0).width()).isEmpty();

            List<MediaItem> media = Fixtures.items(star.export(POST).media());
            assertThat(media).extracting(MediaItem::id).containsExactly(MEDIA_ID + ":0", MEDIA_ID + ":1", MEDIA_ID + ":2");
        }
        server.verify(getRequestedFor(urlPathEqualTo(V + MEDIA_ID)).withQueryParam("fields", containing("children{")));
    }

    @Test
    void aPostOutsideTheAccountIsNotFoundWithAHint() {
        stubLookup();
        try (StarExport star = Fixtures.graph(server).build()) {
            ExportException e = assertThrows(ExportException.class,
                    () -> Fixtures.items(star.export("https://www.instagram.com/p/CAnqPB-Jzcj/").comments()));
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(e.getMessage()).contains("sessionid");
        }
    }

    @Test
    void readsAProfileThroughBusinessDiscovery() {
        server.stubFor(graph(Fixtures.IG_USER_ID, null).withQueryParam("fields", containing("business_discovery.username(facebook)"))
                .willReturn(okJson(Fixtures.read("graph-discovery/user_fields.json"))));
        try (StarExport star = Fixtures.graph(server).build()) {
            Profile profile = Fixtures.items(star.export("https://www.instagram.com/facebook/").profile()).get(0);
            assertThat(profile.id()).isEqualTo("17841400455970028");
            assertThat(profile.author().orElseThrow().displayName()).hasValue("Facebook");
            assertThat(profile.author().orElseThrow().handle()).hasValue("facebook");
            assertThat(profile.followerCount()).hasValue(3502538);
            assertThat(profile.followingCount()).hasValue(9);
            assertThat(profile.postCount()).isEmpty();
        }
    }

    @Test
    void pagesAnotherAccountsMediaThroughBusinessDiscovery() {
        server.stubFor(graph(Fixtures.IG_USER_ID, null).withQueryParam("fields", containing("media.limit(50){"))
                .willReturn(okJson(Fixtures.read("graph-discovery/medias_p1.json"))));
        server.stubFor(graph(Fixtures.IG_USER_ID, null).withQueryParam("fields", containing("media.limit(50).after(after){"))
                .willReturn(okJson(Fixtures.read("graph-discovery/medias_p2.json"))));
        try (StarExport star = Fixtures.graph(server).build()) {
            List<Post> posts = Fixtures.items(star.export("https://www.instagram.com/facebook/").posts());
            assertThat(posts).extracting(Post::id)
                    .containsExactly("17885103395504675", "17886271043461692", "17939347456563225", "18165241603086291");
            assertThat(posts.get(0).commentCount()).hasValue(11);
            assertThat(posts.get(0).likeCount()).hasValue(87);
            assertThat(posts.get(0).extras()).containsEntry("shortcode", "CSr71Gzlqo4");
            assertThat(posts.get(3).media()).singleElement().extracting(Media::type).isEqualTo(Media.Type.VIDEO);
        }
    }

    @Test
    void pagesHashtagMedia() {
        server.stubFor(graph("ig_hashtag_search", null).withQueryParam("q", equalTo("coffee"))
                .withQueryParam("user_id", equalTo(Fixtures.IG_USER_ID))
                .willReturn(okJson("{\"data\":[{\"id\":\"17843853986012965\"}]}")));
        server.stubFor(graph("17843853986012965/recent_media", null).withQueryParam("user_id", equalTo(Fixtures.IG_USER_ID))
                .willReturn(okJson(Fixtures.read("graph/medias_p2.json"))));
        try (StarExport star = Fixtures.graph(server).build()) {
            List<Post> posts = Fixtures.items(star.export("https://www.instagram.com/explore/tags/coffee/").posts());
            assertThat(posts).extracting(Post::id).containsExactly("17896129349106152", "17893085207160254");
            assertThat(posts.get(1).text()).hasValue("Peach new");
        }
    }

    /**
     * IG Hashtag Recent Media (developers.facebook.com/docs/instagram-api/reference/ig-hashtag/recent-media,
     * "Limitations"): at most 50 per page, no {@code username} field, and "the after cursor value will always be
     * the same for each page, but it can still be used to get the next page". Pages are synthetic in that shape;
     * the list ends when {@code paging.next} is gone.
     */
    @Test
    void hashtagPagesKeepTheirConstantAfterCursorUntilNextIsGone() {
        String after = "QVFIUkx";
        String next = "\"next\":\"https://graph.facebook.com/v25.0/17843853986012965/recent_media?access_token=" + Fixtures.TOKEN
                + "&user_id=1&limit=50&after=" + after + "\"";
        server.stubFor(graph("ig_hashtag_search", null).willReturn(okJson("{\"data\":[{\"id\":\"17843853986012965\"}]}")));
        server.stubFor(graph("17843853986012965/recent_media", null).willReturn(okJson("{\"data\":[{\"id\":\"1\",\"media_url\":\"https://scontent.cdninstagram.com/1.jpg\","
                + "\"media_type\":\"IMAGE\"}],\"paging\":{\"cursors\":{\"after\":\"" + after + "\"}," + next + "}}")));
        server.stubFor(graph("17843853986012965/recent_media", after).inScenario("tag").whenScenarioStateIs(STARTED)
                .willSetStateTo("third").willReturn(okJson("{\"data\":[{\"id\":\"2\",\"media_url\":\"https://scontent.cdninstagram.com/2.jpg\",\"media_type\":\"VIDEO\"}],"
                        + "\"paging\":{\"cursors\":{\"after\":\"" + after + "\"}," + next + "}}")));
        server.stubFor(graph("17843853986012965/recent_media", after).inScenario("tag").whenScenarioStateIs("third")
                .willReturn(okJson("{\"data\":[{\"id\":\"3\",\"media_url\":\"https://scontent.cdninstagram.com/3.jpg\",\"media_type\":\"IMAGE\"}],"
                        + "\"paging\":{\"cursors\":{\"after\":\"" + after + "\"}}}")));
        InstagramPlatform platform = InstagramPlatform.builder().pageSize(100).build();
        try (StarExport star = Fixtures.engine(server, platform, Map.of("access_token", Fixtures.TOKEN, "ig_user_id",
                Fixtures.IG_USER_ID), Fixtures.FAST).build()) {
            List<Post> posts = Fixtures.items(star.export("https://www.instagram.com/explore/tags/coffee/").posts());
            assertThat(posts).extracting(Post::id).containsExactly("1", "2", "3");
            server.setScenarioState("tag", STARTED);
            List<MediaItem> media = Fixtures.items(star.export("https://www.instagram.com/explore/tags/coffee/").media());
            assertThat(media).extracting(MediaItem::id).containsExactly("1:0", "2:0", "3:0");
        }
        server.verify(6, getRequestedFor(urlPathEqualTo(V + "17843853986012965/recent_media"))
                .withQueryParam("limit", equalTo("50"))
                .withQueryParam("fields", notMatching(".*(username|shortcode|thumbnail_url).*")));
    }

    @Test
    void theApiVersionIsConfigurable() {
        server.stubFor(get(urlPathMatching("/v21.0/" + Fixtures.IG_USER_ID + "/media")).willReturn(okJson(Fixtures.read("graph/medias_p2.json"))));
        server.stubFor(get(urlPathEqualTo("/v21.0/" + MEDIA_ID + "/comments")).willReturn(okJson(Fixtures.read("graph/comments_p2.json"))));
        InstagramPlatform platform = InstagramPlatform.builder().graphApiVersion("v21.0").pageSize(25).build();
        try (StarExport star = Fixtures.engine(server, platform, Map.of("access_token", Fixtures.TOKEN, "ig_user_id",
                Fixtures.IG_USER_ID), Fixtures.FAST).build()) {
            assertThat(Fixtures.items(star.export(POST).comments())).hasSize(2);
        }
        server.verify(getRequestedFor(urlPathEqualTo("/v21.0/" + MEDIA_ID + "/comments")).withQueryParam("limit", equalTo("25")));
    }

    @Test
    void withoutTheAccountIdAsksForIt() {
        try (StarExport star = Fixtures.engine(server, new InstagramPlatform(), Map.of("access_token", Fixtures.TOKEN),
                Fixtures.FAST).build()) {
            ExportException e = assertThrows(ExportException.class, () -> Fixtures.items(star.export(POST).comments()));
            assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
            assertThat(e.getMessage()).contains("ig_user_id").doesNotContain(Fixtures.TOKEN);
        }
    }

    /** children.json: a carousel's {@code /children} list, two images with their shortcodes. */
    @Test
    void readsTheChildrenRecording() throws Exception {
        Batch<Post> batch = GraphParser.media(Fixtures.JSON.readTree(Fixtures.read("graph/children.json")), "$", false);
        assertThat(batch.items()).extracting(Post::id).containsExactly("17924318443748703", "18248754847048313");
        assertThat(batch.items()).extracting(p -> p.extras().get("shortcode")).containsExactly("CSwAtwOBwh-", "CSwAtwPB1po");
        assertThat(batch.items().get(0).media()).singleElement().extracting(Media::type).isEqualTo(Media.Type.IMAGE);
        assertThat(batch.next()).isNull();
    }

    /** medias_p1.json / medias_p2.json: the account's own media, two pages of two. */
    @Test
    void readsTheOwnMediaRecordings() throws Exception {
        Batch<Post> first = GraphParser.media(Fixtures.JSON.readTree(Fixtures.read("graph/medias_p1.json")), "$", false);
        assertThat(first.items()).extracting(Post::id).containsExactly("17895731045244887", "17896622936197745");
        assertThat(first.next()).isEqualTo(new Cursor.Next("after", "after"));
        Post second = first.items().get(1);
        assertThat(second.commentCount()).hasValue(6);
        assertThat(second.likeCount()).hasValue(2);
        assertThat(second.text()).isEmpty();
        assertThat(second.extras()).containsEntry("shortcode", "CSgdWACBeKr").containsEntry("media_type", "image");
        assertThat(second.createdAt()).hasValue(Instant.parse("2021-08-13T08:02:40Z"));
        Batch<Post> last = GraphParser.media(Fixtures.JSON.readTree(Fixtures.read("graph/medias_p2.json")), "$", false);
        assertThat(last.items()).hasSize(2);
        assertThat(last.items().get(0).media()).hasSize(3);
        assertThat(last.next()).isNull();
    }
}
