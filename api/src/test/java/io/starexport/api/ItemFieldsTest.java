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
    void enrichmentsComeLastInTheNestedFormAndOnlyWhenPresent() {
        Comment scored = reply.withEnrichments(Enrichments.NONE.withSentiment(Sentiment.undetermined("vader"))
                .withLanguage(Language.of("DE")));

        Map<String, Object> map = ItemFields.toMap(scored);

        assertThat(map.keySet()).endsWith("extras", "sentiment", "language");
        assertThat(map.get("sentiment")).isEqualTo(Map.of("label", "undetermined", "provider", "vader"));
        assertThat(map.get("language")).isEqualTo(Map.of("code", "de"));
        assertThat(ItemFields.toMap(reply)).doesNotContainKeys("sentiment", "language", "enrichments");
    }

    @Test
    void enrichedColumnsFollowTheOthersAndKeepCustomValuesInOneCell() {
        Comment scored = reply.withEnrichments(Enrichments.NONE.withSentiment(Sentiment.of(-0.3, "mine"))
                .withCustom("topic", Map.of("name", "music")));

        Map<String, Object> row = ItemFields.toRow(scored);

        assertThat(ItemFields.columns(Content.COMMENTS, true)).containsAll(row.keySet())
                .startsWith(ItemFields.columns(Content.COMMENTS).toArray(String[]::new))
                .endsWith("sentiment.label", "sentiment.compound", "sentiment.positive", "sentiment.neutral",
                        "sentiment.negative", "sentiment.provider", "language.code", "language.confidence", "enrichments");
        assertThat(row).containsEntry("sentiment.label", "negative").containsEntry("sentiment.compound", -0.3)
                .containsEntry("enrichments", Map.of("topic", Map.of("name", "music")));
        assertThat(ItemFields.columns(Content.POSTS, false)).isEqualTo(ItemFields.columns(Content.POSTS));
    }

    @Test
    void enrichmentsMergeWithTheLaterOneWinning() {
        Enrichments first = Enrichments.NONE.withSentiment(Sentiment.of(0.5, "a")).withLanguage(Language.of("en"))
                .withCustom("x", 1).withCustom("y", 1);
        Enrichments later = Enrichments.NONE.withSentiment(Sentiment.of(-0.5, "b")).withCustom("y", 2);

        Enrichments merged = first.merge(later);

        assertThat(merged.sentiment()).contains(Sentiment.of(-0.5, "b"));
        assertThat(merged.language()).contains(Language.of("en"));
        assertThat(merged.custom()).containsExactly(Map.entry("x", 1), Map.entry("y", 2));
        assertThat(Enrichments.NONE.merge(Enrichments.NONE).isEmpty()).isTrue();
    }

    @Test
    void sentimentLabelsFollowTheCompoundThresholdsAndUndeterminedHasNoScore() {
        assertThat(Sentiment.Label.of(0.05)).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(Sentiment.Label.of(0.049)).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(Sentiment.Label.of(-0.05)).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(Sentiment.undetermined("vader").compound()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sentiment.of(1.5, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1..1");
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
