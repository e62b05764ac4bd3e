package io.starexport.mediadownload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Author;
import io.starexport.api.Content;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
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
import java.util.OptionalInt;
import java.util.Set;

/**
 * A platform for media tests, registered explicitly. Synthetic: its one endpoint,
 * {@code GET {api}/v1/posts?user=NAME[&cursor=C]}, answers {@code {"posts": [{"id", "created", "author",
 * "media": [{"type", "url", "width", "height", "mime", "variants": [{"url", "width", "height"}]}]}],
 * "next": C | absent}}, a
 * reduced form of the feed responses of Instagram's web API (carousel children with
 * {@code image_versions2.candidates}) and Reddit's {@code media_metadata}. Its media host is
 * {@code localhost}, where WireMock serves the files.
 */
final class MediaTestPlatform implements Platform {
    static final String ID = "mediatest";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Media Test";
    }

    @Override
    public Optional<Target> resolve(URI url) {
        if (!Hosts.matches(url.getHost(), "media.test.example") || url.getPath() == null
                || !url.getPath().matches("/u/[a-z0-9]+")) {
            return Optional.empty();
        }
        String user = url.getPath().substring(3);
        return Optional.of(Target.of(ID, Target.Kind.PROFILE, user, "https://media.test.example/u/" + user));
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return kind == Target.Kind.PROFILE ? Set.of(Content.POSTS, Content.MEDIA) : Set.of();
    }

    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        return RateLimit.perSecond(1000);
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.of("api", "https://api.media.test.example", "posts API"));
    }

    @Override
    public Set<String> mediaHosts() {
        return Set.of("localhost");
    }

    @Override
    public Extractor<? extends Item> extractor(ExportQuery query, PlatformContext context) {
        return request -> {
            byte[] body = context.http().send(HttpRequest.get(context.endpoint("api").resolve("/v1/posts"))
                    .query("user", query.target().id()).query("cursor", request.cursor().orElse(null)).build()).body();
            JsonNode root;
            try {
                root = JSON.readTree(body);
            } catch (IOException e) {
                throw ExportException.platformChanged(ID, "$", "body is not JSON");
            }
            List<Item> items = new ArrayList<>();
            for (JsonNode node : root.path("posts")) {
                Post post = post(node);
                if (query.content() == Content.POSTS) {
                    items.add(post);
                    continue;
                }
                for (int i = 0; i < post.media().size(); i++) {
                    items.add(MediaItem.builder().platform(ID).id(post.id() + "_" + i).postId(post.id()).index(i)
                            .media(post.media().get(i)).createdAt(post.createdAt().orElseThrow())
                            .author(post.author().orElseThrow()).build());
                }
            }
            return Page.of(items, root.path("next").textValue());
        };
    }

    private static Post post(JsonNode node) {
        Post.Builder post = Post.builder().platform(ID).id(node.path("id").asText())
                .createdAt(Instant.parse(node.path("created").asText()))
                .author(Author.builder().handle(node.path("author").asText()).build());
        for (JsonNode file : node.path("media")) {
            List<Media.Variant> variants = new ArrayList<>();
            for (JsonNode variant : file.path("variants")) {
                variants.add(Media.Variant.of(variant.path("url").asText(), variant.path("width").asInt(),
                        variant.path("height").asInt()));
            }
            post.media(new Media(Media.Type.valueOf(file.path("type").asText()), file.path("url").asText(),
                    size(file, "width"), size(file, "height"), Optional.empty(),
                    Optional.ofNullable(file.path("mime").textValue()), variants));
        }
        return post.build();
    }

    private static OptionalInt size(JsonNode file, String name) {
        return file.hasNonNull(name) ? OptionalInt.of(file.get(name).asInt()) : OptionalInt.empty();
    }
}
