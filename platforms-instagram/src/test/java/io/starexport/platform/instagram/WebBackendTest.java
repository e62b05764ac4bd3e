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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The web backend end to end through the real engine against WireMock. Recorded bodies come from
 * pgrimaud/instagram-user-feed @ 8e39f0f : {@code tests/fixtures/} (MIT; {@code resources/instagram/web/},
 * licence alongside). The current {@code /comments/} and {@code /child_comments/} bodies and the feed
 * envelope are synthetic, built from reference/reddit-instagram.md Part 3.3–3.4 (see
 * {@code resources/instagram/synthetic/README.md}).
 */
class WebBackendTest {
    private static final String POST = "https://www.instagram.com/p/CAnqPB-Jzcj/";
    private static final String PK = "2317006284167526179";
    private static final String COMMENTS = "/api/v1/media/" + PK + "/comments/";
    private static final String THREAD = COMMENTS + "18065401537979605/child_comments/";
    private static final String MIN_ID = "{\"cached_comments_cursor\": \"18065401537979606\", \"bifilter_token\": \"KD8BAgA=\"}";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private static MappingBuilder comments(String minId) {
        return get(urlPathEqualTo(COMMENTS)).withQueryParam("can_support_threading", equalTo("true"))
                .withQueryParam("min_id", minId == null ? absent() : equalTo(minId));
    }

    private static MappingBuilder thread(String maxId) {
        return get(urlPathEqualTo(THREAD)).withQueryParam("max_id", maxId == null ? absent() : equalTo(maxId));
    }

    private static void stubCommentPages() {
        server.stubFor(comments(null).willReturn(okJson(Fixtures.read("synthetic/web-comments-p1.json"))));
        server.stubFor(comments(MIN_ID).willReturn(okJson(Fixtures.read("synthetic/web-comments-p2.json"))));
        server.stubFor(thread(null).willReturn(okJson(Fixtures.read("synthetic/web-child-p1.json"))));
        server.stubFor(thread("QVFCZ3R4").willReturn(okJson(Fixtures.read("synthetic/web-child-p2.json"))));
    }

    @Test
    void exportsCommentsWithChildCommentsAcrossPages() {
        stubCommentPages();
        List<Comment> comments;
        try (StarExport star = Fixtures.web(server).build();
             Stream<Comment> stream = star.export(POST).comments().replies(true).stream()) {
            comments = stream.toList();
        }
        assertThat(comments).extracting(Comment::id).containsExactly(
                "18065401537979604", "18065401537979700", "18065401537979605", "18065401537979606",
                "18065401537979801", "18065401537979802", "18065401537979803", "18004392299258417");
        Comment pinned = comments.get(0);
        assertThat(pinned.postId()).isEqualTo(PK);
        assertThat(pinned.depth()).isZero();
        assertThat(pinned.parentId()).isEmpty();
        assertThat(pinned.text()).isEqualTo("First! Pinned by the owner");
        assertThat(pinned.pinned()).isTrue();
        assertThat(pinned.edited()).isFalse();
        assertThat(pinned.likeCount()).hasValue(13);
        assertThat(pinned.replyCount()).hasValue(1);
        assertThat(pinned.createdAt()).hasValue(Instant.ofEpochSecond(1754749758));
        assertThat(pinned.url()).hasValue("https://www.instagram.com/p/CAnqPB-Jzcj/c/18065401537979604/");
        assertThat(pinned.author()).hasValueSatisfying(a -> {
            assertThat(a.id()).hasValue("305701719");
            assertThat(a.handle()).hasValue("jlo");
            assertThat(a.displayName()).hasValue("Jennifer Lopez");
            assertThat(a.verified()).isTrue();
        });
        assertThat(pinned.extras()).containsEntry("is_liked_by_media_owner", true);
        Comment inlineReply = comments.get(1);
        assertThat(inlineReply.parentId()).hasValue("18065401537979604");
        assertThat(inlineReply.depth()).isEqualTo(1);
        assertThat(inlineReply.url()).hasValue("https://www.instagram.com/p/CAnqPB-Jzcj/c/18065401537979604/r/18065401537979700/");
        assertThat(comments.get(2).edited()).isTrue();
        assertThat(comments.get(2).replyCount()).hasValue(3);
        assertThat(comments.subList(4, 7)).allSatisfy(reply -> {
            assertThat(reply.parentId()).hasValue("18065401537979605");
            assertThat(reply.depth()).isEqualTo(1);
        });
        assertThat(comments.get(6).author().orElseThrow().verified()).isTrue();
        assertThat(comments.get(6).likeCount()).hasValue(7);
        Comment numericPk = comments.get(7);
        assertThat(numericPk.author().orElseThrow().id()).hasValue("1052470908");
        assertThat(numericPk.depth()).isZero();
        // the preview reply of the three-reply thread was not emitted twice
        assertThat(comments).extracting(Comment::id).doesNotHaveDuplicates();
    }

