package io.starexport.platform.instagram;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Media;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.spi.SampleStyle;
import io.starexport.spi.SampleStyle.IdShape;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What Instagram items look like in sandbox mode: 17-digit comment ids, posts named by 11-character
 * shortcodes that encode a 19-digit media pk (decoded by {@link Shortcodes}, as live exports do),
 * numeric account ids, {@code dotted.names}, replies one level deep, carousels of two to four images and
 * videos, and like counts the owner may hide. Raw fields use this module's names ({@code shortcode},
 * {@code media_type}, {@code is_business_account}…).
 */
final class InstagramSamples {
    private static final String WEB = "https://www.instagram.com";

    static final SampleStyle STYLE = SampleStyle.builder()
            .commentIds(IdShape.digits(15).withPrefix("17"))
            .postIds(IdShape.of(IdShape.BASE64_URL, 10).withPrefix("C"))
            .userIds(IdShape.digits(10).withPrefix("4"))
            .handles(SampleStyle.Handles.DOTTED)
            .displayNames(SampleStyle.DisplayNames.PERSONAL)
            .profileUrls(WEB + "/{handle}/")
            .maxReplyDepth(1)
            .phrases(List.of("Obsessed 😍😍", "Where is this?? Need to go ✈️", "Stunning shot 📸✨",
                    "The colours!!! 🎨", "Tag someone who needs this", "Goals 💯"))
            .comments(InstagramSamples::comment)
            .posts(InstagramSamples::post)
            .profiles(InstagramSamples::profile)
            .build();

    private InstagramSamples() {
    }

    private static void comment(Comment.Builder comment, SampleStyle.Sample sample) {
        String post = sample.postId().orElseThrow();
        String base = WEB + "/p/" + post + "/c/";
        comment.url(sample.parentId().map(parent -> base + parent + "/r/" + sample.id() + "/")
                .orElse(base + sample.id() + "/"));
        Shortcodes.toMediaId(post).ifPresent(pk -> comment.extra("media_id", Long.toString(pk)));
        if (sample.parentId().isEmpty()) {
            comment.extra("child_comment_count", sample.replies());
        } else {
            comment.extra("parent_comment_id", sample.parentId().get());
        }
        comment.extra("status", "Active").extra("is_liked_by_media_owner", sample.random().nextDouble() < 0.05);
    }

    private static void post(Post.Builder post, SampleStyle.Sample sample) {
        RandomGenerator random = sample.random();
        String id = sample.id();
        String file = Shortcodes.toMediaId(id).map(String::valueOf).orElse(id);
        int roll = random.nextInt(100);
        String type = roll < 35 ? "image" : roll < 50 ? "video" : roll < 65 ? "reel" : "carousel";
        long likes = (long) Math.pow(10, 1 + 5 * random.nextDouble());
        boolean countsHidden = random.nextDouble() < 0.1;
        post.url(WEB + "/p/" + id + "/").commentCount(likes / random.nextInt(10, 81))
                .likeCount(countsHidden ? null : likes);
        if (countsHidden) {
            post.extra("like_and_view_counts_disabled", true);
        }
        int files = type.equals("carousel") ? random.nextInt(2, 5) : 1;
        boolean anyVideo = false;
        for (int i = 0; i < files; i++) {
            boolean video = type.equals("video") || type.equals("reel") || (type.equals("carousel") && random.nextDouble() < 0.3);
            anyVideo |= video;
            post.media(video
                    ? Media.of(Media.Type.VIDEO, "https://scontent.cdninstagram.com/o1/v/t16/sandbox/" + file + "_" + i + ".mp4")
                            .withSize(1080, 1920).withDuration(Duration.ofSeconds(random.nextInt(3, 91)))
                            .withMimeType("video/mp4")
                    : Media.of(Media.Type.IMAGE, "https://scontent.cdninstagram.com/v/t51.29350-15/sandbox/" + file + "_" + i
                            + "_n.jpg").withSize(1080, List.of(1080, 1350, 566).get(random.nextInt(3)))
                            .withMimeType("image/jpeg"));
        }
        if (anyVideo && !countsHidden) {
            post.viewCount(likes * random.nextInt(5, 41));
        }
        post.extra("shortcode", id).extra("media_type", type)
                .extra("product_type", type.equals("carousel") ? "carousel_container" : type.equals("reel") ? "clips" : "feed");
    }

    private static void profile(Profile.Builder profile, SampleStyle.Sample sample) {
        RandomGenerator random = sample.random();
        // Instagram does not say when an account was made.
        profile.createdAt(null).followingCount((long) random.nextInt(0, 7_501))
                .extra("is_private", false).extra("is_business_account", random.nextDouble() < 0.4)
                .extra("category_name", List.of("Photographer", "Artist", "Chef", "Personal blog", "Musician/band")
                        .get(random.nextInt(5)))
                .extra("external_url", "https://example.com/" + sample.author().flatMap(Author::handle).orElse("links"));
    }
}
