package io.starexport.platform.youtube;

import io.starexport.api.Comment;
import io.starexport.api.Media;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.spi.SampleStyle;
import io.starexport.spi.SampleStyle.IdShape;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * What YouTube items look like in sandbox mode: 26-character comment ids ({@code Ugz…4AaABAg}) with
 * replies as {@code parent.suffix} in flat threads, 11-character video ids, {@code UC…} channel ids, and
 * commenters shown by their {@code @handle}, as the Data API has shown them since 2024. Videos carry a
 * thumbnail and the video; a quarter are Shorts. Raw fields use this module's names
 * ({@code author_is_channel_owner}, {@code channel_id}…), so sandbox and live exports line up.
 */
final class YouTubeSamples {
    private static final String WEB = "https://www.youtube.com";

    static final SampleStyle STYLE = SampleStyle.builder()
            .commentIds(IdShape.of(IdShape.BASE64_URL, 16).withPrefix("Ugz").withSuffix("4AaABAg"))
            .replyIds(IdShape.of(IdShape.BASE64_URL, 22))
            .replyIdSeparator(".")
            .postIds(IdShape.of(IdShape.BASE64_URL, 11))
            .userIds(IdShape.of(IdShape.BASE64_URL, 22).withPrefix("UC"))
            .handles(SampleStyle.Handles.CAPITALISED)
            .displayNames(SampleStyle.DisplayNames.AT_HANDLE)
            .profileUrls(WEB + "/@{handle}")
            .maxReplyDepth(1)
            .phrases(List.of("2:47 had me rewinding three times", "The way he said \"trust me\" at 5:02 😂",
                    "Who else is watching this at 3am", "This channel deserves a million subscribers",
                    "The algorithm finally did something right"))
            .comments(YouTubeSamples::comment)
            .posts(YouTubeSamples::video)
            .profiles(YouTubeSamples::channel)
            .build();

    private YouTubeSamples() {
    }

    private static void comment(Comment.Builder comment, SampleStyle.Sample sample) {
        String video = sample.postId().orElseThrow();
        comment.url(WEB + "/watch?v=" + video + "&lc=" + sample.id());
        if (sample.byOwner()) {
            comment.extra("author_is_channel_owner", true);
        }
        if (sample.random().nextDouble() < 0.04) {
            comment.extra("hearted_by_creator", true);
        }
    }

    private static void video(Post.Builder video, SampleStyle.Sample sample) {
        RandomGenerator random = sample.random();
        String id = sample.id();
        boolean isShort = random.nextDouble() < 0.25;
        Duration duration = Duration.ofSeconds(isShort ? random.nextInt(8, 60) : random.nextInt(61, 3 * 3600));
        long views = (long) Math.pow(10, 2 + 5 * random.nextDouble());
        video.url(isShort ? WEB + "/shorts/" + id : WEB + "/watch?v=" + id).title(sample.title()).viewCount(views)
                .likeCount(random.nextDouble() < 0.08 ? null : views / random.nextInt(15, 61))
                .commentCount(random.nextDouble() < 0.03 ? null : views / random.nextInt(80, 401));
        video.media(Media.of(Media.Type.IMAGE, "https://i.ytimg.com/vi/" + id + "/hqdefault.jpg").withSize(480, 360)
                .withMimeType("image/jpeg"));
        Media file = Media.of(Media.Type.VIDEO, WEB + "/watch?v=" + id).withDuration(duration);
        video.media(isShort ? file.withSize(1080, 1920) : file.withSize(1920, 1080));
        sample.author().flatMap(author -> author.id()).ifPresent(channel -> video.extra("channel_id", channel));
        video.extra("duration", duration.toString())
                .extra("category_id", Integer.toString(List.of(10, 20, 22, 24, 26, 27, 28).get(random.nextInt(7))));
    }

    private static void channel(Profile.Builder channel, SampleStyle.Sample sample) {
        RandomGenerator random = sample.random();
        if (random.nextDouble() < 0.1) {
            channel.followerCount(null).extra("hidden_subscriber_count", true);
        }
        sample.author().flatMap(author -> author.handle())
                .ifPresent(handle -> channel.extra("custom_url", "@" + handle.toLowerCase(Locale.ROOT)));
        channel.extra("view_count", (long) Math.pow(10, 4 + 5 * random.nextDouble()))
                .extra("country", List.of("US", "GB", "JP", "DE", "BR", "IN").get(random.nextInt(6)));
    }
}
