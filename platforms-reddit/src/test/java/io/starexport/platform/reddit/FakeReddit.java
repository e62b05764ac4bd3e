package io.starexport.platform.reddit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * A synthetic Reddit thread served by WireMock, cut into pieces the way Reddit cuts real threads, so a
 * test knows every comment's true parent and depth. Synthetic, after {@code reference/reddit-instagram.md}
 * §1.4 to §1.6 and the recordings in {@code src/test/resources/reddit/}: the tree request answers the
 * {@code [post, comments]} pair of Listings, showing the first 5 top-level comments and the first 2 replies
 * of each, the rest as {@code more} stubs ({@code count}, {@code id}/{@code name} of the first child,
 * {@code parent_id}, {@code depth}, {@code children}), and a "continue this thread" stub ({@code id "_"},
 * {@code name "t1__"}, {@code count 0}, no children) at depth 10; a focused request
 * ({@code /comments/POST/_/COMMENT}) numbers depths from the focused comment, as Reddit does;
 * {@code /api/morechildren} answers {@code {"json": {"errors": [], "data": {"things": [...]}}}}, a flat
 * pre-order list of the requested comments and their replies three levels deep, every {@code t1} with
 * {@code "replies": ""}, with {@code depth} (2020+) or without it (2016).
 */
final class FakeReddit implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fake-reddit";
    static final String LINK = "1fk3thd";
    /** Listed in the top-level {@code more} stub but deleted since: Reddit no longer returns it. */
    static final String VANISHED = "zzgone1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TREE = Pattern.compile("/comments/([a-z0-9]+)(?:/_/([a-z0-9]+))?/?(?:\\.json)?");
    private static final int TOP_SHOWN = 5;
    private static final int REPLIES_SHOWN = 2;
    private static final int MAX_DEPTH = 10;
    private static final int MORE_LEVELS = 3;

    /** One comment of the thread, with its true parent (a fullname) and depth. */
    record Node(String id, String parent, int depth, List<Node> children) {
        int size() {
            return 1 + children.stream().mapToInt(Node::size).sum();
        }
    }

    final Map<String, Node> byId = new LinkedHashMap<>();
    final List<Node> top = new ArrayList<>();
    final AtomicInteger moreChildrenCalls = new AtomicInteger();
    private volatile boolean withDepth = true;
    private volatile boolean reversed;
    private volatile boolean zeroCounts;
    private volatile int failFromCall = Integer.MAX_VALUE;
    private volatile String blankContinuation;
    private final AtomicInteger blankContinuationsLeft = new AtomicInteger();

    /**
     * 150 top-level comments, 450 replies spread at random (fixed seed) up to depth 6, a chain 26 deep
     * under the first comment (two "continue this thread" stubs on the way down), a deleted comment
     * with replies and a removed one.
     */
    FakeReddit() {
        Random random = new Random(20261122);
        int next = 0;
        for (int i = 0; i < 150; i++) {
            top.add(add(id(next++), "t3_" + LINK, 0));
        }
        List<Node> shallow = new ArrayList<>(top);
        for (int i = 0; i < 450; i++) {
            Node parent = shallow.get(random.nextInt(shallow.size()));
            Node child = add(id(next++), "t1_" + parent.id(), parent.depth() + 1);
            parent.children().add(child);
            if (child.depth() < 6) {
                shallow.add(child);
            }
        }
        Node chain = top.get(0);
        for (int depth = 1; depth <= 26; depth++) {
            Node child = add(id(next++), "t1_" + chain.id(), depth);
            chain.children().add(0, child);
            chain = child;
        }
    }

    private Node add(String id, String parent, int depth) {
        Node node = new Node(id, parent, depth, new ArrayList<>());
        byId.put(id, node);
        return node;
    }

    private static String id(int n) {
        return "k" + Integer.toString(100000 + n, 36);
    }

    /** Answers as 2016 Reddit did: morechildren things without {@code depth}. */
    void withoutDepth() {
        withDepth = false;
    }

    /**
     * Answers morechildren with its things in reverse order, replies before their parents and stubs before
     * their siblings: Reddit documents no order for the flat list, and PRAW rebuilds it by {@code parent_id}.
     */
    void outOfTreeOrder() {
        reversed = true;
    }

    /** Gives every {@code more} stub {@code count: 0} while it still lists its children. */
    void zeroCounts() {
        zeroCounts = true;
    }

    /** From the {@code call}-th morechildren request on (counting from 1), answer 500 until {@link #heal()}. */
    void failFrom(int call) {
        failFromCall = call;
    }

    /**
     * Answers the next {@code times} "continue this thread" requests ({@code /comments/POST/_/COMMENT}) with a
     * 200 whose body is {@code body} (empty or {@code null}), as Reddit now and then does.
     */
    void blankContinuations(String body, int times) {
        blankContinuation = body;
        blankContinuationsLeft.set(times);
    }

    void heal() {
        failFromCall = Integer.MAX_VALUE;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        URI url = URI.create(request.getUrl());
        String path = url.getPath();
        Map<String, String> parameters = parameters(url.getRawQuery());
        if (path.startsWith("/api/morechildren")) {
            if (request.getMethod().getName().equals("POST")) {
                parameters.putAll(parameters(request.getBodyAsString()));
            }
            if (moreChildrenCalls.incrementAndGet() >= failFromCall) {
                return responseDefinition().withStatus(500).build();
            }
            return json(moreChildren(List.of(parameters.get("children").split(","))));
        }
        Matcher tree = TREE.matcher(path);
        if (!tree.matches() || !tree.group(1).equals(LINK)) {
            return responseDefinition().withStatus(404).withHeader("Content-Type", "application/json; charset=UTF-8")
                    .withBody("{\"message\": \"Not Found\", \"error\": 404}").build();
        }
        if (tree.group(2) != null && blankContinuationsLeft.getAndDecrement() > 0) {
            return responseDefinition().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8")
                    .withBody(blankContinuation).build();
        }
        ArrayNode pair = JSON.createArrayNode();
        pair.add(listing(List.of(post())));
        if (tree.group(2) == null) {
            pair.add(listing(render(top, 0, "t3_" + LINK, TOP_SHOWN)));
        } else {
            Node focus = byId.get(tree.group(2));
            pair.add(listing(focus == null ? List.of() : render(List.of(focus), 0, focus.parent(), 1)));
        }
        return json(pair);
    }

    private static ResponseDefinition json(Object body) {
        return responseDefinition().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body.toString()).build();
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private ObjectNode post() {
        ObjectNode data = JSON.createObjectNode().put("id", LINK).put("name", "t3_" + LINK)
                .put("title", "A synthetic thread").put("author", "op_user").put("author_fullname", "t2_op")
                .put("created_utc", 1750000000.0).put("num_comments", byId.size() + 1).put("score", 42)
                .put("subreddit", "test").put("permalink", "/r/test/comments/" + LINK + "/a_synthetic_thread/");
        return JSON.createObjectNode().put("kind", "t3").set("data", data);
    }

    private static ObjectNode listing(List<ObjectNode> children) {
        ObjectNode data = JSON.createObjectNode().putNull("after").putNull("before").put("modhash", "")
                .put("geo_filter", "");
        data.putNull("dist");
        data.putArray("children").addAll(children);
        return JSON.createObjectNode().put("kind", "Listing").set("data", data);
    }

    /** Siblings at a (shown) depth: the first {@code shown}, then one {@code more} for the rest. */
    private List<ObjectNode> render(List<Node> siblings, int depth, String parent, int shown) {
        List<ObjectNode> things = new ArrayList<>();
        for (int i = 0; i < siblings.size(); i++) {
            if (i == shown) {
                things.add(more(siblings.subList(i, siblings.size()), parent, depth, parent.equals("t3_" + LINK)));
                break;
            }
            Node node = siblings.get(i);
            ObjectNode comment = comment(node, depth);
            if (!node.children().isEmpty()) {
                ((ObjectNode) comment.get("data")).set("replies", listing(depth + 1 == MAX_DEPTH
                        ? List.of(continuation(node, depth + 1))
                        : render(node.children(), depth + 1, "t1_" + node.id(), REPLIES_SHOWN)));
            }
            things.add(comment);
        }
        return things;
    }

    private ObjectNode moreChildren(List<String> ids) {
        List<ObjectNode> things = new ArrayList<>();
        for (String id : ids) {
            Node node = byId.get(id);
            if (node != null) {
                flatten(node, 0, things);
            }
        }
        if (reversed) {
            java.util.Collections.reverse(things);
        }
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode json = answer.putObject("json");
        json.putArray("errors");
        json.putObject("data").putArray("things").addAll(things);
        return answer;
    }

    private void flatten(Node node, int level, List<ObjectNode> things) {
        ObjectNode comment = comment(node, node.depth());
        if (!withDepth) {
            ((ObjectNode) comment.get("data")).remove("depth");
        }
        things.add(comment);
        List<Node> children = node.children();
        if (children.isEmpty()) {
            return;
        }
        if (level + 1 > MORE_LEVELS) {
            things.add(more(children, "t1_" + node.id(), node.depth() + 1, false));
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            if (i == REPLIES_SHOWN) {
                things.add(more(children.subList(i, children.size()), "t1_" + node.id(), node.depth() + 1, false));
                break;
            }
            flatten(children.get(i), level + 1, things);
        }
    }

    private ObjectNode comment(Node node, int depth) {
        int n = Integer.parseInt(node.id().substring(1), 36) - 100000;
        boolean deleted = n == 3;
        boolean removed = n == 4;
        String author = deleted ? "[deleted]" : "user" + (n % 37);
        ObjectNode data = JSON.createObjectNode().put("id", node.id()).put("name", "t1_" + node.id())
                .put("parent_id", node.parent()).put("link_id", "t3_" + LINK).put("depth", depth)
                .put("author", author).put("body", deleted ? "[deleted]" : removed ? "[removed]" : "comment " + n)
                .put("created_utc", 1750000000.0 + n * 60).put("edited", false).put("score", n % 11)
                .put("controversiality", 0).put("stickied", false).put("is_submitter", false)
                .put("subreddit", "test").put("permalink", "/r/test/comments/" + LINK + "/a_synthetic_thread/"
                        + node.id() + "/").put("replies", "");
        data.putNull("distinguished");
        if (!deleted) {
            data.put("author_fullname", "t2_u" + (n % 37));
        }
        return JSON.createObjectNode().put("kind", "t1").set("data", data);
    }

    private ObjectNode more(List<Node> rest, String parent, int depth, boolean withVanished) {
        ArrayNode children = JSON.createArrayNode();
        rest.forEach(node -> children.add(node.id()));
        if (withVanished) {
            children.add(VANISHED);
        }
        ObjectNode data = JSON.createObjectNode().put("count", zeroCounts ? 0 : rest.stream().mapToInt(Node::size).sum())
                .put("name", "t1_" + rest.get(0).id()).put("id", rest.get(0).id()).put("parent_id", parent)
                .put("depth", depth);
        data.set("children", children);
        return JSON.createObjectNode().put("kind", "more").set("data", data);
    }

    private static ObjectNode continuation(Node parent, int depth) {
        ObjectNode data = JSON.createObjectNode().put("count", 0).put("name", "t1__").put("id", "_")
                .put("parent_id", "t1_" + parent.id()).put("depth", depth);
        data.putArray("children");
        return JSON.createObjectNode().put("kind", "more").set("data", data);
    }
}
