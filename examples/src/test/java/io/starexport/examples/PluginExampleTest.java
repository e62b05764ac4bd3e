package io.starexport.examples;

import io.starexport.PlatformInfo;
import io.starexport.StarExport;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Post;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin example (a third-party Hacker News platform and a Markdown writer, both found by
 * ServiceLoader) and the Markdown writer on its own. The expected rows come from the bundled item
 * {@code src/main/resources/io/starexport/examples/hackernews-item.json}, a synthetic answer in the shape
 * of the HN Search API's {@code GET /api/v1/items/:id} (https://hn.algolia.com/api).
 */
class PluginExampleTest {
    @TempDir
    Path dir;

    @Test
    void exportsTheHackerNewsThreadToAMarkdownTable() throws Exception {
        Path md = dir.resolve("thread.md");
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            PluginExample.main(new String[] {md.toString()});
        } finally {
            System.setOut(original);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("3 comments exported of 4 reported by hackernews");
        assertThat(Files.readAllLines(md)).containsExactly(
                "| id | parent | depth | author | created | comment |",
                "| --- | --- | --- | --- | --- | --- |",
                "| 42000010 |  | 0 | grace | 2025-03-01T10:05:00Z "
                        + "| Does it survive a pipe \\| in a comment? It's the classic table breaker. |",
                "| 42000012 | 42000010 | 1 | ada | 2025-03-01T10:20:00Z "
                        + "| Yes, they are escaped.<br><br>Line breaks become \\<br> tags, so a reply stays in one row. |",
                "| 42000013 | 42000011 | 1 | alan | 2025-03-01T11:00:00Z | The source: https://example.com/exporter/src |");
    }

    @Test
    void bothPluginsAreFoundByServiceLoader() {
        try (StarExport star = StarExport.builder().environment(Map.of()).build()) {
            assertThat(star.platforms()).extracting(PlatformInfo::id).contains("hackernews");
            assertThat(star.platforms()).filteredOn(info -> info.id().equals("hackernews"))
                    .singleElement().satisfies(info -> assertThat(info.endpoints())
                            .containsEntry("api", java.net.URI.create("https://hn.algolia.com")));
            assertThat(star.formats()).extracting(OutputFormat::id).contains("markdown");
        }
    }

    private static String write(WriterOptions options, Object... items) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter writer = new MarkdownFormat().open(out, options)) {
            for (Object item : items) {
                writer.write((io.starexport.api.Item) item);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Comment comment(String id, String text) {
        return Comment.builder().platform("hackernews").id(id).postId("1")
                .author(Author.builder().handle("ada").build())
                .createdAt(Instant.parse("2025-03-01T10:00:00Z")).text(text).build();
    }

    @Test
    void cellsCannotBreakTheTable() throws IOException {
        String table = write(WriterOptions.ofDefaults(Content.COMMENTS),
                comment("7", "a | b \\| c <script>\r\nnext line\rlast"));

        assertThat(table.lines()).element(2).isEqualTo(
                "| 7 |  | 0 | ada | 2025-03-01T10:00:00Z | a \\| b \\\\\\| c \\<script><br>next line<br>last |");
    }

    @Test
    void postsHaveTheirOwnColumns() throws IOException {
        Post post = Post.builder().platform("hackernews").id("1").title("Show HN: a | b").likeCount(57L).build();

        assertThat(write(WriterOptions.ofDefaults(Content.POSTS), post).lines()).containsExactly(
                "| id | author | created | title | text | likes | comments |",
                "| --- | --- | --- | --- | --- | --- | --- |",
                "| 1 |  |  | Show HN: a \\| b |  | 57 |  |");
    }

    @Test
    void aResumedFileContinuesTheTableWithoutASecondHeader() throws IOException {
        assertThat(write(WriterOptions.ofDefaults(Content.COMMENTS).resuming(2), comment("9", "more")))
                .isEqualTo("| 9 |  | 0 | ada | 2025-03-01T10:00:00Z | more |\n");
    }
}
