package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.platform.youtube.YouTubeTests.API_KEY;
import static io.starexport.platform.youtube.YouTubeTests.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Comments through the Data API, end to end through the real engine against WireMock. Recorded bodies:
 * sns-sdks/python-youtube @ 1694c2c : {@code testdata/apidata/comment_threads/comment_threads_by_video_paged_{1,2}.json}
 * and {@code comments/comments_by_parent_paged_{1,2}.json} (MIT, licence next to them). Threads with more
 * replies than the embedded five are synthetic ({@link DataApiBodies}).
 */
class DataApiCommentsTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String THREADS = "/youtube/v3/commentThreads";
    private static final String COMMENTS = "/youtube/v3/comments";
    private static final String PAGE_2_TOKEN = "QURTSl9pMzdZOUVzMkI0czlmRmNjSVBPcTBTdzVzajUydDVnbE5SNElWS0l5WU12amYweVotdzF5c1hTNmxzUmVIcEZXbmVEVFMzNVJmWk82TVVwUlB2LWh5aUpOQlA5TGQzTWZEcHlTeTd2dlNGRUFZaVF0cmtJd01BTHlnOG0=";

    @TempDir
    Path dir;

    private final YouTubePlatform platform = new YouTubePlatform();

    private StarExport engine() {
        return YouTubeTests.engine(server, platform, API_KEY).build();
    }

    @Test
    void exportsBothRecordedThreadPagesWithEveryField() {
        server.stubFor(get(urlPathEqualTo(THREADS)).withQueryParam("pageToken", absent())
                .willReturn(okJson(resource("data-api/comment_threads_by_video_paged_1.json"))));
        server.stubFor(get(urlPathEqualTo(THREADS)).withQueryParam("pageToken", equalTo(PAGE_2_TOKEN))
                .willReturn(okJson(resource("data-api/comment_threads_by_video_paged_2.json"))));
        List<Comment> comments;
        ExportResult result;
        try (StarExport star = engine()) {
            comments = star.export("https://youtu.be/F1UP7wRCPH8").comments().stream().toList();
            result = star.export("https://youtu.be/F1UP7wRCPH8").comments().to(dir.resolve("a.jsonl")).run();
        }
        // The second recorded page repeats the first one's five threads; the engine drops them as duplicates.
        assertThat(comments).hasSize(5);
        assertThat(result.items()).isEqualTo(5);
        assertThat(result.duplicates()).isEqualTo(5);
        assertThat(result.pages()).isEqualTo(2);
        Comment first = comments.get(0);
        assertThat(first.id()).isEqualTo("UgyZ1jqkHKYvi1-ruOZ4AaABAg");
        assertThat(first.postId()).isEqualTo("F1UP7wRCPH8");
        assertThat(first.parentId()).isEmpty();
        assertThat(first.depth()).isZero();
        assertThat(first.text()).isEqualTo("Google.com");
        assertThat(first.createdAt()).hasValue(Instant.parse("2019-11-26T15:51:44Z"));
        assertThat(first.createdAtApproximate()).isFalse();
        assertThat(first.likeCount()).hasValue(0);
        assertThat(first.replyCount()).hasValue(0);
        assertThat(first.edited()).isFalse();
        assertThat(first.url()).hasValue("https://www.youtube.com/watch?v=F1UP7wRCPH8&lc=UgyZ1jqkHKYvi1-ruOZ4AaABAg");
        assertThat(first.author().orElseThrow().id()).hasValue("UCzj-CjKYmGlZ7vTL-vOe57A");
        assertThat(first.author().orElseThrow().displayName()).hasValue("himani agarwal");
        // authorChannelUrl as the recording has it: the platform's own http URL, not rewritten (issue 16, defect 9f).
        assertThat(first.author().orElseThrow().url()).hasValue("http://www.youtube.com/channel/UCzj-CjKYmGlZ7vTL-vOe57A");
        assertThat(first.extras()).containsEntry("author_profile_image_url",
                "https://yt3.ggpht.com/a/AGF-l78sAaVkRzpOeLtaisG-MYI3gOvnvNL9iXZo3g=s48-c-k-c0xffffffff-no-rj-mo");
        assertThat(comments.get(1).likeCount()).hasValue(1);
        assertThat(comments.get(2).author().orElseThrow().displayName()).hasValue("Andres Jorquera");
        assertThat(comments.get(4).replyCount()).hasValue(2);
        server.verify(getRequestedFor(urlPathEqualTo(THREADS)).withQueryParam("part", equalTo("snippet"))
                .withQueryParam("videoId", equalTo("F1UP7wRCPH8")).withQueryParam("maxResults", equalTo("100"))
                .withQueryParam("order", equalTo("time")).withQueryParam("textFormat", equalTo("plainText"))
                .withQueryParam("key", equalTo(API_KEY)));
    }

    @Test
    void readsRepliesBeyondTheEmbeddedFiveThroughCommentsList() {
        String video = "D-lhorsDlUQ";
        ObjectNode[] embedded = new ObjectNode[5];
        for (int r = 0; r < 5; r++) {
            embedded[r] = DataApiBodies.comment("UgxBig000000000000000000.reply" + r + "0000000", video,
                    "UgxBig000000000000000000", 10 - r);
        }
        ObjectNode page1 = DataApiBodies.list("youtube#commentThreadListResponse", "THREADS2", 3);
        page1.withArray("items").add(DataApiBodies.thread("UgxBig000000000000000000", video, 7, 60, embedded));
        page1.withArray("items").add(DataApiBodies.thread("UgxTwo000000000000000000", video, 2, 70,
                DataApiBodies.comment("UgxTwo000000000000000000.a000000000000", video, "UgxTwo000000000000000000", 65),
                DataApiBodies.comment("UgxTwo000000000000000000.b000000000000", video, "UgxTwo000000000000000000", 64)));
        ObjectNode page2 = DataApiBodies.list("youtube#commentThreadListResponse", null, 1);
        page2.withArray("items").add(DataApiBodies.thread("UgxOld000000000000000000", video, 0, 90));
        ObjectNode replies1 = DataApiBodies.list("youtube#commentListResponse", "REPLIES2", 0);
        for (int r = 0; r < 5; r++) {
            replies1.withArray("items").add(DataApiBodies.comment("UgxBig000000000000000000.all" + r + "000000000",
                    video, "UgxBig000000000000000000", 20 - r));
        }
        ObjectNode replies2 = DataApiBodies.list("youtube#commentListResponse", null, 0);
        for (int r = 5; r < 7; r++) {
            replies2.withArray("items").add(DataApiBodies.comment("UgxBig000000000000000000.all" + r + "000000000",
                    video, "UgxBig000000000000000000", 20 - r));
        }
        stubVideoStatistics(video, "10");
        server.stubFor(get(urlPathEqualTo(THREADS)).withQueryParam("pageToken", absent()).willReturn(okJson(page1.toString())));
        server.stubFor(get(urlPathEqualTo(THREADS)).withQueryParam("pageToken", equalTo("THREADS2"))
                .willReturn(okJson(page2.toString())));
        server.stubFor(get(urlPathEqualTo(COMMENTS)).withQueryParam("parentId", equalTo("UgxBig000000000000000000"))
                .withQueryParam("pageToken", absent()).willReturn(okJson(replies1.toString())));
        server.stubFor(get(urlPathEqualTo(COMMENTS)).withQueryParam("parentId", equalTo("UgxBig000000000000000000"))
                .withQueryParam("pageToken", equalTo("REPLIES2")).willReturn(okJson(replies2.toString())));

        List<Comment> comments;
        ExportResult result;
        try (StarExport star = engine()) {
            comments = star.export("https://www.youtube.com/watch?v=" + video).comments().replies(true).stream().toList();
            result = star.export("https://www.youtube.com/watch?v=" + video).comments().replies(true)
                    .to(dir.resolve("b.jsonl")).run();
        }
        assertThat(comments).extracting(Comment::id).containsExactly(
                "UgxBig000000000000000000",
                "UgxTwo000000000000000000", "UgxTwo000000000000000000.a000000000000", "UgxTwo000000000000000000.b000000000000",
                "UgxBig000000000000000000.all0000000000", "UgxBig000000000000000000.all1000000000",
                "UgxBig000000000000000000.all2000000000", "UgxBig000000000000000000.all3000000000",
                "UgxBig000000000000000000.all4000000000", "UgxBig000000000000000000.all5000000000",
                "UgxBig000000000000000000.all6000000000",
                "UgxOld000000000000000000");
        Comment reply = comments.get(4);
        assertThat(reply.parentId()).hasValue("UgxBig000000000000000000");
        assertThat(reply.depth()).isEqualTo(1);
        assertThat(reply.replyCount()).isEmpty();
        assertThat(comments.get(0).replyCount()).hasValue(7);
        assertThat(result.reportedTotal()).hasValue(10);
        server.verify(4, getRequestedFor(urlPathEqualTo(THREADS)).withQueryParam("part", equalTo("snippet,replies")));
        // Two exports, each reading the threads' replies page by page: the embedded five were not enough.
        server.verify(4, getRequestedFor(urlPathEqualTo(COMMENTS)).withQueryParam("maxResults", equalTo("100")));
        // Per export: videos 1 + commentThreads 2 + comments 2 = 5 units.
        assertThat(platform.quotaUnitsUsed(API_KEY)).isEqualTo(10);
        assertThat(platform.quotaUnitsUsed()).isEqualTo(10);
    }

    @Test
    void exportsOneCommentAndItsRecordedReplyPages() {
        String parent = "Ugw5zYU6n9pmIgAZWvN4AaABAg";
        ObjectNode single = DataApiBodies.list("youtube#commentListResponse", null, 1);
        single.withArray("items").add(DataApiBodies.comment(parent, "JE8xdDp5B8Q", null, 5));
        server.stubFor(get(urlPathEqualTo(COMMENTS)).withQueryParam("id", equalTo(parent))
                .willReturn(okJson(single.toString())));
        server.stubFor(get(urlPathEqualTo(COMMENTS)).withQueryParam("parentId", equalTo(parent))
                .withQueryParam("pageToken", absent()).willReturn(okJson(resource("data-api/comments_by_parent_paged_1.json"))));
        server.stubFor(get(urlPathEqualTo(COMMENTS)).withQueryParam("parentId", equalTo(parent))
                .withQueryParam("pageToken", equalTo("R0FJeVZnbzBJTl9zNXRxNXlPWUNNaWtRQUJpQ3RNeW4wcFBtQWlBQktBTXdDam9XT1RGNlZETmpXV0kxUWpJNU1YcGhOV1ZLZUhwek1SSWVDQVVTR2xWbmR6VjZXVlUyYmpsd2JVbG5RVnBYZGs0MFFXRkJRa0ZuT2lBSUFSSWNOVHBWWjNjMWVsbFZObTQ1Y0cxSlowRmFWM1pPTkVGaFFVSkJadw=="))
                .willReturn(okJson(resource("data-api/comments_by_parent_paged_2.json"))));
        List<Comment> comments;
        try (StarExport star = engine()) {
            comments = star.export("https://www.youtube.com/watch?v=JE8xdDp5B8Q&lc=" + parent).comments().replies(true)
                    .stream().toList();
        }
        assertThat(comments).extracting(Comment::id).containsExactly(parent,
                "Ugw5zYU6n9pmIgAZWvN4AaABAg.91zT3cYb5B291za6voUoRh", "Ugw5zYU6n9pmIgAZWvN4AaABAg.91zT3cYb5B291za5eJxzs1",
                "Ugw5zYU6n9pmIgAZWvN4AaABAg.91zT3cYb5B291za3E-eR-l");
        Comment last = comments.get(3);
        assertThat(last.text()).isEqualTo("hey, this is the replay");
        assertThat(last.parentId()).hasValue(parent);
        assertThat(last.postId()).isEqualTo("JE8xdDp5B8Q");
        assertThat(last.createdAt()).hasValue(Instant.parse("2019-12-01T04:46:00Z"));
        assertThat(last.author().orElseThrow().displayName()).hasValue("kun liu");
        assertThat(last.author().orElseThrow().id()).hasValue("UCNvMBmCASzTNNX8lW3JRMbw");
        assertThat(comments.get(1).text()).isEqualTo("this is the third reply!");
    }

    @Test
    void resumesAfterAFailedRepliesPageWithoutDuplicates() throws Exception {
        String video = "D-lhorsDlUQ";
        ObjectNode page1 = DataApiBodies.list("youtube#commentThreadListResponse", null, 2);
        page1.withArray("items").add(DataApiBodies.thread("UgxBig000000000000000000", video, 9, 60));
        page1.withArray("items").add(DataApiBodies.thread("UgxTwo000000000000000000", video, 0, 70));
        ObjectNode replies1 = DataApiBodies.list("youtube#commentListResponse", "REPLIES2", 0);
        ObjectNode replies2 = DataApiBodies.list("youtube#commentListResponse", null, 0);
        for (int r = 0; r < 9; r++) {
            (r < 5 ? replies1 : replies2).withArray("items").add(DataApiBodies.comment(
                    "UgxBig000000000000000000.r" + r + "0000000000", video, "UgxBig000000000000000000", 30 - r));
        }
        stubVideoStatistics(video, "11");
        server.stubFor(get(urlPathEqualTo(THREADS)).willReturn(okJson(page1.toString())));
        server.stubFor(get(urlPathEqualTo(COMMENTS)).withQueryParam("pageToken", absent())
                .willReturn(okJson(replies1.toString())));
        server.stubFor(get(urlPathEqualTo(COMMENTS)).withQueryParam("pageToken", equalTo("REPLIES2"))
                .willReturn(serverError()));
        Path out = dir.resolve("comments.jsonl");
        try (StarExport star = YouTubeTests.engine(server, platform, API_KEY, RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> star.export("https://youtu.be/" + video).comments().replies(true).to(out).run())
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK));
        }
        server.stubFor(get(urlPathEqualTo(COMMENTS)).withQueryParam("pageToken", equalTo("REPLIES2"))
                .willReturn(okJson(replies2.toString())));
        try (StarExport star = engine()) {
            ExportResult result = star.resume(dir.resolve("comments.jsonl.checkpoint.json")).run();
            assertThat(result.items()).isEqualTo(11);
        }
        List<String> ids = Files.readAllLines(out).stream()
                .map(line -> line.replaceAll("^\\{\"platform\":\"youtube\",\"id\":\"([^\"]+)\".*", "$1")).toList();
        assertThat(ids).hasSize(11).doesNotHaveDuplicates();
        assertThat(ids.get(10)).isEqualTo("UgxBig000000000000000000.r80000000000");
    }

    @Test
    void asksForRelevanceOrderWhenTopIsRequested() {
        server.stubFor(get(urlPathEqualTo(THREADS)).withQueryParam("pageToken", absent())
                .willReturn(okJson(resource("data-api/comment_threads_by_video_paged_2.json"))));
        try (StarExport star = engine(); Stream<Comment> comments = star.export("https://youtu.be/F1UP7wRCPH8")
                .comments().sort(Sort.TOP).stream()) {
            assertThat(comments.count()).isEqualTo(5);
        }
        server.verify(getRequestedFor(urlPathEqualTo(THREADS)).withQueryParam("order", equalTo("relevance")));
    }

    @Test
    void exportsEveryCommentOfAChannelByItsHandle() {
        server.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).withQueryParam("forHandle", equalTo("@googledevelopers"))
                .willReturn(okJson(resource("data-api/info.json"))));
        server.stubFor(get(urlPathEqualTo(THREADS)).withQueryParam("allThreadsRelatedToChannelId",
                equalTo("UC_x5XG1OV2P6uZZ5FSM9Ttw")).willReturn(okJson(resource("data-api/comment_threads_by_video_paged_2.json"))));
        try (StarExport star = engine(); Stream<Comment> comments = star.export("https://www.youtube.com/@googledevelopers")
                .comments().stream()) {
            assertThat(comments.map(Comment::postId).distinct().toList()).containsExactly("F1UP7wRCPH8");
        }
    }

    /**
     * {@code allThreadsRelatedToChannelId} also returns comments on the channel itself: threads without
     * {@code snippet.videoId} (reference §1.3, GDOC-CT: "videoId … not set if the comments refer to the channel").
     * Synthetic, as {@link DataApiBodies}: one video thread, one channel thread with an embedded reply.
     */
    @Test
    void aChannelWideExportKeepsTheCommentsOnTheChannelItself() {
        String channel = "UC_x5XG1OV2P6uZZ5FSM9Ttw";
        ObjectNode page = DataApiBodies.list("youtube#commentThreadListResponse", null, 2);
        page.withArray("items").add(DataApiBodies.thread("UgxVideo0000000000000000", "F1UP7wRCPH8", 0, 10));
        ObjectNode reply = DataApiBodies.comment("UgxChan00000000000000000.r00000000000", null, "UgxChan00000000000000000", 5);
        ObjectNode onChannel = DataApiBodies.thread("UgxChan00000000000000000", null, 1, 20, reply);
        for (ObjectNode snippet : List.of((ObjectNode) onChannel.get("snippet"),
                (ObjectNode) onChannel.get("snippet").get("topLevelComment").get("snippet"), (ObjectNode) reply.get("snippet"))) {
            snippet.remove("videoId");
            snippet.put("channelId", channel);
        }
        page.withArray("items").add(onChannel);
        server.stubFor(get(urlPathEqualTo(THREADS)).withQueryParam("allThreadsRelatedToChannelId", equalTo(channel))
                .willReturn(okJson(page.toString())));
        ExportResult result;
        List<Comment> comments;
        try (StarExport star = engine()) {
            comments = star.export("https://www.youtube.com/channel/" + channel).comments().replies(true).stream().toList();
            result = star.export("https://www.youtube.com/channel/" + channel).comments().replies(true)
                    .to(dir.resolve("channel.jsonl")).run();
        }
        assertThat(comments).extracting(Comment::id).containsExactly("UgxVideo0000000000000000",
                "UgxChan00000000000000000", "UgxChan00000000000000000.r00000000000");
        assertThat(comments.get(1).postId()).isEqualTo(channel);
        assertThat(comments.get(1).url()).hasValue("https://www.youtube.com/channel/" + channel);
        assertThat(comments.get(1).extras()).containsEntry("on_channel", true);
        assertThat(comments.get(2).parentId()).hasValue("UgxChan00000000000000000");
        assertThat(result.items()).isEqualTo(3);
        assertThat(result.skipped()).isZero();
    }

    @Test
    void stopsAtTheSinceDateOnlyAfterQueuedRepliesAreRead() {
        String video = "D-lhorsDlUQ";
        // Threads newest first: one from 1 hour before BASE with 7 replies (beyond the embedded five), one older.
        ObjectNode page1 = DataApiBodies.list("youtube#commentThreadListResponse", "THREADS2", 2);
        page1.withArray("items").add(DataApiBodies.thread("UgxNew000000000000000000", video, 7, 60));
        page1.withArray("items").add(DataApiBodies.thread("UgxOld000000000000000000", video, 0, 60 * 24 * 30));
        ObjectNode replies = DataApiBodies.list("youtube#commentListResponse", null, 0);
        for (int r = 0; r < 7; r++) {
            replies.withArray("items").add(DataApiBodies.comment("UgxNew000000000000000000.r" + r + "0000000000", video,
                    "UgxNew000000000000000000", 30 - r));
        }
        stubVideoStatistics(video, "9");
        server.stubFor(get(urlPathEqualTo(THREADS)).withQueryParam("pageToken", absent()).willReturn(okJson(page1.toString())));
        server.stubFor(get(urlPathEqualTo(COMMENTS)).withQueryParam("parentId", equalTo("UgxNew000000000000000000"))
                .willReturn(okJson(replies.toString())));
        List<Comment> comments;
        try (StarExport star = engine()) {
            comments = star.export("https://youtu.be/" + video).comments().replies(true)
                    .since(DataApiBodies.BASE.minus(java.time.Duration.ofDays(1))).stream().toList();
        }
        assertThat(comments).hasSize(8).extracting(Comment::id).doesNotContain("UgxOld000000000000000000");
        // The old thread ended the export: the second threads page was never read.
        server.verify(0, getRequestedFor(urlPathEqualTo(THREADS)).withQueryParam("pageToken", equalTo("THREADS2")));
    }

    @Test
    void aChannelIdNeedsNoLookup() {
        server.stubFor(get(urlPathEqualTo(THREADS)).withQueryParam("allThreadsRelatedToChannelId",
                equalTo("UC_x5XG1OV2P6uZZ5FSM9Ttw")).willReturn(okJson(resource("data-api/comment_threads_by_video_paged_2.json"))));
        try (StarExport star = engine(); Stream<Comment> comments = star.export(
                "https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw").comments().stream()) {
            assertThat(comments.count()).isEqualTo(5);
        }
        server.verify(0, getRequestedFor(urlPathEqualTo("/youtube/v3/channels")));
        assertThat(platform.quotaUnitsUsed()).isEqualTo(1);
    }

    private static void stubVideoStatistics(String video, String commentCount) {
        ObjectNode body = DataApiBodies.list("youtube#videoListResponse", null, 1);
        body.withArray("items").addObject().put("kind", "youtube#video").put("id", video)
                .putObject("statistics").put("viewCount", "5").put("commentCount", commentCount);
        server.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("part", equalTo("statistics"))
                .willReturn(okJson(body.toString())));
    }
}
