package io.starexport.platform.youtube;

import io.starexport.StarExport;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.Post;
import io.starexport.api.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With this module installed the engine resolves YouTube URLs with it, also in sandbox mode. */
class SandboxTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.youtube.com/watch?v=dQw4w9WgXcQ                 | COMMENTS
            https://youtu.be/dQw4w9WgXcQ?si=abc                         | MEDIA
            https://www.youtube.com/watch?v=xaQJbozY_Is&lc=UgwSOM0QHBLysE3vZE54AaABAg | COMMENTS
            https://www.youtube.com/@kurzgesagt                         | POSTS
            https://www.youtube.com/@kurzgesagt                         | COMMENTS
            https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw     | PROFILE
            https://www.youtube.com/playlist?list=PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw | POSTS
            """)
    void aSandboxExportOfEachKindYieldsYouTubeItems(String url, Content content) {
        List<Item> items;
        try (StarExport star = StarExport.builder().discovery(false).platform(new YouTubePlatform()).sandbox(true)
                .environment(Map.of()).build()) {
            items = star.export(url).<Item>content(content).replies(true).limit(50).stream().toList();
        }
        assertThat(items).isNotEmpty().allSatisfy(item -> {
            assertThat(item.platform()).isEqualTo("youtube");
            assertThat(item.extras()).containsEntry("sandbox", true);
            assertThat(item.content()).isEqualTo(content);
        });
    }

    @org.junit.jupiter.api.Test
    void theCiCommandsUrlGivesCommentsWithReplies() {
        List<Comment> comments;
        try (StarExport star = StarExport.builder().discovery(false).platform(new YouTubePlatform()).sandbox(true)
                .environment(Map.of()).build()) {
            comments = star.export("https://www.youtube.com/watch?v=dQw4w9WgXcQ").comments().replies(true).limit(200)
                    .stream().toList();
        }
        assertThat(comments).anySatisfy(c -> assertThat(c.depth()).isEqualTo(1));
        assertThat(comments).allSatisfy(c -> assertThat(c.postId()).isEqualTo("dQw4w9WgXcQ"));
    }

    @org.junit.jupiter.api.Test
    void sandboxItemsAreDeterministicAndTheirIdsAndUrlsAreOnesThisModuleResolves() {
        YouTubePlatform youtube = new YouTubePlatform();
        List<Comment> comments = sandboxComments("https://www.youtube.com/watch?v=dQw4w9WgXcQ");

        assertThat(sandboxComments("https://www.youtube.com/watch?v=dQw4w9WgXcQ")).isEqualTo(comments);
        assertThat(comments).hasSize(400).anySatisfy(c -> assertThat(c.depth()).isEqualTo(1)).allSatisfy(comment -> {
            Target target = youtube.resolve(URI.create(comment.url().orElseThrow())).orElseThrow();
            assertThat(target.kind()).isEqualTo(Target.Kind.COMMENT);
            assertThat(target.id()).isEqualTo(comment.id());
            assertThat(target.attributes()).containsEntry("videoId", "dQw4w9WgXcQ");
            assertThat(comment.depth()).isLessThanOrEqualTo(1);
            assertThat(comment.id()).matches(comment.depth() == 0 ? "Ug[w-z][A-Za-z0-9_-]{16}4AaABAg"
                    : comment.parentId().orElseThrow() + "\\.[A-Za-z0-9_-]{22}");
            Author author = comment.author().orElseThrow();
            Target channel = youtube.resolve(URI.create("https://www.youtube.com/channel/" + author.id().orElseThrow()))
                    .orElseThrow();
            assertThat(channel.id()).isEqualTo(author.id().orElseThrow());
            assertThat(youtube.resolve(URI.create(author.url().orElseThrow()))).hasValueSatisfying(profile ->
                    assertThat(profile.kind()).isEqualTo(Target.Kind.PROFILE));
            assertThat(author.displayName()).hasValue("@" + author.handle().orElseThrow());
        });
    }

    @org.junit.jupiter.api.Test
    void sandboxVideosAreOnesThisModuleResolves() {
        YouTubePlatform youtube = new YouTubePlatform();
        List<Post> videos;
        try (StarExport star = StarExport.builder().discovery(false).platform(youtube).sandbox(true)
                .environment(Map.of()).build()) {
            videos = star.export("https://www.youtube.com/@kurzgesagt").posts().limit(100).stream().toList();
        }
        assertThat(videos).hasSize(100).allSatisfy(video -> {
            Target target = youtube.resolve(URI.create(video.url().orElseThrow())).orElseThrow();
            assertThat(target.kind()).isEqualTo(Target.Kind.VIDEO);
            assertThat(target.id()).isEqualTo(video.id());
            assertThat(video.author().orElseThrow().handle()).hasValue("kurzgesagt");
            assertThat(video.extras()).containsKeys("channel_id", "duration", "category_id");
        });
    }

    private static List<Comment> sandboxComments(String url) {
        try (StarExport star = StarExport.builder().discovery(false).platform(new YouTubePlatform()).sandbox(true)
                .environment(Map.of()).build()) {
            return star.export(url).comments().replies(true).limit(400).stream().toList();
        }
    }
}
