package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Author;
import io.starexport.api.Content;
import io.starexport.api.ExportException;
import io.starexport.api.Media;
import io.starexport.api.Post;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Hosts;
import io.starexport.spi.HttpRequest;
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
 * A platform for the CLI's media tests, found through META-INF/services in test resources. Synthetic:
 * {@code GET {api}/v1/posts?user=NAME} answers {@code {"posts": [{"id", "created", "author", "media":
 * [{"type", "url", "width", "height", "variants": [{"url", "width", "height"}]}]}]}}, a reduced feed
 * response; its media host is {@code localhost}, where WireMock serves the files.
 */
public final class MediaPlatform implements Platform {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return "clitest";
    }

    @Override
    public String displayName() {
        return "CLI Test";
    }

    @Override
    public Optional<Target> resolve(URI url) {
        if (!Hosts.matches(url.getHost(), "clitest.example") || url.getPath() == null
                || !url.getPath().matches("/u/[a-z]+")) {
            return Optional.empty();
        }
        String user = url.getPath().substring(3);
        return Optional.of(Target.of(id(), Target.Kind.PROFILE, user, "https://clitest.example/u/" + user));
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return kind == Target.Kind.PROFILE ? Set.of(Content.POSTS) : Set.of();
    }

    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        return RateLimit.perSecond(1000);
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.of("api", "https://api.clitest.example", "posts API"));
    }

    @Override
    public Set<String> mediaHosts() {
        return Set.of("localhost");
    }

    @Override
    public Extractor<Post> extractor(ExportQuery query, PlatformContext context) {
        return request -> {
            byte[] body = context.http().send(HttpRequest.get(context.endpoint("api").resolve("/v1/posts"))
                    .query("user", query.target().id()).build()).body();
            JsonNode posts;
            try {
                posts = JSON.readTree(body).path("posts");
            } catch (IOException e) {
                throw ExportException.platformChanged(id(), "$", "body is not JSON");
            }
            List<Post> items = new ArrayList<>();
            for (JsonNode node : posts) {
                Post.Builder post = Post.builder().platform(id()).id(node.path("id").asText())
                        .createdAt(Instant.parse(node.path("created").asText()))
                        .author(Author.builder().handle(node.path("author").asText()).build());
                for (JsonNode file : node.path("media")) {
                    List<Media.Variant> variants = new ArrayList<>();
                    file.path("variants").forEach(v -> variants.add(Media.Variant.of(v.path("url").asText(),
                            v.path("width").asInt(), v.path("height").asInt())));
                    post.media(Media.of(Media.Type.valueOf(file.path("type").asText()), file.path("url").asText())
                            .withSize(file.path("width").asInt(), file.path("height").asInt()).withVariants(variants));
                }
                items.add(post.build());
            }
            return Page.of(items, null);
        };
    }
}
