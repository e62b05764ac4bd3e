package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Content;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Post;
import io.starexport.api.Skipped;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's videos (POSTS) or their files (MEDIA): the user page gives the {@code secUid}, then
 * {@code /api/post/item_list/?secUid=&cursor=&count=} pages through {@code itemList[]} while {@code hasMore}.
 * Pinned videos come first, so pages are not in date order. The cursor holds the secUid and TikTok's cursor.
 */
final class WebUserVideos implements Extractor<Item> {
    private static final int PAGE_SIZE = 30;

    private final WebApi web;
    private final ExportQuery query;

    WebUserVideos(WebApi web, ExportQuery query) {
        this.web = web;
        this.query = query;
    }

    @Override
    public Page<Item> fetch(PageRequest request) {
        ObjectNode state = request.cursor().map(Json::decodeCursor).orElseGet(this::firstState);
        String secUid = state.path("s").asText();
        String cursor = state.path("c").asText("0");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("secUid", secUid);
        params.put("count", PAGE_SIZE);
        params.put("cursor", cursor);
        params.put("coverFormat", "2");
        params.put("post_item_list_request_type", "0");
        JsonNode body = web.getJson("/api/post/item_list/", params, "user");
        JsonNode list = body.get("itemList");
        if (list != null && !list.isNull() && !list.isArray()) {
            throw ExportException.platformChanged(TikTokPlatform.ID, "itemList", "found " + list.getNodeType());
        }
        List<Item> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int index = 0;
        for (JsonNode element : WebItems.iterable(list)) {
            try {
                Post post = WebItems.post(element);
                items.addAll(query.content() == Content.MEDIA ? WebItems.mediaItems(post) : List.of(post));
            } catch (RuntimeException e) {
                skipped.add(new Skipped("itemList[" + index + "]", e.getMessage()));
            }
            index++;
        }
        String next = Json.text(body, "cursor");
        boolean more = Json.flag(body, "hasMore") && list != null && !list.isEmpty() && next != null
                && !next.equals(cursor);
        String following = more ? Json.encodeCursor(state.deepCopy().put("c", next)) : null;
        return Page.of(items, following).withSkipped(skipped);
    }

    private ObjectNode firstState() {
        JsonNode user = WebProfile.userInfo(web, query.target().id()).path("user");
        String secUid = Json.text(user, "secUid");
        if (secUid == null) {
            throw ExportException.platformChanged(TikTokPlatform.ID, "webapp.user-detail.userInfo.user.secUid", "missing");
        }
        return Json.MAPPER.createObjectNode().put("s", secUid).put("c", "0");
    }
}
