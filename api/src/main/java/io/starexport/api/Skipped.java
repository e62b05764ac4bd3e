package io.starexport.api;

import java.util.Objects;

/**
 * An item that could not be parsed and was left out, so the rest of the export could go on.
 *
 * @param path   where in the platform's response the item was, for example {@code data.children[7]}
 * @param reason what was wrong with it
 */
public record Skipped(String path, String reason) {
    public Skipped {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