    @Test
    void sendsTheWebAppHeadersAndSessionCookies() {
        stubCommentPages();
        try (StarExport star = Fixtures.web(server).build()) {
            Fixtures.items(star.export(POST).comments());
        }
        server.verify(getRequestedFor(urlPathEqualTo(COMMENTS))
                .withHeader("X-IG-App-ID", equalTo("936619743392459"))
                .withHeader("X-CSRFToken", equalTo(Fixtures.CSRF))
                .withHeader("X-Requested-With", equalTo("XMLHttpRequest"))
                .withHeader("User-Agent", containing("Mozilla/5.0"))
                .withHeader("Cookie", equalTo("sessionid=" + Fixtures.SESSION + "; csrftoken=" + Fixtures.CSRF
                        + "; ds_user_id=8521")));
    }

    @Test
    void withoutRepliesReadsNoChildThreads() {
        stubCommentPages();
        List<Comment> comments;
        try (StarExport star = Fixtures.web(server).build();
             Stream<Comment> stream = star.export(POST).comments().replies(false).stream()) {
            comments = stream.toList();
        }
        assertThat(comments).extracting(Comment::depth).containsOnly(0);
        assertThat(comments).hasSize(4);
        server.verify(0, getRequestedFor(urlPathMatching(".*/child_comments/")));
    }

    @Test
    void resumesFromCheckpointWithoutDuplicatesAndWithoutSecrets() throws Exception {
        stubCommentPages();
        server.stubFor(thread("QVFCZ3R4").willReturn(serverError()));
        Path out = dir.resolve("comments.jsonl");
        ExportException failure;
        try (StarExport star = Fixtures.engine(server, new InstagramPlatform(), Map.of("sessionid", Fixtures.SESSION),
                RetryPolicy.none()).build()) {
            failure = assertThrows(ExportException.class, () -> star.export(POST).comments().replies(true).to(out).run());
        }
        assertThat(failure.code()).isEqualTo(ErrorCode.NETWORK);
        Path checkpoint = dir.resolve("comments.jsonl.checkpoint.json");
        assertThat(Files.readString(checkpoint)).doesNotContain(Fixtures.SESSION);
        assertThat(failure.getMessage()).doesNotContain(Fixtures.SESSION);

        server.stubFor(thread("QVFCZ3R4").willReturn(okJson(Fixtures.read("synthetic/web-child-p2.json"))));
        try (StarExport star = Fixtures.web(server).build()) {
            ExportResult result = star.resume(checkpoint).run();
            assertThat(result.items()).isEqualTo(8);
        }
        List<String> ids = Files.readAllLines(out).stream().map(l -> l.replaceAll("^.*?\"id\":\"(\\d+)\".*$", "$1")).toList();
        assertThat(ids).hasSize(8).doesNotHaveDuplicates().endsWith("18065401537979803", "18004392299258417");
    }

