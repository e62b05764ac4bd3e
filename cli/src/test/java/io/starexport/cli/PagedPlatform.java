package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A paged comments platform for the CLI's batch tests, found through META-INF/services in test resources.
 * Synthetic, shaped like a typical cursor-paged comments API (YouTube's {@code commentThreads} with
 * {@code pageToken}/{@code nextPageToken}, reduced): {@code GET {api}/v1/comments?post=ID[&cursor=C]} answers
 * {@code {"comments": [{"id", "text", "created"}], "next": "C2" | null}}, or 404 for a post that is gone. Its credentials are {@code token}
 * and {@code sessionid}, sent as headers, so tests can see which credential reached the platform.
 */
public final class PagedPlatform implements Platform {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return "pagetest";
    }

    @Override
    public String displayName() {
        return "Page Test";
    }

    @Override
    public Optional<Target> resolve(URI url) {
        if (!Hosts.matches(url.getHost(), "pagetest.example") || url.getPath() == null
                || !url.getPath().matches("/p/[a-z0-9]+")) {
            return Optional.empty();
        }
        String post = url.getPath().substring(3);
        return Optional.of(Target.of(id(), Target.Kind.POST, post, "https://pagetest.example/p/" + post));
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return kind == Target.Kind.POST ? Set.of(Content.COMMENTS) : Set.of();
    }

    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        return RateLimit.perSecond(1000);
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.of("api", "https://api.pagetest.example", "comments API"));
    }

    @Override
    public List<String> credentialNames() {
        return List.of("token", "sessionid");
    }

    @Override
    public Extractor<Comment> extractor(ExportQuery query, PlatformContext context) {
        return request -> {
            HttpRequest.Builder get = HttpRequest.get(context.endpoint("api").resolve("/v1/comments"))
                    .query("post", query.target().id());
            request.cursor().ifPresent(cursor -> get.query("cursor", cursor));
            context.credentials().get("token").ifPresent(token -> get.header("X-Token", token));
            context.credentials().get("sessionid").ifPresent(session -> get.header("X-Session", session));
            HttpResponse response = context.http().send(get.build());
            if (response.status() == 404) {
                throw ExportException.of(ErrorCode.NOT_FOUND, "Post " + query.target().id() + " is gone.");
            }
            byte[] body = response.body();
            JsonNode page;
            try {
                page = JSON.readTree(body);
            } catch (IOException e) {
                throw ExportException.platformChanged(id(), "$", "body is not JSON");
            }
            List<Comment> comments = new ArrayList<>();
            for (JsonNode node : page.path("comments")) {
                comments.add(Comment.builder().platform(id()).id(node.path("id").asText()).postId(query.target().id())
                        .text(node.path("text").asText()).createdAt(Instant.parse(node.path("created").asText()))
                        .build());
            }
            return Page.of(comments, page.path("next").isTextual() ? page.path("next").asText() : null);
        };
    }
}
