package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.kit.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.platform.tiktok.TikTokTesting.engine;
import static io.starexport.platform.tiktok.TikTokTesting.page;
import static io.starexport.platform.tiktok.TikTokTesting.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Video detail, MEDIA, a user's videos and profiles from the web backend. The video object is the real
 * {@code itemList[0]} of {@code web/item-list.page1.json} (NeoVolkov/tiktok-apis, 2025-10-20, trimmed); the
 * page wrappers, the user page and the second (photo post) list page are synthetic, after the reference's
 * sections 2.4 and 2.5 and yt-dlp's {@code _extract_web_data_and_status}.
 */
class WebVideosTest {
    private static final String ID = "7498337886933191943";
    private static final String URL = "https://www.tiktok.com/@zg.520/video/" + ID;
    private static final String SEC_UID = "MS4wLjABAAAAkagks5n_8XDIMWf94LZDUYs54FG5bJmEFJkWtjA__uRUN8QWaavHhzSyEO6WBPQj";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static String item() {
        JsonNode list = Json.parse(TikTokPlatform.ID, resource("web/item-list.page1.json"), "test");
        return list.get("itemList").get(0).toString();
    }

    private static void stubVideoPage() {
        server.stubFor(get(urlPathEqualTo("/@zg.520/video/" + ID)).willReturn(ok(page("webapp.video-detail",
                "{\"statusCode\":0,\"statusMsg\":\"\",\"itemInfo\":{\"itemStruct\":" + item() + "},"
                        + "\"shareMeta\":{\"title\":\"小邹旅行\",\"desc\":\"\"}}")).withHeader("Content-Type", "text/html")));
    }

    private static void assertRecordedVideo(Post post) {
        assertThat(post.id()).isEqualTo(ID);
        assertThat(post.url()).hasValue(URL);
        assertThat(post.text()).hasValue("新中国第一条运河太震撼了#china #大国基建 ");
        assertThat(post.createdAt()).hasValue(Instant.ofEpochSecond(1745842841));
        assertThat(post.viewCount()).hasValue(14_200_000);
        assertThat(post.likeCount()).hasValue(866_000);
        assertThat(post.commentCount()).hasValue(18_900);
        assertThat(post.shareCount()).hasValue(34_700);
        assertThat(post.author().orElseThrow().id()).hasValue("6799838955094836230");
        assertThat(post.author().orElseThrow().handle()).hasValue("zg.520");
        assertThat(post.author().orElseThrow().displayName()).hasValue("小邹旅行🇨🇳");
        assertThat(post.extras()).containsEntry("save_count", 59_149L).containsEntry("duration_seconds", 30L)
                .containsEntry("hashtags", List.of("china", "大国基建")).containsEntry("music_id", "7492313461236632326")
                .containsEntry("music_title", "原创音乐").containsEntry("music_author", "爱旅行的宝哥")
                .containsEntry("pinned", true).containsEntry("language", "zh-Hans").containsEntry("author_sec_uid", SEC_UID);
        assertThat(post.media()).extracting(Media::type).containsExactly(Media.Type.VIDEO, Media.Type.IMAGE, Media.Type.AUDIO);
        Media video = post.media().get(0);
        assertThat(video.url()).startsWith("https://v16-webapp-prime.us.tiktok.com/video/tos/alisg/").contains("oIf5iJojgIRuBgMkDfAWNHVTA854QhQCJAUceA");
        assertThat(video.width()).hasValue(576);
        assertThat(video.height()).hasValue(1024);
        assertThat(video.duration()).hasValue(Duration.ofSeconds(30));
        assertThat(video.mimeType()).hasValue("video/mp4");
        assertThat(video.variants()).hasSize(3);
        assertThat(video.variants().get(1).url()).contains("oU8PagQC8I9EVyiAPAEiJhEuPM3QkAzpBBYdE");
        assertThat(video.variants().get(1).width()).hasValue(720);
        assertThat(video.variants().get(1).height()).hasValue(1280);
        assertThat(video.variants().get(2).url()).contains("oQIiAVEhzGBEydYAQIAGkJknPPqJ9UgBpPaEi");
        Media cover = post.media().get(1);
        assertThat(cover.url()).contains("o8pEBDQUFIA3LABIfLcKPfAC9gE8SCDAoENRAF");
        assertThat(cover.variants()).singleElement().satisfies(v -> assertThat(v.url()).contains("o0kQHDGJQDCIeIOveIAAQwPLeuPhpSDUpvAjoc"));
        assertThat(post.media().get(2).duration()).hasValue(Duration.ofSeconds(35));
    }

