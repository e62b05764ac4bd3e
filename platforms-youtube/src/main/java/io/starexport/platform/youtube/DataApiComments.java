package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Skipped;
import io.starexport.api.Sort;
import io.starexport.api.Target;
import io.starexport.kit.CursorCodec;
import io.starexport.kit.Json;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Comments through the Data API: {@code commentThreads.list} pages of a video (or of a channel with
 * {@code allThreadsRelatedToChannelId}), each thread followed by its replies: the ones embedded in the
 * thread when they are all there, otherwise every reply through {@code comments.list?parentId=…} with its
 * own paging. A single-comment target reads {@code comments.list?id=…} and then its replies.
 *
 * <p>The cursor holds the next threads page token and the queue of threads whose replies are still to
 * be read (with their reply page token), so replies of one threads page are exported before the next
 * threads page is read.
 */
final class DataApiComments implements Extractor<Comment> {
    private static final CursorCodec CURSOR = CursorCodec.of(YouTubeUrls.PLATFORM, "api-comments", 1);

    private final DataApi api;
    private final ExportQuery query;
    private final int pageSize;
    private final Channels channels;

    DataApiComments(DataApi api, ExportQuery query, int pageSize) {
        this.api = api;
        this.query = query;
        this.pageSize = pageSize;
        this.channels = new Channels(api);
    }

    @Override
    public Page<Comment> fetch(PageRequest request) {
        ObjectNode state = request.cursor().map(CURSOR::decode).orElseGet(this::initialState);
        List<Comment> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        ArrayNode queue = state.withArray("queue");
        Target target = query.target();
        if (target.kind() == Target.Kind.COMMENT && !state.path("started").asBoolean()) {
            single(state, items, skipped);
        } else if (!queue.isEmpty()) {
            replies(queue, items, skipped);
        } else {
            threads(state, items, skipped);
        }
        boolean more = !queue.isEmpty() || state.hasNonNull("next");
        Page<Comment> page = Page.of(items, more ? CURSOR.encode(state) : null).withSkipped(skipped);
        if (state.hasNonNull("total")) {
            page = page.withTotal(state.path("total").asLong());
        }
        // Newest first lets the engine stop at the host's "since"; not while replies of this page's threads
        // are still queued, or they would be lost (the threads paging itself stops at "since", above).
        return newest() && queue.isEmpty() ? page.withOrder(Page.Order.NEWEST_FIRST) : page;
    }

    private ObjectNode initialState() {
        return CURSOR.newState().put("next", "");
    }

    private boolean newest() {
        return query.target().kind() != Target.Kind.COMMENT && query.sort().orElse(Sort.NEWEST) == Sort.NEWEST;
    }

    /** The comment of a COMMENT target, then its replies when asked for. */
    private void single(ObjectNode state, List<Comment> items, List<Skipped> skipped) {
        Target target = query.target();
        String videoId = target.attributes().get(YouTubeUrls.VIDEO_ID);
        JsonNode body = api.list("comments", DataApi.params("part", "snippet", "id", target.id(),
                "textFormat", "plainText"), "comment " + target.id());
        state.put("started", true);
        state.putNull("next");
        JsonNode resource = body.path("items").path(0);
        if (resource.isMissingNode()) {
            throw ExportException.of(ErrorCode.NOT_FOUND, "YouTube found no comment " + target.id()
                    + "; it may have been deleted or held for review.");
        }
        parse(resource, videoId, null, null, "comments.items[0]", items, skipped);
        if (query.replies() && !target.id().contains(".")) {
            enqueue(state.withArray("queue"), target.id(), videoId, Json.text(resource.path("snippet").path("channelId")));
        }
    }

