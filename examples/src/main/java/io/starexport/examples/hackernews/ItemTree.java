package io.starexport.examples.hackernews;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Post;
import io.starexport.api.Skipped;
import io.starexport.kit.Json;
import io.starexport.kit.Values;
import io.starexport.spi.HttpRequest;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.Page;
import io.starexport.spi.PlatformContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One item of the HN Search API and the tree under it: {@code GET /api/v1/items/{id}} answers the item
 * with every descendant nested in {@code children} ({@code id}, {@code created_at}, {@code created_at_i},
 * {@code type}, {@code author}, {@code title}, {@code url}, {@code text} as HTML, {@code points},
 * {@code parent_id}, {@code story_id}, {@code options}, {@code children}). Deleted and dead comments stay
 * in the tree with a null author and text.
 */
final class ItemTree {
    private final PlatformContext context;
    private final String id;

    ItemTree(PlatformContext context, String id) {
        this.context = context;
        this.id = id;
    }

    /** A comment still to visit: its JSON, where it is in the answer, its depth and the comment above it. */
    private record Visit(JsonNode node, String path, int depth, String parentId) {
    }

    /**
     * The comments of the item in thread order (each reply right after its parent), top-level comments
     * only unless {@code replies}. When the item is itself a comment, it comes first at depth 0.
     */
    Page<Comment> comments(boolean replies) {
        JsonNode root = fetch();
        String type = type(root);
        String rootId = root.get("id").asText();
        String storyId = type.equals("comment") ? storyId(root) : rootId;
        List<Comment> comments = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Deque<Visit> pending = new ArrayDeque<>();
        if (type.equals("comment")) {
            String parent = Json.text(root, "parent_id");
            pending.push(new Visit(root, "$", 0, storyId.equals(parent) ? null : parent));
        } else {
            pushChildren(pending, root, "$", 0, null);
        }
        long inTree = 0;
        while (!pending.isEmpty()) {
            Visit visit = pending.pop();
            JsonNode node = visit.node();
            if (!node.isObject() || !node.path("type").asText("comment").equals("comment")) {
                // Poll options also come back as items; they are the post's, not comments.
                if (!node.path("type").asText().equals("pollopt")) {
                    skipped.add(new Skipped(visit.path(), "not a comment: " + node.getNodeType() + " "
                            + node.path("type").asText("")));
                }
                continue;
            }
            inTree++;
            String commentId = Json.text(node, "id");
            if (replies) {
                pushChildren(pending, node, visit.path(), visit.depth() + 1,
                        commentId != null ? commentId : Json.text(node, "parent_id"));
            }
            if (node.path("author").isNull() && node.path("text").isNull()) {
                continue; // deleted or dead: nothing to export, but its replies are kept
            }
            if (commentId == null) {
                skipped.add(new Skipped(visit.path() + ".id", "a comment without an id"));
                continue;
            }
            try {
                comments.add(comment(node, commentId, visit, Json.text(node, "story_id") != null
                        ? Json.text(node, "story_id") : storyId));
            } catch (DateTimeParseException e) {
                skipped.add(new Skipped(visit.path() + ".created_at", "unreadable date " + Json.text(node, "created_at")));
            } catch (IllegalArgumentException e) {
                skipped.add(new Skipped(visit.path(), e.getMessage()));
            }
        }
        return Page.of(comments, null).withTotal(inTree).withSkipped(skipped);
    }

