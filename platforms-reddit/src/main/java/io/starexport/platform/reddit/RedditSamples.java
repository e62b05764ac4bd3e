package io.starexport.platform.reddit;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Media;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.api.Target;
import io.starexport.spi.SampleStyle;
import io.starexport.spi.SampleStyle.IdShape;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * What Reddit items look like in sandbox mode: seven-character base-36 ids ({@code l…} comments,
 * {@code 1…} posts, as Reddit hands out in 2024) with their fullnames ({@code t1_}, {@code t3_}) in
 * extras, {@code u/} names without display names, replies nested down to depth 3, the score as the like
 * count (negative for controversial comments, absent while {@code score_hidden}), {@code [deleted]}
 * comments without an author, and the subreddit's AutoModerator pinning a comment now and then. Raw
 * fields use this module's names ({@code fullname}, {@code parent_fullname}, {@code nsfw}…).
 */
final class RedditSamples {
    private static final String WEB = "https://www.reddit.com";
    private static final List<String> SUBREDDITS = List.of("AskReddit", "programming", "pics", "todayilearned",
            "java", "Cooking", "worldnews", "japan", "woodworking", "DataHoarder");
    private static final Author AUTOMODERATOR = Author.builder().id("t2_6l4z3").handle("AutoModerator")
            .url(WEB + "/user/AutoModerator/").build();
    private static final String BOT_TEXT = "Please keep it civil: no spam, no personal attacks.\n\n"
            + "*I am a bot, and this action was performed automatically. Please contact the moderators of this "
            + "subreddit if you have any questions or concerns.*";

    static final SampleStyle STYLE = SampleStyle.builder()
            .commentIds(IdShape.of(IdShape.BASE36, 6).withPrefix("l"))
            .postIds(IdShape.of(IdShape.BASE36, 6).withPrefix("1"))
            .userIds(IdShape.of(IdShape.BASE36, 8).withPrefix("t2_"))
            .handles(SampleStyle.Handles.UNDERSCORED)
            .displayNames(SampleStyle.DisplayNames.NONE)
            .profileUrls(WEB + "/user/{handle}/")
            .maxReplyDepth(3)
            .phrases(List.of("> the second paragraph\n\nThis is the part nobody talks about.",
                    "**Edit:** wow, thanks for the gold, kind stranger!", "Username checks out",
                    "Source? [link](https://example.com/source)", "* pros: cheap, fast\n* cons: \"support\"",
                    "This is the way.", "r/nocontext"))
            .comments(RedditSamples::comment)
            .posts(RedditSamples::post)
            .profiles(RedditSamples::profile)
            .build();

    private RedditSamples() {
    }

    /** The subreddit of an export: the one the URL names, else one drawn from the target. */
    static String subreddit(Target target) {
        if (target.kind() == Target.Kind.COMMUNITY) {
            return target.id();
        }
        String named = target.attributes().get("subreddit");
        return named != null ? named : SUBREDDITS.get(Math.floorMod(target.id().hashCode(), SUBREDDITS.size()));
    }

    private static void comment(Comment.Builder comment, SampleStyle.Sample sample) {
        RandomGenerator random = sample.random();
        String subreddit = subreddit(sample.target());
        String post = sample.postId().orElseThrow();
        comment.url(WEB + "/r/" + subreddit + "/comments/" + post + "/comment/" + sample.id() + "/")
                .extra("fullname", "t1_" + sample.id())
                .extra("parent_fullname", sample.parentId().map(parent -> "t1_" + parent).orElse("t3_" + post));
        boolean hidden = random.nextDouble() < 0.04;
        boolean controversial = !hidden && random.nextDouble() < 0.05;
        if (hidden) {
            comment.likeCount(null).extra("score_hidden", true);
        } else if (controversial) {
            comment.likeCount(-random.nextLong(1, 41));
        }
        comment.extra("controversiality", controversial ? 1 : 0).extra("subreddit", subreddit);
        if (sample.pinned()) {
            comment.author(AUTOMODERATOR).text(BOT_TEXT).extra("distinguished", "moderator");
        } else if (random.nextDouble() < 0.04) {
            comment.author(null).text("[deleted]").extra("deleted", true);
        } else if (sample.byOwner()) {
            comment.extra("is_submitter", true);
        }
    }

    private static void post(Post.Builder post, SampleStyle.Sample sample) {
        RandomGenerator random = sample.random();
        String id = sample.id();
        String subreddit = subreddit(sample.target());
        String title = sample.title();
        // The post a URL names always carries media, so a MEDIA export of it has rows to show.
        int roll = sample.isTarget() ? 35 + random.nextInt(65) : random.nextInt(100);
        long score = (long) Math.pow(10, 4.5 * random.nextDouble());
        post.url(WEB + "/r/" + subreddit + "/comments/" + id + "/" + slug(title) + "/").title(title).likeCount(score)
                .commentCount(score / random.nextInt(3, 21)).extra("fullname", "t3_" + id)
                .extra("subreddit", subreddit)
                .extra("upvote_ratio", Math.round((0.55 + 0.44 * random.nextDouble()) * 100) / 100.0)
                .extra("nsfw", false);
        if (roll < 35) {
            post.text(sample.text()).extra("is_self", true);
        } else if (roll < 60) {
            post.text(null).media(image(random)).extra("post_hint", "image");
        } else if (roll < 75) {
            post.text(null);
            int images = random.nextInt(2, 5);
            for (int i = 0; i < images; i++) {
                post.media(image(random));
            }
        } else if (roll < 90) {
            post.text(null).media(Media.of(Media.Type.VIDEO, "https://v.redd.it/" + token(random) + "/DASH_720.mp4")
                    .withSize(1280, 720).withDuration(Duration.ofSeconds(random.nextInt(5, 301)))
                    .withMimeType("video/mp4")).extra("post_hint", "hosted:video");
        } else {
            post.text(null).media(Media.of(Media.Type.IMAGE, "https://external-preview.redd.it/" + token(random) + ".jpg")
                    .withSize(1200, 628).withMimeType("image/jpeg")).extra("post_hint", "link");
        }
    }

    private static Media image(RandomGenerator random) {
        boolean portrait = random.nextBoolean();
        return Media.of(Media.Type.IMAGE, "https://i.redd.it/" + token(random) + ".jpeg")
                .withSize(portrait ? 3024 : 4032, portrait ? 4032 : 3024).withMimeType("image/jpeg");
    }

    /** A 13-character media file name like Reddit's. */
    private static String token(RandomGenerator random) {
        StringBuilder token = new StringBuilder(13);
        for (int i = 0; i < 13; i++) {
            token.append(IdShape.BASE36.charAt(random.nextInt(36)));
        }
        return token.toString();
    }

    /** The title part of a permalink, as Reddit makes it. */
    static String slug(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("_+$", "");
        }
        return slug.isEmpty() ? "_" : slug;
    }

    private static void profile(Profile.Builder profile, SampleStyle.Sample sample) {
        RandomGenerator random = sample.random();
        String fullname = sample.author().flatMap(Author::id).orElseThrow();
        long linkKarma = (long) Math.pow(10, 5 * random.nextDouble());
        long commentKarma = (long) Math.pow(10, 5.5 * random.nextDouble());
        profile.id(fullname.substring("t2_".length())).followerCount((long) Math.pow(10, 3.5 * random.nextDouble()))
                .extra("link_karma", linkKarma).extra("comment_karma", commentKarma)
                .extra("total_karma", linkKarma + commentKarma).extra("verified_email", random.nextDouble() < 0.8);
    }
}
