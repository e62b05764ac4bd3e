package io.starexport;

import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.Sort;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Hosts;
import io.starexport.spi.Platform;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.RateLimit;
import io.starexport.spi.SampleStyle;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A platform with every kind of target, for sandbox tests: {@code https://kinds.example/KIND/ID} names a
 * target of that kind. It has no live extractor; only sandbox exports run. Contents by kind follow the
 * real platforms: comments and media of videos and posts, comments of a comment, posts, profile and media
 * of a profile, posts of lists.
 */
final class KindsPlatform implements Platform {
    static final String ID = "kinds";
    private final SampleStyle style;

    KindsPlatform(SampleStyle style) {
        this.style = style;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Kinds";
    }

    @Override
    public Optional<Target> resolve(URI url) {
        String[] path = url.getPath() == null ? new String[0] : url.getPath().split("/");
        if (!Hosts.matches(url.getHost(), "kinds.example") || path.length != 3) {
            return Optional.empty();
        }
        Target.Kind kind = Target.Kind.valueOf(path[1].toUpperCase(Locale.ROOT));
        return Optional.of(Target.of(ID, kind, path[2], url.toString()));
    }

    @Override
    public Set<Content> contents(Target.Kind kind) {
        return switch (kind) {
            case VIDEO, POST -> EnumSet.of(Content.COMMENTS, Content.MEDIA);
            case COMMENT -> EnumSet.of(Content.COMMENTS);
            case PROFILE -> EnumSet.of(Content.POSTS, Content.PROFILE, Content.MEDIA);
            case PLAYLIST, COMMUNITY, HASHTAG -> EnumSet.of(Content.POSTS);
        };
    }

    @Override
    public Set<Sort> sorts(Content content) {
        return EnumSet.allOf(Sort.class);
    }

    @Override
    public Extractor<? extends Item> extractor(ExportQuery query, PlatformContext context) {
        throw new UnsupportedOperationException("kinds.example has no live API; export it in sandbox mode");
    }

    @Override
    public RateLimit defaultRateLimit(Credentials credentials) {
        return RateLimit.perSecond(1000);
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of();
    }

    @Override
    public SampleStyle sampleStyle() {
        return style;
    }
}
