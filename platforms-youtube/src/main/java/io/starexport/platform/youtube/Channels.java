package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Target;
import io.starexport.kit.Json;

/**
 * Finds a channel with {@code channels.list} (1 unit): by id, {@code forHandle} or {@code forUsername}
 * (reference §1.5). Custom {@code /c/name} URLs have no lookup in the Data API; most were turned into
 * handles, so the name is tried as a handle.
 */
final class Channels {
    private final DataApi api;

    Channels(DataApi api) {
        this.api = api;
    }

    /** The channel resource with snippet, statistics and contentDetails. */
    JsonNode lookup(Target target) {
        String by = target.attributes().getOrDefault(YouTubeUrls.CHANNEL_BY, "id");
        String name = target.id();
        String parameter = switch (by) {
            case "handle", "custom" -> "forHandle";
            case "user" -> "forUsername";
            default -> "id";
        };
        String value = by.equals("custom") ? "@" + name : name;
        JsonNode body = api.list("channels", DataApi.params("part", "snippet,statistics,contentDetails", parameter, value),
                "channel " + name);
        JsonNode channel = body.path("items").path(0);
        if (channel.isMissingNode()) {
            throw ExportException.of(ErrorCode.NOT_FOUND, "YouTube found no channel " + name
                    + (by.equals("custom") ? " (a /c/ name is looked up as a handle; use the channel's @handle or "
                    + "/channel/UC… URL if this one is different)" : "") + ".");
        }
        return channel;
    }

    /** The id of a channel resource. */
    static String id(JsonNode channel) {
        String id = Json.text(channel.path("id"));
        if (id == null) {
            throw ExportException.platformChanged(YouTubeUrls.PLATFORM, "channels.items[0].id", "no channel id");
        }
        return id;
    }
}
