package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.ExportException;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.kit.Json;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Web API JSON to items: {@code comments[]} elements of {@code /api/comment/list/} and its replies,
 * {@code itemStruct} / {@code itemList[]} video objects, and {@code userInfo} profiles. Field paths follow
 * the recorded comment page and the reference's section 2.7.
 */
final class WebItems {
    private WebItems() {
    }

    /** A comment or reply; throws IllegalArgumentException when it has no id. */
    static Comment comment(JsonNode c, String videoId) {
        String id = require(c, "cid");
        JsonNode user = c.path("user");
        String parent = Json.text(c, "reply_id");
        boolean reply = parent != null && !parent.equals("0");
        String replyTo = Json.text(c, "reply_to_reply_id");
        String shareUrl = Json.text(c.path("share_info"), "url");
        // pinned by the creator: author_pin, or (older answers) a stick_position above 0
        Long stick = Json.number(c, "stick_position");
        Comment.Builder builder = Comment.builder().platform(TikTokPlatform.ID).id(id)
                .postId(Optional.ofNullable(Json.text(c, "aweme_id")).orElse(videoId))
                .text(Optional.ofNullable(Json.text(c, "text")).orElse(""))
                .createdAt(Json.epochSeconds(c.path("create_time")))
                .likeCount(Json.number(c, "digg_count"))
                .pinned(Json.flag(c, "author_pin") || (stick != null && stick > 0))
                .url(shareUrl)
                .author(commenter(user))
                .extra("author_liked", Json.flag(c, "is_author_digged"))
                .extra("author_sec_uid", Json.text(user, "sec_uid"))
                .extra("language", Json.text(c, "comment_language"))
                .extra("reply_to_reply_id", replyTo == null || replyTo.equals("0") ? null : replyTo);
        if (!reply || c.has("reply_comment_total")) {
            builder.replyCount(Json.number(c, "reply_comment_total"));
        }
        if (reply) {
            builder.parentId(parent);
        }
        if (stick != null && stick != 0) {
            builder.extra("stick_position", stick);
        }
        List<String> labels = strings(c.get("label_list"), "text");
        if (!labels.isEmpty()) {
            builder.extra("labels", labels);
        }
        List<String> images = new ArrayList<>();
        for (JsonNode image : iterable(c.get("image_list"))) {
            String url = firstUrl(image.has("origin_url") ? image.get("origin_url") : image.get("crop_url"));
            if (url != null) {
                images.add(url);
            }
        }
        if (!images.isEmpty()) {
            builder.extra("image_urls", images);
        }
        return builder.build();
    }

    private static Author commenter(JsonNode user) {
        if (user.isMissingNode() || user.isNull()) {
            return null;
        }
        String handle = Json.text(user, "unique_id");
        return Author.builder().id(Json.text(user, "uid")).handle(handle).displayName(Json.text(user, "nickname"))
                .url(handle == null ? null : TikTokUrls.WEB + "/@" + handle)
                .verified(Json.text(user, "custom_verify") != null || Json.text(user, "enterprise_verify_reason") != null)
                .build();
    }

    /** A video or photo post from an {@code itemStruct}; throws IllegalArgumentException when it has no id. */
    static Post post(JsonNode item) {
        String id = require(item, "id");
        JsonNode author = item.path("author");
        String handle = author.isTextual() ? author.asText() : Json.text(author, "uniqueId");
        JsonNode stats = item.path("statsV2").isObject() ? item.get("statsV2") : item.path("stats");
        JsonNode fallback = item.path("stats");
        Post.Builder builder = Post.builder().platform(TikTokPlatform.ID).id(id)
                .url(TikTokUrls.canonicalVideoUrl(handle, id, item.path("imagePost").isObject()))
                .text(Json.text(item, "desc"))
                .createdAt(Json.epochSeconds(item.path("createTime")))
                .viewCount(stat(stats, fallback, "playCount"))
                .likeCount(stat(stats, fallback, "diggCount"))
                .commentCount(stat(stats, fallback, "commentCount"))
                .shareCount(stat(stats, fallback, "shareCount"))
                .author(author.isObject() ? Author.builder().id(Json.text(author, "id")).handle(handle)
                        .displayName(Json.text(author, "nickname"))
                        .url(handle == null ? null : TikTokUrls.WEB + "/@" + handle)
                        .verified(Json.flag(author, "verified")).build()
                        : handle == null ? null : Author.builder().handle(handle).build())
                .extra("save_count", stat(stats, fallback, "collectCount"))
                .extra("repost_count", Json.number(stats, "repostCount"))
                .extra("author_sec_uid", Json.text(author, "secUid"))
                .extra("language", Json.text(item, "textLanguage"))
                .extra("pinned", Json.flag(item, "isPinnedItem") ? Boolean.TRUE : null)
                .extra("ad", Json.flag(item, "isAd") ? Boolean.TRUE : null);
        Long duration = duration(item);
        builder.extra("duration_seconds", duration);
        Set<String> hashtags = new LinkedHashSet<>(strings(item.get("challenges"), "title"));
        hashtags.addAll(strings(item.get("textExtra"), "hashtagName"));
        if (!hashtags.isEmpty()) {
            builder.extra("hashtags", List.copyOf(hashtags));
        }
        JsonNode music = item.path("music");
        if (music.isObject()) {
            builder.extra("music_id", Json.text(music, "id")).extra("music_title", Json.text(music, "title"))
                    .extra("music_author", Json.text(music, "authorName"));
        }
        media(item).forEach(builder::media);
        return builder.build();
    }

