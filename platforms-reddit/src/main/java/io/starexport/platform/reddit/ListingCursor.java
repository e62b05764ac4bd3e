package io.starexport.platform.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.kit.CursorCodec;
import io.starexport.kit.Json;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a listing continues: Reddit's {@code after} fullname and the {@code count} of items already
 * seen, written by the kit's {@link CursorCodec} as {@code {"c": count, "a": after}}.
 *
 * @param count items already listed
 * @param after the fullname to continue after; null for the first page
 */
record ListingCursor(long count, String after) {
    private static final CursorCodec CURSOR = CursorCodec.of(RedditPlatform.ID, "listing", 1);
    private static final Pattern AFTER = Pattern.compile("t[1-6]_[a-z0-9]{1,13}");

    /** The position a cursor holds, the first page for none; {@code OUTPUT} for one this version did not write. */
    static ListingCursor decode(String cursor) {
        if (cursor == null) {
            return new ListingCursor(0, null);
        }
        ObjectNode state = CURSOR.decode(cursor);
        String after = state.path("a").asText("");
        if (!state.path("c").canConvertToLong() || state.path("c").asLong() < 0 || !AFTER.matcher(after).matches()) {
            throw ExportException.of(ErrorCode.OUTPUT, "The Reddit listing cursor in the checkpoint is damaged; "
                    + "start the export again without it.");
        }
        return new ListingCursor(state.path("c").asLong(), after);
    }

    String encode() {
        return CURSOR.encode(CURSOR.newState().put("c", count).put("a", after));
    }

    /** The children of a Listing; PLATFORM_CHANGED when the answer is not one. */
    static JsonNode children(JsonNode root) {
        if (root.isObject() && !"Listing".equals(root.path("kind").asText())) {
            throw ExportException.platformChanged(RedditPlatform.ID, "kind", "expected a Listing but found kind '"
                    + root.path("kind").asText() + "'");
        }
        return Json.requireArray(RedditPlatform.ID, root, "data.children");
    }

    /** The cursor after this page of a Listing; empty on the last page, an empty page or a repeated {@code after}. */
    Optional<ListingCursor> next(JsonNode listing) {
        String next = Things.text(listing.path("data"), "after");
        int size = listing.path("data").path("children").size();
        return next == null || next.isEmpty() || size == 0 || next.equals(after) ? Optional.empty()
                : Optional.of(new ListingCursor(count + size, next));
    }
}
