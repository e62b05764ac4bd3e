package io.starexport.examples;

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

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A third-party platform plugin: a guestbook site whose entries are exported as comments. Its API
 * answers {@code GET {api}/books/{id}/entries?page=N} with a {@code next: N} line (absent on the last
 * page) followed by one {@code id|author|created|text} line per entry.
 *
 * <p>Declared in {@code module-info.java} ({@code provides}) and {@code META-INF/services}, so adding the
 * jar is enough; {@code StarExport.builder().platform(new GuestbookPlatform())} works too.
 */
public final class GuestbookPlatform implements Platform {

    @Override
    public String id() {
        return "guestbook";
    }

    @Override
    public String displayName() {
        return "Guestbook";
    }

    @Override
    public Optional<Target> resolve(URI url) {
        String[] path = url.getPath() == null ? new String[0] : url.getPath().split("/");
        if (Hosts.matches(url.getHost(), "guestbook.example") && path.length == 3 && path[1].equals("books")) {
            return Optional.of(Target.of(id(), Target.Kind.POST, path[2], "https://guestbook.example/books/" + path[2]));
        }
        return Optional.empty();
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return kind == Target.Kind.POST ? Set.of(Content.COMMENTS) : Set.of();
    }

    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        return RateLimit.perSecond(5);
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.of("api", "https://api.guestbook.example", "entries API"));
    }

    @Override
    public Extractor<Comment> extractor(ExportQuery query, PlatformContext context) {
        String book = query.target().id();
        return request -> {
            String page = request.cursor().orElse("1");
            HttpResponse response = context.http().send(HttpRequest.get(
                    context.endpoint("api").resolve("/books/" + book + "/entries")).query("page", page).build());
            if (response.status() == 404) {
                throw ExportException.of(ErrorCode.NOT_FOUND, "Guestbook '" + book + "' does not exist.");
            }
            if (!response.isSuccessful()) {
                throw ExportException.of(ErrorCode.NETWORK, "Guestbook answered HTTP " + response.status() + ".");
            }
            return parse(book, response.bodyText());
        };
    }

    private Page<Comment> parse(String book, String body) {
        List<Comment> entries = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        String next = null;
        String[] lines = body.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("next: ")) {
                next = line.substring("next: ".length()).trim();
                continue;
            }
            String[] fields = line.split("\\|", 4);
            if (fields.length != 4) {
                skipped.add(new Skipped("line " + (i + 1), "expected id|author|created|text"));
                continue;
            }
            try {
                entries.add(Comment.builder().platform(id()).id(fields[0]).postId(book)
                        .author(Author.builder().handle(fields[1]).build())
                        .createdAt(Instant.parse(fields[2])).text(fields[3]).build());
            } catch (DateTimeParseException e) {
                skipped.add(new Skipped("line " + (i + 1), "bad date " + fields[2]));
            }
        }
        return Page.of(entries, next).withSkipped(skipped);
    }
}
