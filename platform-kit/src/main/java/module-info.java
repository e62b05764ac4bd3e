/**
 * The kit for platform authors: {@link io.starexport.kit.CursorCodec} (versioned, URL-safe cursors),
 * {@link io.starexport.kit.Json} (response bodies, required paths, tolerant optional readers) and
 * {@link io.starexport.kit.Values} (rounded counts, dates, relative times). Platform plugins depend on it
 * beside the api; it has no other dependency than Jackson.
 */
module io.starexport.kit {
    requires transitive io.starexport.api;
    requires transitive com.fasterxml.jackson.databind;

    exports io.starexport.kit;
}