    @Test
    void readsAVideoFromItsPageData() {
        stubVideoPage();
        try (StarExport star = engine(server).build(); Stream<Post> posts = star.export(URL).posts().stream()) {
            assertRecordedVideo(posts.toList().get(0));
        }
    }

    @Test
    void exportsAVideosFilesAsMedia() {
        stubVideoPage();
        List<MediaItem> media;
        try (StarExport star = engine(server).build(); Stream<MediaItem> stream = star.export(URL).media().stream()) {
            media = stream.toList();
        }
        assertThat(media).extracting(MediaItem::id).containsExactly(ID + "-0", ID + "-1", ID + "-2");
        assertThat(media).extracting(MediaItem::index).containsExactly(0, 1, 2);
        assertThat(media).allSatisfy(m -> {
            assertThat(m.postId()).hasValue(ID);
            assertThat(m.createdAt()).hasValue(Instant.ofEpochSecond(1745842841));
        });
        assertThat(media.get(0).media().type()).isEqualTo(Media.Type.VIDEO);
        assertThat(new TikTokPlatform().mediaHosts()).anySatisfy(host ->
                assertThat(io.starexport.spi.Hosts.matches("v16-webapp-prime.us.tiktok.com", host)).isTrue());
        assertThat(new TikTokPlatform().mediaHosts()).anySatisfy(host ->
                assertThat(io.starexport.spi.Hosts.matches("p16-common-sign.tiktokcdn-us.com", host)).isTrue());
    }

    @Test
    void fallsBackToTheItemDetailApiWhenThePageHasNoData() {
        server.stubFor(get(urlPathEqualTo("/@_/video/" + ID)).willReturn(ok("<html><body><div id=\"app\"></div></body></html>")));
        server.stubFor(get(urlPathEqualTo("/api/item/detail/")).withQueryParam("itemId", equalTo(ID))
                .willReturn(okJson("{\"itemInfo\":{\"itemStruct\":" + item() + "},\"statusCode\":0,\"status_code\":0,"
                        + "\"status_msg\":\"\"}")));
        try (StarExport star = engine(server).build();
             Stream<Post> posts = star.export("https://www.tiktok.com/embed/v2/" + ID).posts().stream()) {
            assertRecordedVideo(posts.toList().get(0));
        }
    }

    /**
     * A page whose rehydration data lacks the {@code webapp.video-detail} scope (synthetic, after the reference's
     * section 2.4; yt-dlp treats it as "no video data" and tries other sources) goes on to the item-detail API.
     */
    @Test
    void fallsBackToTheItemDetailApiWhenThePageDataHasNoVideoScope() {
        server.stubFor(get(urlPathEqualTo("/@zg.520/video/" + ID)).willReturn(ok(page("webapp.app-context", "{}"))));
        server.stubFor(get(urlPathEqualTo("/api/item/detail/")).withQueryParam("itemId", equalTo(ID))
                .willReturn(okJson("{\"itemInfo\":{\"itemStruct\":" + item() + "},\"statusCode\":0}")));
        try (StarExport star = engine(server).build(); Stream<Post> posts = star.export(URL).posts().stream()) {
            assertRecordedVideo(posts.toList().get(0));
        }
    }

    @Test
    void readsTheOlderSigiStatePageData() {
        server.stubFor(get(urlPathEqualTo("/@zg.520/video/" + ID)).willReturn(ok("<html><body><script id=\"SIGI_STATE\" "
                + "type=\"application/json\">{\"AppContext\":{},\"ItemModule\":{\"" + ID + "\":"
                + item().replaceFirst("\"author\":\\{[^}]*\\}", "\"author\":\"zg.520\"") + "}}</script></body></html>")));
        try (StarExport star = engine(server).build(); Stream<Post> posts = star.export(URL).posts().stream()) {
            Post post = posts.toList().get(0);
            assertThat(post.id()).isEqualTo(ID);
            assertThat(post.author().orElseThrow().handle()).hasValue("zg.520");
            assertThat(post.viewCount()).hasValue(14_200_000);
        }
    }

