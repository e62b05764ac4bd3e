package io.starexport.core.internal.sandbox;

import io.starexport.api.Target;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.SampleStyle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one sandbox export derives from its query: the target, the seed every value grows from,
 * the platform's style and the fixed calendar. Immutable.
 */
final class Scene {
    /** Sample dates lie in the two years before this instant, never relative to the clock. */
    static final Instant ANCHOR = Instant.parse("2026-06-01T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(730);
    /** Comments fill this much of the span, newest last; the post they are on is a little older still. */
    static final double COMMENTS_SPAN = 0.98;
    /** Where in the span the post a URL names was published: before its comments, inside the two years. */
    static final double TARGET_POST_AGE = 0.985;
    /** How many sample people there are; the same people turn up across exports, as on a real platform. */
    static final long PEOPLE = 50_000;

    /** The attributes a COMMENT target may name its post with, as {@link SampleStyle} documents. */
    private static final List<String> POST_ID_ATTRIBUTES = List.of("postId", "videoId");

    final ExportQuery query;
    final Target target;
    final String platform;
    final long seed;
    final SampleStyle style;
    final Shape shape;

    Scene(ExportQuery query, SampleStyle style) {
        this.query = query;
        this.target = query.target();
        this.platform = target.platform();
        this.seed = Rng.seed(platform + ":" + target.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + target.id());
        this.style = style;
        this.shape = new Shape(this);
    }

    /** A generator for one numbered thing of one purpose (the salt names the purpose). */
    Rng rng(long salt, long index) {
        return Rng.of(seed ^ Rng.mix(salt), index);
    }

    /** A number derived from the seed for one purpose. */
    long derived(long salt) {
        return Rng.mix(seed ^ Rng.mix(salt));
    }

    /** The post or video the exported comments belong to. */
    String postId() {
        if (target.kind() == Target.Kind.COMMENT) {
            for (String name : POST_ID_ATTRIBUTES) {
                String value = target.attributes().get(name);
                if (value != null && !value.isEmpty()) {
                    return value;
                }
            }
        }
        return target.id();
    }

    Optional<String> attribute(String name) {
        return Optional.ofNullable(target.attributes().get(name)).filter(value -> !value.isEmpty());
    }

    /** The person who owns the target: the channel of a video, the poster of a post, the profile itself. */
    long ownerPerson() {
        return Math.floorMod(derived(Salt.OWNER), PEOPLE);
    }

    /** The instant a fraction of {@link #SPAN} before {@link #ANCHOR}, to the second as platforms report it. */
    static Instant before(double fractionOfSpan) {
        long seconds = (long) (SPAN.getSeconds() * fractionOfSpan);
        return ANCHOR.minusSeconds(Math.max(1, seconds));
    }

    /** Purposes of derived numbers, so that no two uses of the seed see the same stream. */
    static final class Salt {
        static final long OWNER = 1;
        static final long SIZE = 2;
        static final long BLOCK = 3;
        static final long THREAD = 4;
        static final long COMMENT = 5;
        static final long PERSON = 6;
        static final long RANK = 7;
        static final long POPULARITY = 8;
        static final long PINNED = 9;
        static final long REPLY_SHAPE = 10;
        static final long POST = 11;
        static final long POST_SIZE = 12;
        static final long TARGET_POST = 13;
        static final long PROFILE = 14;
        static final long ID = 15;
        static final long REPLY_TIME = 16;
        static final long REPLY_ID = 17;
        static final long TITLE = 18;

        private Salt() {
        }
    }
}