    private void threads(ObjectNode state, List<Comment> items, List<Skipped> skipped) {
        Target target = query.target();
        boolean first = state.path("next").asText().isEmpty();
        if (first && target.kind() == Target.Kind.VIDEO && query.replies()) {
            // commentCount counts replies too, so it is the export's total only when replies are exported.
            JsonNode video = api.list("videos", DataApi.params("part", "statistics", "id", target.id()),
                    "video " + target.id()).path("items").path(0);
            Long total = Json.number(video.path("statistics").path("commentCount"));
            if (total != null) {
                state.put("total", total);
            }
        }
        String filter = target.kind() == Target.Kind.PROFILE ? "allThreadsRelatedToChannelId" : "videoId";
        String filterValue = target.kind() == Target.Kind.PROFILE ? channelId(state) : target.id();
        JsonNode body = api.list("commentThreads", DataApi.params("part", query.replies() ? "snippet,replies" : "snippet",
                filter, filterValue, "maxResults", pageSize,
                "order", query.sort().orElse(Sort.NEWEST) == Sort.TOP ? "relevance" : "time",
                "pageToken", first ? null : state.path("next").asText(), "textFormat", "plainText"),
                target.kind() == Target.Kind.PROFILE ? "channel " + target.id() : "video " + target.id());
        String next = Json.text(body.path("nextPageToken"));
        if (next == null || next.equals(state.path("next").asText())) {
            state.putNull("next");
        } else {
            state.put("next", next);
        }
        ArrayNode queue = state.withArray("queue");
        JsonNode threads = body.path("items");
        for (int i = 0; i < threads.size(); i++) {
            JsonNode thread = threads.get(i);
            JsonNode snippet = thread.path("snippet");
            String videoId = Json.text(snippet.path("videoId"));
            String channelId = Json.text(snippet.path("channelId"));
            Long replyCount = Json.number(snippet.path("totalReplyCount"));
            if (!parse(snippet.path("topLevelComment"), videoId, channelId, replyCount == null ? 0L : replyCount,
                    "commentThreads.items[" + i + "].snippet.topLevelComment", items, skipped)
                    || !query.replies() || replyCount == null || replyCount == 0) {
                continue;
            }
            JsonNode embedded = thread.path("replies").path("comments");
            if (embedded.size() >= replyCount) {
                for (int r = 0; r < embedded.size(); r++) {
                    parse(embedded.get(r), videoId, channelId, null,
                            "commentThreads.items[" + i + "].replies.comments[" + r + "]",
                            items, skipped);
                }
            } else {
                enqueue(queue, Json.text(thread.path("id")), videoId, channelId);
            }
        }
        if (newest() && query.since().isPresent() && items.stream().anyMatch(c -> c.depth() == 0
                && c.createdAt().map(created -> created.isBefore(query.since().get())).orElse(false))) {
            // Later pages are older still: read no more threads, but still the replies queued so far.
            state.putNull("next");
        }
    }

    private void replies(ArrayNode queue, List<Comment> items, List<Skipped> skipped) {
        ObjectNode head = (ObjectNode) queue.get(0);
        String parent = head.path("parent").asText();
        JsonNode body = api.list("comments", DataApi.params("part", "snippet", "parentId", parent,
                "maxResults", 100, "pageToken", Json.text(head.path("token")), "textFormat", "plainText"),
                "comment thread " + parent);
        JsonNode replies = body.path("items");
        for (int r = 0; r < replies.size(); r++) {
            parse(replies.get(r), Json.text(head.path("video")), Json.text(head.path("channel")), null,
                    "comments.items[" + r + "]", items, skipped);
        }
        String next = Json.text(body.path("nextPageToken"));
        if (next == null || next.equals(Json.text(head.path("token")))) {
            queue.remove(0);
        } else {
            head.put("token", next);
        }
    }

    private String channelId(ObjectNode state) {
        if (!state.hasNonNull("channel")) {
            Target target = query.target();
            boolean byId = "id".equals(target.attributes().get(YouTubeUrls.CHANNEL_BY));
            state.put("channel", byId ? target.id() : Channels.id(channels.lookup(target)));
        }
        return state.path("channel").asText();
    }

    private static void enqueue(ArrayNode queue, String parent, String videoId, String channelId) {
        if (parent != null) {
            ObjectNode entry = queue.addObject().put("parent", parent);
            if (videoId != null) {
                entry.put("video", videoId);
            } else if (channelId != null) {
                entry.put("channel", channelId);
            }
        }
    }

    private boolean parse(JsonNode resource, String videoId, String channelId, Long replyCount, String path,
                          List<Comment> items, List<Skipped> skipped) {
        try {
            items.add(DataApiItems.comment(resource, videoId, channelId, replyCount));
            return true;
        } catch (IllegalArgumentException e) {
            skipped.add(new Skipped(path, e.getMessage()));
            return false;
        }
    }
}
