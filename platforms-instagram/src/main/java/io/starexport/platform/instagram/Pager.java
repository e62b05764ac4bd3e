package io.starexport.platform.instagram;

import io.starexport.api.Item;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Drives a list with reply threads through {@link Cursor}s: reply threads found on a page are read
 * before the next page of the main list, each thread page by page, so a cursor always says exactly
 * what is left and a resumed export repeats nothing. A list (or thread) whose next token repeats the one
 * just sent has ended, unless its source says its tokens repeat; a list whose first page offers a second direction reads it once the first ends.
 *
 * @param <T> item type
 */
final class Pager<T extends Item> implements Extractor<T> {

    /** One backend's way of reading a list and its reply threads. */
    interface Source<T extends Item> {
        /** The id the list is read from (may cost a request, such as a username lookup). */
        String listId();

        /** A page of the main list; {@code next} is null for the first page. */
        Batch<T> page(String listId, Cursor.Next next);

        /**
         * Whether the list's token may be the same on every page (Graph hashtag media: "the after cursor value
         * will always be the same for each page"), so that only a missing token ends it.
         */
        default boolean repeatsTokens() {
            return false;
        }

        /** A page of a reply thread; the batch's threads are the rest of this thread, if any. */
        default Batch<T> thread(String listId, Cursor.Thread thread) {
            throw new IllegalStateException("this list has no reply threads");
        }
    }

    private final Source<T> source;

    /** An extractor whose one page holds the given items (a post, a profile). */
    static <T extends Item> Extractor<T> single(Supplier<List<T>> items) {
        return request -> Page.of(items.get(), null);
    }

    Pager(Source<T> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Page<T> fetch(PageRequest request) {
        Cursor cursor = request.cursor().map(Cursor::decode).orElseGet(() -> Cursor.start(source.listId()));
        Batch<T> batch;
        Cursor next;
        if (!cursor.threads().isEmpty()) {
            Cursor.Thread thread = cursor.threads().get(0);
            batch = source.thread(cursor.id(), thread);
            List<Cursor.Thread> threads = new ArrayList<>(batch.threads());
            threads.remove(thread); // a thread page that points at itself again has ended
            threads.addAll(cursor.threads().subList(1, cursor.threads().size()));
            next = new Cursor(cursor.id(), cursor.next(), cursor.then(), cursor.done(), threads);
        } else if (!cursor.done()) {
            batch = source.page(cursor.id(), cursor.next());
            Cursor.Next then = cursor.next() == null ? batch.then() : cursor.then();
            boolean ended = batch.next() == null || (!source.repeatsTokens() && batch.next().equals(cursor.next()));
            Cursor.Next following = ended ? then : batch.next();
            next = new Cursor(cursor.id(), following, ended ? null : then, following == null, batch.threads());
        } else {
            return Page.of(List.of(), null);
        }
        Page<T> page = Page.of(batch.items(), next.finished() ? null : next.encode()).withSkipped(batch.skipped());
        return batch.total() == null ? page : page.withTotal(batch.total());
    }
}
