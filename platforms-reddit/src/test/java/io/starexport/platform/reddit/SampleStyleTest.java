package io.starexport.platform.reddit;

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
 * Sandbox items in Reddit's style: deterministic, with ids, fullnames and URLs this module's own URL parser
 * reads back, so the sample style cannot drift from {@link RedditUrls}.
 */
class SampleStyleTest {
    private static final String POST = "https://www.reddit.com/r/java/comments/1abcdef/some_title/";
    private final RedditPlatform reddit = new RedditPlatform();

    @Test
    void commentsAreDeterministicNestDownToDepthThreeAndResolveBackToThemselves() {
        List<Comment> comments = comments(POST, 1000);

        assertThat(comments(POST, 1000)).isEqualTo(comments);
        assertThat(comments).extracting(Comment::depth).contains(0, 1, 2, 3).allSatisfy(depth ->
                assertThat(depth).isLessThanOrEqualTo(3));
        assertThat(comments).allSatisfy(comment -> {
            assertThat(comment.id()).matches("[a-z0-9]{7}");
            Target target = reddit.resolve(URI.create(comment.url().orElseThrow())).orElseThrow();
            assertThat(target.kind()).isEqualTo(Target.Kind.COMMENT);
            assertThat(target.id()).isEqualTo(comment.id());
            assertThat(target.attributes()).containsEntry("postId", "1abcdef").containsEntry("subreddit", "java");
            assertThat(comment.extras()).containsEntry("fullname", "t1_" + comment.id())
                    .containsEntry("parent_fullname", comment.parentId().map(id -> "t1_" + id).orElse("t3_1abcdef"))
                    .containsEntry("subreddit", "java");
            comment.author().ifPresent(author -> {
                assertThat(author.id()).hasValueSatisfying(id -> assertThat(id).matches("t2_[a-z0-9]{8}"));
                assertThat(author.displayName()).isEmpty();
                assertThat(reddit.resolve(URI.create(author.url().orElseThrow()))).hasValueSatisfying(profile -> {
                    assertThat(profile.kind()).isEqualTo(Target.Kind.PROFILE);
                    assertThat(profile.id()).isEqualTo(author.handle().orElseThrow());
                });
            });
        });
    }

    @Test
    void someCommentsAreDeletedWithoutAnAuthor() {
        List<Comment> deleted = comments(POST, 1000).stream()
                .filter(comment -> Boolean.TRUE.equals(comment.extras().get("deleted"))).toList();

        assertThat(deleted).isNotEmpty().allSatisfy(comment -> {
            assertThat(comment.author()).isEmpty();
            assertThat(comment.text()).isEqualTo("[deleted]");
        });
    }

    @Test
    void postsOfASubredditResolveBackToThemselves() {
        List<Post> posts;
        try (StarExport star = engine()) {
            posts = star.export("https://www.reddit.com/r/java/").posts().limit(200).stream().toList();
        }
        assertThat(posts).hasSize(200).allSatisfy(post -> {
            Target target = reddit.resolve(URI.create(post.url().orElseThrow())).orElseThrow();
            assertThat(target.kind()).isEqualTo(Target.Kind.POST);
            assertThat(target.id()).isEqualTo(post.id());
            assertThat(post.title()).isPresent();
            assertThat(post.extras()).containsEntry("fullname", "t3_" + post.id()).containsEntry("subreddit", "java");
        });
    }

    private List<Comment> comments(String url, long limit) {
        try (StarExport star = engine()) {
            return star.export(url).comments().replies(true).limit(limit).stream().toList();
        }
    }

    private StarExport engine() {
        return StarExport.builder().discovery(false).platform(reddit).sandbox(true).environment(Map.of()).build();
    }
}