    /** The older GraphQL {@code edge_media_to_comment} pages (media-comments.json, media-comments-2.json): 12 + 12 comments. */
    @Test
    void readsTheOlderGraphQlCommentConnection() {
        server.stubFor(comments(null).willReturn(okJson(Fixtures.read("web/media-comments.json"))));
        server.stubFor(get(urlPathEqualTo(COMMENTS)).withQueryParam("after", equalTo(
                        "QVFCbnROamtGemh0QWdoN0Z1YVhTNWtPV3RqSXhIVkJaaEszdUlYNlozSGlUVi1nbXdtbF93VUliVFYzaWM5a2prMGJDNmlLZTR2VHcwajNOZWVWR3Z0ZA=="))
                .willReturn(okJson(Fixtures.read("web/media-comments-2.json"))));
        List<Comment> comments;
        try (StarExport star = Fixtures.web(server).build();
             Stream<Comment> stream = star.export(POST).comments().limit(24).stream()) {
            comments = stream.toList();
        }
        assertThat(comments).hasSize(24).extracting(Comment::id).doesNotHaveDuplicates();
        Comment first = comments.get(0);
        assertThat(first.id()).isEqualTo("17969014687354566");
        assertThat(first.text()).isEqualTo("Good themw");
        assertThat(first.createdAt()).hasValue(Instant.ofEpochSecond(1607919868));
        assertThat(first.author().orElseThrow().id()).hasValue("26965138089");
        assertThat(first.author().orElseThrow().handle()).hasValue("myself_walker");
        assertThat(first.likeCount()).isEmpty();
        assertThat(comments.get(11).text()).isEqualTo("🔥🔥🔥🔥🔥🔥");
        assertThat(comments.get(12).id()).isEqualTo("18176115937020277");
        assertThat(comments.get(23).author().orElseThrow().handle()).hasValue("ey5.designs");
    }

    @Test
    void exportsACarouselPostAndItsMedia() {
        server.stubFor(get(urlPathEqualTo("/api/v1/media/" + PK + "/info/")).willReturn(okJson(Fixtures.read("web/media.json"))));
        try (StarExport star = Fixtures.web(server).build()) {
            List<Post> posts;
            try (Stream<Post> stream = star.export(POST).posts().stream()) {
                posts = stream.toList();
            }
            assertThat(posts).hasSize(1);
            Post post = posts.get(0);
            assertThat(post.id()).isEqualTo(PK);
            assertThat(post.url()).hasValue(POST);
            assertThat(post.text()).hasValueSatisfying(t -> assertThat(t).startsWith("Today, #LetsGetLoud for our heroes!"));
            assertThat(post.createdAt()).hasValue(Instant.ofEpochSecond(1590428694));
            assertThat(post.likeCount()).hasValue(820750);
            assertThat(post.commentCount()).hasValue(4647);
            assertThat(post.viewCount()).isEmpty();
            assertThat(post.extras()).containsEntry("media_type", "carousel").containsEntry("shortcode", "CAnqPB-Jzcj");
            assertThat(post.author().orElseThrow().handle()).hasValue("jlo");
            assertThat(post.author().orElseThrow().id()).hasValue("305701719");
            assertThat(post.media()).hasSize(3).allSatisfy(m -> {
                assertThat(m.type()).isEqualTo(Media.Type.IMAGE);
                assertThat(m.variants()).hasSize(14);
            });
            assertThat(post.media().get(1).width()).hasValue(1242);

            List<MediaItem> media;
            try (Stream<MediaItem> stream = star.export(POST).media().stream()) {
                media = stream.toList();
            }
            assertThat(media).extracting(MediaItem::index).containsExactly(0, 1, 2);
            assertThat(media).extracting(MediaItem::id).containsExactly(PK + ":0", PK + ":1", PK + ":2");
            assertThat(media.get(0).media().url()).contains("100999294_588574515099288");
            assertThat(media.get(0).postId()).hasValue(PK);
        }
    }

