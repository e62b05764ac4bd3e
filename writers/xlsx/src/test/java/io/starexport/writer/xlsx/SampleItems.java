package io.starexport.writer.xlsx;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Item;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Profile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Items with the awkward text a writer must survive: quotes, commas, CR/LF, emoji, formulas. */
final class SampleItems {
    static final Instant CREATED = Instant.parse("2026-03-01T12:34:56Z");

    private SampleItems() {
    }

    static Author author() {
        return Author.builder().id("UC123").handle("zoë").displayName("Zoë \"Z\" 👍🏽").url("https://example.com/@zoe")
                .verified(true).build();
    }

    static List<Item> mixed() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("flair", "mod, \"gold\"");
        nested.put("awards", List.of(1, 2.5, true, "🏆"));
        nested.put("empty", Map.of());
        List<Item> items = new ArrayList<>();
        items.add(Comment.builder().platform("youtube").id("c1").url("https://example.com/c1").createdAt(CREATED)
                .author(author()).postId("v1").text("👍🏽 ok, \"quoted\"\nsecond line\r\nthird").likeCount(42L)
                .replyCount(3L).pinned(true).extra("heart", true).extra("nested", nested).build());
        items.add(Comment.builder().platform("reddit").id("c2").postId("p1").parentId("c1").text("=SUM(A1)")
                .extra("score", -5).build());
        items.add(Comment.builder().platform("reddit").id("c3").postId("p1").text("\ttab, and a ]} bracket")
                .createdAtApproximately(CREATED, "3 days ago").extra("when", Instant.EPOCH)
                .extra("kind", Media.Type.VIDEO).build());
        items.add(Post.builder().platform("instagram").id("p9").title("Title\u2028with separator").text("@cmd -2+3")
                .viewCount(12_345_678_901L).media(Media.of(Media.Type.IMAGE, "https://example.com/1.jpg")
                        .withSize(1080, 1350))
                .media(Media.of(Media.Type.VIDEO, "https://example.com/2.mp4").withDuration(Duration.ofMillis(12_500))
                        .withMimeType("video/mp4"))
                .build());
        items.add(Profile.builder().platform("tiktok").id("u1").author(author()).bio("").followerCount(0L).build());
        items.add(MediaItem.builder().platform("instagram").id("p9-1").postId("p9").index(1)
                .media(Media.of(Media.Type.AUDIO, "https://example.com/a.mp3").withDuration(Duration.ofSeconds(90)))
                .build());
        return items;
    }

    static List<Item> comments(String prefix, int count) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Comment.builder().platform("youtube").id(prefix + i).postId("v1").text("comment " + i + " 👍🏽\n")
                    .likeCount((long) i).build());
        }
        return items;
    }
}