    /**
     * The older SIGI_STATE page may list more than one item in {@code ItemModule} (yt-dlp reads
     * {@code ItemModule[video_id]}); the export takes the one the URL names. Synthetic page after the
     * reference's section 2.4.
     */
    @Test
    void takesTheRequestedItemFromASigiStatePageWithSeveral() {
        String other = item().replace(ID, "7498337886933190000").replaceFirst("\"desc\":\"[^\"]*\"", "\"desc\":\"other\"");
        server.stubFor(get(urlPathEqualTo("/@zg.520/video/" + ID)).willReturn(ok("<html><body><script id=\"SIGI_STATE\" "
                + "type=\"application/json\">{\"ItemModule\":{\"7498337886933190000\":" + other + ",\"" + ID + "\":" + item()
                + "}}</script></body></html>")));
        try (StarExport star = engine(server).build(); Stream<Post> posts = star.export(URL).posts().stream()) {
            assertRecordedVideo(posts.toList().get(0));
        }
    }

    /**
     * Newer item shapes (synthetic, after the reference's section 2.4 and yt-dlp's {@code _parse_aweme_video_web},
     * which reads {@code bitrateInfo[].PlayAddr.UrlList} besides {@code playAddr} and takes thumbnails from any of
     * {@code cover}, {@code originCover}, {@code dynamicCover}): an empty {@code playAddr}, no {@code downloadAddr},
     * the renditions only in {@code bitrateInfo}; only an {@code originCover}; {@code createTime} and counts as
     * strings, no {@code statsV2}.
     */
    @Test
    void findsTheVideoFileInBitrateInfoWhenPlayAddrIsEmpty() {
        String item = "{\"id\":\"" + ID + "\",\"desc\":\"d\",\"createTime\":\"1745842841\","
                + "\"author\":{\"id\":\"6799838955094836230\",\"uniqueId\":\"zg.520\"},"
                + "\"stats\":{\"playCount\":\"1200\",\"diggCount\":\"12\"},"
                + "\"video\":{\"duration\":30,\"width\":576,\"height\":1024,\"playAddr\":\"\",\"cover\":\"\","
                + "\"originCover\":\"https://p16-sign-va.tiktokcdn.com/origin.jpeg\","
                + "\"bitrateInfo\":[{\"PlayAddr\":{\"Width\":1080,\"Height\":1920,\"UrlList\":[\"https://v16-webapp-prime.us.tiktok.com/video/hd\"]}},"
                + "{\"PlayAddr\":{\"Width\":576,\"Height\":1024,\"UrlList\":[\"https://v16-webapp-prime.us.tiktok.com/video/sd\"]}}]}}";
        server.stubFor(get(urlPathEqualTo("/@zg.520/video/" + ID)).willReturn(ok(page("webapp.video-detail",
                "{\"statusCode\":0,\"itemInfo\":{\"itemStruct\":" + item + "}}"))));
        try (StarExport star = engine(server).build(); Stream<Post> posts = star.export(URL).posts().stream()) {
            Post post = posts.toList().get(0);
            assertThat(post.createdAt()).hasValue(Instant.ofEpochSecond(1745842841));
            assertThat(post.viewCount()).hasValue(1200);
            assertThat(post.likeCount()).hasValue(12);
            assertThat(post.commentCount()).isEmpty();
            assertThat(post.media()).extracting(Media::type).containsExactly(Media.Type.VIDEO, Media.Type.IMAGE);
            assertThat(post.media().get(1).url()).isEqualTo("https://p16-sign-va.tiktokcdn.com/origin.jpeg");
            assertThat(post.media()).first().satisfies(video -> {
                assertThat(video.type()).isEqualTo(Media.Type.VIDEO);
                assertThat(video.url()).isEqualTo("https://v16-webapp-prime.us.tiktok.com/video/hd");
                assertThat(video.width()).hasValue(1080);
                assertThat(video.duration()).hasValue(Duration.ofSeconds(30));
                assertThat(video.variants()).extracting(Media.Variant::url)
                        .containsExactly("https://v16-webapp-prime.us.tiktok.com/video/sd");
            });
        }
    }

