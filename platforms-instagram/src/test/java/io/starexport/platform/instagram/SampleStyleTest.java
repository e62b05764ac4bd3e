package io.starexport.platform.instagram;

import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.Post;
import io.starexport.api.Target;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sandbox items in Instagram's style: deterministic, with shortcodes and URLs this module's own URL parser
 * and {@link Shortcodes} read back, so the sample style cannot drift from them.
 */
class SampleStyleTest {
    private final InstagramPlatform instagram = new InstagramPlatform();

    @Test
    void postsAreDeterministicAndTheirShortcodesDecodeToTheirMediaIds() {
        List<Post> posts = posts();

        assertThat(posts()).isEqualTo(posts);
        assertThat(posts).hasSize(200).allSatisfy(post -> {
            Target target = instagram.resolve(URI.create(post.url().orElseThrow())).orElseThrow();
            assertThat(target.kind()).isEqualTo(Target.Kind.POST);
            assertThat(target.id()).isEqualTo(post.id());
            assertThat(post.id()).hasSize(11);
            assertThat(target.attributes().get("mediaId")).matches("[0-9]{19}");
            assertThat(post.author().orElseThrow().handle()).hasValue("natgeo");
            assertThat(post.media()).hasSizeBetween(1, 4);
            assertThat(post.extras()).containsEntry("shortcode", post.id());
        });
    }

    @Test
    void commentsHaveNumericIdsAndAuthorsThisModuleResolves() {
        String url = "https://www.instagram.com/p/CAnqPB-Jzcj/";
        List<Comment> comments;
        try (StarExport star = engine()) {
            comments = star.export(url).comments().replies(true).limit(300).stream().toList();
        }
        String mediaId = instagram.resolve(URI.create(url)).orElseThrow().attributes().get("mediaId");
        assertThat(comments).hasSize(300).anySatisfy(c -> assertThat(c.depth()).isEqualTo(1)).allSatisfy(comment -> {
            assertThat(comment.id()).matches("17[0-9]{15}");
            assertThat(comment.depth()).isLessThanOrEqualTo(1);
            assertThat(comment.extras()).containsEntry("media_id", mediaId);
            assertThat(comment.author().orElseThrow().id()).hasValueSatisfying(id -> assertThat(id).matches("[0-9]{11}"));
            assertThat(instagram.resolve(URI.create(comment.author().orElseThrow().url().orElseThrow())))
                    .hasValueSatisfying(profile -> assertThat(profile.id())
                            .isEqualTo(comment.author().orElseThrow().handle().orElseThrow()));
        });
    }

    private List<Post> posts() {
        try (StarExport star = engine()) {
            return star.export("https://www.instagram.com/natgeo/").posts().limit(200).stream().toList();
        }
    }

    private StarExport engine() {
        return StarExport.builder().discovery(false).platform(instagram).sandbox(true).environment(Map.of()).build();
    }
}
