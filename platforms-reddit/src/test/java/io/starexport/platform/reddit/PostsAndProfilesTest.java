package io.starexport.platform.reddit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Media;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.api.Sort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Post listings (subreddit listings with {@code t}, search, a user's submissions, one post) and the about
 * data of users and subreddits, on the public JSON endpoints. Bodies are synthetic, in the shapes of
 * reference §1.7 and §1.10 and of the recorded 2026 listing ({@code TestSubmission.test_hide_multiple_in_batches.json}).
 */
class PostsAndProfilesTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static String listing(String after, String... ids) {
        StringBuilder children = new StringBuilder();
        for (String id : ids) {
            children.append(children.length() == 0 ? "" : ", ").append("{\"kind\": \"t3\", \"data\": {\"id\": \"").append(id)
                    .append("\", \"name\": \"t3_").append(id).append("\", \"title\": \"Post ").append(id)
                    .append("\", \"created_utc\": 1776100175.0, \"permalink\": \"/r/pics/comments/").append(id).append("/x/\"}}");
        }
        return "{\"kind\": \"Listing\", \"data\": {\"after\": " + (after == null ? "null" : "\"" + after + "\"")
                + ", \"dist\": " + ids.length + ", \"children\": [" + children + "]}}";
    }

    private static <T> List<T> stream(Stream<T> items) {
        try (items) {
            return items.toList();
        }
    }

    @Test
    void pagesATopListingWithItsPeriodAfterAndCount() {
        server.stubFor(get(urlPathEqualTo("/r/pics/top.json")).withQueryParam("after", absent())
                .willReturn(okJson(listing("t3_b2", "a1", "b2"))));
        server.stubFor(get(urlPathEqualTo("/r/pics/top.json")).withQueryParam("after", equalTo("t3_b2"))
                .withQueryParam("count", equalTo("2")).willReturn(okJson(listing(null, "c3"))));
        try (StarExport star = Reddit.engine(server).build()) {
            List<Post> posts = stream(star.export("https://old.reddit.com/r/pics/top/?t=week").posts().stream());
            assertThat(posts).extracting(Post::id).containsExactly("a1", "b2", "c3");
            assertThat(posts.get(0).url()).hasValue("https://www.reddit.com/r/pics/comments/a1/x/");
        }
        server.verify(2, getRequestedFor(urlPathEqualTo("/r/pics/top.json")).withQueryParam("t", equalTo("week"))
                .withQueryParam("limit", equalTo("100")).withQueryParam("raw_json", equalTo("1")));
    }

    @Test
    void theNewestSortReadsTheNewListingAndAUserReadsTheirSubmissions() {
        server.stubFor(get(urlPathEqualTo("/r/pics/new.json")).willReturn(okJson(listing(null, "n1"))));
        server.stubFor(get(urlPathEqualTo("/user/spez/submitted.json")).willReturn(okJson(listing(null, "u1", "u2"))));
        try (StarExport star = Reddit.engine(server).build()) {
            assertThat(stream(star.export("https://www.reddit.com/r/pics").posts().sort(Sort.NEWEST).stream()))
                    .extracting(Post::id).containsExactly("n1");
            assertThat(stream(star.export("https://www.reddit.com/u/spez").posts().stream()))
                    .extracting(Post::id).containsExactly("u1", "u2");
        }
        server.verify(getRequestedFor(urlPathEqualTo("/user/spez/submitted.json")).withQueryParam("sort", equalTo("new")));
    }

    @Test
    void searchesInsideASubreddit() {
        server.stubFor(get(urlPathEqualTo("/r/pics/search.json")).willReturn(okJson(listing(null, "s1"))));
        try (StarExport star = Reddit.engine(server).build()) {
            assertThat(stream(star.export("https://www.reddit.com/r/pics/search/?q=red+panda&restrict_sr=1").posts().stream()))
                    .extracting(Post::id).containsExactly("s1");
        }
        server.verify(getRequestedFor(urlPathEqualTo("/r/pics/search.json")).withQueryParam("q", equalTo("red panda"))
                .withQueryParam("restrict_sr", equalTo("1")).withQueryParam("sort", equalTo("relevance")));
    }

    @Test
    void aPostUrlExportsThatPostWithGalleryAnimationsAndItsCrosspostsMedia() {
        // A gallery item of kind AnimatedImage (reference §1.10: s has gif, mp4, x, y) and a failed item.
        server.stubFor(get(urlPathEqualTo("/comments/g1.json")).willReturn(okJson("[{\"kind\": \"Listing\", \"data\": "
                + "{\"children\": [{\"kind\": \"t3\", \"data\": {\"id\": \"g1\", \"name\": \"t3_g1\", \"title\": \"Gifs\", "
                + "\"author\": \"poster\", \"author_fullname\": \"t2_p\", \"is_gallery\": true, \"over_18\": true, "
                + "\"gallery_data\": {\"items\": [{\"media_id\": \"m1\", \"id\": 1}, {\"media_id\": \"m2\", \"id\": 2}]}, "
                + "\"media_metadata\": {\"m1\": {\"status\": \"valid\", \"e\": \"AnimatedImage\", \"m\": \"image/gif\", "
                + "\"s\": {\"y\": 240, \"x\": 320, \"gif\": \"https://i.redd.it/m1.gif\", \"mp4\": \"https://preview.redd.it/m1.gif?format=mp4\"}}, "
                + "\"m2\": {\"status\": \"failed\"}}}}]}}, {\"kind\": \"Listing\", \"data\": {\"children\": []}}]")));
        // A crosspost without media of its own; the video sits in crosspost_parent_list (reference §1.10).
        server.stubFor(get(urlPathEqualTo("/comments/x1.json")).willReturn(okJson("[{\"kind\": \"Listing\", \"data\": "
                + "{\"children\": [{\"kind\": \"t3\", \"data\": {\"id\": \"x1\", \"crosspost_parent\": \"t3_v1\", "
                + "\"crosspost_parent_list\": [{\"id\": \"v1\", \"secure_media\": {\"reddit_video\": {\"fallback_url\": "
                + "\"https://v.redd.it/v1/CMAF_720.mp4?source=fallback\", \"width\": 1280, \"height\": 720, \"duration\": 12}}}]}}]}}, "
                + "{\"kind\": \"Listing\", \"data\": {\"children\": []}}]")));
        try (StarExport star = Reddit.engine(server).build()) {
            Post gallery = stream(star.export("https://www.reddit.com/gallery/g1").posts().stream()).get(0);
            assertThat(gallery.extras()).containsEntry("nsfw", true);
            assertThat(gallery.media()).singleElement().satisfies(m -> {
                assertThat(m.type()).isEqualTo(Media.Type.VIDEO);
                assertThat(m.url()).isEqualTo("https://preview.redd.it/m1.gif?format=mp4");
                assertThat(m.width()).isEqualTo(OptionalInt.of(320));
                assertThat(m.variants()).extracting(Media.Variant::url).containsExactly("https://i.redd.it/m1.gif");
            });
            Post crosspost = stream(star.export("https://redd.it/x1").posts().stream()).get(0);
            assertThat(crosspost.extras()).containsEntry("crosspost_parent", "t3_v1");
            assertThat(crosspost.media()).singleElement().satisfies(m -> {
                assertThat(m.url()).isEqualTo("https://v.redd.it/v1/CMAF_720.mp4?source=fallback");
                assertThat(m.height()).isEqualTo(OptionalInt.of(720));
            });
        }
        server.verify(getRequestedFor(urlPathEqualTo("/comments/g1.json")).withQueryParam("limit", equalTo("1")));
    }

    @Test
    void readsASubredditsAndAUsersAboutData() {
        server.stubFor(get(urlPathEqualTo("/r/redditdev/about.json")).willReturn(okJson("{\"kind\": \"t5\", \"data\": {"
                + "\"display_name\": \"redditdev\", \"title\": \"reddit Development\", \"public_description\": \"A subreddit "
                + "for discussion of Reddit's API.\", \"subscribers\": 83000, \"created_utc\": 1213802177.0, \"over18\": false, "
                + "\"subreddit_type\": \"public\", \"id\": \"2qizd\", \"name\": \"t5_2qizd\", \"url\": \"/r/redditdev/\"}}")));
        server.stubFor(get(urlPathEqualTo("/user/spez/about.json")).willReturn(okJson("{\"kind\": \"t2\", \"data\": {"
                + "\"name\": \"spez\", \"id\": \"1w72\", \"created_utc\": 1118030400.0, \"link_karma\": 180000, "
                + "\"comment_karma\": 750000, \"total_karma\": 930000, \"is_employee\": true, \"subreddit\": {\"title\": \"spez\", "
                + "\"public_description\": \"Reddit CEO\", \"subscribers\": 12000, \"over_18\": false}}}")));
        try (StarExport star = Reddit.engine(server).build()) {
            Profile subreddit = stream(star.export("https://www.reddit.com/r/redditdev/").profile().stream()).get(0);
            assertThat(subreddit.id()).isEqualTo("2qizd");
            assertThat(subreddit.author().orElseThrow().handle()).hasValue("redditdev");
            assertThat(subreddit.author().orElseThrow().displayName()).hasValue("reddit Development");
            assertThat(subreddit.bio()).hasValue("A subreddit for discussion of Reddit's API.");
            assertThat(subreddit.followerCount()).isEqualTo(OptionalLong.of(83000));
            assertThat(subreddit.createdAt()).hasValue(Instant.ofEpochSecond(1213802177));
            assertThat(subreddit.extras()).containsEntry("subreddit_type", "public");
            Profile user = stream(star.export("https://www.reddit.com/user/spez/").profile().stream()).get(0);
            assertThat(user.id()).isEqualTo("1w72");
            assertThat(user.author().orElseThrow().id()).hasValue("t2_1w72");
            assertThat(user.bio()).hasValue("Reddit CEO");
            assertThat(user.followerCount()).isEqualTo(OptionalLong.of(12000));
            assertThat(user.extras()).containsEntry("link_karma", 180000L).containsEntry("comment_karma", 750000L)
                    .containsEntry("is_employee", true);
        }
    }

    /** A subreddit that does not exist: www.reddit.com answers with a subreddit search (a Listing of t5). */
    @Test
    void aSubredditThatDoesNotExistIsNotFound() {
        server.stubFor(get(urlPathEqualTo("/r/nosuchsub/about.json")).willReturn(okJson("{\"kind\": \"Listing\", "
                + "\"data\": {\"after\": null, \"children\": [{\"kind\": \"t5\", \"data\": {\"display_name\": \"nosuch\"}}]}}")));
        try (StarExport star = Reddit.engine(server).build()) {
            assertThatThrownBy(() -> stream(star.export("https://www.reddit.com/r/nosuchsub/").profile().stream()))
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
    }
}