    @Test
    void exportsAVideoWithItsVersions() {
        String pk = "2307774091974900767";
        server.stubFor(get(urlPathEqualTo("/api/v1/media/" + pk + "/info/")).willReturn(okJson(Fixtures.read("web/media-2.json"))));
        try (StarExport star = Fixtures.web(server).build();
             Stream<Post> stream = star.export("https://www.instagram.com/reel/CAG3E8-A3wf/").posts().stream()) {
            Post post = stream.findFirst().orElseThrow();
            assertThat(post.viewCount()).hasValue(4048603);
            assertThat(post.likeCount()).hasValue(600190);
            assertThat(post.commentCount()).hasValue(6741);
            assertThat(post.extras()).containsEntry("media_type", "video").containsEntry("product_type", "feed");
            Media video = post.media().get(0);
            assertThat(video.type()).isEqualTo(Media.Type.VIDEO);
            assertThat(video.width()).hasValue(720);
            assertThat(video.height()).hasValue(900);
            assertThat(video.duration()).hasValue(Duration.ofMillis(16266));
            assertThat(video.variants()).extracting(v -> v.width().getAsInt()).containsExactly(720, 452, 452);
        }
    }

    @Test
    void exportsAProfile() {
        server.stubFor(get(urlPathEqualTo("/api/v1/users/web_profile_info/")).withQueryParam("username", equalTo("robertdowneyjr"))
                .willReturn(okJson(Fixtures.read("web/profile.json"))));
        try (StarExport star = Fixtures.web(server).build();
             Stream<Profile> stream = star.export("https://www.instagram.com/robertdowneyjr/").profile().stream()) {
            Profile profile = stream.findFirst().orElseThrow();
            assertThat(profile.id()).isEqualTo("1518284433");
            assertThat(profile.url()).hasValue("https://www.instagram.com/robertdowneyjr/");
            assertThat(profile.author().orElseThrow().displayName()).hasValue("Robert Downey Jr. Official");
            assertThat(profile.author().orElseThrow().verified()).isTrue();
            assertThat(profile.bio()).hasValueSatisfying(b -> assertThat(b).startsWith("Get involved"));
            assertThat(profile.followerCount()).hasValue(52979346);
            assertThat(profile.followingCount()).hasValue(5);
            assertThat(profile.postCount()).hasValue(419);
            assertThat(profile.extras()).containsEntry("is_private", false).containsEntry("category_name", "Artist");
        }
    }

    /**
     * profile-alternative.json: the same account from {@code /api/v1/users/{pk}/info/} ({@code user} at the top,
     * {@code pk}, {@code follower_count}), where the business flag is {@code is_business}, not
     * {@code is_business_account} (pgrimaud/instagram-user-feed @ 8e39f0f : tests/fixtures/, MIT).
     */
    @Test
    void readsTheBusinessFlagOfTheUserInfoShape() throws Exception {
        Profile profile = WebParser.profile(Fixtures.JSON.readTree(Fixtures.read("web/profile-alternative.json")),
                "robertdowneyjr");

        assertThat(profile.id()).isEqualTo("1518284433");
        assertThat(profile.followerCount()).hasValue(50857062);
        assertThat(profile.extras()).containsEntry("is_business_account", true).containsEntry("is_private", false);
    }

