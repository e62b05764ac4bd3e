package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A video's comments from {@code POST /v2/research/video/comment/list/} ({@code video_id}, {@code max_count},
 * {@code cursor}). The API lists top-level comments and replies together; a reply is a comment whose
 * {@code parent_comment_id} is another comment (not the video). Without replies requested, replies are left
 * out. The Research API gives no commenter identity. The cursor holds the video id and TikTok's offset.
 */
final class ResearchComments implements Extractor<Comment> {
    private static final CursorCodec CURSOR = CursorCodec.of(TikTokPlatform.ID, "research-comments", 1);
    static final String FIELDS = "id,video_id,text,like_count,reply_count,parent_comment_id,create_time";

    private final ResearchApi api;
    private final WebApi web;
    private final ExportQuery query;

    ResearchComments(ResearchApi api, WebApi web, ExportQuery query) {
        this.api = api;
        this.web = web;
        this.query = query;
    }

    @Override
    public Page<Comment> fetch(PageRequest request) {
        ObjectNode state = request.cursor().map(CURSOR::decode).orElseGet(this::firstState);
        String videoId = state.path("v").asText();
        long offset = state.path("c").asLong();
        ObjectNode body = Json.object();
        body.put("video_id", new BigInteger(videoId));
        body.put("max_count", api.pageSize());
        body.put("cursor", offset);
        JsonNode data = api.query("/v2/research/video/comment/list/", FIELDS, body);
        JsonNode list = data.get("comments");
        if (list != null && !list.isNull() && !list.isArray()) {
            throw ExportException.platformChanged(TikTokPlatform.ID, "data.comments", "found " + list.getNodeType());
        }
        List<Comment> comments = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int index = 0;
        for (JsonNode element : WebItems.iterable(list)) {
            try {
                Comment comment = comment(element, videoId);
                if (query.replies() || comment.parentId().isEmpty()) {
                    comments.add(comment);
                }
            } catch (RuntimeException e) {
                skipped.add(new Skipped("data.comments[" + index + "]", e.getMessage()));
            }
            index++;
        }
        Long next = Json.number(data, "cursor");
        // an empty page may still have more after it (records removed after the search): the cursor decides
        boolean more = Json.flag(data, "has_more") && next != null && next > offset;
        return Page.of(comments, more ? CURSOR.encode(state.deepCopy().put("c", next)) : null).withSkipped(skipped);
    }

    static Comment comment(JsonNode c, String videoId) {
        String id = WebItems.require(c, "id");
        String video = Json.text(c, "video_id") != null ? Json.text(c, "video_id") : videoId;
        String parent = Json.text(c, "parent_comment_id");
        boolean reply = parent != null && !parent.equals("0") && !parent.equals(video);
        Comment.Builder builder = Comment.builder().platform(TikTokPlatform.ID).id(id).postId(video)
                .text(Json.text(c, "text") == null ? "" : Json.text(c, "text"))
                .createdAt(Json.epochSeconds(c.path("create_time")))
                .likeCount(Json.number(c, "like_count"))
                .replyCount(Json.number(c, "reply_count"));
        return reply ? builder.parentId(parent).build() : builder.build();
    }

    private ObjectNode firstState() {
        Target target = query.target();
        String videoId = target.attributes().containsKey("short") ? web.followShortLink(target).id() : target.id();
        return Json.object().put("v", videoId).put("c", 0);
    }
}
