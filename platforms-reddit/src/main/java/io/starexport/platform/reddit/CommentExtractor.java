package io.starexport.platform.reddit;

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
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The whole comment tree of a post, or the subtree of one comment. The first page is the tree request
 * ({@code /comments/POST} or {@code /comments/POST/_/COMMENT}); every later page expands pending work:
 * up to 100 ids of {@code more} stubs through {@code /api/morechildren}, or one "continue this thread"
 * stub (id {@code _}, count 0) through its parent comment's own page. New stubs found go to the front of
 * the queue, so replies follow their thread closely. The cursor is the post id and the queue itself, so a
 * resumed export neither loses nor repeats a comment.
 *
 * <p>Depth is rebuilt from the tree, not read from Reddit (old responses have none, and a focused
 * request numbers from the focused comment): 0 for top-level comments, or for the focused comment of a
 * comment target.
 */
final class CommentExtractor implements Extractor<Comment> {
    static final int MORE_IDS_PER_CALL = 100;
    private static final Pattern CURSOR_PARENT = Pattern.compile("t[13]_[a-z0-9]{1,13}");
    /** One id36; lists are split first, as a repeated group would recurse once per id and overflow on big stubs. */
    private static final Pattern CURSOR_ID = Pattern.compile("[a-z0-9]{1,13}");

    private final RedditApi api;
    private final ExportQuery query;
    private final String sort;
    private final int limit;
    /** Comments exported by this extractor, so a comment Reddit repeats is exported once. */
    private final Set<String> seen = new HashSet<>();
    /** Every comment id any answer held, exported or not (replies are left out without {@code replies}). */
    private final Set<String> known = new HashSet<>();

    CommentExtractor(RedditApi api, ExportQuery query, String defaultSort, int limit) {
        this.api = api;
        this.query = query;
        this.sort = sort(query, defaultSort);
        this.limit = limit;
    }

    /** The export's sort, else the URL's {@code ?sort=}, else the platform's default. */
    private static String sort(ExportQuery query, String defaultSort) {
        if (query.sort().isPresent()) {
            Sort sort = query.sort().get();
            return switch (sort) {
                case TOP -> "top";
                case NEWEST -> "new";
                case OLDEST -> "old";
            };
        }
        return query.target().attributes().getOrDefault("sort", defaultSort);
    }

    /**
     * Pending work: the children of a {@code more} stub under {@code parent} (a fullname), or, when
     * {@code ids} is empty, the "continue this thread" replies of {@code parent}. {@code depth} is the
     * depth of those children.
     */
    record Work(String parent, int depth, List<String> ids) {
        boolean continuation() {
            return ids.isEmpty();
        }
    }

    /** What a page leaves to do: the post (id36), the total Reddit reported, and the queue. */
    record State(String link, long total, List<Work> queue) {
        private static final CursorCodec CURSOR = CursorCodec.of(RedditPlatform.ID, "comments", 1);

        String encode() {
            ObjectNode root = CURSOR.newState().put("l", link).put("t", total);
            ArrayNode items = root.putArray("q");
            for (Work work : queue) {
                ArrayNode item = items.addArray().add(work.parent()).add(work.depth());
                if (!work.continuation()) {
                    item.add(String.join(",", work.ids()));
                }
            }
            return CURSOR.encode(root);
        }

        /** The state a cursor holds; {@code OUTPUT} for a cursor of another version or a damaged one. */
        static State decode(String cursor) {
            ObjectNode root = CURSOR.decode(cursor);
            String link = root.path("l").asText("");
            if (!CURSOR_ID.matcher(link).matches() || !root.path("q").isArray()) {
                throw damaged("unexpected post id");
            }
            List<Work> queue = new ArrayList<>();
            for (JsonNode item : root.get("q")) {
                String parent = item.path(0).asText("");
                String ids = item.path(2).asText("");
                List<String> split = ids.isEmpty() ? List.of() : List.of(ids.split(",", -1));
                if (!CURSOR_PARENT.matcher(parent).matches()
                        || !split.stream().allMatch(id -> CURSOR_ID.matcher(id).matches())) {
                    throw damaged("unexpected work item " + item);
                }
                queue.add(new Work(parent, item.path(1).asInt(), split));
            }
            return new State(link, root.path("t").asLong(-1), queue);
        }

