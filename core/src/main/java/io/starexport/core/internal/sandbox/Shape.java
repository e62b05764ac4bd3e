package io.starexport.core.internal.sandbox;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.api.Target;
import io.starexport.spi.SampleStyle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How one export's items look: the engine's values (ids in the style's shapes, people, texts, counts)
 * dressed by the platform's {@link SampleStyle}. The extractors decide structure (threads, order, dates,
 * sizes); this class dresses each item.
 */
final class Shape {
    /** People's ids do not depend on the export, so a sample person has one id in every export. */
    private static final long PEOPLE_SALT = 0x5A3B1E0F1EL;

    private final Scene scene;
    private final SampleStyle style;

    Shape(Scene scene) {
        this.scene = scene;
        this.style = scene.style;
    }

    /** The deepest reply level the platform has: 1 means replies to top-level comments only. */
    int maxDepth() {
        return style.maxReplyDepth();
    }

    /** Whether replies often open with {@code @parent}, as on platforms without visible nesting. */
    private boolean mentionsParent() {
        return maxDepth() == 1;
    }

    /**
     * The id of the comment with this key. Keys are unique within an export, and so are the ids: top-level
     * comments and replies share one salt, so the same shape never spells two keys alike.
     *
     * @param topId the id of the thread's top-level comment for a reply, null for a top-level comment
     */
    String commentId(long key, String topId) {
        if (topId == null) {
            return Ids.spell(style.commentIds(), key, scene.derived(Scene.Salt.ID));
        }
        String own = Ids.spell(style.replyIds(), key, scene.derived(Scene.Salt.ID));
        return style.replyIdSeparator().map(separator -> topId + separator + own).orElse(own);
    }

    /** The thread a COMMENT target belongs to when its id names a reply (it holds the reply id separator). */
    Optional<String> replyTargetThread() {
        if (scene.target.kind() != Target.Kind.COMMENT) {
            return Optional.empty();
        }
        String id = scene.target.id();
        return style.replyIdSeparator().map(id::indexOf).filter(at -> at > 0).map(at -> id.substring(0, at));
    }

    /** A sample person as the platform shows them. */
    Author person(long person) {
        String handle = SampleText.userName(person, style.handles());
        return Author.builder().id(Ids.spell(style.userIds(), person, PEOPLE_SALT)).handle(handle)
                .displayName(displayName(handle, person)).url(style.profileUrl(handle).orElse(null))
                .verified(isVerified(person)).build();
    }

    private String displayName(String handle, long person) {
        return switch (style.displayNames()) {
            case PERSONAL -> SampleText.displayName(person);
            case AT_HANDLE -> "@" + handle;
            case NONE -> null;
        };
    }

    private static boolean isVerified(long person) {
        return Math.floorMod(Rng.mix(person ^ 0x5EEDL), 40L) == 0;
    }

    /**
     * The owner of the target: a sample person, with the id or handle the URL gave where it gave one (a
     * PROFILE target's id, else an {@code author} attribute).
     */
    Author owner() {
        long person = scene.ownerPerson();
        Author sample = person(person);
        Optional<String> named = scene.target.kind() == Target.Kind.PROFILE ? Optional.of(scene.target.id())
                : scene.attribute("author");
        if (named.isEmpty()) {
            return sample;
        }
        if (scene.target.kind() == Target.Kind.PROFILE && style.userIds().matches(named.get())) {
            return Author.builder().id(named.get()).handle(sample.handle().orElse(null))
                    .displayName(sample.displayName().orElse(null)).url(sample.url().orElse(null))
                    .verified(sample.verified()).build();
        }
        String handle = named.get().startsWith("@") ? named.get().substring(1) : named.get();
        return Author.builder().id(sample.id().orElse(null)).handle(handle).displayName(displayName(handle, person))
                .url(style.profileUrl(handle).orElse(null)).verified(sample.verified()).build();
    }

