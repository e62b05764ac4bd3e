package io.starexport.testplatform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Skipped;
import io.starexport.api.Sort;
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
import io.starexport.spi.RateLimitControl;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A platform that exists only for tests, discovered through META-INF/services in test resources. Its
 * API is small but shaped like real ones: {@code GET {api}/v1/comments?post=ID&cursor=C&limit=N} with an
 * {@code Authorization: Bearer} token and a {@code key} query parameter, answering
 * {@code {"data": {"items": [...], "next": "c2" | null, "total": 7, "order": "newest"}}}; rate-limit
 * feedback in {@code X-Remaining} / {@code X-Reset} headers; errors as {@code {"error": {"code": ...}}}.
 */
public final class TestPlatform implements Platform {
    public static final String ID = "testplatform";
    private static final Pattern POST = Pattern.compile("^/posts/([A-Za-z0-9]+)/?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Test Platform";
    }

    @Override
    public Optional<Target> resolve(URI url) {
        if (!Hosts.matches(url.getHost(), "test.example")) {
            return Optional.empty();
        }
        Matcher m = POST.matcher(url.getPath() == null ? "" : url.getPath());
        return m.matches() ? Optional.of(Target.of(ID, Target.Kind.POST, m.group(1),
                "https://test.example/posts/" + m.group(1))) : Optional.empty();
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return kind == Target.Kind.POST ? Set.of(Content.COMMENTS) : Set.of();
    }

    @Override
    public Set<Sort> sorts(Content content) {
        return Set.of(Sort.NEWEST);
    }

    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        return RateLimit.perSecond(1000);
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.of("api", "https://api.test.example", "comments API"));
    }

    @Override
    public List<String> credentialNames() {
        return List.of("api_token");
    }

    @Override
    public void onResponse(HttpResponse response, RateLimitControl rateLimit) {
        if (response.header("X-Remaining").map("0"::equals).orElse(false)) {
            response.header("X-Reset").ifPresent(seconds -> rateLimit.pauseFor(Duration.ofSeconds(Long.parseLong(seconds))));
        }
    }

    /** A 429 whose body names the daily quota ends at once: waiting minutes cannot help. */
    @Override
    public Optional<ExportException> finalError(HttpResponse response) {
        if (response.status() == 429 && response.bodyText().contains("daily_quota")) {
            return Optional.of(ExportException.of(ErrorCode.QUOTA_EXCEEDED, "Test Platform's daily quota is used up."));
        }
        return Optional.empty();
    }

    @Override
    public Extractor<Comment> extractor(ExportQuery query, PlatformContext context) {
        String token = context.credentials().get("api_token").orElse(null);
        return request -> {
            HttpRequest.Builder get = HttpRequest.get(context.endpoint("api").resolve("/v1/comments"))
                    .query("post", query.target().id())
                    .query("cursor", request.cursor().orElse(null))
                    .query("key", token);
            if (token != null) {
                get.header("Authorization", "Bearer " + token);
            }
            HttpResponse response = context.http().send(get.build());
            if (response.status() == 401) {
                throw ExportException.of(ErrorCode.AUTH_FAILED, "Test Platform rejected the token.");
            }
            if (response.status() == 404) {
                throw ExportException.of(ErrorCode.NOT_FOUND, "Post " + query.target().id() + " does not exist.");
            }
            return parse(response, query.target().id());
        };
    }

    private static Page<Comment> parse(HttpResponse response, String postId) {
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw ExportException.platformChanged(ID, "$", "body is not JSON");
        }
        JsonNode items = root.path("data").path("items");
        if (!items.isArray()) {
            throw ExportException.platformChanged(ID, "data.items", "found " + items.getNodeType());
        }
        List<Comment> comments = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.path("id").isTextual()) {
                skipped.add(new Skipped("data.items[" + i + "].id", "missing"));
                continue;
            }
            Instant created;
            try {
                created = Instant.parse(item.path("created").asText(""));
            } catch (java.time.format.DateTimeParseException e) {
                skipped.add(new Skipped("data.items[" + i + "].created", "not an ISO-8601 instant"));
                continue;
            }
            Comment.Builder comment = Comment.builder().platform(ID).id(item.get("id").asText()).postId(postId)
                    .text(item.path("text").asText(""))
                    .createdAt(created)
                    .author(Author.builder().handle(item.path("author").asText(null)).build());
            if (item.hasNonNull("likes")) {
                comment.likeCount(item.get("likes").asLong());
            }
            if (item.hasNonNull("parent")) {
                comment.parentId(item.get("parent").asText());
            }
            comments.add(comment.build());
        }
        JsonNode data = root.path("data");
        Page<Comment> page = Page.of(comments, data.hasNonNull("next") ? data.get("next").asText() : null)
                .withSkipped(skipped)
                .withOrder("newest".equals(data.path("order").asText()) ? Page.Order.NEWEST_FIRST : Page.Order.UNORDERED);
        return data.has("total") ? page.withTotal(data.get("total").asLong()) : page;
    }
}
