package io.starexport.platform.youtube;

import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Item;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
