package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.ExportResult;
import io.starexport.api.Item;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.platform.youtube.YouTubeTests.API_KEY;
import static io.starexport.platform.youtube.YouTubeTests.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Videos, channels and playlists through the Data API. Recorded bodies (sns-sdks/python-youtube @ 1694c2c,
 * MIT): {@code testdata/apidata/videos/videos_info_single.json}, {@code channels/info.json},
 * {@code playlist_items/playlist_items_paged_{1,2}.json}. The channel with {@code contentDetails} and the
 * videos.list answers for the playlist's videos are synthetic ({@link DataApiBodies}, reference §1.4–1.5).
 */
class DataApiVideosTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PLAYLIST = "PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw";

    @TempDir
    Path dir;

    private StarExport engine() {
        return YouTubeTests.engine(server, new YouTubePlatform(), API_KEY).build();
    }

    @Test
    void exportsTheRecordedVideoAsAPost() {
        server.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("id", equalTo("D-lhorsDlUQ"))
                .willReturn(okJson(resource("data-api/videos_info_single.json"))));
        List<Post> posts;
        try (StarExport star = engine()) {
            posts = star.export("https://www.youtube.com/watch?v=D-lhorsDlUQ").posts().stream().toList();
        }
        assertThat(posts).hasSize(1);
        Post post = posts.get(0);
        assertThat(post.id()).isEqualTo("D-lhorsDlUQ");
        assertThat(post.title()).hasValue("What are Actions on Google (Assistant on Air)");
        assertThat(post.text().orElseThrow()).startsWith("In the first episode of Assistant on Air");
        assertThat(post.createdAt()).hasValue(Instant.parse("2019-03-21T20:37:49Z"));
        assertThat(post.author().orElseThrow().id()).hasValue("UC_x5XG1OV2P6uZZ5FSM9Ttw");
        assertThat(post.author().orElseThrow().displayName()).hasValue("Google Developers");
        // The recording was made with part=snippet,player: no statistics, so the counts stay unknown.
        assertThat(post.viewCount()).isEmpty();
        assertThat(post.likeCount()).isEmpty();
        assertThat(post.commentCount()).isEmpty();
        Media thumbnail = post.media().get(0);
        assertThat(thumbnail.type()).isEqualTo(Media.Type.IMAGE);
        assertThat(thumbnail.url()).isEqualTo("https://i.ytimg.com/vi/D-lhorsDlUQ/maxresdefault.jpg");
        assertThat(thumbnail.width()).hasValue(1280);
        assertThat(thumbnail.variants()).hasSize(5);
        assertThat(post.media().get(1).url()).isEqualTo("https://www.youtube.com/watch?v=D-lhorsDlUQ");
        assertThat(post.extras()).containsEntry("category_id", "28").containsEntry("default_language", "en");
        assertThat(post.extras().get("tags")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(20).contains("Actions on Google");
        server.verify(getRequestedFor(urlPathEqualTo("/youtube/v3/videos"))
                .withQueryParam("part", equalTo("snippet,statistics,contentDetails")));
    }

    @Test
    void exportsAVideosMediaWithItsCountsAndDuration() {
        ObjectNode body = DataApiBodies.list("youtube#videoListResponse", null, 1);
        body.withArray("items").add(DataApiBodies.video("CvTApw9X8aA", "Welcome", 184328));
        server.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(okJson(body.toString())));
        List<MediaItem> media;
        List<Post> posts;
        try (StarExport star = engine()) {
            media = star.export("https://youtu.be/CvTApw9X8aA").media().stream().toList();
            posts = star.export("https://youtu.be/CvTApw9X8aA").posts().stream().toList();
        }
        assertThat(media).extracting(MediaItem::id).containsExactly("CvTApw9X8aA:thumbnail", "CvTApw9X8aA:video");
        assertThat(media.get(1).media().duration()).hasValue(Duration.ofMinutes(21).plusSeconds(7));
        assertThat(media.get(0).postId()).hasValue("CvTApw9X8aA");
        Post post = posts.get(0);
        assertThat(post.viewCount()).hasValue(184328);
        assertThat(post.likeCount()).hasValue(120);
        assertThat(post.commentCount()).hasValue(14);
        assertThat(post.extras()).containsEntry("duration", "PT21M7S").containsEntry("caption", "true");
    }

    @Test
    void exportsTheRecordedChannelAsAProfile() {
        server.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).withQueryParam("forHandle", equalTo("@googledevelopers"))
                .willReturn(okJson(resource("data-api/info.json"))));
        List<Profile> profiles;
        try (StarExport star = engine()) {
            profiles = star.export("https://www.youtube.com/@googledevelopers").profile().stream().toList();
        }
        Profile profile = profiles.get(0);
        assertThat(profile.id()).isEqualTo("UC_x5XG1OV2P6uZZ5FSM9Ttw");
        assertThat(profile.author().orElseThrow().handle()).hasValue("googledevelopers");
        assertThat(profile.author().orElseThrow().displayName()).hasValue("Google Developers");
        assertThat(profile.author().orElseThrow().url()).hasValue("https://www.youtube.com/@googledevelopers");
        assertThat(profile.bio().orElseThrow()).startsWith("The Google Developers channel features talks");
        assertThat(profile.createdAt()).hasValue(Instant.parse("2007-08-23T00:34:43Z"));
        assertThat(profile.followerCount()).isEmpty();
        assertThat(profile.extras()).containsEntry("country", "US").containsEntry("custom_url", "@googledevelopers");
        assertThat((String) profile.extras().get("avatar_url")).contains("s800-c-k");
    }

    @Test
    void exportsAChannelsUploadsThroughTheRecordedPlaylistPages() {
        ObjectNode channel = DataApiBodies.list("youtube#channelListResponse", null, 1);
        ObjectNode item = channel.withArray("items").addObject().put("kind", "youtube#channel").put("id", "UC_x5XG1OV2P6uZZ5FSM9Ttw");
        item.putObject("snippet").put("title", "Google Developers");
        item.putObject("contentDetails").putObject("relatedPlaylists").put("likes", "").put("uploads", PLAYLIST);
        server.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).withQueryParam("id", equalTo("UC_x5XG1OV2P6uZZ5FSM9Ttw"))
                .willReturn(okJson(channel.toString())));
        List<String> expected = stubPlaylist();
        List<Post> posts;
        ExportResult result;
        try (StarExport star = engine()) {
            posts = star.export("https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw").posts().stream().toList();
            result = star.export("https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw").posts()
                    .to(dir.resolve("posts.jsonl")).run();
        }
        assertThat(posts).extracting(Post::id).isEqualTo(expected);
        assertThat(result.reportedTotal()).hasValue(13);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.skippedSamples().get(0).reason()).contains("Yh4EKaUY3gg").contains("private");
        server.verify(getRequestedFor(urlPathEqualTo("/youtube/v3/playlistItems")).withQueryParam("maxResults", equalTo("50"))
                .withQueryParam("playlistId", equalTo(PLAYLIST)));
    }

    @Test
    void exportsAPlaylistsVideos() {
        List<String> expected = stubPlaylist();
        List<Item> items = new ArrayList<>();
        try (StarExport star = engine()) {
            star.export("https://www.youtube.com/playlist?list=" + PLAYLIST).posts().stream().forEach(items::add);
        }
        assertThat(items).extracting(Item::id).isEqualTo(expected);
        Post first = (Post) items.get(0);
        assertThat(first.title()).hasValue("video CvTApw9X8aA");
        assertThat(first.viewCount()).hasValue(1000);
    }

    /**
     * A page token that comes back as its own next token ends the paging instead of looping (the
     * recorded second page, changed to name itself as the next page; synthetic).
     */
    @Test
    void aRepeatedPlaylistPageTokenEndsThePaging() throws Exception {
        List<String> expected = stubPlaylist();
        ObjectNode second = (ObjectNode) YouTubeTests.JSON.readTree(resource("data-api/playlist_items_paged_2.json"));
        second.put("nextPageToken", "CAoQAA");
        server.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).withQueryParam("pageToken", equalTo("CAoQAA"))
                .willReturn(okJson(second.toString())));
        List<Item> items = new ArrayList<>();
        try (StarExport star = engine()) {
            star.export("https://www.youtube.com/playlist?list=" + PLAYLIST).posts().stream().forEach(items::add);
        }
        assertThat(items).extracting(Item::id).isEqualTo(expected);
        server.verify(2, getRequestedFor(urlPathEqualTo("/youtube/v3/playlistItems")));
    }

    /** The two recorded playlistItems pages, and videos.list answers for their videos except one private video. */
    private static List<String> stubPlaylist() {
        server.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).withQueryParam("pageToken", absent())
                .willReturn(okJson(resource("data-api/playlist_items_paged_1.json"))));
        server.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).withQueryParam("pageToken", equalTo("CAoQAA"))
                .willReturn(okJson(resource("data-api/playlist_items_paged_2.json"))));
        List<String> expected = new ArrayList<>();
        for (String page : new String[]{"playlist_items_paged_1.json", "playlist_items_paged_2.json"}) {
            JsonNode recorded;
            try {
                recorded = YouTubeTests.JSON.readTree(resource("data-api/" + page));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            List<String> ids = new ArrayList<>();
            ObjectNode videos = DataApiBodies.list("youtube#videoListResponse", null, 0);
            for (JsonNode entry : recorded.path("items")) {
                String id = entry.path("snippet").path("resourceId").path("videoId").asText();
                ids.add(id);
                if (!id.equals("Yh4EKaUY3gg")) {
                    expected.add(id);
                    videos.withArray("items").add(DataApiBodies.video(id, "video " + id, 1000));
                }
            }
            server.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("id", equalTo(String.join(",", ids)))
                    .willReturn(okJson(videos.toString())));
        }
        return expected;
    }
}
