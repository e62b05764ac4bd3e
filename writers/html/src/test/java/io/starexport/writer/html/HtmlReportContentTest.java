package io.starexport.writer.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.Profile;
import io.starexport.api.Target;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the report shows beyond the table: Markdown, reply threads, the header, and a profile export. */
class HtmlReportContentTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern DATA = Pattern.compile("<script type=\"application/json\" class=\"rows\">(.*?)</script>",
            Pattern.DOTALL);
    private static final Target REDDIT_POST = Target.of("reddit", Target.Kind.POST, "1abcde",
            "https://www.reddit.com/r/java/comments/1abcde/");

    /** Reddit comment bodies are Markdown with HTML entities (reddit.com/dev/api, {@code body}). */
    @Test
    void redditMarkdownBecomesFormattingAndNothingElse() throws IOException {
        String body = "**Bold** and *italic*, `code`, [a link](https://example.com/x) and"
                + " [a trap](javascript:alert(1)) ![img](https://tracker.example/p.png)\n\n> quoted\n\n- one\n- two\n\n"
                + "<b onmouseover=alert(1)>raw</b> &amp; &lt;script&gt;";
        Comment reddit = comment("reddit", "c1", null, 0, body).likeCount(50L).build();

        String page = write(WriterOptions.ofDefaults(Content.COMMENTS), List.of(reddit));

        JsonNode tree = rows(page).get(0).get(2);
        assertThat(tree.isArray()).isTrue();
        String json = tree.toString();
        assertThat(json).contains("[\"strong\",\"\",\"Bold\"]", "[\"em\",\"\",\"italic\"]", "[\"code\",\"\",\"code\"]",
                "[\"a\",\"https://example.com/x\",\"a link\"]", "[\"a\",\"https://tracker.example/p.png\",\"img\"]",
                "\"blockquote\"", "[\"li\",\"\",[\"p\",\"\",\"one\"]]", "\"a trap\"",
                "<b onmouseover=alert(1)>", " & <script>");
        assertThat(json).doesNotContain("javascript:", "[\"img\"");
        String liked = section(page, "liked");
        assertThat(liked).contains("<strong>Bold</strong>", "<em>italic</em>",
                "<a href=\"https://example.com/x\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">a link</a>",
                "&lt;b onmouseover=alert(1)&gt;raw&lt;/b&gt; &amp; &lt;script&gt;", "<blockquote>");
        assertThat(liked).doesNotContain("javascript:", "<img", "<b ");
    }

    @Test
    void otherPlatformsTextStaysPlainText() throws IOException {
        Comment youtube = comment("youtube", "c1", null, 0, "**not markdown** on YouTube").build();

        JsonNode text = rows(write(WriterOptions.ofDefaults(Content.COMMENTS), List.of(youtube))).get(0).get(2);

        assertThat(text.isTextual()).isTrue();
        assertThat(text.asText()).isEqualTo("**not markdown** on YouTube");
    }

    @Test
    void commentRowsCarryIdParentAndDepthForThreading() throws IOException {
        List<Item> comments = List.of(comment("youtube", "a", null, 0, "top").build(),
                comment("youtube", "b", null, 0, "other").build(), comment("youtube", "a.1", "a", 1, "reply").build());

        List<JsonNode> rows = rows(write(WriterOptions.ofDefaults(Content.COMMENTS), comments));

        assertThat(rows.get(2).toString()).endsWith("\"a.1\",\"a\",1]");
        assertThat(rows.get(0).toString()).endsWith("\"a\",\"\",0]");
    }

    @Test
    void headerNamesThePostTitleAndTheExportTime() throws IOException {
        Instant before = Instant.now();
        Comment comment = comment("reddit", "c1", null, 0, "hi").extra("link_title", "What is new in Java 25?")
                .build();

        String page = write(WriterOptions.ofDefaults(Content.COMMENTS).withTarget(REDDIT_POST), List.of(comment));

        Instant after = Instant.now();
        String summary = section(page, "summary");
        assertThat(summary).startsWith("<h1>What is new in Java 25?</h1><p class=\"exported\">Comments exported ");
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
        assertThat(summary).containsAnyOf(minutes.format(before) + " UTC", minutes.format(after) + " UTC");
        assertThat(summary).contains("from <a href=\"https://www.reddit.com/r/java/comments/1abcde/\"");
    }

    @Test
    void aProfileExportShowsTheProfileWithoutEmptyCharts() throws IOException {
        Target account = Target.of("tiktok", Target.Kind.PROFILE, "scout2015", "https://www.tiktok.com/@scout2015");
        WriterOptions options = WriterOptions.ofDefaults(Content.PROFILE).withTarget(account);
        Profile profile = Profile.builder().platform("tiktok").id("6745191554350760966")
                .author(Author.builder().handle("scout2015").displayName("Scout").build()).bio("Hi").followerCount(10L)
                .build();

        String page = write(options, List.of(profile));
        String empty = write(options, List.of());

        assertThat(section(page, "summary")).contains("<dd>1 profile</dd>").doesNotContain("Date range", "Authors");
        assertThat(page).doesNotContain("id=\"charts\"", "No dates", "No authors", "id=\"liked\"");
        assertThat(section(empty, "summary")).contains("No profile was exported: the account may not exist any more,"
                + " be private, or be out of reach of the credentials used.");
    }

    static Comment.Builder comment(String platform, String id, String parent, int depth, String text) {
        return Comment.builder().platform(platform).id(id).postId("p1").parentId(parent).depth(depth).text(text)
                .createdAt(Instant.parse("2026-03-01T12:00:00Z"))
                .author(Author.builder().id("u-" + id).displayName("Author " + id).build());
    }

    private static String write(WriterOptions options, List<Item> items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RecordWriter writer = new HtmlFormat().open(bytes, options)) {
            for (Item item : items) {
                writer.write(item);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> rows(String page) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        Matcher blocks = DATA.matcher(page);
        while (blocks.find()) {
            MAPPER.readTree(blocks.group(1)).forEach(rows::add);
        }
        return rows;
    }

    private static String section(String page, String id) {
        String start = "<section id=\"" + id + "\">";
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from + start.length(), page.indexOf("</section>", from));
    }
}