        private static ExportException damaged(String why) {
            return ExportException.of(ErrorCode.OUTPUT, "The Reddit comment cursor in the checkpoint is damaged ("
                    + why + "); start the export again without it.");
        }
    }

    /** Items and new work found in one response. */
    private final class Harvest {
        final List<Comment> comments = new ArrayList<>();
        final List<Work> work = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();
        final String linkFullname;
        /** Comments this answer held that no earlier answer did. */
        int fresh;

        Harvest(String link) {
            this.linkFullname = "t3_" + link;
        }

        /** Keeps a comment unless replies are off and it is one, or it was already exported. */
        void emit(JsonNode data, String path, int depth) {
            String id = Things.text(data, "id");
            if (id != null && known.add(id)) {
                fresh++;
            }
            try {
                Comment comment = Things.comment(data, path, depth);
                if ((query.replies() || depth == 0) && seen.add(comment.id())) {
                    comments.add(comment);
                }
            } catch (ExportException e) {
                skipped.add(new Skipped(path, e.getMessage()));
            }
        }

        /** Queues a {@code more} stub; without replies only those of top-level comments. */
        void more(JsonNode data, String path, int depth) {
            String parent = Things.text(data, "parent_id");
            if (parent == null) {
                skipped.add(new Skipped(path + ".parent_id", "a more stub without a parent"));
                return;
            }
            if (!query.replies() && !parent.equals(linkFullname)) {
                return;
            }
            List<String> ids = new ArrayList<>();
            data.path("children").forEach(child -> ids.add(child.asText()));
            boolean continuation = "_".equals(Things.text(data, "id")) || ids.isEmpty();
            if (continuation && !parent.startsWith("t1_")) {
                return;
            }
            work.add(new Work(parent, depth, continuation ? List.of() : List.copyOf(ids)));
        }

        /** A nested Listing (or the {@code ""} Reddit sends for no replies), its items at {@code depth}. */
        void walk(JsonNode listing, String path, int depth) {
            JsonNode children = listing.path("data").path("children");
            for (int i = 0; i < children.size(); i++) {
                JsonNode child = children.get(i);
                String at = path + ".data.children[" + i + "]";
                JsonNode data = child.path("data");
                switch (child.path("kind").asText("")) {
                    case "t1" -> {
                        emit(data, at + ".data", depth);
                        if (query.replies()) {
                            walk(data.path("replies"), at + ".data.replies", depth + 1);
                        }
                    }
                    case "more" -> more(data, at + ".data", depth);
                    default -> skipped.add(new Skipped(at + ".kind", "not a comment: " + child.path("kind").asText()));
                }
            }
        }
    }

    @Override
    public Page<Comment> fetch(PageRequest request) {
        return request.cursor().isPresent() ? next(State.decode(request.cursor().get())) : first();
    }

    private Page<Comment> first() {
        Target target = query.target();
        if (target.attributes().containsKey("short")) {
            target = api.resolveShare(target);
        }
        boolean focused = target.kind() == Target.Kind.COMMENT;
        String link = focused ? target.attributes().get("postId") : target.id();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("limit", limit);
        parameters.put("sort", sort);
        if (!query.replies() && !focused) {
            parameters.put("depth", 1);
        }
        JsonNode root = tree(focused ? "/comments/" + link + "/_/" + target.id() : "/comments/" + link, parameters,
                "the comments of post " + link);
        Harvest harvest = new Harvest(link);
        long total = -1;
        if (focused) {
            JsonNode node = find(root.get(1), target.id());
            if (node == null) {
                // Reddit leaves a deleted comment without replies out of its tree; /api/info still has it.
                node = api.get("/api/info", Map.of("id", "t1_" + target.id())).path("data").path("children").path(0);
                if (!"t1".equals(node.path("kind").asText())) {
                    throw ExportException.of(ErrorCode.NOT_FOUND, "Reddit has no comment " + target.id() + " on post "
                            + link + ".");
                }
            }
            harvest.emit(node.path("data"), "[1]...", 0);
            if (query.replies()) {
                harvest.walk(node.path("data").path("replies"), "[1]...replies", 1);
            }
        } else {
            // num_comments counts replies too: without them it is no total of what is exported.
            if (query.replies()) {
                JsonNode post = root.get(0).path("data").path("children").path(0).path("data");
                total = post.path("num_comments").asLong(-1);
            }
            harvest.walk(root.get(1), "[1]", 0);
        }
        return page(harvest, new State(link, total, harvest.work));
    }

