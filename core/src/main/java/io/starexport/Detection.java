package io.starexport;

import io.starexport.api.Content;
import io.starexport.api.Target;

import io.starexport.core.internal.Engine;

import java.util.Objects;
import java.util.Optional;
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

    /**
     * What an export of this URL gives when no content is chosen: what the URL names, such as the comments
     * of a user's comments page; else the comments of a video, post or comment; the posts of a profile,
     * playlist, community or hashtag; otherwise the first content offered in {@link Content} order. Empty
     * when nothing can be exported.
     */
    public Optional<Content> defaultContent() {
        return Engine.defaultContent(target, contents);
    }
}
