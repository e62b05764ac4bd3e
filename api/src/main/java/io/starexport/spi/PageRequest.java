package io.starexport.spi;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The engine's request for one page.
 *
 * @param cursor    the cursor the previous page returned; absent for the first page
 * @param remaining how many more items the host wants, when it set a limit; a hint for the page size
 */
public record PageRequest(Optional<String> cursor, OptionalLong remaining) {
    public PageRequest {
        cursor = cursor == null ? Optional.empty() : cursor;
        remaining = remaining == null ? OptionalLong.empty() : remaining;
    }

    /** The request for the first page with no limit. */
    public static PageRequest first() {
        return new PageRequest(Optional.empty(), OptionalLong.empty());
    }

    /** The request for the page at a cursor with no limit. */
    public static PageRequest at(String cursor) {
        return new PageRequest(Optional.of(cursor), OptionalLong.empty());
    }
}
