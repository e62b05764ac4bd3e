package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.kit.Json;

import java.time.Instant;

/**
 * Synthetic Data API bodies, shaped exactly like the recorded ones in {@code youtube/data-api/}
 * (sns-sdks/python-youtube @ 1694c2c : {@code testdata/apidata/comment_threads/*}, {@code comments/*},
 * {@code videos/*}) and the field lists of reference §1.2–1.5 (GDOC-CT): the envelope ({@code kind},
 * {@code etag}, {@code nextPageToken} only when another page exists, {@code pageInfo}, {@code items}), and
 * {@code youtube#commentThread}/{@code youtube#comment}/{@code youtube#video} resources. Used where the
 * recordings lack a case: threads with more replies than the five embedded, a channel's uploads.
 */
final class DataApiBodies {
    static final Instant BASE = Instant.parse("2024-05-24T10:36:55Z");

    private DataApiBodies() {
    }

    static ObjectNode list(String kind, String next, int total) {
        ObjectNode body = Json.object().put("kind", kind).put("etag", "etag-" + kind);
        if (next != null) {
            body.put("nextPageToken", next);
        }
        body.putObject("pageInfo").put("totalResults", total).put("resultsPerPage", 100);
        body.putArray("items");
        return body;
    }

    /** A {@code youtube#comment}; replies carry {@code parentId}, ids are {@code parent.suffix}. */
    static ObjectNode comment(String id, String videoId, String parentId, int minutesBeforeBase) {
        ObjectNode comment = Json.object().put("kind", "youtube#comment").put("etag", "e-" + id).put("id", id);
        String time = BASE.minusSeconds(60L * minutesBeforeBase).toString();
        ObjectNode snippet = comment.putObject("snippet").put("channelId", "UCvideoChannel000000000001")
                .put("videoId", videoId).put("textDisplay", "text of " + id).put("textOriginal", "text of " + id);
        if (parentId != null) {
            snippet.put("parentId", parentId);
        }
        snippet.put("authorDisplayName", "@author-" + id.length()).put("authorProfileImageUrl", "https://yt3.ggpht.com/a")
                .put("authorChannelUrl", "http://www.youtube.com/@author-" + id.length());
        snippet.putObject("authorChannelId").put("value", "UCauthor000000000000000" + (id.length() % 10));
        snippet.put("canRate", true).put("viewerRating", "none").put("likeCount", 3)
                .put("publishedAt", time).put("updatedAt", time);
        return comment;
    }

    /** A {@code youtube#commentThread} with {@code totalReplyCount} and the given embedded replies. */
    static ObjectNode thread(String id, String videoId, int totalReplyCount, int minutesBeforeBase, ObjectNode... replies) {
        ObjectNode thread = Json.object().put("kind", "youtube#commentThread").put("etag", "t-" + id)
                .put("id", id);
        ObjectNode snippet = thread.putObject("snippet").put("channelId", "UCvideoChannel000000000001").put("videoId", videoId);
        snippet.set("topLevelComment", comment(id, videoId, null, minutesBeforeBase));
        snippet.put("canReply", true).put("totalReplyCount", totalReplyCount).put("isPublic", true);
        if (replies.length > 0) {
            ArrayNode embedded = thread.putObject("replies").putArray("comments");
            for (ObjectNode reply : replies) {
                embedded.add(reply);
            }
        }
        return thread;
    }

    /** A {@code youtube#video} with snippet, statistics (strings, as the API sends them) and contentDetails. */
    static ObjectNode video(String id, String title, long views) {
        ObjectNode video = Json.object().put("kind", "youtube#video").put("etag", "v-" + id).put("id", id);
        ObjectNode snippet = video.putObject("snippet").put("publishedAt", "2019-11-21T22:17:43Z")
                .put("channelId", "UC_x5XG1OV2P6uZZ5FSM9Ttw").put("title", title).put("description", "about " + title);
        snippet.putObject("thumbnails").putObject("high").put("url", "https://i.ytimg.com/vi/" + id + "/hqdefault.jpg")
                .put("width", 480).put("height", 360);
        snippet.put("channelTitle", "Google Developers").put("categoryId", "28").put("liveBroadcastContent", "none");
        video.putObject("contentDetails").put("duration", "PT21M7S").put("dimension", "2d").put("definition", "hd")
                .put("caption", "true").put("licensedContent", false).put("projection", "rectangular");
        video.putObject("statistics").put("viewCount", String.valueOf(views)).put("likeCount", "120")
                .put("favoriteCount", "0").put("commentCount", "14");
        return video;
    }
}