    @Test
    void privateAndMissingVideosMapToTheirErrors() {
        server.stubFor(get(urlPathEqualTo("/@zg.520/video/" + ID)).willReturn(ok(page("webapp.video-detail",
                "{\"statusCode\":10216,\"statusMsg\":\"\"}"))));
        server.stubFor(get(urlPathEqualTo("/@zg.520/video/7498337886933191944")).willReturn(ok(page("webapp.video-detail",
                "{\"statusCode\":10204,\"statusMsg\":\"\"}"))));
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export(URL).posts()))
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRIVATE_CONTENT));
            assertThatThrownBy(() -> TikTokTesting.drain(star.export("https://www.tiktok.com/@zg.520/video/7498337886933191944").posts()))
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
    }

    @Test
    void aWafChallengePageIsARateLimit() {
        server.stubFor(get(urlPathEqualTo("/@zg.520/video/" + ID)).willReturn(ok("<html><head><title>Please wait...</title>"
                + "</head><body><p id=\"cs\" class=\"eyJ2IjoxfQ\"></p></body></html>")));
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export(URL).posts()))
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));
        }
    }

    private static String userPage(int status) {
        return page("webapp.user-detail", "{\"statusCode\":" + status + ",\"statusMsg\":\"\",\"userInfo\":{\"user\":{"
                + "\"id\":\"6799838955094836230\",\"uniqueId\":\"zg.520\",\"nickname\":\"小邹旅行🇨🇳\","
                + "\"signature\":\"账号出售，需要的联系VX:zmk1086\",\"verified\":false,\"secUid\":\"" + SEC_UID + "\","
                + "\"privateAccount\":false,\"createTime\":1583152468,\"avatarLarger\":\"https://p16-common-sign.tiktokcdn-us.com/a.jpeg\"},"
                + "\"stats\":{\"diggCount\":1114,\"followerCount\":427700,\"followingCount\":176,\"friendCount\":0,"
                + "\"heart\":6800000,\"heartCount\":6800000,\"videoCount\":1605},"
                + "\"statsV2\":{\"diggCount\":\"1114\",\"followerCount\":\"427712\",\"followingCount\":\"176\",\"friendCount\":\"0\","
                + "\"heart\":\"6800000\",\"heartCount\":\"6800123\",\"videoCount\":\"1605\"}}}");
    }

    @Test
    void readsAProfileFromTheUserPage() {
        server.stubFor(get(urlPathEqualTo("/@zg.520")).willReturn(ok(userPage(0))));
        Profile profile;
        try (StarExport star = engine(server).build();
             Stream<Profile> stream = star.export("https://www.tiktok.com/@zg.520?lang=en").profile().stream()) {
            profile = stream.toList().get(0);
        }
        assertThat(profile.id()).isEqualTo("6799838955094836230");
        assertThat(profile.url()).hasValue("https://www.tiktok.com/@zg.520");
        assertThat(profile.author().orElseThrow().handle()).hasValue("zg.520");
        assertThat(profile.author().orElseThrow().displayName()).hasValue("小邹旅行🇨🇳");
        assertThat(profile.bio()).hasValue("账号出售，需要的联系VX:zmk1086");
        assertThat(profile.followerCount()).hasValue(427_712);
        assertThat(profile.followingCount()).hasValue(176);
        assertThat(profile.postCount()).hasValue(1605);
        assertThat(profile.createdAt()).hasValue(Instant.ofEpochSecond(1583152468));
        assertThat(profile.extras()).containsEntry("likes_count", 6_800_123L).containsEntry("sec_uid", SEC_UID)
                .containsEntry("private_account", false);
    }

    @Test
    void aPrivateAccountIsReported() {
        server.stubFor(get(urlPathEqualTo("/@zg.520")).willReturn(ok(userPage(10222))));
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export("https://www.tiktok.com/@zg.520").posts()))
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRIVATE_CONTENT));
        }
    }

    private static void stubUserVideos() {
        server.stubFor(get(urlPathEqualTo("/@zg.520")).willReturn(ok(userPage(0))));
        server.stubFor(get(urlPathEqualTo("/api/post/item_list/")).withQueryParam("secUid", equalTo(SEC_UID))
                .withQueryParam("cursor", equalTo("0")).willReturn(okJson(resource("web/item-list.page1.json"))));
        String photo = "{\"id\":\"7162203925925039406\",\"desc\":\"photos #travel\",\"createTime\":\"1667593200\","
                + "\"author\":{\"id\":\"6799838955094836230\",\"uniqueId\":\"zg.520\",\"nickname\":\"小邹旅行🇨🇳\"},"
                + "\"stats\":{\"playCount\":1200,\"diggCount\":30,\"commentCount\":2,\"shareCount\":1,\"collectCount\":4},"
                + "\"video\":{\"duration\":0},\"music\":{\"id\":\"1\",\"title\":\"song\",\"duration\":12},"
                + "\"textExtra\":[{\"hashtagName\":\"travel\"}],"
                + "\"imagePost\":{\"images\":[{\"imageURL\":{\"urlList\":[\"https://p16-sign-va.tiktokcdn.com/photo1.jpeg\"]},"
                + "\"imageWidth\":1080,\"imageHeight\":1440},{\"imageURL\":{\"urlList\":[\"https://p16-sign-va.tiktokcdn.com/photo2.jpeg\"]},"
                + "\"imageWidth\":1080,\"imageHeight\":1350}],\"cover\":{\"imageURL\":{\"urlList\":[\"https://p16-sign-va.tiktokcdn.com/cover.jpeg\"]}}}}";
        server.stubFor(get(urlPathEqualTo("/api/post/item_list/")).withQueryParam("cursor", equalTo("31865"))
                .willReturn(okJson("{\"cursor\":\"0\",\"hasMore\":false,\"itemList\":[" + photo + "],\"statusCode\":0,"
                        + "\"status_code\":0,\"status_msg\":\"\"}")));
    }

    @Test
    void pagesThroughAUsersVideos() {
        stubUserVideos();
        List<Post> posts;
        try (StarExport star = engine(server).build();
             Stream<Post> stream = star.export("https://www.tiktok.com/@zg.520").posts().stream()) {
            posts = stream.toList();
        }
        assertThat(posts).extracting(Post::id).containsExactly(ID, "7162203925925039406");
        assertRecordedVideo(posts.get(0));
        Post photo = posts.get(1);
        assertThat(photo.url()).hasValue("https://www.tiktok.com/@zg.520/photo/7162203925925039406");
        assertThat(photo.createdAt()).hasValue(Instant.ofEpochSecond(1667593200));
        assertThat(photo.viewCount()).hasValue(1200);
        assertThat(photo.extras()).containsEntry("duration_seconds", 12L).containsEntry("hashtags", List.of("travel"));
        assertThat(photo.media()).extracting(Media::url).containsExactly("https://p16-sign-va.tiktokcdn.com/photo1.jpeg",
                "https://p16-sign-va.tiktokcdn.com/photo2.jpeg", "https://p16-sign-va.tiktokcdn.com/cover.jpeg");
        assertThat(photo.media().get(0).width()).hasValue(1080);
        assertThat(photo.media().get(0).height()).hasValue(1440);
        server.verify(getRequestedFor(urlPathEqualTo("/api/post/item_list/")).withQueryParam("count", equalTo("30"))
                .withQueryParam("aid", equalTo("1988")).withQueryParam("from_page", equalTo("user")));
    }

    /**
     * An {@code /api/post/item_list/} page can come back without items yet with {@code hasMore} and a new
     * cursor (TikTok-Api's {@code user.videos} keeps paging while {@code hasMore}); the export follows the
     * cursor instead of stopping. Synthetic pages after the reference's section 2.5.
     */
    @Test
    void anEmptyVideoListPageWithMoreToComeIsNotTheEnd() {
        server.stubFor(get(urlPathEqualTo("/@zg.520")).willReturn(ok(userPage(0))));
        server.stubFor(get(urlPathEqualTo("/api/post/item_list/")).withQueryParam("cursor", equalTo("0"))
                .willReturn(okJson("{\"cursor\":\"1745842841000\",\"hasMore\":true,\"itemList\":[],\"statusCode\":0}")));
        server.stubFor(get(urlPathEqualTo("/api/post/item_list/")).withQueryParam("cursor", equalTo("1745842841000"))
                .willReturn(okJson("{\"cursor\":\"1740000000000\",\"hasMore\":false,\"itemList\":["
                        + minimalItem("7480000000000000003", 1740000000L) + "],\"statusCode\":0}")));
        try (StarExport star = engine(server).build();
             Stream<Post> stream = star.export("https://www.tiktok.com/@zg.520").posts().stream()) {
            assertThat(stream.map(Post::id)).containsExactly("7480000000000000003");
        }
    }

    @Test
    void exportsTheFilesOfAUsersVideos() {
        stubUserVideos();
        try (StarExport star = engine(server).build();
             Stream<MediaItem> stream = star.export("https://www.tiktok.com/@zg.520").media().stream()) {
            assertThat(stream.map(MediaItem::id)).containsExactly(ID + "-0", ID + "-1", ID + "-2",
                    "7162203925925039406-0", "7162203925925039406-1", "7162203925925039406-2");
        }
    }

    private static String minimalItem(String id, long createTime) {
        return "{\"id\":\"" + id + "\",\"desc\":\"v" + id + "\",\"createTime\":" + createTime
                + ",\"author\":{\"id\":\"6799838955094836230\",\"uniqueId\":\"zg.520\"},\"stats\":{\"playCount\":5}}";
    }

    @Test
    void fallsBackToTheCreatorListWhenTheItemListIsBlocked() {
        server.stubFor(get(urlPathEqualTo("/@zg.520")).willReturn(ok(userPage(0))));
        server.stubFor(get(urlPathEqualTo("/api/post/item_list/")).willReturn(ok("")));
        Instant until = Instant.parse("2025-05-01T00:00:00Z");
        server.stubFor(get(urlPathEqualTo("/api/creator/item_list/")).withQueryParam("secUid", equalTo(SEC_UID))
                .withQueryParam("cursor", equalTo(String.valueOf(until.toEpochMilli())))
                .willReturn(okJson("{\"itemList\":[" + item() + "," + minimalItem("7490000000000000002", 1744000000L)
                        + "],\"hasMorePrevious\":true,\"statusCode\":0}")));
        server.stubFor(get(urlPathEqualTo("/api/creator/item_list/")).withQueryParam("cursor", equalTo("1744000000000"))
                .willReturn(okJson("{\"itemList\":[" + minimalItem("7490000000000000002", 1744000000L) + ","
                        + minimalItem("7480000000000000003", 1740000000L) + "],\"hasMorePrevious\":false,\"statusCode\":0}")));
        List<Post> posts;
        try (StarExport star = engine(server).build();
             Stream<Post> stream = star.export("https://www.tiktok.com/@zg.520").posts().until(until).stream()) {
            posts = stream.toList();
        }
        assertThat(posts).extracting(Post::id).containsExactly(ID, "7490000000000000002", "7480000000000000003");
        assertRecordedVideo(posts.get(0));
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/creator/item_list/")).withQueryParam("type", equalTo("1"))
                .withQueryParam("count", equalTo("15")).withQueryParam("verifyFp", com.github.tomakehurst.wiremock.client.WireMock.matching("verify_[0-9a-f]{7}")));
    }

    @Test
    void whenBothListsAreBlockedTheErrorNamesTheSigner() {
        server.stubFor(get(urlPathEqualTo("/@zg.520")).willReturn(ok(userPage(0))));
        server.stubFor(get(urlPathEqualTo("/api/post/item_list/")).willReturn(ok("")));
        server.stubFor(get(urlPathEqualTo("/api/creator/item_list/")).willReturn(ok("")));
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export("https://www.tiktok.com/@zg.520").posts()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
                        assertThat(e.getMessage()).contains("TikTokPlatform.builder().signer(");
                    });
        }
    }

    @Test
    void hashtagsNeedTheResearchApi() {
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export("https://www.tiktok.com/tag/travel").posts()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CONTENT);
                        assertThat(e.getMessage()).contains("client_key");
                    });
        }
    }

    @Test
    void aRedirectToTheLoginPageAsksForCookies() {
        server.stubFor(get(urlPathEqualTo("/@zg.520")).willReturn(aResponse().withStatus(302).withHeader("Location", "/login?redirect_url=x")));
        server.stubFor(get(urlPathEqualTo("/login")).willReturn(ok("<html><body>Log in</body></html>")));
        try (StarExport star = engine(server).build()) {
            assertThatThrownBy(() -> TikTokTesting.drain(star.export("https://www.tiktok.com/@zg.520").profile()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
                        assertThat(e.getMessage()).contains("'cookie'");
                    });
        }
    }
}
