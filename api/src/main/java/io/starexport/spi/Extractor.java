package io.starexport.spi;

import io.starexport.api.Item;

/**
 * Turns one cursor into one page. The engine owns the loop: it calls {@link #fetch} with the
 * previous page's cursor until a page has none, and handles limits, dates, duplicates, cancellation
 * and checkpoints itself.
 *
 * <p>A cursor must hold everything needed to continue, so that an export resumed from a saved
 * cursor, in a new process, continues with no duplicates and no gaps. An extractor is used by one
 * thread at a time.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface Extractor<T extends Item> {

    /**
     * Fetches one page.
     *
     * @throws io.starexport.api.ExportException on every failure, with the matching code
     */
    Page<T> fetch(PageRequest request);
}
