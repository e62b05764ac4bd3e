package io.starexport.core.internal.sandbox;

import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.Sort;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Platform;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.RateLimit;

import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A built-in platform that exports from the sandbox. What each kind of target offers:
 * <ul>
 *   <li>VIDEO, POST: COMMENTS, MEDIA (the post's own files)</li>
 *   <li>COMMENT: COMMENTS (the comment and the replies under it)</li>
 *   <li>PROFILE: POSTS, PROFILE, MEDIA (the files of its posts)</li>
 *   <li>PLAYLIST, COMMUNITY, HASHTAG: POSTS</li>
 * </ul>
 * Comments can be sorted top, newest or oldest; posts come newest first. No HTTP happens, so the rate
 * limit is generous and the endpoints are informative only.
 */
abstract class SandboxPlatform implements Platform {
    private static final Map<Target.Kind, Set<Content>> CONTENTS = contents();

    private final String id;
    private final String displayName;
    private final List<Endpoint> endpoints;
    private final List<String> credentialNames;

    SandboxPlatform(String id, String displayName, List<Endpoint> endpoints, List<String> credentialNames) {
        this.id = id;
        this.displayName = displayName;
        this.endpoints = List.copyOf(endpoints);
        this.credentialNames = List.copyOf(credentialNames);
    }

    private static Map<Target.Kind, Set<Content>> contents() {
        Map<Target.Kind, Set<Content>> contents = new EnumMap<>(Target.Kind.class);
        Set<Content> ofPost = Collections.unmodifiableSet(EnumSet.of(Content.COMMENTS, Content.MEDIA));
        Set<Content> postsOnly = Collections.unmodifiableSet(EnumSet.of(Content.POSTS));
        contents.put(Target.Kind.VIDEO, ofPost);
        contents.put(Target.Kind.POST, ofPost);
        contents.put(Target.Kind.COMMENT, Collections.unmodifiableSet(EnumSet.of(Content.COMMENTS)));
        contents.put(Target.Kind.PROFILE,
                Collections.unmodifiableSet(EnumSet.of(Content.POSTS, Content.PROFILE, Content.MEDIA)));
        contents.put(Target.Kind.PLAYLIST, postsOnly);
        contents.put(Target.Kind.COMMUNITY, postsOnly);
        contents.put(Target.Kind.HASHTAG, postsOnly);
        return Collections.unmodifiableMap(contents);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final Optional<Target> resolve(URI url) {
        if (url == null || !Urls.isWeb(url)) {
            return Optional.empty();
        }
        return resolveWeb(url);
    }

    /** Resolves an absolute http(s) URL with a host. */
    abstract Optional<Target> resolveWeb(URI url);

    @Override
    public final Set<Content> contents(Target.Kind kind) {
        return CONTENTS.getOrDefault(kind, Set.of());
    }

    @Override
    public final Set<Sort> sorts(Content content) {
        return switch (content) {
            case COMMENTS -> Collections.unmodifiableSet(EnumSet.allOf(Sort.class));
            case POSTS -> Collections.unmodifiableSet(EnumSet.of(Sort.NEWEST));
            default -> Set.of();
        };
    }

    @Override
    public final Extractor<? extends Item> extractor(ExportQuery query, PlatformContext context) {
        return Sandbox.extractor(query);
    }

    @Override
    public final RateLimit defaultRateLimit(Credentials credentials) {
        return RateLimit.perSecond(1000);
    }

    @Override
    public final List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public final List<String> credentialNames() {
        return credentialNames;
    }

    /** A target of this platform. */
    final Target target(Target.Kind kind, String targetId, String url) {
        return Target.of(id, kind, targetId, url);
    }

    @Override
    public String toString() {
        return "sandbox " + id;
    }
}
