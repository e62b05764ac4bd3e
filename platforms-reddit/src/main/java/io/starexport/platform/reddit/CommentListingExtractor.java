package io.starexport.platform.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Comment;
import io.starexport.api.ExportException;
import io.starexport.api.Skipped;
import io.starexport.api.Target;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest comments of a subreddit ({@code /r/SUB/comments}) or a user ({@code /user/NAME/comments}),
 * newest first: a flat listing across posts, paged with {@code after} and {@code count}. Flat listings
 * carry no {@code depth}, so a comment is depth 0 when it answers the post and 1 when it answers a comment.
 * Every comment of a user's listing is the user's own, so {@code replies} does not thin it; a subreddit's
 * listing without {@code replies} keeps the comments made on posts.
 */
final class CommentListingExtractor implements Extractor<Comment> {
    private final RedditApi api;
    private final ExportQuery query;
    private final int pageSize;

    CommentListingExtractor(RedditApi api, ExportQuery query, int pageSize) {
        this.api = api;
        this.query = query;
        this.pageSize = pageSize;
    }

    @Override
    public Page<Comment> fetch(PageRequest request) {
        Target target = query.target();
        ListingCursor cursor = ListingCursor.decode(request.cursor().orElse(null));
        Map<String, Object> parameters = new LinkedHashMap<>();
        String path;
        if (target.kind() == Target.Kind.PROFILE) {
            path = "/user/" + target.id() + "/comments";
            parameters.put("sort", "new");
        } else {
            path = "/r/" + target.id() + "/comments";
        }
        parameters.put("limit", (int) Math.min(pageSize, request.remaining().orElse(pageSize)));
        parameters.put("after", cursor.after());
        parameters.put("count", cursor.count() > 0 ? cursor.count() : null);
        JsonNode root = api.get(path, parameters);
        JsonNode children = ListingCursor.children(root);
        List<Comment> comments = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            JsonNode child = children.get(i);
            String at = "data.children[" + i + "]";
            if (!"t1".equals(child.path("kind").asText())) {
                skipped.add(new Skipped(at + ".kind", "not a comment: " + child.path("kind").asText()));
                continue;
            }
            JsonNode data = child.path("data");
            String parent = Things.text(data, "parent_id");
            boolean reply = parent != null && parent.startsWith("t1_");
            if (!reply || query.replies() || target.kind() == Target.Kind.PROFILE) {
                try {
                    comments.add(Things.comment(data, at + ".data", reply ? 1 : 0));
                } catch (ExportException e) {
                    skipped.add(new Skipped(at, e.getMessage()));
                }
            }
        }
        return Page.of(comments, cursor.next(root).map(ListingCursor::encode).orElse(null)).withSkipped(skipped)
                .withOrder(Page.Order.NEWEST_FIRST);
    }
}
