package io.starexport.core.internal.sandbox;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Media;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.api.Target;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * TikTok: 19-digit ids for videos, comments and users, {@code digg_count} as the like count,
 * {@code comment_language}, {@code reply_id} and {@code aweme_id} in extras, the odd image-only
 * comment with empty text, and vertical videos with durations. Comments have no permalink.
 */
final class TikTokShape extends Shape {

    TikTokShape() {
        super("tiktok");
    }

    @Override
    String commentId(Scene scene, long key, String topId) {
        return Long.toUnsignedString(7_200_000_000_000_000_000L + Ids.permute(key, 60, scene.derived(Scene.Salt.ID)));
    }

    @Override
    Author person(long person) {
        String name = SampleText.userName(person, platform);
        long uid = 6_700_000_000_000_000_000L + Math.floorMod(Rng.mix(person ^ 0x77L), 900_000_000_000_000_000L);
        return Author.builder().id(Long.toString(uid)).handle(name).displayName(SampleText.displayName(person))
                .url("https://www.tiktok.com/@" + name).verified(isVerified(person)).build();
    }

    @Override
    Optional<String> ownerHandle(Scene scene) {
        if (scene.target.kind() == Target.Kind.PROFILE) {
            return Optional.of(scene.target.id());
        }
        return scene.attribute("author");
    }

    @Override
    Optional<String> profileUrl(String handle) {
        return Optional.of("https://www.tiktok.com/@" + handle);
    }

    @Override
    boolean likesHidden(Rng rng) {
        return rng.chance(0.03);
    }

    @Override
    Comment comment(Scene scene, CommentDraft draft) {
        Rng rng = draft.rng();
        String text = text(draft);
        Comment.Builder builder = base(scene, draft, text);
        if (draft.parentId() == null && rng.chance(0.015)) {
            text = "";
            builder.text(text).extra("image_list", List.of("https://p16-sign.tiktokcdn.com/obj/sandbox/" + draft.id() + ".jpeg"));
        }
        builder.extra("aweme_id", draft.postId()).extra("comment_language", language(text))
                .extra("reply_id", draft.parentId() == null ? "0" : draft.parentId()).extra("reply_to_reply_id", "0")
                .extra("status", 1);
        if (rng.chance(0.05)) {
            builder.extra("is_author_digged", true);
        }
        return builder.build();
    }

    /** The language code TikTok would report: a guess from the first letter's script, {@code un} without letters. */
    static String language(String text) {
        int start = text.startsWith("@") && text.indexOf(' ') > 0 ? text.indexOf(' ') : 0;
        for (int i = start; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int codePoint = text.codePointAt(i);
            if (!Character.isLetter(codePoint)) {
                continue;
            }
            return switch (Character.UnicodeScript.of(codePoint)) {
                case HIRAGANA, KATAKANA -> "ja";
                case HAN -> text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA)
                        ? "ja" : "zh-Hans";
                case CYRILLIC -> "ru";
                case ARABIC -> "ar";
                case HANGUL -> "ko";
                case DEVANAGARI -> "hi";
                case GREEK -> "el";
                default -> "en";
            };
        }
        return "un";
    }

    @Override
    String postId(Scene scene, long index) {
        return Long.toUnsignedString(7_300_000_000_000_000_000L + Ids.permute(index, 60, scene.derived(Scene.Salt.POST)));
    }

    @Override
    Post post(Scene scene, String id, Instant createdAt, Author author, Rng rng) {
        boolean photo = id.equals(scene.target.id()) ? scene.attribute("type").filter("photo"::equals).isPresent()
                : rng.chance(0.1);
        String caption = SampleText.caption(rng);
        if (scene.target.kind() == Target.Kind.HASHTAG) {
            caption = caption + " #" + scene.target.id();
        }
        long views = (long) Math.pow(10, 2 + 5.5 * rng.nextDouble());
        String handle = author.handle().orElse("user");
        Duration duration = Duration.ofSeconds(rng.between(6, 180));
        Post.Builder builder = Post.builder().platform(platform).id(id).createdAt(createdAt).author(author)
                .url("https://www.tiktok.com/@" + handle + (photo ? "/photo/" : "/video/") + id).text(caption)
                .viewCount(views).commentCount(views / rng.between(150, 900)).shareCount(views / rng.between(200, 2_000));
        if (!likesHidden(rng)) {
            builder.likeCount(views / rng.between(8, 40));
        }
        if (photo) {
            int images = rng.between(2, 6);
            for (int i = 0; i < images; i++) {
                builder.media(Media.of(Media.Type.IMAGE, "https://p16-sign.tiktokcdn.com/tos/sandbox/" + id + "_" + i + ".jpeg")
                        .withSize(1080, 1440).withMimeType("image/jpeg"));
            }
        } else {
            builder.media(Media.of(Media.Type.VIDEO, "https://v16-webapp-prime.tiktok.com/video/tos/sandbox/" + id + ".mp4")
                    .withSize(1080, 1920).withDuration(duration).withMimeType("video/mp4"));
            builder.media(Media.of(Media.Type.IMAGE, "https://p16-sign.tiktokcdn.com/obj/sandbox/" + id + "~tplv-cover.jpeg")
                    .withSize(1080, 1920).withMimeType("image/jpeg"));
        }
        return builder.extra("collectCount", views / rng.between(100, 1_000))
                .extra("music", rng.pick(List.of("original sound", "Espresso", "夜に駆ける", "Blinding Lights")))
                .extra("isPhoto", photo).extra("sandbox", true).build();
    }

    @Override
    Profile profile(Scene scene) {
        Rng rng = scene.rng(Scene.Salt.PROFILE, 0);
        Author owner = owner(scene);
        long followers = followers(rng);
        return Profile.builder().platform(platform).id(owner.id().orElseThrow())
                .url(owner.url().orElse(scene.target.url())).createdAt(accountCreated(rng)).author(owner)
                .bio(SampleText.bio(rng)).followerCount(followers).followingCount((long) rng.between(0, 3_000))
                .postCount(PostExtractor.size(scene, java.util.OptionalLong.empty()))
                .extra("heartCount", followers * rng.between(3, 30))
                .extra("secUid", "MS4wLjABAAAA" + Ids.base64(Rng.mix(followers), 11) + Ids.base64(Rng.mix(~followers), 11))
                .extra("sandbox", true).build();
    }
}
