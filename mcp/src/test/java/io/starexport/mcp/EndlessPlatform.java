package io.starexport.mcp;

import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Hosts;
import io.starexport.spi.Page;
import io.starexport.spi.Platform;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.RateLimit;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A platform whose exports never end: every page, after a short pause, has no items and a next cursor. Synthetic,
 * for tests that need an export still running when something else happens. Its URLs are
 * {@code https://endless.example/posts/ID}.
 */
final class EndlessPlatform implements Platform {
    static final String URL = "https://endless.example/posts/forever";

    @Override
    public String id() {
        return "endless";
    }

    @Override
    public String displayName() {
        return "Endless";
    }

    @Override
    public Optional<Target> resolve(URI url) {
        if (!Hosts.matches(url.getHost(), "endless.example") || url.getPath() == null
                || !url.getPath().startsWith("/posts/")) {
            return Optional.empty();
        }
        String id = url.getPath().substring("/posts/".length());
        return Optional.of(Target.of(id(), Target.Kind.POST, id, "https://endless.example/posts/" + id));
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return kind == Target.Kind.POST ? Set.of(Content.COMMENTS) : Set.of();
    }

    @Override
    public Extractor<Comment> extractor(ExportQuery query, PlatformContext context) {
        return request -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long page = request.cursor().map(Long::parseLong).orElse(0L);
            return Page.of(List.of(), Long.toString(page + 1));
        };
    }

    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        return RateLimit.perSecond(1_000);
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of();
    }
}
