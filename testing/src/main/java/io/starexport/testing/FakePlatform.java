package io.starexport.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Skipped;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Hosts;
import io.starexport.spi.HttpRequest;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.Page;
import io.starexport.spi.Platform;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.RateLimit;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real platform plugin whose API is a scripted server on the loopback interface, so a test drives the
 * whole engine (HTTP, rate limit, retries, {@code Retry-After}, checkpoints, writers) offline, and scripts
 * the failures a real platform has. Register it on the engine's builder; its endpoint already points at its
 * server:
 *
 * <pre>{@code
 * try (FakePlatform fake = FakePlatform.start();
 *      StarExport star = StarExport.builder().platform(fake).build()) {
 *     fake.post("p1", 25);                                             // 25 comments, pages of 10
 *     fake.failPage("p1", 2, Failure.status(503));                     // page 2 answers 503 once
 *     List<Comment> comments = star.export(fake.url("p1")).comments().stream().toList();
 * }
 * }</pre>
 *
 * <p>Its id is {@value #ID}; it resolves {@code https://fake.example/posts/{id}} to a post whose comments
 * it exports. The API it serves: {@code GET /v1/posts/{id}/comments[?cursor=N]} answers
 * {@code {"comments": [{"id", "text", "author": {"handle"}, "created_at", "likes", "parent_id"}],
 * "next_cursor": "2" | null, "total": 25}}, and {@code 404} with a JSON error body for a post it does not
 * know. Thread-safe: scripting while exports run is allowed.
 */
public final class FakePlatform implements Platform, TestServer {
    /** The platform id, {@code "fake"}. */
    public static final String ID = "fake";
    /** The first creation time of generated comments; each further comment is one minute older. */
    public static final Instant NEWEST = Instant.parse("2025-01-01T12:00:00Z");

    private static final int PAGE_SIZE = 10;
    private static final Pattern POST_URL = Pattern.compile("^/posts/([A-Za-z0-9_-]+)/?$");
    private static final Pattern API_PATH = Pattern.compile("^/v1/posts/([A-Za-z0-9_-]+)/comments$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<List<Comment>>> posts = new HashMap<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final LoopbackHttp server;

    private FakePlatform() {
        server = new LoopbackHttp("starexport-fake", this::answer);
    }

    /** Starts the fake platform's server on a free loopback port; it knows no posts yet. */
    public static FakePlatform start() {
        return new FakePlatform();
    }

    /**
     * Adds a post with {@code count} generated comments, served in pages of 10: ids {@code c1}, {@code c2}…,
     * authors {@code user1}, {@code user2}…, text {@code "Comment 1 on p1"}…, created a minute apart going back
     * from {@link #NEWEST}, {@code likes} equal to the number. Replaces a post with the same id.
     *
     * @return this, to chain
     */
    public FakePlatform post(String postId, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0 but was " + count);
        }
        List<Comment> comments = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            comments.add(Comment.builder().platform(ID).id("c" + i).postId(postId).text("Comment " + i + " on " + postId)
                    .author(Author.builder().handle("user" + i).build())
                    .createdAt(NEWEST.minus(Duration.ofMinutes(i - 1L))).likeCount((long) i).build());
        }
        List<List<Comment>> pages = new ArrayList<>();
        for (int from = 0; from < count; from += PAGE_SIZE) {
            pages.add(comments.subList(from, Math.min(count, from + PAGE_SIZE)));
        }
        return post(postId, pages);
    }

    /**
     * Adds a post served as exactly these pages. Of each comment the platform serves its id, text, author
     * handle, creation time, like count and parent id; other fields are not part of its API. Replaces a post
     * with the same id.
     *
     * @return this, to chain
     */
    public FakePlatform post(String postId, List<List<Comment>> pages) {
        Objects.requireNonNull(postId, "postId");
        List<List<Comment>> copy = pages.stream().map(List::copyOf).toList();
        synchronized (this) {
            posts.put(postId, copy);
        }
        return this;
    }

    /**
     * Scripts the next requests for one page of a post: each failure answers one request, in order, and the
     * page is served once they are used up. Requests the engine retries count, so three 503s with the default
     * retry policy are three attempts of one export. Adds to failures already scripted for the page.
     *
     * @param page the page number, 1 for the first page
     * @return this, to chain
     */
    public FakePlatform failPage(String postId, int page, Failure... failures) {
        Objects.requireNonNull(postId, "postId");
        if (page < 1) {
            throw new IllegalArgumentException("page must be >= 1 but was " + page);
        }
        synchronized (this) {
            Deque<Failure> queue = this.failures.computeIfAbsent(postId + "#" + page, k -> new ArrayDeque<>());
            for (Failure failure : failures) {
                queue.add(Objects.requireNonNull(failure, "failure"));
            }
        }
        return this;
    }

    /** The URL of a post on the fake platform, {@code https://fake.example/posts/{postId}}, to export. */
    public String url(String postId) {
        return "https://fake.example/posts/" + postId;
    }

    /** The page requests a post received, retries included, in arrival order. */
    public List<RecordedRequest> requests(String postId) {
        String path = "/v1/posts/" + postId + "/comments";
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public URI baseUrl() {
        return server.baseUrl();
    }

    @Override
    public List<RecordedRequest> requests() {
        return server.requests();
    }

    @Override
    public int openConnections() {
        return server.openConnections();
    }

    LoopbackHttp loopback() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- the server side -------------------------------------------------------------------------------------

    private LoopbackHttp.Reply answer(RecordedRequest request) {
        Matcher path = API_PATH.matcher(request.path());
        if (!request.method().equals("GET") || !path.matches()) {
            return error(404, "no such endpoint: " + request.method() + " " + request.path());
        }
        String postId = path.group(1);
        List<List<Comment>> pages;
        Failure failure;
        int page;
        try {
            page = request.query("cursor").map(Integer::parseInt).orElse(1);
        } catch (NumberFormatException e) {
            return error(400, "invalid cursor");
        }
        synchronized (this) {
            pages = posts.get(postId);
            Deque<Failure> queue = failures.get(postId + "#" + page);
            failure = queue == null ? null : queue.poll();
        }
        if (pages == null) {
            return error(404, "post " + postId + " not found");
        }
        if (page > Math.max(1, pages.size())) {
            return error(400, "invalid cursor");
        }
        if (failure != null && failure.kind() != Failure.Kind.SCHEMA_DRIFT) {
            return switch (failure.kind()) {
                case CONNECTION_RESET -> LoopbackHttp.Reply.RESET;
                case TOO_MANY_REQUESTS -> failure.retryAfterSeconds() < 0 ? error(429, "too many requests")
                        : withHeader(error(429, "too many requests"), "Retry-After", Long.toString(failure.retryAfterSeconds()));
                default -> error(failure.statusCode(), "scripted failure " + failure);
            };
        }
        List<Comment> items = pages.isEmpty() ? List.of() : pages.get(page - 1);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode comments = body.putArray(failure == null ? "comments" : "results");
        items.forEach(comment -> comments.add(toJson(comment)));
        body.put("next_cursor", page < pages.size() ? Integer.toString(page + 1) : null);
        body.put("total", pages.stream().mapToInt(List::size).sum());
        return LoopbackHttp.Reply.of(200, "application/json", body.toString());
    }

    private static ObjectNode toJson(Comment comment) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", comment.id());
        node.put("text", comment.text());
        node.putObject("author").put("handle", comment.author().flatMap(Author::handle).orElse(null));
        node.put("created_at", comment.createdAt().map(Instant::toString).orElse(null));
        node.put("likes", comment.likeCount().isPresent() ? comment.likeCount().getAsLong() : null);
        node.put("parent_id", comment.parentId().orElse(null));
        return node;
    }

    private static LoopbackHttp.Reply error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", status).put("message", message);
        return LoopbackHttp.Reply.of(status, "application/json", body.toString());
    }

    private static LoopbackHttp.Reply withHeader(LoopbackHttp.Reply reply, String name, String value) {
        Map<String, List<String>> headers = new HashMap<>(reply.headers());
        headers.put(name, List.of(value));
        return new LoopbackHttp.Reply(reply.status(), headers, reply.body());
    }

    // ---- the plugin side -------------------------------------------------------------------------------------

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Fake Platform";
    }

    @Override
    public Optional<Target> resolve(URI url) {
        if (!Hosts.matches(url.getHost(), "fake.example")) {
            return Optional.empty();
        }
        Matcher post = POST_URL.matcher(url.getPath() == null ? "" : url.getPath());
        if (!post.matches()) {
            throw ExportException.of(ErrorCode.INVALID_URL, "Fake Platform URLs look like https://fake.example/posts/{id}; got "
                    + url.getPath());
        }
        return Optional.of(Target.of(ID, Target.Kind.POST, post.group(1), url(post.group(1))));
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return kind == Target.Kind.POST ? Set.of(Content.COMMENTS) : Set.of();
    }

    /** Generous, so the rate limiter never slows a test: 1000 requests a second. */
    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        return RateLimit.perSecond(1000);
    }

    /** One endpoint, {@code api}, whose default is this fake's own server. */
    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("api", baseUrl(), "the fake platform's scripted comments API"));
    }

    @Override
    public Extractor<Comment> extractor(ExportQuery query, PlatformContext context) {
        String postId = query.target().id();
        return request -> {
            HttpResponse response = context.http().send(HttpRequest.get(
                            context.endpoint("api").resolve("/v1/posts/" + postId + "/comments"))
                    .query("cursor", request.cursor().orElse(null)).build());
            switch (response.status()) {
                case 200:
                    return parse(response, postId);
                case 401:
                    throw ExportException.of(ErrorCode.AUTH_REQUIRED, "Fake Platform wants credentials for post " + postId + ".");
                case 403:
                    throw ExportException.of(ErrorCode.PRIVATE_CONTENT, "Post " + postId + " on Fake Platform is private.");
                case 404:
                case 410:
                    throw ExportException.of(ErrorCode.NOT_FOUND, "Post " + postId + " does not exist on Fake Platform.");
                default:
                    throw ExportException.platformChanged(ID, "HTTP status", "the API answered HTTP " + response.status());
            }
        };
    }

    private static Page<Comment> parse(HttpResponse response, String postId) {
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw ExportException.platformChanged(ID, "$", "the body is not JSON");
        }
        JsonNode items = root.path("comments");
        if (!items.isArray()) {
            throw ExportException.platformChanged(ID, "comments", "found " + items.getNodeType());
        }
        List<Comment> comments = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.path("id").isTextual()) {
                skipped.add(new Skipped("comments[" + i + "].id", "missing"));
                continue;
            }
            Comment.Builder comment = Comment.builder().platform(ID).id(item.get("id").asText()).postId(postId)
                    .text(item.path("text").asText(""))
                    .author(Author.builder().handle(item.path("author").path("handle").textValue()).build());
            if (item.path("created_at").isTextual()) {
                try {
                    comment.createdAt(Instant.parse(item.get("created_at").asText()));
                } catch (DateTimeParseException e) {
                    skipped.add(new Skipped("comments[" + i + "].created_at", "not an ISO-8601 instant"));
                    continue;
                }
            }
            if (item.path("likes").isNumber()) {
                comment.likeCount(item.get("likes").asLong());
            }
            if (item.path("parent_id").isTextual()) {
                comment.parentId(item.get("parent_id").asText()).depth(1);
            }
            comments.add(comment.build());
        }
        Page<Comment> page = Page.of(comments, root.path("next_cursor").textValue()).withSkipped(skipped);
        return root.path("total").isNumber() ? page.withTotal(root.get("total").asLong()) : page;
    }

    @Override
    public String toString() {
        return "FakePlatform[" + baseUrl() + "]";
    }
}