    private static Long stat(JsonNode stats, JsonNode fallback, String name) {
        Long value = Json.number(stats, name);
        return value != null ? value : Json.number(fallback, name);
    }

    /** Seconds of play: the video's, or for photo posts (duration 0) the music's, as yt-dlp does. */
    private static Long duration(JsonNode item) {
        Long video = Json.number(item.path("video"), "duration");
        if (video != null && video > 0) {
            return video;
        }
        Long music = Json.number(item.path("music"), "duration");
        return music != null && music > 0 ? music : null;
    }

    /** The post's files: the video (bit-rate renditions as variants) or the photos, then the cover, then the music. */
    static List<Media> media(JsonNode item) {
        List<Media> media = new ArrayList<>();
        JsonNode video = item.path("video");
        Long duration = duration(item);
        for (JsonNode image : iterable(item.path("imagePost").get("images"))) {
            String url = firstUrl(image.path("imageURL"));
            if (url != null) {
                media.add(sized(Media.of(Media.Type.IMAGE, url), Json.number(image, "imageWidth"),
                        Json.number(image, "imageHeight")));
            }
        }
        List<Media.Variant> variants = new ArrayList<>();
        for (JsonNode rate : iterable(video.get("bitrateInfo"))) {
            JsonNode address = rate.path("PlayAddr");
            String url = firstUrl(address);
            if (url != null) {
                variants.add(new Media.Variant(url, size(Json.number(address, "Width")),
                        size(Json.number(address, "Height")), Optional.of("video/mp4")));
            }
        }
        String play = Json.text(video, "playAddr");
        if (play == null) {
            play = Json.text(video, "downloadAddr");
        }
        Long width = Json.number(video, "width");
        Long height = Json.number(video, "height");
        if (play == null && !variants.isEmpty()) {
            // newer answers may leave playAddr empty and give the files only as bit-rate renditions
            Media.Variant best = variants.remove(0);
            play = best.url();
            width = best.width().isPresent() ? Long.valueOf(best.width().getAsInt()) : width;
            height = best.height().isPresent() ? Long.valueOf(best.height().getAsInt()) : height;
        }
        if (play != null && media.isEmpty()) {
            Media file = sized(Media.of(Media.Type.VIDEO, play), width, height).withMimeType("video/mp4");
            if (duration != null) {
                file = file.withDuration(Duration.ofSeconds(duration));
            }
            String download = Json.text(video, "downloadAddr");
            if (download != null && !download.equals(play)) {
                variants.add(new Media.Variant(download, size(Json.number(video, "width")),
                        size(Json.number(video, "height")), Optional.of("video/mp4")));
            }
            media.add(file.withVariants(variants));
        }
        List<String> covers = new ArrayList<>();
        for (String name : new String[] {"cover", "originCover", "dynamicCover"}) {
            String url = Json.text(video, name);
            if (url != null && !covers.contains(url)) {
                covers.add(url);
            }
        }
        if (covers.isEmpty() && item.path("imagePost").has("cover")) {
            String url = firstUrl(item.path("imagePost").path("cover").path("imageURL"));
            if (url != null) {
                covers.add(url);
            }
        }
        if (!covers.isEmpty()) {
            List<Media.Variant> others = new ArrayList<>();
            for (String url : covers.subList(1, covers.size())) {
                others.add(new Media.Variant(url, size(Json.number(video, "width")), size(Json.number(video, "height")),
                        Optional.empty()));
            }
            media.add(sized(Media.of(Media.Type.IMAGE, covers.get(0)), Json.number(video, "width"),
                    Json.number(video, "height")).withVariants(others));
        }
        JsonNode music = item.path("music");
        String musicUrl = Json.text(music, "playUrl");
        if (musicUrl != null) {
            Media audio = Media.of(Media.Type.AUDIO, musicUrl).withMimeType("audio/mpeg");
            Long seconds = Json.number(music, "duration");
            media.add(seconds != null && seconds > 0 ? audio.withDuration(Duration.ofSeconds(seconds)) : audio);
        }
        return media;
    }

