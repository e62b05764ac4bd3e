package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Content;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Post;
import io.starexport.api.Skipped;
import io.starexport.kit.CursorCodec;
import io.starexport.kit.Json;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A user's videos (POSTS) or their files (MEDIA). The user page gives the {@code secUid}; then
 * {@code /api/post/item_list/?secUid=&cursor=&count=30} pages through {@code itemList[]} while {@code hasMore}
 * (pinned videos first, so not in date order). TikTok often blocks that endpoint for unsigned requests
 * with an empty body; when it does on the first page, the export switches to the list TikTok's creator
 * tools use, {@code /api/creator/item_list/?type=1}, which answers unsigned, newest first, with the cursor
 * the creation time in milliseconds of the last video seen (as yt-dlp's {@code TikTokUserIE} reads it).
 * The cursor holds the secUid, which list is read and its position.
 */
final class WebUserVideos implements Extractor<Item> {
    private static final CursorCodec CURSOR = CursorCodec.of(TikTokPlatform.ID, "web-user-videos", 1);
    private static final int PAGE_SIZE = 30;
    private static final int CREATOR_PAGE_SIZE = 15;
    /** 2016-09-01, before any TikTok video; the creator list is not read further back. */
    private static final long CREATOR_FLOOR_MILLIS = 1_472_706_000_000L;
    private static final long STEP_BACK_MILLIS = Duration.ofDays(7).toMillis();

    private final WebApi web;
    private final ExportQuery query;
    private final Clock clock;

    WebUserVideos(WebApi web, ExportQuery query, Clock clock) {
        this.web = web;
        this.query = query;
        this.clock = clock;
    }

    @Override
    public Page<Item> fetch(PageRequest request) {
        ObjectNode state = request.cursor().map(CURSOR::decode).orElseGet(this::firstState);
        if (state.path("m").asText().equals("creator")) {
            return creatorPage(state);
        }
        String cursor = state.path("c").asText("0");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("secUid", state.path("s").asText());
        params.put("count", PAGE_SIZE);
        params.put("cursor", cursor);
        params.put("coverFormat", "2");
        params.put("post_item_list_request_type", "0");
        JsonNode body = cursor.equals("0") ? web.getJsonUnlessBlocked("/api/post/item_list/", params, "user")
                : web.getJson("/api/post/item_list/", params, "user");
        if (body == null) {
            long start = query.until().map(u -> u.toEpochMilli()).orElse(clock.millis());
            return creatorPage(Json.object().put("s", state.path("s").asText()).put("m", "creator")
                    .put("c", start));
        }
        JsonNode list = itemList(body);
        List<Item> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        parse(list, null, items, skipped);
        String next = Json.text(body, "cursor");
        // an empty page with hasMore and a new cursor is not the end
        boolean more = Json.flag(body, "hasMore") && next != null && !next.equals(cursor);
        return Page.of(items, more ? CURSOR.encode(state.deepCopy().put("c", next)) : null).withSkipped(skipped);
    }

    /** One page of the creator list, newest first; steps back a week when TikTok's cursor does not move. */
    private Page<Item> creatorPage(ObjectNode state) {
        long cursor = state.path("c").asLong();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("secUid", state.path("s").asText());
        params.put("count", CREATOR_PAGE_SIZE);
        params.put("cursor", cursor);
        params.put("type", "1");
        params.put("verifyFp", "verify_" + Long.toHexString(0x1000000L + ThreadLocalRandom.current().nextLong(0xF000000L)));
        JsonNode body = web.getJson("/api/creator/item_list/", params, "user");
        JsonNode list = itemList(body);
        List<Item> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        parse(list, Json.text(state, "x"), items, skipped);
        Long lastCreated = list.isEmpty() ? null : Json.number(list.get(list.size() - 1), "createTime");
        long next = lastCreated == null ? cursor - STEP_BACK_MILLIS : lastCreated * 1000;
        if (next >= cursor) {
            next = cursor - STEP_BACK_MILLIS;
        }
        boolean more = Json.flag(body, "hasMorePrevious") && next >= CREATOR_FLOOR_MILLIS;
        ObjectNode following = state.deepCopy().put("c", next);
        if (!list.isEmpty()) {
            following.put("x", Json.text(list.get(list.size() - 1), "id"));
        }
        return Page.of(items, more ? CURSOR.encode(following) : null).withOrder(Page.Order.NEWEST_FIRST)
                .withSkipped(skipped);
    }

    private static JsonNode itemList(JsonNode body) {
        JsonNode list = body.get("itemList");
        if (list != null && !list.isNull() && !list.isArray()) {
            throw ExportException.platformChanged(TikTokPlatform.ID, "itemList", "found " + list.getNodeType());
        }
        return list == null || list.isNull() ? Json.array() : list;
    }

    /** Adds the posts (or their files) of a list, leaving out the one the previous page ended with. */
    private void parse(JsonNode list, String previousLast, List<Item> items, List<Skipped> skipped) {
        int index = 0;
        for (JsonNode element : list) {
            try {
                Post post = WebItems.post(element);
                if (!post.id().equals(previousLast)) {
                    items.addAll(query.content() == Content.MEDIA ? WebItems.mediaItems(post) : List.of(post));
                }
            } catch (RuntimeException e) {
                skipped.add(new Skipped("itemList[" + index + "]", e.getMessage()));
            }
            index++;
        }
    }

    private ObjectNode firstState() {
        JsonNode user = WebProfile.userInfo(web, query.target().id()).path("user");
        String secUid = Json.text(user, "secUid");
        if (secUid == null) {
            throw ExportException.platformChanged(TikTokPlatform.ID, "webapp.user-detail.userInfo.user.secUid", "missing");
        }
        return Json.object().put("s", secUid).put("c", "0");
    }
}
