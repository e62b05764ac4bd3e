package io.starexport.platform.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Post;
import io.starexport.api.Skipped;
import io.starexport.api.Sort;
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
 * Posts: a subreddit listing ({@code hot}, {@code new}, {@code top}, {@code controversial} with
 * {@code t}, {@code rising}, {@code best}), a search inside a subreddit, a user's submissions, or the one
 * post of a post URL. Listings page with {@code after} and {@code count} ({@link ListingCursor}).
 */
final class PostExtractor implements Extractor<Post> {
    private final RedditApi api;
    private final ExportQuery query;
    private final int pageSize;

    PostExtractor(RedditApi api, ExportQuery query, int pageSize) {
        this.api = api;
        this.query = query;
        this.pageSize = pageSize;
    }

    @Override
    public Page<Post> fetch(PageRequest request) {
        Target target = query.target();
        if (target.kind() == Target.Kind.POST) {
            return single(target);
        }
        ListingCursor cursor = ListingCursor.decode(request.cursor().orElse(null));
        int limit = (int) Math.min(pageSize, request.remaining().orElse(pageSize));
        Map<String, Object> parameters = new LinkedHashMap<>();
        String path;
        boolean newest;
        String user = target.kind() == Target.Kind.PROFILE ? target.id() : null;
        String search = target.attributes().get("search");
        if (user != null) {
            String sort = query.sort().map(s -> s == Sort.TOP ? "top" : "new").orElse("new");
            path = "/user/" + user + "/submitted";
            parameters.put("sort", sort);
            if (sort.equals("top")) {
                parameters.put("t", "all");
            }
            newest = sort.equals("new");
        } else if (search != null) {
            path = "/r/" + target.id() + "/search";
            parameters.put("q", search);
            parameters.put("restrict_sr", 1);
            String sort = query.sort().map(s -> s == Sort.TOP ? "top" : "new")
                    .orElse(target.attributes().getOrDefault("sort", "relevance"));
            parameters.put("sort", sort);
            parameters.put("t", target.attributes().getOrDefault("t", "all"));
            newest = sort.equals("new");
        } else {
            String listing = target.attributes().getOrDefault("listing",
                    query.sort().map(s -> s == Sort.TOP ? "top" : "new").orElse("hot"));
            path = "/r/" + target.id() + "/" + listing;
            if (listing.equals("top") || listing.equals("controversial")) {
                parameters.put("t", target.attributes().getOrDefault("t", query.sort().isPresent() ? "all" : "day"));
            }
            newest = listing.equals("new");
        }
        parameters.put("limit", limit);
        parameters.put("after", cursor.after());
        parameters.put("count", cursor.count() > 0 ? cursor.count() : null);
        JsonNode root = api.get(path, parameters);
        if (root.isObject() && "t5".equals(root.path("data").path("children").path(0).path("kind").asText())) {
            throw ExportException.of(ErrorCode.NOT_FOUND, "Reddit has no subreddit r/" + target.id()
                    + " (it answered with a subreddit search).");
        }
        JsonNode children = ListingCursor.children(root);
        List<Post> posts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            JsonNode child = children.get(i);
            String at = "data.children[" + i + "]";
            if (!"t3".equals(child.path("kind").asText())) {
                skipped.add(new Skipped(at + ".kind", "not a post: " + child.path("kind").asText()));
                continue;
            }
            try {
                posts.add(Things.post(child.path("data"), at + ".data"));
            } catch (ExportException e) {
                skipped.add(new Skipped(at, e.getMessage()));
            }
        }
        Page<Post> page = Page.of(posts, cursor.next(root).map(ListingCursor::encode).orElse(null)).withSkipped(skipped);
        return newest ? page.withOrder(Page.Order.NEWEST_FIRST) : page;
    }

    /** The submission of a post URL, read from its comment page with one comment. */
    private Page<Post> single(Target target) {
        if (target.attributes().containsKey("short")) {
            target = api.resolveShare(target);
        }
        String link = target.kind() == Target.Kind.COMMENT ? target.attributes().get("postId") : target.id();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("limit", 1);
        parameters.put("depth", 1);
        JsonNode root = api.get("/comments/" + link, parameters);
        JsonNode post = root.path(0).path("data").path("children").path(0);
        if (!"t3".equals(post.path("kind").asText())) {
            throw ExportException.platformChanged(RedditPlatform.ID, "[0].data.children[0]", "no post in the answer");
        }
        return Page.of(List.of(Things.post(post.path("data"), "[0].data.children[0].data")), null);
    }
}
