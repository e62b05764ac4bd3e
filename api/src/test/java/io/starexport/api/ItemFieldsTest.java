package io.starexport.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The field names and order every writer shares. */
class ItemFieldsTest {
    private final Comment reply = Comment.builder().platform("reddit").id("c2").postId("p1").parentId("c1")
            .text("hi").createdAt(Instant.parse("2025-01-02T03:04:05Z"))
            .author(Author.builder().handle("ada").verified(true).build())
            .extra("score", 5).build();

    @Test
    void nestedFormLeavesAbsentValuesOutAndKeepsOrder() {
        Map<String, Object> map = ItemFields.toMap(reply);
        assertThat(map.keySet()).containsExactly("platform", "id", "createdAt", "createdAtApproximate", "author",
                "postId", "parentId", "depth", "text", "pinned", "edited", "extras");
        assertThat(map.get("createdAt")).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(map.get("depth")).isEqualTo(1);
        assertThat(map.get("author")).isEqualTo(Map.of("handle", "ada", "verified", true));
        assertThat(map).doesNotContainKeys("likeCount", "replyCount", "url");
    }

    @Test
    void flatFormUsesTheDocumentedColumns() {
        Map<String, Object> row = ItemFields.toRow(reply);
        assertThat(ItemFields.columns(Content.COMMENTS)).containsAll(row.keySet());
        assertThat(row).containsEntry("author.handle", "ada").containsEntry("extras", Map.of("score", 5));
        assertThat(ItemFields.columns(Content.COMMENTS)).startsWith("platform", "id", "url", "createdAt")
                .endsWith("extras");
    }

    @Test
    void mediaItemFlattensItsFileAndPostKeepsItsList() {
        Media video = Media.of(Media.Type.VIDEO, "https://cdn.example/v.mp4").withSize(1080, 1920)
                .withDuration(Duration.ofMillis(12_500));
        MediaItem item = MediaItem.builder().platform("tiktok").id("v1:0").postId("v1").media(video).build();
        assertThat(ItemFields.toRow(item)).containsEntry("media.type", "video").containsEntry("media.height", 1920)
                .containsEntry("media.durationSeconds", 12.5);
        Post post = Post.builder().platform("tiktok").id("v1").media(video).build();
        assertThat(ItemFields.toRow(post).get("media")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(1);
        assertThat(ItemFields.columns(Content.POSTS)).contains("media").doesNotContain("media.url");
    }

    @Test
    void unknownCountsAreAbsentNotZero() {
        Post post = Post.builder().platform("youtube").id("v").viewCount(0L).build();
        assertThat(post.viewCount()).hasValue(0);
        assertThat(post.likeCount()).isEmpty();
        assertThat(ItemFields.toMap(post)).containsEntry("viewCount", 0L).doesNotContainKey("likeCount");
    }

    @Test
    void approximateDatesKeepTheirRawText() {
        Comment comment = Comment.builder().platform("youtube").id("c").postId("v").text("")
                .createdAtApproximately(Instant.parse("2025-01-01T00:00:00Z"), "3 days ago").build();
        assertThat(comment.createdAtApproximate()).isTrue();
        assertThat(comment.extras()).containsEntry("createdAtText", "3 days ago");
    }

    @Test
    void completenessExplainsTheGap() {
        ExportResult result = new ExportResult(java.util.UUID.randomUUID(),
                Target.of("youtube", Target.Kind.VIDEO, "v", "https://www.youtube.com/watch?v=v"), Content.COMMENTS,
                8500, 85, 2, List.of(), 3, 0, java.util.OptionalLong.of(85_000), ExportResult.StopReason.LIMIT,
                List.of(), 0, List.of(), Duration.ofSeconds(3), java.util.Optional.empty());
        assertThat(result.completeness()).isEqualTo("8500 comments exported of 85000 reported by youtube; stopped at "
                + "the requested limit; 2 skipped as unparseable; 3 duplicates dropped.");
    }

    @Test
    void toJsonWritesValidJsonForNestedCellValues() {
        Map<String, Object> extras = new java.util.LinkedHashMap<>();
        extras.put("quote \"and\" back\\slash", "line\nbreak\ttab\u0001bell é 🎉");
        extras.put("count", 3L);
        extras.put("ratio", 0.25);
        extras.put("nan", Double.NaN);
        extras.put("flags", List.of(true, false));
        extras.put("none", null);
        extras.put("seen", Instant.parse("2025-01-02T03:04:05Z"));

        assertThat(ItemFields.toJson(extras)).isEqualTo("{\"quote \\\"and\\\" back\\\\slash\":"
                + "\"line\\nbreak\\ttab\\u0001bell é 🎉\",\"count\":3,\"ratio\":0.25,\"nan\":null,"
                + "\"flags\":[true,false],\"none\":null,\"seen\":\"2025-01-02T03:04:05Z\"}");
    }
}
