package io.starexport.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.Author;
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
import io.starexport.writer.json.JsonLinesFormat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Three test platforms, {@code alpha}, {@code beta} and {@code gamma}, shaped like the core's
 * {@code TestPlatform} (synthetic; same JSON shape): {@code https://<id>.example/posts/<post>} resolves to a
 * post whose comments come from {@code GET {api}/<id>/comments?post=<post>&cursor=<c>} as
 * {@code {"data": {"items": [...], "next": "c2" | null, "total": N}}}; 404 means the post does not exist.
 * All three are served by one WireMock server and registered explicitly on the engine.
 */
final class ThreePlatforms {
    static final List<String> IDS = List.of("alpha", "beta", "gamma");
    static final Instant NEWEST = Instant.parse("2025-06-01T12:00:00Z");
    /** Items per page and pages per post in {@link #stubPost}. */
    static final int PER_PAGE = 5;
    static final int PAGES = 3;

    private ThreePlatforms() {
    }

    static String url(String platform, String post) {
        return "https://" + platform + ".example/posts/" + post;
    }

    /** An engine with the three platforms and the JSON Lines format, no discovery, no engine-level retries. */
    static StarExport.Builder engine(WireMockExtension server) {
        StarExport.Builder builder = StarExport.builder().discovery(false).environment(Map.of())
                .format(new JsonLinesFormat()).retryPolicy(io.starexport.RetryPolicy.none());
        for (String id : IDS) {
            builder.platform(new StubPlatform(id)).endpoint(id, "api", server.baseUrl());
        }
        return builder;
    }

    /** The request for one page of a post; {@code cursor} null for the first page. */
    static MappingBuilder pageRequest(String platform, String post, String cursor) {
        return get(urlPathEqualTo("/" + platform + "/comments")).withQueryParam("post", equalTo(post))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor));
    }

    /** {@link #PAGES} pages of {@link #PER_PAGE} comments: first page, then cursors "c2", "c3". */
    static void stubPost(WireMockExtension server, String platform, String post, int delayMillis) {
        for (int page = 1; page <= PAGES; page++) {
            String cursor = page == 1 ? null : "c" + page;
            String next = page == PAGES ? null : "c" + (page + 1);
            server.stubFor(pageRequest(platform, post, cursor)
                    .willReturn(okJson(body(post, (page - 1) * PER_PAGE, page * PER_PAGE - 1, next))
                            .withFixedDelay(delayMillis)));
        }
    }

    static String body(String post, int from, int to, String next) {
        StringJoiner items = new StringJoiner(",");
        for (int i = from; i <= to; i++) {
            items.add("{\"id\":\"" + post + "-" + i + "\",\"text\":\"comment " + i + "\",\"created\":\""
                    + NEWEST.minus(Duration.ofHours(i)) + "\",\"author\":\"user" + i + "\"}");
        }
        return "{\"data\":{\"items\":[" + items + "],\"next\":" + (next == null ? "null" : "\"" + next + "\"")
                + ",\"total\":" + PAGES * PER_PAGE + "}}";
    }

    /** The ids of the records in a JSON Lines file, in file order. */
    static List<String> ids(java.nio.file.Path jsonl) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(jsonl)) {
            ids.add(JSON.readTree(line).path("id").asText());
        }
        return ids;
    }

    /** The ids {@link #stubPost} serves for a post, in order. */
    static List<String> expectedIds(String post) {
        return java.util.stream.IntStream.range(0, PAGES * PER_PAGE).mapToObj(i -> post + "-" + i).toList();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One of the three platforms. */
    static final class StubPlatform implements Platform {
        private static final Pattern POST = Pattern.compile("^/posts/([A-Za-z0-9]+)/?$");
        private final String id;

        StubPlatform(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return "Stub " + id;
        }

        @Override
        public Optional<Target> resolve(URI url) {
            if (!Hosts.matches(url.getHost(), id + ".example")) {
                return Optional.empty();
            }
            Matcher m = POST.matcher(url.getPath() == null ? "" : url.getPath());
            return m.matches() ? Optional.of(Target.of(id, Target.Kind.POST, m.group(1), url(id, m.group(1))))
                    : Optional.empty();
        }

        @Override
        public Set<Content> contents(Target.Kind kind) {
            return kind == Target.Kind.POST ? Set.of(Content.COMMENTS) : Set.of();
        }

        @Override
        public RateLimit defaultRateLimit(Credentials credentials) {
            return RateLimit.perSecond(10_000);
        }

        @Override
        public List<Endpoint> endpoints() {
            return List.of(Endpoint.of("api", "https://api." + id + ".example", "comments API"));
        }

        @Override
        public Extractor<Comment> extractor(ExportQuery query, PlatformContext context) {
            String post = query.target().id();
            return request -> {
                HttpResponse response = context.http().send(HttpRequest.get(context.endpoint("api")
                                .resolve("/" + id + "/comments")).query("post", post)
                        .query("cursor", request.cursor().orElse(null)).build());
                if (response.status() == 404) {
                    throw ExportException.of(ErrorCode.NOT_FOUND, "Post " + post + " does not exist on " + id + ".");
                }
                return parse(response, post);
            };
        }

        private Page<Comment> parse(HttpResponse response, String post) {
            JsonNode data;
            try {
                data = JSON.readTree(response.body()).path("data");
            } catch (IOException e) {
                throw ExportException.platformChanged(id, "$", "body is not JSON");
            }
            if (!data.path("items").isArray()) {
                throw ExportException.platformChanged(id, "data.items", "found " + data.path("items").getNodeType());
            }
            List<Comment> comments = new ArrayList<>();
            for (JsonNode item : data.get("items")) {
                comments.add(Comment.builder().platform(id).id(item.path("id").asText()).postId(post)
                        .text(item.path("text").asText("")).createdAt(Instant.parse(item.path("created").asText()))
                        .author(Author.builder().handle(item.path("author").asText(null)).build()).build());
            }
            Page<Comment> page = Page.of(comments, data.hasNonNull("next") ? data.get("next").asText() : null);
            return data.has("total") ? page.withTotal(data.get("total").asLong()) : page;
        }
    }
}