    private Page<Comment> next(State state) {
        List<Work> queue = new ArrayList<>(state.queue());
        if (queue.isEmpty()) {
            return Page.of(List.of(), null);
        }
        Harvest harvest = new Harvest(state.link());
        if (queue.get(0).continuation()) {
            continueThread(state.link(), queue.remove(0), harvest);
        } else {
            moreChildren(state.link(), queue, harvest);
        }
        List<Work> rest = new ArrayList<>(harvest.work);
        rest.addAll(queue);
        return page(harvest, new State(state.link(), state.total(), rest));
    }

    /** "Continue this thread": the parent's own page, whose replies are the missing part of the thread. */
    private void continueThread(String link, Work work, Harvest harvest) {
        String parent = Things.id36(work.parent());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("limit", limit);
        parameters.put("sort", sort);
        JsonNode root = tree("/comments/" + link + "/_/" + parent, parameters,
                "the \"continue this thread\" replies of comment " + parent);
        JsonNode node = find(root.get(1), parent);
        if (node != null) {
            harvest.walk(node.path("data").path("replies"), "[1]...replies", work.depth());
        }
    }

    /**
     * The {@code [post, comments]} pair of a tree request. Reddit now and then answers one with a 200 and an
     * empty body or {@code null}: that is asked once more, then fails as transient ({@code NETWORK}, so a resume
     * asks again) rather than losing the subtree; any other shape is {@code PLATFORM_CHANGED}.
     */
    private JsonNode tree(String path, Map<String, Object> parameters, String what) {
        JsonNode root = api.get(path, parameters);
        if (blank(root)) {
            root = api.get(path, parameters);
        }
        if (blank(root)) {
            throw ExportException.of(ErrorCode.NETWORK, "Reddit answered twice with an empty body instead of " + what
                    + ", as it does now and then; resume the export later to fetch them.");
        }
        if (!root.isArray() || root.size() < 2) {
            throw ExportException.platformChanged(RedditPlatform.ID, "$", "expected the [post, comments] pair of "
                    + "listings for " + what + " but found " + root.getNodeType());
        }
        return root;
    }

    private static boolean blank(JsonNode root) {
        return root == null || root.isMissingNode() || root.isNull() || (root.isArray() && root.isEmpty());
    }

    /**
     * Up to 100 ids from the front of the queue, possibly from several stubs, in one call. The flat
     * pre-order answer is rebuilt into the tree by {@code parent_id}; ids Reddit does not return (deleted
     * since) are gone.
     */
    private void moreChildren(String link, List<Work> queue, Harvest harvest) {
        List<String> ids = new ArrayList<>();
        Map<String, Integer> depths = new HashMap<>();
        while (!queue.isEmpty() && !queue.get(0).continuation() && ids.size() < MORE_IDS_PER_CALL) {
            Work work = queue.remove(0);
            int room = MORE_IDS_PER_CALL - ids.size();
            List<String> taken = work.ids().subList(0, Math.min(room, work.ids().size()));
            ids.addAll(taken);
            depths.put(work.parent(), work.depth() - 1);
            if (taken.size() < work.ids().size()) {
                queue.add(0, new Work(work.parent(), work.depth(), List.copyOf(work.ids().subList(taken.size(),
                        work.ids().size()))));
            }
        }
        JsonNode things = api.moreChildren("t3_" + link, ids, sort).path("json").path("data").path("things");
        if (!things.isArray()) {
            throw ExportException.platformChanged(RedditPlatform.ID, "json.data.things", "found " + things.getNodeType());
        }
        // The answer is a flat list in no documented order: index every comment by fullname first, so a
        // reply that arrives before its parent still gets its depth from the parent chain.
        Map<String, String> parents = new HashMap<>();
        for (JsonNode thing : things) {
            String name = Things.text(thing.path("data"), "name");
            String parent = Things.text(thing.path("data"), "parent_id");
            if ("t1".equals(thing.path("kind").asText()) && name != null && parent != null) {
                parents.put(name, parent);
            }
        }
        for (int i : treeOrder(things, parents)) {
            JsonNode thing = things.get(i);
            JsonNode data = thing.path("data");
            String path = "json.data.things[" + i + "].data";
            Integer parentDepth = depth(Things.text(data, "parent_id"), depths, parents);
            int depth = parentDepth != null ? parentDepth + 1
                    : data.path("depth").isInt() ? data.get("depth").asInt() : 0;
            if ("t1".equals(thing.path("kind").asText())) {
                harvest.emit(data, path, depth);
            } else if ("more".equals(thing.path("kind").asText())) {
                harvest.more(data, path, depth);
            }
        }
        if (harvest.fresh == 0) {
            // Nothing new came back: re-queueing stubs of the same ids would ask forever.
            harvest.work.removeIf(work -> ids.containsAll(work.ids()));
        }
    }

