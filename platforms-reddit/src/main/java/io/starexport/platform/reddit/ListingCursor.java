package io.starexport.platform.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a listing continues: Reddit's {@code after} fullname and the {@code count} of items already
 * seen, written as {@code <count>:<after>} (for example {@code 100:t3_1skjxta}).
 *
 * @param count items already listed
 * @param after the fullname to continue after; null for the first page
 */
record ListingCursor(long count, String after) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,12}):(t[1-6]_[a-z0-9]{1,13})");

    static ListingCursor decode(String cursor) {
        if (cursor == null) {
            return new ListingCursor(0, null);
        }
        Matcher m = FORM.matcher(cursor);
        if (!m.matches()) {
            throw ExportException.of(ErrorCode.OUTPUT, "The Reddit listing cursor in the checkpoint is damaged; "
                    + "start the export again without it.");
        }
        return new ListingCursor(Long.parseLong(m.group(1)), m.group(2));
    }

    String encode() {
        return count + ":" + after;
    }

    /** The children of a Listing; PLATFORM_CHANGED when the answer is not one. */
    static JsonNode children(JsonNode root) {
        JsonNode children = root.path("data").path("children");
        if (!"Listing".equals(root.path("kind").asText()) || !children.isArray()) {
            throw ExportException.platformChanged(RedditPlatform.ID, "data.children", "expected a Listing but found "
                    + (root.isObject() ? "kind '" + root.path("kind").asText() + "'" : root.getNodeType()));
        }
        return children;
    }

    /** The cursor after this page of a Listing; empty on the last page, an empty page or a repeated {@code after}. */
    Optional<ListingCursor> next(JsonNode listing) {
        String next = Things.text(listing.path("data"), "after");
        int size = listing.path("data").path("children").size();
        return next == null || next.isEmpty() || size == 0 || next.equals(after) ? Optional.empty()
                : Optional.of(new ListingCursor(count + size, next));
    }
}
