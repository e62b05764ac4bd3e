package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Post;
import io.starexport.api.Skipped;
import io.starexport.api.Target;
import io.starexport.kit.CursorCodec;
import io.starexport.kit.Json;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Videos, channels and their media through the Data API. POSTS of a channel read its uploads playlist
 * (channels.list, then playlistItems.list pages of 50) and each page's videos in one videos.list call:
 * 2 units per 50 videos. POSTS of a playlist do the same without the channel. POSTS and MEDIA of a video
 * are one videos.list call; PROFILE one channels.list call.
 */
final class DataApiVideos implements Extractor<Item> {
    private static final CursorCodec CURSOR = CursorCodec.of(YouTubeUrls.PLATFORM, "api-posts", 1);
    private static final String VIDEO_PARTS = "snippet,statistics,contentDetails";

    private final DataApi api;
    private final ExportQuery query;

    DataApiVideos(DataApi api, ExportQuery query) {
        this.api = api;
        this.query = query;
    }

    @Override
    public Page<Item> fetch(PageRequest request) {
        Target target = query.target();
        switch (query.content()) {
            case PROFILE -> {
                return Page.of(List.of(DataApiItems.channel(new Channels(api).lookup(target))), null);
            }
            case MEDIA -> {
                return Page.of(List.copyOf(DataApiItems.videoMedia(video(target.id()))), null);
            }
            default -> {
                if (target.kind() == Target.Kind.VIDEO) {
                    return Page.of(List.of(video(target.id())), null);
                }
                return playlistPage(request.cursor().map(CURSOR::decode).orElse(null));
            }
        }
    }

    private Post video(String id) {
        JsonNode resource = api.list("videos", DataApi.params("part", VIDEO_PARTS, "id", id), "video " + id)
                .path("items").path(0);
        if (resource.isMissingNode()) {
            throw ExportException.of(ErrorCode.NOT_FOUND, "YouTube found no video " + id
                    + "; it may be private, deleted or not yet published.");
        }
        try {
            return DataApiItems.video(resource);
        } catch (IllegalArgumentException e) {
            throw ExportException.platformChanged(YouTubeUrls.PLATFORM, "videos.items[0]", e.getMessage());
        }
    }

    private Page<Item> playlistPage(ObjectNode cursor) {
        Target target = query.target();
        ObjectNode state = cursor;
        if (state == null) {
            state = CURSOR.newState();
            if (target.kind() == Target.Kind.PROFILE) {
                JsonNode channel = new Channels(api).lookup(target);
                String uploads = DataApiItems.uploadsPlaylist(channel);
                if (uploads == null) {
                    throw ExportException.platformChanged(YouTubeUrls.PLATFORM,
                            "channels.items[0].contentDetails.relatedPlaylists.uploads", "no uploads playlist");
                }
                state.put("playlist", uploads).put("uploads", true);
            } else {
                state.put("playlist", target.id());
            }
        }
        String playlist = state.path("playlist").asText();
        JsonNode body = api.list("playlistItems", DataApi.params("part", "snippet,contentDetails", "playlistId", playlist,
                "maxResults", 50, "pageToken", Json.text(state.path("token"))),
                target.kind() == Target.Kind.PROFILE ? "channel " + target.id() : "playlist " + playlist);
        List<String> ids = new ArrayList<>();
        JsonNode entries = body.path("items");
        for (JsonNode entry : entries) {
            String id = Json.text(entry.path("contentDetails").path("videoId"));
            ids.add(id != null ? id : Json.text(entry.path("snippet").path("resourceId").path("videoId")));
        }
        Map<String, JsonNode> videos = new HashMap<>();
        List<String> known = ids.stream().filter(id -> id != null).distinct().toList();
        if (!known.isEmpty()) {
            JsonNode found = api.list("videos", DataApi.params("part", VIDEO_PARTS, "id", String.join(",", known),
                    "maxResults", 50), "videos of playlist " + playlist);
            found.path("items").forEach(video -> videos.put(video.path("id").asText(), video));
        }
        List<Item> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String path = "playlistItems.items[" + i + "]";
            String id = ids.get(i);
            JsonNode video = id == null ? null : videos.get(id);
            if (video == null) {
                skipped.add(new Skipped(path, id == null ? "no contentDetails.videoId"
                        : "video " + id + " is private, deleted or unavailable"));
                continue;
            }
            try {
                items.add(DataApiItems.video(video));
            } catch (IllegalArgumentException e) {
                skipped.add(new Skipped(path, e.getMessage()));
            }
        }
        String next = Json.text(body.path("nextPageToken"));
        if (next != null && next.equals(Json.text(state.path("token")))) {
            next = null; // a page naming itself as the next one would loop
        }
        state.put("token", next);
        Page<Item> page = Page.of(items, next == null ? null : CURSOR.encode(state)).withSkipped(skipped);
        Long total = Json.number(body.path("pageInfo").path("totalResults"));
        if (total != null) {
            page = page.withTotal(total);
        }
        // A channel's uploads playlist lists the newest upload first (reference §1.5).
        return state.path("uploads").asBoolean() ? page.withOrder(Page.Order.NEWEST_FIRST) : page;
    }
}
