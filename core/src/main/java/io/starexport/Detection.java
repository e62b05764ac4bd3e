package io.starexport;

import io.starexport.api.Content;
import io.starexport.api.Target;

import java.util.Objects;
import java.util.Set;

/**
 * What a URL is, as {@link StarExport#detect(String)} sees it.
 *
 * @param target       platform, kind, id and canonical URL
 * @param platformName the platform's display name
 * @param contents     what can be exported from it
 */
public record Detection(Target target, String platformName, Set<Content> contents) {
    public Detection {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(platformName, "platformName");
        contents = Set.copyOf(contents);
    }
}
