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
 * YouTube: 11-character video ids, 26-character comment ids ({@code Ugz…4AaABAg}) with replies as
 * {@code parent.suffix}, {@code UC…} channel ids, and display names that are {@code @handles} as the
 * Data API has shown them since 2024.
 */
final class YouTubeShape extends Shape {

    YouTubeShape() {
        super("youtube");
    }

    @Override
    String commentId(Scene scene, long key, String topId) {
        long unique = Rng.mix(scene.derived(Scene.Salt.ID) + key);
        long filler = Rng.mix(unique ^ 0xC0FFEEL);
        if (topId == null) {
            return "Ug" + "wxyz".charAt((int) (filler & 3)) + Ids.base64(unique, 11) + Ids.base64(filler, 5) + "4AaABAg";
        }
        return topId + "." + Ids.base64(unique, 11) + Ids.base64(filler, 11);
    }

    static String channelId(long value) {
        return "UC" + Ids.base64(Rng.mix(value), 11) + Ids.base64(Rng.mix(value + 1), 11);
    }

    @Override
    Author person(long person) {
        String handle = SampleText.userName(person, platform);
        return Author.builder().id(channelId(person)).handle(handle).displayName("@" + handle)
                .url("https://www.youtube.com/@" + handle).verified(isVerified(person)).build();
    }

    @Override
    Author owner(Scene scene) {
        Author owner = super.owner(scene);
        if (scene.target.kind() == Target.Kind.PROFILE && scene.target.id().startsWith("UC")) {
            return Author.builder().id(scene.target.id()).handle(owner.handle().orElse(null))
                    .displayName(owner.displayName().orElse(null)).url(owner.url().orElse(null))
                    .verified(owner.verified()).build();
        }
        return owner;
    }

    @Override
    Optional<String> ownerHandle(Scene scene) {
        if (scene.target.kind() != Target.Kind.PROFILE || scene.target.id().startsWith("UC")) {
            return Optional.empty();
        }
        String id = scene.target.id();
        return Optional.of(id.startsWith("@") ? id.substring(1) : id);
    }

    @Override
    String displayName(String handle, Author sample) {
        return "@" + handle;
    }

    @Override
    Optional<String> profileUrl(String handle) {
        return Optional.of("https://www.youtube.com/@" + handle);
    }

    @Override
    boolean likesHidden(Rng rng) {
        return rng.chance(0.05);
    }

    @Override
    Comment comment(Scene scene, CommentDraft draft) {
        Rng rng = draft.rng();
        Comment.Builder builder = base(scene, draft)
                .url("https://www.youtube.com/watch?v=" + draft.postId() + "&lc=" + draft.id())
                .extra("videoId", draft.postId());
        if (draft.byOwner()) {
            builder.extra("authorIsChannelOwner", true);
        }
        if (rng.chance(0.04)) {
            builder.extra("heartedByCreator", true);
        }
        return builder.build();
    }

    @Override
    String postId(Scene scene, long index) {
        return Ids.base64(Rng.mix(scene.derived(Scene.Salt.POST) + index), 11);
    }

    @Override
    Post post(Scene scene, String id, Instant createdAt, Author author, Rng rng) {
        boolean isShort = rng.chance(0.25);
        Duration duration = Duration.ofSeconds(isShort ? rng.between(8, 59) : rng.between(61, 3 * 3600));
        long views = (long) Math.pow(10, 2 + 5 * rng.nextDouble());
        Post.Builder builder = Post.builder().platform(platform).id(id).createdAt(createdAt).author(author)
                .url(isShort ? "https://www.youtube.com/shorts/" + id : "https://www.youtube.com/watch?v=" + id)
                .title(SampleText.title(rng)).text(rng.chance(0.1) ? "" : SampleText.paragraphs(rng))
                .viewCount(views);
        if (!rng.chance(0.08)) {
            builder.likeCount(views / rng.between(15, 60));
        }
        if (!rng.chance(0.03)) {
            builder.commentCount(views / rng.between(80, 400));
        }
        builder.media(Media.of(Media.Type.IMAGE, "https://i.ytimg.com/vi/" + id + "/hqdefault.jpg").withSize(480, 360)
                .withMimeType("image/jpeg"));
        Media video = Media.of(Media.Type.VIDEO, "https://www.youtube.com/watch?v=" + id).withDuration(duration);
        builder.media(isShort ? video.withSize(1080, 1920) : video.withSize(1920, 1080));
        author.id().ifPresent(channel -> builder.extra("channelId", channel));
        return builder.extra("duration", duration.toString()).extra("isShort", isShort)
                .extra("categoryId", Integer.toString(rng.pick(java.util.List.of(10, 20, 22, 24, 26, 27, 28))))
                .extra("sandbox", true).build();
    }

    @Override
    Profile profile(Scene scene) {
        Rng rng = scene.rng(Scene.Salt.PROFILE, 0);
        Author owner = owner(scene);
        Profile.Builder builder = Profile.builder().platform(platform).id(owner.id().orElseThrow())
                .url(owner.url().orElse(scene.target.url())).createdAt(accountCreated(rng)).author(owner)
                .bio(SampleText.bio(rng)).postCount(PostExtractor.size(scene, java.util.OptionalLong.empty()));
        if (!rng.chance(0.1)) {
            builder.followerCount(followers(rng));
        } else {
            builder.extra("hiddenSubscriberCount", true);
        }
        owner.handle().ifPresent(handle -> builder.extra("customUrl", "@" + handle.toLowerCase(java.util.Locale.ROOT)));
        return builder.extra("viewCount", (long) Math.pow(10, 4 + 5 * rng.nextDouble()))
                .extra("country", rng.pick(java.util.List.of("US", "GB", "JP", "DE", "BR", "IN")))
                .extra("sandbox", true).build();
    }
}
