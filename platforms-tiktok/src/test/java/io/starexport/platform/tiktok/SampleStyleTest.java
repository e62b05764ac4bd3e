package io.starexport.platform.tiktok;

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
 * Sandbox items in TikTok's style: deterministic, with 19-digit ids and URLs this module's own URL parser
 * reads back, so the sample style cannot drift from {@link TikTokUrls}.
 */
class SampleStyleTest {
    private final TikTokPlatform tiktok = new TikTokPlatform();

    @Test
    void videosAreDeterministicAndResolveBackToThemselves() {
        List<Post> videos = videos();

        assertThat(videos()).isEqualTo(videos);
        assertThat(videos).hasSize(200).allSatisfy(video -> {
            Target target = tiktok.resolve(URI.create(video.url().orElseThrow())).orElseThrow();
            assertThat(target.kind()).isEqualTo(Target.Kind.VIDEO);
            assertThat(target.id()).isEqualTo(video.id()).matches("[0-9]{19}");
            assertThat(target.attributes()).containsEntry("author", "khaby.lame");
            assertThat(video.viewCount()).isPresent();
        });
    }

    @Test
    void commentsHave19DigitIdsAndAuthorsThisModuleResolves() {
        List<Comment> comments;
        try (StarExport star = engine()) {
            comments = star.export("https://www.tiktok.com/@shanu3_007/video/7603296357641735445").comments()
                    .replies(true).limit(300).stream().toList();
        }
        assertThat(comments).hasSize(300).allSatisfy(comment -> {
            assertThat(comment.id()).matches("[0-9]{19}");
            assertThat(comment.postId()).isEqualTo("7603296357641735445");
            assertThat(comment.extras()).containsKey("language");
            assertThat(comment.author().orElseThrow().id()).hasValueSatisfying(id -> assertThat(id).matches("[0-9]{19}"));
            assertThat(tiktok.resolve(URI.create(comment.author().orElseThrow().url().orElseThrow())))
                    .hasValueSatisfying(profile -> assertThat(profile.kind()).isEqualTo(Target.Kind.PROFILE));
        });
    }

    private List<Post> videos() {
        try (StarExport star = engine()) {
            return star.export("https://www.tiktok.com/@khaby.lame").posts().limit(200).stream().toList();
        }
    }

    private StarExport engine() {
        return StarExport.builder().discovery(false).platform(tiktok).sandbox(true).environment(Map.of()).build();
    }
}
