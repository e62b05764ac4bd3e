package io.starexport.examples.hackernews;

import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.Item;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Platform;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.RateLimit;
import io.starexport.spi.SampleStyle;
import io.starexport.spi.SampleStyle.IdShape;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A third-party plugin gets sandbox data with no code in core: the engine resolves the URL with the
 * plugin and makes up items in the plugin's sample style, or in the generic one when it has none.
 */
class HackerNewsSandboxTest {
    private static final String STORY = "https://news.ycombinator.com/item?id=41000001";

    /** Hacker News items: numeric ids, lower-case user names without display names, nested replies. */
    private static final SampleStyle HN = SampleStyle.builder()
            .commentIds(IdShape.digits(7).withPrefix("41")).postIds(IdShape.digits(7).withPrefix("41"))
            .userIds(IdShape.of(IdShape.BASE36, 8).withPrefix("u")).handles(SampleStyle.Handles.LOWER)
            .displayNames(SampleStyle.DisplayNames.NONE).profileUrls("https://news.ycombinator.com/user?id={handle}")
            .maxReplyDepth(3)
            .comments((comment, sample) -> comment.url("https://news.ycombinator.com/item?id=" + sample.id()))
            .build();

    @Test
    void withoutAStyleOfItsOwnTheExampleGetsGenericSandboxItems() {
        List<Comment> comments = export(new HackerNewsPlatform());

        assertThat(export(new HackerNewsPlatform())).isEqualTo(comments);
        assertThat(comments).hasSize(200).allSatisfy(comment -> {
            assertThat(comment.platform()).isEqualTo("hackernews");
            assertThat(comment.postId()).isEqualTo("41000001");
            assertThat(comment.id()).matches("c[a-z0-9]{9}");
            assertThat(comment.extras()).containsEntry("sandbox", true);
        });
    }

    @Test
    void withAStyleTheSandboxItemsLookLikeHackerNewsAndResolveBack() {
        HackerNewsPlatform hackerNews = new HackerNewsPlatform();
        List<Comment> comments = export(new Styled(hackerNews, HN));

        assertThat(comments).hasSize(200).anySatisfy(c -> assertThat(c.depth()).isGreaterThan(1)).allSatisfy(comment -> {
            assertThat(comment.id()).matches("41[0-9]{7}");
            assertThat(comment.author().orElseThrow().url()).hasValue("https://news.ycombinator.com/user?id="
                    + comment.author().orElseThrow().handle().orElseThrow());
            Target target = hackerNews.resolve(URI.create(comment.url().orElseThrow())).orElseThrow();
            assertThat(target.id()).isEqualTo(comment.id());
        });
    }

    private static List<Comment> export(Platform platform) {
        try (StarExport star = StarExport.builder().discovery(false).platform(platform).sandbox(true)
                .environment(Map.of()).build()) {
            return star.export(STORY).comments().replies(true).limit(200).stream().toList();
        }
    }

    /** The example platform with a sample style, as its author would add with one override. */
    private record Styled(Platform platform, SampleStyle style) implements Platform {
        @Override
        public String id() {
            return platform.id();
        }

        @Override
        public String displayName() {
            return platform.displayName();
        }

        @Override
        public Optional<Target> resolve(URI url) {
            return platform.resolve(url);
        }

        @Override
        public Set<io.starexport.api.Content> contents(Target.Kind kind) {
            return platform.contents(kind);
        }

        @Override
        public Extractor<? extends Item> extractor(ExportQuery query, PlatformContext context) {
            return platform.extractor(query, context);
        }

        @Override
        public RateLimit defaultRateLimit(Credentials credentials) {
            return platform.defaultRateLimit(credentials);
        }

        @Override
        public List<Endpoint> endpoints() {
            return platform.endpoints();
        }

        @Override
        public SampleStyle sampleStyle() {
            return style;
        }
    }
}