    /** One MEDIA item per file of a post, ids {@code <post id>-<index>}. */
    static List<MediaItem> mediaItems(Post post) {
        List<MediaItem> items = new ArrayList<>();
        for (int i = 0; i < post.media().size(); i++) {
            items.add(MediaItem.builder().platform(TikTokPlatform.ID).id(post.id() + "-" + i).postId(post.id()).index(i)
                    .url(post.url().orElse(null)).createdAt(post.createdAt().orElse(null))
                    .author(post.author().orElse(null)).media(post.media().get(i)).build());
        }
        return items;
    }

    /** A profile from {@code userInfo} ({@code user}, {@code stats}, {@code statsV2}). */
    static Profile profile(JsonNode userInfo, String handle) {
        JsonNode user = userInfo.path("user");
        JsonNode stats = userInfo.path("statsV2").isObject() ? userInfo.get("statsV2") : userInfo.path("stats");
        JsonNode fallback = userInfo.path("stats");
        String uniqueId = Optional.ofNullable(Json.text(user, "uniqueId")).orElse(handle);
        String id = Optional.ofNullable(Json.text(user, "id")).orElseThrow(() -> ExportException
                .platformChanged(TikTokPlatform.ID, "userInfo.user.id", "no user id"));
        Long hearts = stat(stats, fallback, "heartCount");
        return Profile.builder().platform(TikTokPlatform.ID).id(id).url(TikTokUrls.WEB + "/@" + uniqueId)
                .author(Author.builder().id(id).handle(uniqueId).displayName(Json.text(user, "nickname"))
                        .url(TikTokUrls.WEB + "/@" + uniqueId).verified(Json.flag(user, "verified")).build())
                .createdAt(Json.epochSeconds(user.path("createTime")))
                .bio(Json.text(user, "signature"))
                .followerCount(stat(stats, fallback, "followerCount"))
                .followingCount(stat(stats, fallback, "followingCount"))
                .postCount(stat(stats, fallback, "videoCount"))
                .extra("likes_count", hearts != null ? hearts : stat(stats, fallback, "heart"))
                .extra("sec_uid", Json.text(user, "secUid"))
                .extra("private_account", Json.flag(user, "privateAccount"))
                .extra("avatar_url", Json.text(user, "avatarLarger"))
                .extra("bio_url", Json.text(user.path("bioLink"), "link"))
                .build();
    }

    private static Media sized(Media media, Long width, Long height) {
        return width != null && height != null && width > 0 && height > 0
                ? media.withSize(width.intValue(), height.intValue()) : media;
    }

    private static OptionalInt size(Long value) {
        return value == null || value <= 0 ? OptionalInt.empty() : OptionalInt.of(value.intValue());
    }

    static Iterable<JsonNode> iterable(JsonNode array) {
        return array != null && array.isArray() ? array : List.of();
    }

    static String require(JsonNode node, String field) {
        String value = Json.text(node, field);
        if (value == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    /** The string values of an array (or the given field of each object element); empty when absent. */
    static List<String> strings(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode element : array) {
                String value = field == null ? (element.isValueNode() ? element.asText() : null) : Json.text(element, field);
                if (value != null && !value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** The first string of a {@code url_list} (app style), {@code urlList} or {@code UrlList} (web) array, or null. */
    static String firstUrl(JsonNode image) {
        if (image == null || image.isNull()) {
            return null;
        }
        for (String name : new String[] {"url_list", "urlList", "UrlList"}) {
            List<String> urls = strings(image.get(name), null);
            if (!urls.isEmpty()) {
                return urls.get(0);
            }
        }
        return null;
    }
}
