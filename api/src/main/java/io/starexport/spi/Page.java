package io.starexport.spi;

import io.starexport.api.Item;
import io.starexport.api.Skipped;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of items.
 *
 * @param items      the items, in the platform's order
 * @param nextCursor where the next page starts; absent on the last page
 * @param total      the total the platform reports for the whole export, when it reports one
 * @param order      how the items are ordered by creation time; {@link Order#NEWEST_FIRST} lets the
 *                   engine stop once it passes the host's {@code since}
 * @param skipped    items of this page that could not be parsed and were left out
 * @param <T>        the item type
 */
public record Page<T extends Item>(List<T> items, Optional<String> nextCursor, OptionalLong total, Order order,
                                   List<Skipped> skipped) {

    /** How a page's top-level items are ordered by creation time. */
    public enum Order {
        /** Newest first, and every later page older still; replies may follow their parent. */
        NEWEST_FIRST,
        /** Oldest first. */
        OLDEST_FIRST,
        /** Any other order. */
        UNORDERED
    }

    public Page {
        items = List.copyOf(items);
        nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
        total = total == null ? OptionalLong.empty() : total;
        Objects.requireNonNull(order, "order");
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** An unordered page; {@code nextCursor} null on the last page. */
    public static <T extends Item> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, Optional.ofNullable(nextCursor), OptionalLong.empty(), Order.UNORDERED, List.of());
    }

    /** A copy that reports the platform's total. */
    public Page<T> withTotal(long total) {
        return new Page<>(items, nextCursor, OptionalLong.of(total), order, skipped);
    }

    /** A copy with the given order. */
    public Page<T> withOrder(Order order) {
        return new Page<>(items, nextCursor, total, order, skipped);
    }

    /** A copy that reports items left out as unparseable. */
    public Page<T> withSkipped(List<Skipped> skipped) {
        return new Page<>(items, nextCursor, total, order, skipped);
    }
}
