package io.starexport.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a URL points at on a platform: a video, a post, one comment, a profile and so on.
 *
 * @param platform   platform id, for example {@code "youtube"}
 * @param kind       what sort of thing the URL names
 * @param id         the platform's id of it (video id, post id, handle…)
 * @param url        the canonical URL, whatever shape the input URL had
 * @param attributes further ids a platform needs, for example the post id of a comment target;
 *                   ordered and immutable. A {@code content} attribute (a {@link Content} name) says the URL
 *                   names what to export, like a user's comments page: an export that chooses no content
 *                   exports that one
 */
public record Target(String platform, Kind kind, String id, String url, Map<String, String> attributes) {

    /** What sort of thing a target is. */
    public enum Kind {
        /** A video (YouTube, TikTok). */
        VIDEO,
        /** A post, reel or submission. */
        POST,
        /** One comment and the replies under it. */
        COMMENT,
        /** A user, channel or account. */
        PROFILE,
        /** A playlist. */
        PLAYLIST,
        /** A community or subreddit. */
        COMMUNITY,
        /** A hashtag or tag page. */
        HASHTAG
    }

    public Target {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(attributes, "attributes")));
    }

    /** A target without attributes. */
    public static Target of(String platform, Kind kind, String id, String url) {
        return new Target(platform, kind, id, url, Map.of());
    }

    /** A copy with one more attribute. */
    public Target withAttribute(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Target(platform, kind, id, url, copy);
    }
}
