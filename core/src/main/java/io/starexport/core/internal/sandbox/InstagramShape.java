package io.starexport.core.internal.sandbox;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Media;
import io.starexport.api.Post;
import io.starexport.api.Profile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Instagram: 17-digit comment ids, posts named by shortcodes that encode their numeric pk (the same
 * alphabet as the real ones), carousels of one to four images and videos with sizes, like counts the
 * owner may hide, and {@code child_comment_count} / {@code parent_comment_id} in extras.
 */
final class InstagramShape extends Shape {
    private static final long POST_PK_BASE = 3_400_000_000_000_000_000L;

    InstagramShape() {
        super("instagram");
    }

    @Override
    String commentId(Scene scene, long key, String topId) {
        return Long.toString(17_900_000_000_000_000L + Ids.permute(key, 52, scene.derived(Scene.Salt.ID)));
    }

    static long userPk(long person) {
        return 1_000_000_000L + Math.floorMod(Rng.mix(person ^ 0x16L), 70_000_000_000L);
    }

    @Override
    Author person(long person) {
        String name = SampleText.userName(person, platform);
        return Author.builder().id(Long.toString(userPk(person))).handle(name)
                .displayName(SampleText.displayName(person)).url("https://www.instagram.com/" + name + "/")
                .verified(isVerified(person)).build();
    }

    @Override
    Optional<String> profileUrl(String handle) {
        return Optional.of("https://www.instagram.com/" + handle + "/");
    }

    @Override
    Comment comment(Scene scene, CommentDraft draft) {
        String base = "https://www.instagram.com/p/" + draft.postId() + "/c/";
        Comment.Builder builder = base(scene, draft)
                .url(draft.parentId() == null ? base + draft.id() + "/" : base + draft.parentId() + "/r/" + draft.id() + "/");
        long mediaPk = Ids.fromShortcode(draft.postId());
        if (mediaPk >= 0) {
            builder.extra("media_id", Long.toString(mediaPk));
        }
        if (draft.parentId() == null) {
            builder.extra("child_comment_count", draft.replyCount());
        } else {
            builder.extra("parent_comment_id", draft.parentId());
        }
        return builder.extra("status", "Active").build();
    }

    @Override
    String postId(Scene scene, long index) {
        return Ids.shortcode(POST_PK_BASE + Ids.permute(index, 58, scene.derived(Scene.Salt.POST)));
    }

    @Override
    Post post(Scene scene, String id, Instant createdAt, Author author, Rng rng) {
        long pk = Ids.fromShortcode(id);
        String file = pk >= 0 ? Long.toString(pk) : id;
        int roll = rng.nextInt(100);
        int mediaType = roll < 35 ? 1 : roll < 65 ? 2 : 8;
        long likes = (long) Math.pow(10, 1 + 5 * rng.nextDouble());
        Post.Builder builder = Post.builder().platform(platform).id(id).createdAt(createdAt).author(author)
                .url("https://www.instagram.com/p/" + id + "/").text(SampleText.caption(rng))
                .commentCount(likes / rng.between(10, 80));
        boolean countsHidden = rng.chance(0.1);
        if (countsHidden) {
            builder.extra("like_and_view_counts_disabled", true);
        } else {
            builder.likeCount(likes);
        }
        int files = mediaType == 8 ? rng.between(2, 4) : 1;
        boolean anyVideo = false;
        for (int i = 0; i < files; i++) {
            boolean video = mediaType == 2 || (mediaType == 8 && rng.chance(0.3));
            anyVideo |= video;
            builder.media(video
                    ? Media.of(Media.Type.VIDEO, "https://scontent.cdninstagram.com/o1/v/t16/sandbox/" + file + "_" + i + ".mp4")
                            .withSize(1080, 1920).withDuration(Duration.ofSeconds(rng.between(3, 90))).withMimeType("video/mp4")
                    : Media.of(Media.Type.IMAGE, "https://scontent.cdninstagram.com/v/t51.29350-15/sandbox/" + file + "_" + i + "_n.jpg")
                            .withSize(1080, rng.pick(List.of(1080, 1350, 566))).withMimeType("image/jpeg"));
        }
        if (anyVideo && !countsHidden) {
            builder.viewCount(likes * rng.between(5, 40));
        }
        if (pk >= 0) {
            builder.extra("pk", Long.toString(pk));
            author.id().ifPresent(owner -> builder.extra("id", pk + "_" + owner));
        }
        return builder.extra("code", id).extra("media_type", mediaType)
                .extra("product_type", mediaType == 8 ? "carousel_container" : mediaType == 2 ? "clips" : "feed")
                .extra("sandbox", true).build();
    }

    @Override
    Profile profile(Scene scene) {
        Rng rng = scene.rng(Scene.Salt.PROFILE, 0);
        Author owner = owner(scene);
        return Profile.builder().platform(platform).id(owner.id().orElseThrow())
                .url(owner.url().orElse(scene.target.url())).author(owner).bio(SampleText.bio(rng))
                .followerCount(followers(rng)).followingCount((long) rng.between(0, 7_500))
                .postCount(PostExtractor.size(scene, java.util.OptionalLong.empty()))
                .extra("is_private", false).extra("is_business", rng.chance(0.4))
                .extra("category", rng.pick(List.of("Photographer", "Artist", "Chef", "Personal blog", "Musician/band")))
                .extra("external_url", "https://example.com/" + owner.handle().orElse("links"))
                .extra("sandbox", true).build();
    }
}
