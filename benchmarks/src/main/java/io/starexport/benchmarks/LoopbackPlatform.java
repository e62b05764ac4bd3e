package io.starexport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.ExportException;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.HttpRequest;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.Page;
import io.starexport.spi.Platform;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.RateLimit;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A benchmark-only platform for {@link LoopbackServer}, registered explicitly on the engine's builder:
 * {@code https://bench.example/posts/ID} exports the comments of post ID, one page per request, the way a
 * real plugin reads a JSON API (Jackson tree, one {@link Comment} per item). Its default rate limit is
 * far above what the loopback can serve, so only the engine's own costs are measured. The scheduling figure
 * registers several under other ids ({@code https://ID.bench.example/posts/POST}), each with its own limit.
 */
final class LoopbackPlatform implements Platform {
    static final String ID = "loopback";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final String host;

    /** The platform {@value #ID} on {@code bench.example}. */
    LoopbackPlatform() {
        this.id = ID;
        this.host = "bench.example";
    }

    /** Another loopback platform, on {@code ID.bench.example}. */
    LoopbackPlatform(String id) {
        this.id = id;
        this.host = id + ".bench.example";
    }

    /** The export URL of a post of {@value #ID}. */
    static String url(String post) {
        return "https://bench.example/posts/" + post;
    }

    /** The export URL of a post of this platform. */
    String urlOf(String post) {
        return "https://" + host + "/posts/" + post;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Loopback benchmark platform";
    }

    @Override
    public Optional<Target> resolve(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        if (!host.equals(url.getHost()) || !path.startsWith("/posts/")) {
            return Optional.empty();
        }
        String post = path.substring("/posts/".length());
        return Optional.of(Target.of(id, Target.Kind.POST, post, urlOf(post)));
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return kind == Target.Kind.POST ? Set.of(Content.COMMENTS) : Set.of();
    }

    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        return RateLimit.perSecond(1_000_000);
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.of("api", "https://api.bench.example", "comments API (the loopback server)"));
    }

    @Override
    public Extractor<Comment> extractor(ExportQuery query, PlatformContext context) {
        String post = query.target().id();
        URI comments = context.endpoint("api").resolve("/v1/comments");
        return request -> {
            HttpResponse response = context.http().send(HttpRequest.get(comments)
                    .query("post", post).query("cursor", request.cursor().orElse(null)).build());
            if (!response.isSuccessful()) {
                throw ExportException.platformChanged(id, "$", "status " + response.status());
            }
            return parse(response.body(), post, id);
        };
    }

    private static Page<Comment> parse(byte[] body, String post, String id) {
        JsonNode data;
        try {
            data = JSON.readTree(body).path("data");
        } catch (IOException e) {
            throw ExportException.platformChanged(id, "$", "body is not JSON");
        }
        JsonNode items = data.path("items");
        if (!items.isArray()) {
            throw ExportException.platformChanged(id, "data.items", "found " + items.getNodeType());
        }
        List<Comment> comments = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            Comment.Builder comment = Comment.builder().platform(id).id(item.path("id").asText()).postId(post)
                    .text(item.path("text").asText(""))
                    .createdAt(Instant.parse(item.path("created").asText()))
                    .author(Author.builder().handle(item.path("author").asText()).build())
                    .likeCount(item.path("likes").asLong());
            if (item.hasNonNull("parent")) {
                comment.parentId(item.get("parent").asText()).depth(1);
            }
            comments.add(comment.build());
        }
        return Page.of(comments, data.hasNonNull("next") ? data.get("next").asText() : null);
    }
}
