package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Comment;
import io.starexport.api.ExportException;
import io.starexport.api.Skipped;
import io.starexport.api.Target;
import io.starexport.kit.CursorCodec;
import io.starexport.kit.Json;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Comments of a video from {@code /api/comment/list/} ({@code aweme_id}, {@code cursor}, {@code count}) and,
 * when replies are wanted, each thread's replies from {@code /api/comment/list/reply/} ({@code item_id},
 * {@code comment_id}). A page of top-level comments is followed by the replies of its threads, one reply
 * page per fetch. The cursor holds the video id, the next top-level offset and the threads still to read
 * with their offsets, so a resumed export continues exactly.
 */
final class WebComments implements Extractor<Comment> {
    private static final CursorCodec CURSOR = CursorCodec.of(TikTokPlatform.ID, "web-comments", 1);
    private final WebApi web;
    private final ExportQuery query;
    private final int pageSize;

    WebComments(WebApi web, ExportQuery query, int pageSize) {
        this.web = web;
        this.query = query;
        this.pageSize = pageSize;
    }

    @Override
    public Page<Comment> fetch(PageRequest request) {
        ObjectNode state = request.cursor().map(CURSOR::decode).orElseGet(this::firstState);
        String videoId = state.path("v").asText();
        ArrayNode threads = state.get("p") instanceof ArrayNode array ? array : Json.array();
        if (!threads.isEmpty()) {
            return replies(state, videoId, threads, request);
        }
        long offset = state.path("t").asLong();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("aweme_id", videoId);
        params.put("cursor", offset);
        params.put("count", count(request));
        params.put("current_region", "US");
        params.put("fromWeb", "1");
        JsonNode body = web.getJson("/api/comment/list/", params, "video");
        List<Comment> comments = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        ArrayNode pending = Json.array();
        JsonNode list = body.get("comments");
        if (list != null && !list.isNull() && !list.isArray()) {
            throw ExportException.platformChanged(TikTokPlatform.ID, "comments", "found "
                    + list.getNodeType());
        }
        int index = 0;
        for (JsonNode element : WebItems.iterable(list)) {
            try {
                Comment comment = WebItems.comment(element, videoId);
                comments.add(comment);
                if (query.replies() && comment.replyCount().orElse(0) > 0) {
                    pending.addArray().add(comment.id()).add(0);
                }
            } catch (RuntimeException e) {
                skipped.add(new Skipped("comments[" + index + "]", e.getMessage()));
            }
            index++;
        }
        // a page emptied by filtered comments can still have more after it: the moving cursor decides
        Long next = Json.number(body, "cursor");
        ObjectNode following = Json.object().put("v", videoId);
        if (Json.flag(body, "has_more") && next != null && next > offset) {
            following.put("t", next);
        } else {
            following.put("t", -1);
        }
        following.set("p", pending);
        Page<Comment> page = Page.of(comments, endOrCursor(following)).withSkipped(skipped);
        Long total = Json.number(body, "total");
        return total != null && query.replies() ? page.withTotal(total) : page;
    }

    private Page<Comment> replies(ObjectNode state, String videoId, ArrayNode threads, PageRequest request) {
        JsonNode thread = threads.get(0);
        String parent = thread.get(0).asText();
        long offset = thread.get(1).asLong();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("item_id", videoId);
        params.put("comment_id", parent);
        params.put("cursor", offset);
        params.put("count", count(request));
        params.put("current_region", "US");
        params.put("fromWeb", "1");
        JsonNode body = web.getJson("/api/comment/list/reply/", params, "video");
        List<Comment> comments = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        JsonNode list = body.get("comments");
        int index = 0;
        for (JsonNode element : WebItems.iterable(list)) {
            try {
                Comment reply = WebItems.comment(element, videoId);
                comments.add(reply.parentId().isPresent() ? reply : withParent(element, videoId, parent));
            } catch (RuntimeException e) {
                skipped.add(new Skipped("comments[" + index + "] (replies of " + parent + ")", e.getMessage()));
            }
            index++;
        }
        Long next = Json.number(body, "cursor");
        ArrayNode rest = threads.deepCopy();
        if (Json.flag(body, "has_more") && next != null && next > offset) {
            ((ArrayNode) rest.get(0)).set(1, next);
        } else {
            rest.remove(0);
        }
        ObjectNode following = state.deepCopy();
        following.set("p", rest);
        return Page.of(comments, endOrCursor(following)).withSkipped(skipped);
    }

    /** A reply whose {@code reply_id} is missing still belongs to the thread it was listed under. */
    private static Comment withParent(JsonNode element, String videoId, String parent) {
        ObjectNode copy = element.deepCopy();
        copy.put("reply_id", parent);
        return WebItems.comment(copy, videoId);
    }

    private static String endOrCursor(ObjectNode state) {
        boolean topDone = state.path("t").asLong() < 0;
        return topDone && state.path("p").isEmpty() ? null : CURSOR.encode(state);
    }

    private int count(PageRequest request) {
        return (int) Math.max(1, Math.min(pageSize, request.remaining().orElse(pageSize)));
    }

    private ObjectNode firstState() {
        Target target = query.target();
        String videoId = target.attributes().containsKey("short") ? web.followShortLink(target).id() : target.id();
        return Json.object().put("v", videoId).put("t", 0);
    }
}