    /**
     * The indexes of an answer's things with every thing after the comment it hangs under (when that comment
     * is in the answer too), siblings in the answer's order: pre-order, whatever order Reddit sent.
     */
    private static List<Integer> treeOrder(JsonNode things, Map<String, String> parents) {
        Map<String, List<Integer>> below = new HashMap<>();
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < things.size(); i++) {
            String parent = Things.text(things.get(i).path("data"), "parent_id");
            if (parent != null && parents.containsKey(parent)) {
                below.computeIfAbsent(parent, key -> new ArrayList<>()).add(i);
            } else {
                roots.add(i);
            }
        }
        List<Integer> order = new ArrayList<>();
        boolean[] done = new boolean[things.size()];
        Deque<Integer> stack = new ArrayDeque<>();
        for (int root : roots) {
            stack.push(root);
            while (!stack.isEmpty()) {
                int i = stack.pop();
                if (done[i]) {
                    continue;
                }
                done[i] = true;
                order.add(i);
                List<Integer> children = below.getOrDefault(Things.text(things.get(i).path("data"), "name"), List.of());
                for (int c = children.size() - 1; c >= 0; c--) {
                    stack.push(children.get(c));
                }
            }
        }
        for (int i = 0; i < things.size(); i++) {
            if (!done[i]) {
                order.add(i); // a parent cycle Reddit should never send: keep the things anyway
            }
        }
        return order;
    }

    /**
     * The depth of the comment {@code fullname} (-1 for the post), from the parents whose depth is known
     * and the parent links of this answer; null when the chain leads nowhere known. Remembers what it finds.
     */
    private static Integer depth(String fullname, Map<String, Integer> depths, Map<String, String> parents) {
        List<String> chain = new ArrayList<>();
        String at = fullname;
        Integer known = null;
        while (at != null && chain.size() <= parents.size()) {
            known = depths.get(at);
            if (known != null || at.startsWith("t3_")) {
                break;
            }
            chain.add(at);
            at = parents.get(at);
        }
        if (known == null && at != null && at.startsWith("t3_")) {
            known = -1;
        }
        if (known == null) {
            return null;
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            known = known + 1;
            depths.put(chain.get(i), known);
        }
        return known;
    }

    /** The {@code t1} with this id36 anywhere in a Listing tree, or null. */
    private static JsonNode find(JsonNode listing, String id) {
        for (JsonNode child : listing.path("data").path("children")) {
            if ("t1".equals(child.path("kind").asText())) {
                if (id.equals(child.path("data").path("id").asText())) {
                    return child;
                }
                JsonNode below = find(child.path("data").path("replies"), id);
                if (below != null) {
                    return below;
                }
            }
        }
        return null;
    }

    private static Page<Comment> page(Harvest harvest, State next) {
        Page<Comment> page = Page.of(harvest.comments, next.queue().isEmpty() ? null : next.encode())
                .withSkipped(harvest.skipped);
        return next.total() >= 0 ? page.withTotal(next.total()) : page;
    }
}
