package io.starexport.platform.tiktok;

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
import java.util.random.RandomGenerator;

/**
 * What TikTok items look like in sandbox mode: 19-digit ids for videos, comments and accounts, replies
 * one level deep, comments without a permalink (the odd one an image with no text), vertical videos with
 * durations and photo posts of two to six images. Raw fields use this module's names ({@code language},
 * {@code author_liked}, {@code save_count}…).
 */
final class TikTokSamples {
    private static final String WEB = "https://www.tiktok.com";

    static final SampleStyle STYLE = SampleStyle.builder()
            .commentIds(IdShape.digits(17).withPrefix("72"))
            .postIds(IdShape.digits(17).withPrefix("73"))
            .userIds(IdShape.digits(17).withPrefix("68"))
            .handles(SampleStyle.Handles.LOWER)
            .displayNames(SampleStyle.DisplayNames.PERSONAL)
            .profileUrls(WEB + "/@{handle}")
            .maxReplyDepth(1)
            .phrases(List.of("the way i screamed 😭😭", "POV: me at 2am watching this", "no bc why is this so accurate",
                    "part 2 pls 🙏", "algorithm brought me here", "who's here in 2026"))
            .comments(TikTokSamples::comment)
            .posts(TikTokSamples::video)
            .profiles(TikTokSamples::profile)
            .build();

    private TikTokSamples() {
    }

    private static void comment(Comment.Builder comment, SampleStyle.Sample sample) {
        RandomGenerator random = sample.random();
        String text = sample.text();
        if (sample.parentId().isEmpty() && random.nextDouble() < 0.015) {
            text = "";
            comment.text(text).extra("image_urls", List.of("https://p16-sign.tiktokcdn.com/obj/sandbox/" + sample.id()
                    + ".jpeg"));
        }
        comment.extra("language", language(text));
        if (random.nextDouble() < 0.05) {
            comment.extra("author_liked", true);
        }
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

    private static void video(Post.Builder video, SampleStyle.Sample sample) {
        RandomGenerator random = sample.random();
        Target target = sample.target();
        String id = sample.id();
        boolean photo = sample.isTarget() ? "photo".equals(target.attributes().get("type")) : random.nextDouble() < 0.1;
        if (target.kind() == Target.Kind.HASHTAG) {
            video.text(sample.text() + " #" + target.id());
        }
        long views = (long) Math.pow(10, 2 + 5.5 * random.nextDouble());
        String handle = sample.author().flatMap(Author::handle).orElse("user");
        int seconds = random.nextInt(6, 181);
        video.url(WEB + "/@" + handle + (photo ? "/photo/" : "/video/") + id).viewCount(views)
                .commentCount(views / random.nextInt(150, 901)).shareCount(views / random.nextInt(200, 2_001))
                .likeCount(random.nextDouble() < 0.03 ? null : views / random.nextInt(8, 41));
        if (photo) {
            int images = random.nextInt(2, 7);
            for (int i = 0; i < images; i++) {
                video.media(Media.of(Media.Type.IMAGE, "https://p16-sign.tiktokcdn.com/tos/sandbox/" + id + "_" + i + ".jpeg")
                        .withSize(1080, 1440).withMimeType("image/jpeg"));
            }
        } else {
            video.media(Media.of(Media.Type.VIDEO, "https://v16-webapp-prime.tiktok.com/video/tos/sandbox/" + id + ".mp4")
                    .withSize(1080, 1920).withDuration(Duration.ofSeconds(seconds)).withMimeType("video/mp4"));
            video.media(Media.of(Media.Type.IMAGE, "https://p16-sign.tiktokcdn.com/obj/sandbox/" + id + "~tplv-cover.jpeg")
                    .withSize(1080, 1920).withMimeType("image/jpeg"));
            video.extra("duration_seconds", seconds);
        }
        video.extra("save_count", views / random.nextInt(100, 1_001))
                .extra("music_title", List.of("original sound", "Espresso", "夜に駆ける", "Blinding Lights").get(random.nextInt(4)));
    }

    private static void profile(Profile.Builder profile, SampleStyle.Sample sample) {
        RandomGenerator random = sample.random();
        long hearts = (long) Math.pow(10, 2 + 6 * random.nextDouble());
        profile.followingCount((long) random.nextInt(0, 3_001)).extra("likes_count", hearts)
                .extra("sec_uid", "MS4wLjABAAAA" + Long.toUnsignedString(random.nextLong(), 36)
                        + Long.toUnsignedString(random.nextLong(), 36));
    }
}
