package io.starexport.core.internal.sandbox;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Media;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.api.Target;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How one platform's items look: id formats, authors, counts it reports and the raw fields it keeps in
 * extras. The extractors decide structure (threads, order, dates, sizes); a shape dresses each item.
 * The base class is the generic shape used for platforms the sandbox has no knowledge of.
 */
class Shape {
    final String platform;

    Shape(String platform) {
        this.platform = platform;
    }

    static Shape of(String platform) {
        return switch (platform) {
            case "youtube" -> new YouTubeShape();
            case "reddit" -> new RedditShape();
            case "instagram" -> new InstagramShape();
            case "tiktok" -> new TikTokShape();
            default -> new Shape(platform);
        };
    }

    /** The deepest reply level the platform has: 1 means replies to top-level comments only. */
    int maxDepth() {
        return 1;
    }

    /** Whether replies often open with {@code @parent}, as on platforms without visible nesting. */
    boolean mentionsParent() {
        return true;
    }

    /**
     * The id of the comment with this key. Keys are unique within an export, and so are the ids.
     *
     * @param topId the id of the thread's top-level comment for a reply, null for a top-level comment
     */
    String commentId(Scene scene, long key, String topId) {
        return "c" + Ids.base36(Ids.permute(key, 48, scene.derived(Scene.Salt.ID)) + (1L << 48));
    }

    /** A sample person as the platform shows them. */
    Author person(long person) {
        String name = SampleText.userName(person, platform);
        return Author.builder().id("u" + Ids.base36(Rng.mix(person) >>> 16)).handle(name)
                .displayName(SampleText.displayName(person)).verified(isVerified(person)).build();
    }

    static boolean isVerified(long person) {
        return Math.floorMod(Rng.mix(person ^ 0x5EEDL), 40L) == 0;
    }

    /** The owner of the target, with the handle or id the URL gave where it gave one. */
    Author owner(Scene scene) {
        Author sample = person(scene.ownerPerson());
        Optional<String> handle = ownerHandle(scene);
        if (handle.isEmpty()) {
            return sample;
        }
        return Author.builder().id(sample.id().orElse(null)).handle(handle.get())
                .displayName(displayName(handle.get(), sample)).url(profileUrl(handle.get()).orElse(null))
                .verified(sample.verified()).build();
    }

    /** The name shown for an account whose handle is known. */
    String displayName(String handle, Author sample) {
        return sample.displayName().orElse(null);
    }

    /** The owner's handle named by the target, when it names one. */
    Optional<String> ownerHandle(Scene scene) {
        return scene.target.kind() == Target.Kind.PROFILE ? Optional.of(scene.target.id()) : Optional.empty();
    }

    Optional<String> profileUrl(String handle) {
        return Optional.empty();
    }

    /** Whether the platform hides this item's like count; unknown counts are absent, never zero. */
    boolean likesHidden(Rng rng) {
        return rng.chance(0.06);
    }

    /** The comment with everything the platforms share; subclasses add their ids, URLs and raw fields. */
    Comment comment(Scene scene, CommentDraft draft) {
        return base(scene, draft).build();
    }

    final Comment.Builder base(Scene scene, CommentDraft draft) {
        return base(scene, draft, text(draft));
    }

    /** The comment's text; draws from the comment's stream, so call it once per comment. */
    final String text(CommentDraft draft) {
        Rng rng = draft.rng();
        String text = SampleText.comment(rng, platform);
        if (draft.parentHandle() != null && mentionsParent() && rng.chance(0.3)) {
            text = "@" + draft.parentHandle() + " " + text;
        }
        return text;
    }

    final Comment.Builder base(Scene scene, CommentDraft draft, String text) {
        Rng rng = draft.rng();
        Comment.Builder builder = Comment.builder().platform(platform).id(draft.id()).postId(draft.postId())
                .parentId(draft.parentId()).depth(draft.depth()).createdAt(draft.createdAt()).author(draft.author())
                .text(text).replyCount(draft.replyCount()).pinned(draft.pinned()).edited(draft.edited())
                .extra("sandbox", true);
        if (!likesHidden(rng)) {
            builder.likeCount(draft.likes());
        }
        return builder;
    }

    /** The id of the post at a position in a list of posts (a profile's, a playlist's…). */
    String postId(Scene scene, long index) {
        return "p" + Ids.base36(Ids.permute(index, 48, scene.derived(Scene.Salt.POST)) + (1L << 48));
    }

    /** A post with its media. */
    Post post(Scene scene, String id, Instant createdAt, Author author, Rng rng) {
        Post.Builder builder = Post.builder().platform(platform).id(id).createdAt(createdAt).author(author)
                .text(SampleText.caption(rng)).commentCount((long) rng.nextInt(2_000)).extra("sandbox", true);
        if (!likesHidden(rng)) {
            builder.likeCount((long) rng.nextInt(50_000));
        }
        return builder.media(Media.of(Media.Type.IMAGE, "https://example.com/sandbox/" + id + ".jpg")
                .withSize(1200, 800).withMimeType("image/jpeg")).build();
    }

    /** The target's owner as a profile. */
    Profile profile(Scene scene) {
        Rng rng = scene.rng(Scene.Salt.PROFILE, 0);
        Author owner = owner(scene);
        return Profile.builder().platform(platform).id(owner.id().orElse(scene.target.id())).url(scene.target.url())
                .createdAt(accountCreated(rng)).author(owner).bio(SampleText.bio(rng))
                .followerCount(followers(rng)).postCount(PostExtractor.size(scene, java.util.OptionalLong.empty()))
                .extra("sandbox", true).build();
    }

    static Instant accountCreated(Rng rng) {
        return Scene.ANCHOR.minus(Duration.ofDays(rng.between(800, 5_000))).minusSeconds(rng.nextInt(86_400));
    }

    static long followers(Rng rng) {
        return (long) Math.pow(10, 1 + 5.5 * rng.nextDouble());
    }

    /**
     * What an extractor decided about one comment before the shape dresses it.
     *
     * @param parentHandle the handle of the comment replied to, for {@code @mentions}; null for top-level
     * @param byOwner      written by the owner of the target
     * @param rng          this comment's own random stream, for text and platform details
     */
    record CommentDraft(long key, String id, String postId, String parentId, String parentHandle, int depth,
                        Instant createdAt, long likes, long replyCount, boolean pinned, boolean edited,
                        Author author, boolean byOwner, Rng rng) {
    }
}
