package io.starexport.platform.instagram;

import io.starexport.api.Item;
import io.starexport.api.Skipped;

import java.util.List;

/**
 * What one response gave, before the cursor is worked out.
 *
 * @param items   parsed items, in the platform's order
 * @param skipped items that could not be parsed
 * @param threads reply threads found that need their own requests
 * @param next    the next page of the list just read; null when it has ended
 * @param total   the platform's count for the whole list, or null
 * @param then    on a list's first page, the other direction to read once {@code next}'s ends; else null
 * @param <T>     item type
 */
record Batch<T extends Item>(List<T> items, List<Skipped> skipped, List<Cursor.Thread> threads, Cursor.Next next,
                             Long total, Cursor.Next then) {
    Batch {
        items = List.copyOf(items);
        skipped = List.copyOf(skipped);
        threads = List.copyOf(threads);
    }

    Batch(List<T> items, List<Skipped> skipped, List<Cursor.Thread> threads, Cursor.Next next, Long total) {
        this(items, skipped, threads, next, total, null);
    }
}