    /** The story, poll or job as a post; a comment is not a post. */
    Page<Post> post() {
        JsonNode root = fetch();
        String type = type(root);
        if (type.equals("comment") || type.equals("pollopt")) {
            throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, "Hacker News item " + id + " is a " + type
                    + ", not a post: export its comments instead"
                    + (root.hasNonNull("story_id") ? ", or the story's post from "
                    + HackerNewsPlatform.itemUrl(Json.text(root, "story_id")) : "") + ".");
        }
        String rootId = root.get("id").asText();
        Post.Builder post = Post.builder().platform(HackerNewsPlatform.ID).id(rootId)
                .url(HackerNewsPlatform.itemUrl(rootId))
                .author(author(Json.text(root, "author")))
                .title(Json.text(root, "title"))
                .likeCount(Json.number(root, "points"))
                .commentCount(liveComments(root.path("children")))
                .extra("type", type);
        try {
            post.createdAt(createdAt(root));
        } catch (DateTimeParseException e) {
            throw ExportException.platformChanged(HackerNewsPlatform.ID, "created_at", "unreadable date "
                    + Json.text(root, "created_at"));
        }
        String html = Json.text(root, "text");
        if (html != null) {
            post.text(HtmlText.toPlainText(html)).extra("textHtml", html);
        }
        if (Json.text(root, "url") != null) {
            post.extra("link", Json.text(root, "url"));
        }
        List<Map<String, Object>> options = new ArrayList<>();
        for (JsonNode option : root.path("options")) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (Json.text(option, "id") != null) {
                entry.put("id", Json.text(option, "id"));
            }
            entry.put("text", HtmlText.toPlainText(option.path("text").asText("")));
            if (Json.number(option, "points") != null) {
                entry.put("points", Json.number(option, "points"));
            }
            options.add(entry);
        }
        if (!options.isEmpty()) {
            post.extra("options", options);
        }
        return Page.of(List.of(post.build()), null);
    }

    private JsonNode fetch() {
        HttpResponse response = context.http().send(HttpRequest.get(context.endpoint("api").resolve("/api/v1/items/" + id))
                .header("Accept", "application/json").build());
        if (response.status() == 404 || response.status() == 410) {
            throw ExportException.of(ErrorCode.NOT_FOUND, "Hacker News has no item " + id + " (HN Search API answered "
                    + "HTTP " + response.status() + "). Check the id; a brand-new item can take a minute to appear.");
        }
        if (!response.isSuccessful()) {
            throw ExportException.platformChanged(HackerNewsPlatform.ID, "GET /api/v1/items/" + id,
                    "HTTP " + response.status());
        }
        // The kit names the JSON path (and what was there) when the answer changes shape.
        JsonNode root = Json.parse(HackerNewsPlatform.ID, response.body(), "GET /api/v1/items/" + id);
        if (!root.isObject()) {
            throw ExportException.platformChanged(HackerNewsPlatform.ID, "$", "found " + root.getNodeType()
                    + " instead of an item object");
        }
        Json.requireText(HackerNewsPlatform.ID, root, "id");
        Json.requireArray(HackerNewsPlatform.ID, root, "children");
        return root;
    }

    private static void pushChildren(Deque<Visit> pending, JsonNode node, String path, int depth, String parentId) {
        JsonNode children = node.path("children");
        // Pushed last to first, so the first child is visited first.
        for (int i = children.size() - 1; i >= 0; i--) {
            pending.push(new Visit(children.get(i), path + ".children[" + i + "]", depth, parentId));
        }
    }

    private Comment comment(JsonNode node, String commentId, Visit visit, String storyId) {
        String html = node.path("text").asText("");
        Comment.Builder comment = Comment.builder().platform(HackerNewsPlatform.ID).id(commentId)
                .url(HackerNewsPlatform.itemUrl(commentId))
                .author(author(Json.text(node, "author")))
                .postId(storyId)
                .parentId(visit.parentId())
                .depth(visit.depth())
                .text(HtmlText.toPlainText(html))
                .likeCount(Json.number(node, "points"))
                .replyCount((long) node.path("children").size());
        if (!html.isEmpty()) {
            comment.extra("textHtml", html);
        }
        Instant created = createdAt(node);
        if (created == null) {
            throw new IllegalArgumentException("a comment without created_at_i or created_at");
        }
        return comment.createdAt(created).build();
    }

    /**
     * {@code created_at_i} (Unix seconds), else the ISO-8601 {@code created_at}; null when neither is there.
     *
     * @throws DateTimeParseException when {@code created_at} is there but not a date
     */
    private static Instant createdAt(JsonNode node) {
        Instant seconds = Json.epochSeconds(node.get("created_at_i"));
        if (seconds != null) {
            return seconds;
        }
        String iso = Json.text(node, "created_at");
        return iso == null ? null : Values.instant(iso)
                .orElseThrow(() -> new DateTimeParseException("not an ISO-8601 date", iso, 0));
    }

    /** Comments in a tree that still have an author or text. */
    private static long liveComments(JsonNode children) {
        long live = 0;
        Deque<JsonNode> pending = new ArrayDeque<>();
        children.forEach(pending::push);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.path("type").asText("comment").equals("comment")
                    && !(node.path("author").isNull() && node.path("text").isNull())) {
                live++;
            }
            node.path("children").forEach(pending::push);
        }
        return live;
    }

    /** The item's type; older answers without one are told apart by their parent. */
    private static String type(JsonNode root) {
        String type = Json.text(root, "type");
        if (type != null) {
            return type;
        }
        return root.hasNonNull("parent_id") ? "comment" : "story";
    }

    private String storyId(JsonNode comment) {
        String story = Json.text(comment, "story_id");
        if (story == null) {
            throw ExportException.platformChanged(HackerNewsPlatform.ID, "story_id", "a comment without its story id");
        }
        return story;
    }

    private static Author author(String handle) {
        return handle == null ? null : Author.builder().id(handle).handle(handle)
                .url("https://news.ycombinator.com/user?id=" + handle).build();
    }
}
