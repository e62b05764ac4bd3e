package io.starexport.examples.hackernews;

import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Post;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Hosts;
import io.starexport.spi.Platform;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.RateLimit;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hacker News, as a third-party plugin: it depends on Star Export's public API and SPI only, and is
 * registered through {@code META-INF/services/io.starexport.spi.Platform} and a {@code provides} clause in
 * {@code module-info.java}, exactly as a plugin in its own jar would be.
 *
 * <p><b>URLs:</b> {@code https://news.ycombinator.com/item?id=N} (a story, poll, job or comment),
 * {@code https://news.ycombinator.com/context?id=N} (a comment) and the API's own
 * {@code https://hn.algolia.com/api/v1/items/N}. Other Hacker News pages fail with
 * {@code UNSUPPORTED_CONTENT}; an item URL without a numeric id fails with {@code INVALID_URL}.
 *
 * <p><b>What it exports:</b> the comments of an item (with {@code replies(true)}, the whole thread, each
 * reply naming its parent and depth), or the story itself as a post. One request per export reads the
 * whole tree from the public HN Search API ({@code GET /api/v1/items/{id}}, no key needed), so there is
 * no paging and no cursor. Comment HTML becomes plain text. Deleted and dead comments, which the API
 * keeps in the tree without author or text, are left out; their replies are kept. The page reports the
 * number of comments the tree holds as its total, so the result says how many were left out.
 *
 * <p><b>Endpoint</b> {@code api}: {@code https://hn.algolia.com}; point it elsewhere with
 * {@code StarExport.builder().endpoint("hackernews", "api", url)}. <b>Rate:</b> 10,000 requests an hour,
 * the limit the HN Search API documents per IP address.
 *
 * <p>Stateless and thread-safe.
 */
public final class HackerNewsPlatform implements Platform {
    static final String ID = "hackernews";
    private static final Pattern ITEM_ID = Pattern.compile("[1-9][0-9]{0,11}");
    private static final String SUPPORTED = "Hacker News links look like https://news.ycombinator.com/item?id=8863";

    /** The platform, as ServiceLoader creates it. */
    public HackerNewsPlatform() {
    }

    /** The canonical page of an item. */
    static String itemUrl(String id) {
        return "https://news.ycombinator.com/item?id=" + id;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Hacker News";
    }

    @Override
    public Optional<Target> resolve(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        if (Hosts.matches(url.getHost(), "news.ycombinator.com")) {
            if (!path.equals("/item") && !path.equals("/context")) {
                throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, "Star Export exports Hacker News items "
                        + "(stories, polls, jobs and comments), not the page '" + (path.isEmpty() ? "/" : path)
                        + "'. " + SUPPORTED + ".");
            }
            String id = itemId(queryParameter(url, "id"), url);
            Target.Kind kind = path.equals("/context") ? Target.Kind.COMMENT : Target.Kind.POST;
            return Optional.of(Target.of(ID, kind, id, itemUrl(id)));
        }
        if (Hosts.matches(url.getHost(), "hn.algolia.com") && path.startsWith("/api/v1/items/")) {
            String id = itemId(path.substring("/api/v1/items/".length()).replaceFirst("/$", ""), url);
            return Optional.of(Target.of(ID, Target.Kind.POST, id, itemUrl(id)));
        }
        return Optional.empty();
    }

    private static String itemId(String candidate, URI url) {
        if (candidate == null || !ITEM_ID.matcher(candidate).matches()) {
            throw ExportException.of(ErrorCode.INVALID_URL, "'" + url + "' names no Hacker News item: the id must "
                    + "be a number. " + SUPPORTED + ".");
        }
        return candidate;
    }

    private static String queryParameter(URI url, String name) {
        String query = url.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return switch (kind) {
            case POST -> Set.of(Content.COMMENTS, Content.POSTS);
            case COMMENT -> Set.of(Content.COMMENTS);
            default -> Set.of();
        };
    }

    @Override
    public Extractor<? extends Item> extractor(ExportQuery query, PlatformContext context) {
        Target target = query.target();
        if (!contents(target.kind()).contains(query.content())) {
            throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, "Hacker News cannot export "
                    + query.content().name().toLowerCase(Locale.ROOT) + " from a "
                    + target.kind().name().toLowerCase(Locale.ROOT) + "; it offers "
                    + contents(target.kind()).stream().map(c -> c.name().toLowerCase(Locale.ROOT)).sorted().toList()
                    + " there.");
        }
        ItemTree tree = new ItemTree(context, target.id());
        if (query.content() == Content.POSTS) {
            return (Extractor<Post>) request -> tree.post();
        }
        return (Extractor<Comment>) request -> tree.comments(query.replies());
    }

    /** 10,000 requests an hour, the HN Search API's documented limit per IP address. */
    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        return new RateLimit(10_000, Duration.ofHours(1));
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.of("api", "https://hn.algolia.com", "HN Search API by Algolia (/api/v1/items/{id})"));
    }
}