    /** The comment an extractor drafted, dressed by the platform's style. */
    Comment comment(CommentDraft draft) {
        Rng rng = draft.rng();
        String text = SampleText.comment(rng, style.phrases());
        if (draft.parentHandle() != null && mentionsParent() && rng.chance(0.3)) {
            text = "@" + draft.parentHandle() + " " + text;
        }
        OptionalLong likes = rng.chance(0.06) ? OptionalLong.empty() : OptionalLong.of(draft.likes());
        Comment.Builder builder = Comment.builder().platform(scene.platform).id(draft.id()).postId(draft.postId())
                .parentId(draft.parentId()).depth(draft.depth()).createdAt(draft.createdAt()).author(draft.author())
                .text(text).replyCount(draft.replyCount()).pinned(draft.pinned()).edited(draft.edited())
                .extra("sandbox", true);
        likes.ifPresent(builder::likeCount);
        style.comments().dress(builder, new Drawn(scene.target, draft.id(), Optional.of(draft.postId()),
                Optional.ofNullable(draft.parentId()), draft.depth(), Optional.ofNullable(draft.author()),
                draft.byOwner(), draft.pinned(), draft.id().equals(scene.target.id()), likes, draft.replyCount(),
                text, scene.derived(Scene.Salt.TITLE) ^ draft.key(), rng));
        return builder.build();
    }

    /** The id of the post at a position in a list of posts (a profile's, a playlist's…). */
    String postId(long index) {
        return Ids.spell(style.postIds(), index, scene.derived(Scene.Salt.POST));
    }

    /** A post, dressed (and given its media) by the platform's style. */
    Post post(String id, Instant createdAt, Author author, Rng rng, boolean isTarget) {
        String text = SampleText.caption(rng);
        Post.Builder builder = Post.builder().platform(scene.platform).id(id).createdAt(createdAt).author(author)
                .text(text).commentCount((long) rng.nextInt(2_000)).extra("sandbox", true);
        OptionalLong likes = rng.chance(0.06) ? OptionalLong.empty() : OptionalLong.of(rng.nextInt(50_000));
        likes.ifPresent(builder::likeCount);
        style.posts().dress(builder, new Drawn(scene.target, id, Optional.of(id), Optional.empty(), 0,
                Optional.ofNullable(author), false, false, isTarget, likes, 0, text,
                scene.derived(Scene.Salt.TITLE) ^ Rng.mix(id.hashCode()), rng));
        return builder.build();
    }

    /** The target's owner as a profile, dressed by the platform's style. */
    Profile profile() {
        Rng rng = scene.rng(Scene.Salt.PROFILE, 0);
        Author owner = owner();
        String bio = SampleText.bio(rng);
        String id = owner.id().orElse(scene.target.id());
        Profile.Builder builder = Profile.builder().platform(scene.platform).id(id)
                .url(owner.url().orElse(scene.target.url())).createdAt(accountCreated(rng)).author(owner).bio(bio)
                .followerCount(followers(rng)).postCount(PostExtractor.size(scene, OptionalLong.empty()))
                .extra("sandbox", true);
        style.profiles().dress(builder, new Drawn(scene.target, id, Optional.empty(), Optional.empty(), 0,
                Optional.of(owner), true, false, scene.target.kind() == Target.Kind.PROFILE, OptionalLong.empty(), 0,
                bio, scene.derived(Scene.Salt.TITLE), rng));
        return builder.build();
    }

    private static Instant accountCreated(Rng rng) {
        return Scene.ANCHOR.minus(Duration.ofDays(rng.between(800, 5_000))).minusSeconds(rng.nextInt(86_400));
    }

    private static long followers(Rng rng) {
        return (long) Math.pow(10, 1 + 5.5 * rng.nextDouble());
    }

    /**
     * What an extractor decided about one comment before the style dresses it.
     *
     * @param parentHandle the handle of the comment replied to, for {@code @mentions}; null for top-level
     * @param byOwner      written by the owner of the target
     * @param rng          this comment's own random stream, for text and platform details
     */
    record CommentDraft(long key, String id, String postId, String parentId, String parentHandle, int depth,
                        Instant createdAt, long likes, long replyCount, boolean pinned, boolean edited,
                        Author author, boolean byOwner, Rng rng) {
    }

    /** What a style's dresser sees of an item. */
    private record Drawn(Target target, String id, Optional<String> postId, Optional<String> parentId, int depth,
                         Optional<Author> author, boolean byOwner, boolean pinned, boolean isTarget,
                         OptionalLong likes, long replies, String text, long titleSeed, Rng random)
            implements SampleStyle.Sample {
        @Override
        public String title() {
            return SampleText.title(new Rng(titleSeed));
        }
    }
}
