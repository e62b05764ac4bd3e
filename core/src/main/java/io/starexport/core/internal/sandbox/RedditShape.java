package io.starexport.core.internal.sandbox;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Media;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.api.Target;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Reddit: base-36 ids with their fullnames ({@code t1_}, {@code t2_}, {@code t3_}) in extras, the score
 * as the like count (negative for controversial comments, absent while {@code score_hidden}), nested
 * replies down to depth 3, {@code [deleted]} comments without an author, and the subreddit's
 * AutoModerator stickying the first comment now and then.
 */
final class RedditShape extends Shape {
    private static final long BASE36_6 = 2_176_782_336L;
    private static final String BOT_TEXT = "Please keep it civil: no spam, no personal attacks.\n\n"
            + "*I am a bot, and this action was performed automatically. Please contact the moderators of this "
            + "subreddit if you have any questions or concerns.*";

    private static final Author AUTOMODERATOR = Author.builder().id("t2_6l4z3").handle("AutoModerator")
            .url("https://www.reddit.com/user/AutoModerator/").build();

    RedditShape() {
        super("reddit");
    }

    @Override
    int maxDepth() {
        return 3;
    }

    @Override
    boolean mentionsParent() {
        return false;
    }

    @Override
    String commentId(Scene scene, long key, String topId) {
        return Ids.base36(22 * BASE36_6 + Ids.permute(key, 34, scene.derived(Scene.Salt.ID)));
    }

    static String accountId(long person) {
        return Ids.base36(BASE36_6 * 36 + Math.floorMod(Rng.mix(person ^ 0x7EDL), BASE36_6 * 36 * 35));
    }

    @Override
    Author person(long person) {
        String name = SampleText.userName(person, platform);
        return Author.builder().id("t2_" + accountId(person)).handle(name).url("https://www.reddit.com/user/" + name + "/")
                .build();
    }

    @Override
    Optional<String> profileUrl(String handle) {
        return Optional.of("https://www.reddit.com/user/" + handle + "/");
    }

    static String subreddit(Scene scene) {
        if (scene.target.kind() == Target.Kind.COMMUNITY) {
            return scene.target.id();
        }
        return scene.attribute("subreddit").orElseGet(() -> SampleText.subreddit(scene.derived(Scene.Salt.OWNER)));
    }

    @Override
    Comment comment(Scene scene, CommentDraft draft) {
        Rng rng = draft.rng();
        String subreddit = subreddit(scene);
        String permalink = "/r/" + subreddit + "/comments/" + draft.postId() + "/comment/" + draft.id() + "/";
        Comment.Builder builder = base(scene, draft).url("https://www.reddit.com" + permalink)
                .extra("fullname", "t1_" + draft.id()).extra("link_id", "t3_" + draft.postId())
                .extra("parent_id", draft.parentId() == null ? "t3_" + draft.postId() : "t1_" + draft.parentId());
        boolean hidden = rng.chance(0.04);
        boolean controversial = !hidden && rng.chance(0.05);
        long score = controversial ? -rng.between(1, 40) : draft.likes();
        if (hidden) {
            builder.likeCount(null).extra("score_hidden", true);
        } else {
            builder.likeCount(score).extra("score", score);
        }
        builder.extra("controversiality", controversial ? 1 : 0).extra("subreddit", subreddit)
                .extra("stickied", draft.pinned()).extra("permalink", permalink);
        if (draft.pinned()) {
            builder.author(AUTOMODERATOR).text(BOT_TEXT).extra("distinguished", "moderator");
        } else if (rng.chance(0.04)) {
            builder.author(null).text("[deleted]").extra("deleted", true);
        } else if (draft.byOwner()) {
            builder.extra("is_submitter", true);
        }
        return builder.build();
    }

    @Override
    String postId(Scene scene, long index) {
        return Ids.base36(BASE36_6 + Ids.permute(index, 31, scene.derived(Scene.Salt.POST)));
    }

    @Override
    Post post(Scene scene, String id, Instant createdAt, Author author, Rng rng) {
        String subreddit = subreddit(scene);
        String title = SampleText.title(rng);
        String permalink = "/r/" + subreddit + "/comments/" + id + "/" + slug(title) + "/";
        // The post a URL names always carries media, so a MEDIA export of it has rows to show.
        boolean isTarget = id.equals(scene.target.id());
        int roll = isTarget ? 35 + rng.nextInt(65) : rng.nextInt(100);
        long score = (long) Math.pow(10, 4.5 * rng.nextDouble());
        Post.Builder builder = Post.builder().platform(platform).id(id).createdAt(createdAt).author(author)
                .url("https://www.reddit.com" + permalink).title(title).likeCount(score)
                .commentCount(score / rng.between(3, 20)).extra("fullname", "t3_" + id).extra("subreddit", subreddit)
                .extra("subreddit_name_prefixed", "r/" + subreddit)
                .extra("upvote_ratio", Math.round((0.55 + 0.44 * rng.nextDouble()) * 100) / 100.0)
                .extra("over_18", false).extra("permalink", permalink);
        if (roll < 35) {
            builder.text(SampleText.paragraphs(rng)).extra("is_self", true);
        } else if (roll < 60) {
            builder.media(image(rng)).extra("post_hint", "image");
        } else if (roll < 75) {
            int images = rng.between(2, 4);
            for (int i = 0; i < images; i++) {
                builder.media(image(rng));
            }
            builder.extra("is_gallery", true);
        } else if (roll < 90) {
            builder.media(Media.of(Media.Type.VIDEO, "https://v.redd.it/" + token(rng) + "/DASH_720.mp4")
                    .withSize(1280, 720).withDuration(Duration.ofSeconds(rng.between(5, 300)))
                    .withMimeType("video/mp4")).extra("post_hint", "hosted:video").extra("is_video", true);
        } else {
            builder.media(Media.of(Media.Type.IMAGE, "https://external-preview.redd.it/" + token(rng) + ".jpg")
                    .withSize(1200, 628).withMimeType("image/jpeg")).extra("post_hint", "link");
        }
        return builder.extra("sandbox", true).build();
    }

    private static Media image(Rng rng) {
        boolean portrait = rng.chance(0.5);
        return Media.of(Media.Type.IMAGE, "https://i.redd.it/" + token(rng) + ".jpeg")
                .withSize(portrait ? 3024 : 4032, portrait ? 4032 : 3024).withMimeType("image/jpeg");
    }

    private static String token(Rng rng) {
        return Ids.base36(Math.floorMod(rng.nextLong(), BASE36_6 * BASE36_6 / 1296)) + "sbx";
    }

    static String slug(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("_+$", "");
        }
        return slug.isEmpty() ? "_" : slug;
    }

    @Override
    Profile profile(Scene scene) {
        Rng rng = scene.rng(Scene.Salt.PROFILE, 0);
        Author owner = owner(scene);
        String id = owner.id().orElseThrow().substring(3);
        long linkKarma = (long) Math.pow(10, 5 * rng.nextDouble());
        long commentKarma = (long) Math.pow(10, 5.5 * rng.nextDouble());
        return Profile.builder().platform(platform).id(id).url(owner.url().orElse(scene.target.url()))
                .createdAt(accountCreated(rng)).author(owner).bio(SampleText.bio(rng))
                .followerCount((long) Math.pow(10, 3.5 * rng.nextDouble())).extra("fullname", "t2_" + id)
                .extra("link_karma", linkKarma).extra("comment_karma", commentKarma)
                .extra("total_karma", linkKarma + commentKarma).extra("has_verified_email", rng.chance(0.8))
                .extra("sandbox", true).build();
    }
}