    @Test
    void exportsAProfilesPostsThroughTheUserFeed() {
        server.stubFor(get(urlPathEqualTo("/api/v1/users/web_profile_info/")).willReturn(okJson(Fixtures.read("web/profile.json"))));
        server.stubFor(get(urlPathEqualTo("/api/v1/feed/user/1518284433/")).withQueryParam("max_id", absent())
                .willReturn(okJson(Fixtures.read("synthetic/web-feed-p1.json"))));
        server.stubFor(get(urlPathEqualTo("/api/v1/feed/user/1518284433/"))
                .withQueryParam("max_id", equalTo("2317006284167526179_305701719"))
                .willReturn(okJson(Fixtures.read("synthetic/web-feed-p2.json"))));
        try (StarExport star = Fixtures.web(server).build()) {
            try (Stream<Post> stream = star.export("https://www.instagram.com/robertdowneyjr/").posts().stream()) {
                assertThat(stream.map(Post::id)).containsExactly(PK, "2307774091974900767");
            }
            try (Stream<MediaItem> stream = star.export("https://www.instagram.com/robertdowneyjr/").media().stream()) {
                assertThat(stream.map(MediaItem::id)).containsExactly(PK + ":0", PK + ":1", PK + ":2", "2307774091974900767:0");
            }
        }
        server.verify(getRequestedFor(urlPathEqualTo("/api/v1/feed/user/1518284433/")).withQueryParam("count", equalTo("30")));
    }

    /** medias.json: a profile timeline in the GraphQL shape, 12 posts of which 3 carousels. */
    @Test
    void readsTheGraphQlTimelineRecording() throws Exception {
        Batch<Post> batch = WebParser.feed(Fixtures.JSON.readTree(Fixtures.read("web/medias.json")));
        assertThat(batch.items()).hasSize(12);
        assertThat(batch.total()).isEqualTo(453);
        assertThat(batch.next()).isEqualTo(new Cursor.Next("after",
                "QVFCT1Y3cVc2eDZYQkRldHNGOXkwWGZjU0Y1S1VMOFNRQ05SZkxwcGFUT1ZBNE04RGpwMmdlMHBVdnZPOFpvd0U1X2VlRUU5VTM5Q2FOdmRpdFBuN3JNVA=="));
        Post video = batch.items().get(0);
        assertThat(video.id()).isEqualTo("2224305748263047050");
        assertThat(video.url()).hasValue("https://www.instagram.com/p/B7eUksNFA-K/");
        assertThat(video.viewCount()).hasValue(2726827);
        assertThat(video.likeCount()).hasValue(695047);
        assertThat(video.commentCount()).hasValue(1939);
        assertThat(video.createdAt()).hasValue(Instant.ofEpochSecond(1579378196));
        assertThat(video.author().orElseThrow().handle()).hasValue("robertdowneyjr");
        assertThat(video.text()).hasValueSatisfying(t -> assertThat(t).startsWith("#happybirthday little brother"));
        assertThat(video.media()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(Media.Type.VIDEO);
            assertThat(m.width()).hasValue(750);
            assertThat(m.height()).hasValue(421);
        });
        Post carousel = batch.items().get(4);
        assertThat(carousel.extras()).containsEntry("media_type", "carousel");
        assertThat(carousel.media()).hasSize(5);
        assertThat(batch.items()).extracting(p -> p.extras().get("media_type"))
                .containsExactly("video", "video", "image", "video", "carousel", "video", "carousel", "carousel", "video",
                        "image", "video", "image");
    }

    @Test
    void hashtagsNeedTheGraphApi() {
        try (StarExport star = Fixtures.web(server).build()) {
            ExportException e = assertThrows(ExportException.class,
                    () -> Fixtures.items(star.export("https://www.instagram.com/explore/tags/coffee/").posts()));
            assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CONTENT);
            assertThat(e.getMessage()).contains("Graph API");
        }
    }

    @Test
    void withoutCredentialsAsksForThem() {
        try (StarExport star = Fixtures.engine(server, new InstagramPlatform(), Map.of(), Fixtures.FAST).build()) {
            ExportException e = assertThrows(ExportException.class, () -> Fixtures.items(star.export(POST).comments()));
            assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
            assertThat(e.getMessage()).contains("access_token").contains("sessionid");
        }
        server.verify(0, getRequestedFor(urlPathMatching(".*")));
    }
}
