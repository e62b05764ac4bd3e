package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.kit.Json;
import io.starexport.kit.Values;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Data API resources to items, following the field map of reference §1.7: {@code youtube#comment}
 * (commentThreads.list, comments.list), {@code youtube#video} (videos.list) and {@code youtube#channel}
 * (channels.list). Throws {@link IllegalArgumentException} for a resource without its required id, which
 * the extractors record as skipped.
 */
final class DataApiItems {
    private static final String[] THUMBNAIL_SIZES = {"maxres", "standard", "high", "medium", "default"};

    private DataApiItems() {
    }

    /**
     * A comment resource.
     *
     * A comment on a channel itself (a thread of {@code allThreadsRelatedToChannelId} without
     * {@code snippet.videoId}) has the channel as its post, the channel page as its URL, and {@code on_channel}.
     *
     * @param videoId    the video when the resource does not name it (old replies omit it)
     * @param channelId  the thread's channel, for a comment on the channel itself that does not name it
     * @param replyCount the thread's {@code totalReplyCount} for a top-level comment, else null
     */
    static Comment comment(JsonNode resource, String videoId, String channelId, Long replyCount) {
        String id = required(resource.path("id"), "id");
        JsonNode snippet = resource.path("snippet");
        if (!snippet.isObject()) {
            throw new IllegalArgumentException("no snippet");
        }
        String video = firstNonNull(Json.text(snippet.path("videoId")), videoId);
        String channel = video != null ? null : firstNonNull(Json.text(snippet.path("channelId")), channelId);
        if (video == null && channel == null) {
            throw new IllegalArgumentException("neither snippet.videoId nor snippet.channelId");
        }
        String parent = Json.text(snippet.path("parentId"));
        if (parent == null && id.contains(".")) {
            parent = id.substring(0, id.indexOf('.'));
        }
        String text = Json.text(snippet.path("textOriginal"));
        if (text == null) {
            String display = Json.text(snippet.path("textDisplay"));
            text = display == null ? "" : display.replaceAll("<br\\s*/?>", "\n").replaceAll("<[^>]+>", "");
        }
        Instant published = instant(snippet.path("publishedAt"));
        Instant updated = instant(snippet.path("updatedAt"));
        Comment.Builder builder = Comment.builder().platform(YouTubeUrls.PLATFORM).id(id)
                .postId(video != null ? video : channel)
                .url(video != null ? YouTubeUrls.WEB + "/watch?v=" + video + "&lc=" + id : YouTubeUrls.WEB + "/channel/" + channel)
                .text(text).likeCount(Json.number(snippet.path("likeCount"))).replyCount(replyCount)
                .edited(published != null && updated != null && !published.equals(updated))
                .author(author(snippet))
                .extra("updated_at", updated == null ? null : updated.toString())
                .extra("author_profile_image_url", Json.text(snippet.path("authorProfileImageUrl")))
                .extra("channel_id", Json.text(snippet.path("channelId")))
                .extra("on_channel", video == null ? Boolean.TRUE : null);
        if (parent != null) {
            builder.parentId(parent);
        }
        if (published != null) {
            builder.createdAt(published);
        }
        return builder.build();
    }

    private static Author author(JsonNode snippet) {
        String name = Json.text(snippet.path("authorDisplayName"));
        String url = Json.text(snippet.path("authorChannelUrl"));
        String handle = name != null && name.startsWith("@") ? name.substring(1) : null;
        if (handle == null && url != null && url.contains("/@")) {
            handle = YouTubeUrls.decode(url.substring(url.indexOf("/@") + 2));
        }
        return Author.builder().id(Json.text(snippet.path("authorChannelId").path("value"))).displayName(name)
                .handle(handle).url(url).build();
    }

    /** A video resource as a post: title, description, counts, thumbnails and the video itself. */
    static Post video(JsonNode resource) {
        String id = required(resource.path("id"), "id");
        JsonNode snippet = resource.path("snippet");
        JsonNode statistics = resource.path("statistics");
        JsonNode details = resource.path("contentDetails");
        Duration duration = duration(details.path("duration"));
        Post.Builder builder = Post.builder().platform(YouTubeUrls.PLATFORM).id(id)
                .url(YouTubeUrls.WEB + "/watch?v=" + id)
                .title(Json.text(snippet.path("title"))).text(Json.text(snippet.path("description")))
                .viewCount(Json.number(statistics.path("viewCount"))).likeCount(Json.number(statistics.path("likeCount")))
                .commentCount(Json.number(statistics.path("commentCount")));
        String channel = Json.text(snippet.path("channelId"));
        if (channel != null || Json.text(snippet.path("channelTitle")) != null) {
            builder.author(Author.builder().id(channel).displayName(Json.text(snippet.path("channelTitle")))
                    .url(channel == null ? null : YouTubeUrls.WEB + "/channel/" + channel).build());
        }
        Instant published = instant(snippet.path("publishedAt"));
        if (published != null) {
            builder.createdAt(published);
        }
        Media thumbnail = thumbnail(snippet.path("thumbnails"));
        if (thumbnail != null) {
            builder.media(thumbnail);
        }
        Media video = Media.of(Media.Type.VIDEO, YouTubeUrls.WEB + "/watch?v=" + id);
        builder.media(duration == null ? video : video.withDuration(duration));
        List<String> tags = new ArrayList<>();
        snippet.path("tags").forEach(tag -> tags.add(tag.asText()));
        return builder.extra("duration", duration == null ? null : duration.toString())
                .extra("tags", tags.isEmpty() ? null : List.copyOf(tags))
                .extra("category_id", Json.text(snippet.path("categoryId")))
                .extra("live_broadcast_content", Json.text(snippet.path("liveBroadcastContent")))
                .extra("default_language", Json.text(snippet.path("defaultLanguage")))
                .extra("default_audio_language", Json.text(snippet.path("defaultAudioLanguage")))
                .extra("definition", Json.text(details.path("definition")))
                .extra("caption", Json.text(details.path("caption")))
                .extra("licensed_content", details.path("licensedContent").isBoolean()
                        ? details.path("licensedContent").asBoolean() : null)
                .extra("favorite_count", Json.number(statistics.path("favoriteCount")))
                .build();
    }

    /** A video's media files as MEDIA items: the thumbnail (every size as variants) and the video. */
    static List<MediaItem> videoMedia(Post post) {
        List<MediaItem> items = new ArrayList<>();
        for (Media media : post.media()) {
            MediaItem.Builder item = MediaItem.builder().platform(YouTubeUrls.PLATFORM)
                    .id(post.id() + ":" + (media.type() == Media.Type.IMAGE ? "thumbnail" : "video"))
                    .postId(post.id()).index(items.size()).media(media).url(post.url().orElse(null))
                    .extra("title", post.title().orElse(null));
            post.createdAt().ifPresent(item::createdAt);
            post.author().ifPresent(item::author);
            items.add(item.build());
        }
        return items;
    }

    /** A channel resource as a profile. */
    static Profile channel(JsonNode resource) {
        String id = required(resource.path("id"), "id");
        JsonNode snippet = resource.path("snippet");
        JsonNode statistics = resource.path("statistics");
        String customUrl = Json.text(snippet.path("customUrl"));
        String handle = customUrl != null && customUrl.startsWith("@") ? customUrl.substring(1) : null;
        Profile.Builder builder = Profile.builder().platform(YouTubeUrls.PLATFORM).id(id)
                .url(YouTubeUrls.WEB + "/channel/" + id)
                .author(Author.builder().id(id).handle(handle).displayName(Json.text(snippet.path("title")))
                        .url(handle != null ? YouTubeUrls.WEB + "/@" + handle : YouTubeUrls.WEB + "/channel/" + id).build())
                .bio(Json.text(snippet.path("description")))
                .postCount(Json.number(statistics.path("videoCount")));
        if (!statistics.path("hiddenSubscriberCount").asBoolean(false)) {
            builder.followerCount(Json.number(statistics.path("subscriberCount")));
        }
        Instant published = instant(snippet.path("publishedAt"));
        if (published != null) {
            builder.createdAt(published);
        }
        Media avatar = thumbnail(snippet.path("thumbnails"));
        return builder.extra("custom_url", customUrl)
                .extra("country", Json.text(snippet.path("country")))
                .extra("view_count", Json.number(statistics.path("viewCount")))
                .extra("hidden_subscriber_count", statistics.path("hiddenSubscriberCount").isBoolean()
                        ? statistics.path("hiddenSubscriberCount").asBoolean() : null)
                .extra("uploads_playlist_id", uploadsPlaylist(resource))
                .extra("avatar_url", avatar == null ? null : avatar.url())
                .build();
    }

    /** The channel's uploads playlist id, or null. */
    static String uploadsPlaylist(JsonNode channel) {
        return Json.text(channel.path("contentDetails").path("relatedPlaylists").path("uploads"));
    }

    /** The largest thumbnail, with every size as variants; null when there are none. */
    static Media thumbnail(JsonNode thumbnails) {
        List<Media.Variant> variants = new ArrayList<>();
        for (String size : THUMBNAIL_SIZES) {
            JsonNode node = thumbnails.path(size);
            String url = Json.text(node.path("url"));
            if (url != null) {
                variants.add(new Media.Variant(url, dimension(node.path("width")), dimension(node.path("height")),
                        Optional.empty()));
            }
        }
        if (variants.isEmpty()) {
            return null;
        }
        Media.Variant best = variants.get(0);
        Media media = Media.of(Media.Type.IMAGE, best.url()).withVariants(variants);
        return best.width().isPresent() && best.height().isPresent()
                ? media.withSize(best.width().getAsInt(), best.height().getAsInt()) : media;
    }

    private static OptionalInt dimension(JsonNode node) {
        return node.isInt() ? OptionalInt.of(node.asInt()) : OptionalInt.empty();
    }

    static Instant instant(JsonNode node) {
        String text = Json.text(node);
        if (text == null) {
            return null;
        }
        return Values.instant(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an RFC 3339 time"));
    }

    private static Duration duration(JsonNode node) {
        String text = Json.text(node);
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String required(JsonNode node, String path) {
        String text = Json.text(node);
        if (text == null) {
            throw new IllegalArgumentException("no " + path);
        }
        return text;
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
