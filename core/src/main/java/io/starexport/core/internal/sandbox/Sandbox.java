package io.starexport.core.internal.sandbox;

import io.starexport.api.Item;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.PageRequest;
import io.starexport.spi.SampleStyle;

import java.util.Objects;

/**
 * Sandbox mode: realistic sample items for any URL, offline, with no HTTP.
 *
 * <p>{@link #extractor(ExportQuery, SampleStyle)} gives the extractor the engine uses in sandbox mode,
 * for a target the installed platform resolved. This class decides the structure; the platform's
 * {@link SampleStyle} decides how items look (id shapes, names, reply depth, URLs, media, raw fields).
 * Every item carries {@code "sandbox": true} in its extras.
 *
 * <p><b>Deterministic.</b> Everything grows from a seed (the first eight bytes of the SHA-256 of
 * {@code platform:kind:id}) and a fixed calendar: dates lie in the two years before
 * 2026-06-01T00:00:00Z. The same URL and query give the same items on every run and machine.
 *
 * <p><b>Sizes.</b> A target has a size drawn from the seed: 150 to 600 comments counting replies (only
 * the top-level ones are exported when replies are not asked for), 150 to 600 posts, and the media of
 * those posts. A limit above that size grows the target to exactly the limit, so very large exports
 * work for benchmarks; a smaller limit leaves the target as it is and the engine stops at the limit
 * (the first items are the same with or without it). A media list with a limit has exactly the limit.
 * Exceptions: a profile is one item, a post's media are the files it has (at most the limit), and a
 * comment target without replies, or a reply whose id holds the style's reply id separator (such threads
 * are flat), is just that comment. {@code Page.total} reports the export's size.
 *
 * <p><b>Comments.</b> Threads: a top-level comment (depth 0) followed by its replies (depth 1, or down to
 * the style's {@link SampleStyle#maxReplyDepth()}) when replies are asked for. A top-level comment's
 * {@code replyCount} equals the direct replies that follow it. {@link io.starexport.api.Sort#NEWEST} pages are newest first,
 * {@link io.starexport.api.Sort#OLDEST} oldest first, and top (or no sort) goes roughly by likes with
 * the pinned comment, when there is one, first. Every order shows the same comments. Replies are newer
 * than their parent.
 *
 * <p><b>Paging.</b> Pages of 100 items, fewer when {@link PageRequest#remaining()} asks for fewer. A
 * cursor ({@code sbx2:…}) holds the whole position, so a saved cursor continues in a new process with no
 * duplicates and no gaps, and memory stays at one page whatever the size. A cursor this version did not
 * write for the same URL, content, sort and replies setting fails with
 * {@link io.starexport.api.ErrorCode#OUTPUT}. The {@code since} and {@code until} dates are left to
 * the engine.
 *
 * <p>Thread-safety: this class is stateless; each extractor serves one export, used by one thread at a
 * time, as the {@link Extractor} contract says.
 */
public final class Sandbox {
    static final int PAGE_SIZE = 100;

    private Sandbox() {
    }

    /**
     * A deterministic generator of items for the query's target, dressed in a platform's style. The item
     * type follows {@code query.content()}. Never touches the network or the clock.
     *
     * @param query what the host asked for
     * @param style how the target's platform makes its items look
     * @return an extractor for one export
     */
    public static Extractor<? extends Item> extractor(ExportQuery query, SampleStyle style) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(style, "style");
        Scene scene = new Scene(query, style);
        return switch (query.content()) {
            case COMMENTS -> new CommentExtractor(scene);
            case POSTS -> new PostExtractor(scene);
            case PROFILE -> new ProfileExtractor(scene);
            case MEDIA -> new MediaExtractor(scene);
        };
    }

    /** Items for one page: 100, or what the engine still wants when that is fewer (at least one). */
    static int pageSize(PageRequest request) {
        if (request.remaining().isPresent()) {
            return (int) Math.max(1, Math.min(PAGE_SIZE, request.remaining().getAsLong()));
        }
        return PAGE_SIZE;
    }
}
