package io.starexport.writer.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.Target;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page as bytes: what it loads, how it escapes, what the summary says. The browser test renders it. */
class HtmlFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final WriterOptions COMMENTS = WriterOptions.ofDefaults(Content.COMMENTS);
    private static final Pattern DATA = Pattern.compile("<script type=\"application/json\" class=\"rows\">(.*?)</script>",
            Pattern.DOTALL);

    private final OutputFormat html = new HtmlFormat();

    @Test
    void thePageReferencesNothingOutsideItself() throws IOException {
        String page = write(COMMENTS, Payloads.comments(50));

        assertThat(page).doesNotContainPattern("(?i)<[a-z][^<>]*\\ssrc\\s*=").doesNotContainPattern("(?i)<link\\b")
                .doesNotContainPattern("(?i)url\\(").doesNotContainPattern("(?i)@import");
        assertThat(page).containsPattern("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "script-src 'sha256-[A-Za-z0-9+/=]{44}'; style-src 'sha256-[A-Za-z0-9+/=]{44}'; img-src data:; base-uri 'none'; "
                + "form-action 'none'\">");
        Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(page);
        while (hrefs.find()) {
            assertThat(hrefs.group(1)).startsWith("https://www.youtube.com/");
        }
    }

    @Test
    void platformTextNeverReachesThePageAsMarkup() throws IOException {
        String page = write(COMMENTS, Payloads.comments(5));

        assertThat(page).doesNotContain("<img", "<x-pwned", "<script>document", "pwned-link\"", "<!--");
        Matcher data = DATA.matcher(page);
        assertThat(data.find()).isTrue();
        assertThat(data.group(1)).as("JSON data").doesNotContain("\u2028", "\u2029");
        assertThat(count(page, "</script>")).as("one per script element").isEqualTo(count(page, "<script"));
        assertThat(page).contains("&quot;&gt;&lt;img src=x onerror=&quot;document.title=&#39;pwned-img&#39;&quot;&gt;");
        assertThat(page).contains("\\u003C/script\\u003E\\u003Cscript\\u003Edocument.body.appendChild(");
        assertThat(page).contains("before\\u2028after\\u2029end");
    }

    @Test
    void rowsAreJsonThatGivesBackTheExactText() throws IOException {
        List<Item> items = Payloads.comments(3);

        List<JsonNode> rows = rows(write(COMMENTS, items));

        assertThat(rows).hasSize(items.size());
        assertThat(rows.get(0).get(2).asText()).isEqualTo(Payloads.SCRIPT);
        assertThat(rows.get(1).get(1).asText()).isEqualTo(Payloads.IMAGE);
        assertThat(rows.get(2).get(2).asText()).isEqualTo(Payloads.END_OF_DATA + " " + Payloads.SEPARATOR);
        assertThat(rows.get(2).get(6).asText()).as("a javascript: link is dropped").isEmpty();
        assertThat(rows.get(0).get(0).asLong()).isEqualTo(Payloads.START.toEpochMilli());
        assertThat(rows.get(0).get(3).asLong()).isEqualTo(900);
        assertThat(rows.get(0).get(4).isNull()).as("reply count not reported").isTrue();
        assertThat(rows.get(3).get(6).asText()).isEqualTo("https://www.youtube.com/watch?v=v1&lc=c0");
    }

    @Test
    void rowsReachTheStreamBeforeTheReportIsClosed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RecordWriter writer = html.open(bytes, COMMENTS);
        for (Item item : Payloads.comments(2_500)) {
            writer.write(item);
        }
        writer.flush();

        String partial = bytes.toString(StandardCharsets.UTF_8);
        assertThat(rows(partial)).as("two whole blocks").hasSize(2_000);
        assertThat(partial).contains("lc=c2499\",\"c2499\"").doesNotContain("id=\"summary\"");

        writer.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("</html>\n");
    }

    @Test
    void summaryNamesTheExportedTargetWhenTheEngineGivesIt() throws IOException {
        Target video = Target.of("youtube", Target.Kind.VIDEO, "v1", "https://www.youtube.com/watch?v=v1");

        String page = write(COMMENTS.withTarget(video), Payloads.comments(2));

        assertThat(section(page, "summary"))
                .contains("<dt>Target</dt><dd>video v1 (https://www.youtube.com/watch?v=v1)</dd>");
    }

    @Test
    void summaryNamesPlatformTargetCountsAndDateRange() throws IOException {
        List<Item> items = new ArrayList<>(Payloads.comments(4));
        items.add(Comment.builder().platform("youtube").id("r1").postId("v1").parentId("c0").text("a reply")
                .createdAt(Instant.parse("2026-03-09T23:59:00Z")).build());

        String page = write(COMMENTS, items);

        String summary = section(page, "summary");
        assertThat(summary).contains("<h1>Comments report</h1>", "<dt>Platform</dt><dd>youtube</dd>",
                "<dt>Target</dt><dd>post v1</dd>", "<dt>Items</dt><dd>8 comments (7 top-level, 1 reply)</dd>",
                "<dt>Authors</dt><dd>7</dd>", "<dt>Date range</dt><dd>2026-03-01 08:00 – 2026-03-09 23:59 UTC</dd>");
        String charts = section(page, "charts");
        assertThat(charts).contains("<title>2026-03-01: 7</title>", "<title>2026-03-05: 0</title>",
                "<title>2026-03-09: 1</title>");
        assertThat(count(charts, "<rect")).as("nine days").isEqualTo(9);
        assertThat(count(charts, "<meter")).as("seven authors").isEqualTo(7);
    }

    @Test
    void mostLikedListsTheTenWithTheMostLikesInOrder() throws IOException {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(Payloads.comment("c" + i, "comment " + i, "u" + i, "U" + i, (i * 37L) % 30, Payloads.START));
        }

        String liked = section(write(COMMENTS, items), "liked");

        List<String> likes = new ArrayList<>();
        Matcher matcher = Pattern.compile("<p class=\"meta\">(\\d+) likes").matcher(liked);
        while (matcher.find()) {
            likes.add(matcher.group(1));
        }
        assertThat(likes).containsExactly("29", "28", "27", "26", "25", "24", "23", "22", "21", "20");
    }

    @Test
    void authorsPastTheCapacityAreEstimatedAndTheHeaviestStaysOnTop() {
        Aggregates aggregates = new Aggregates();
        for (int i = 0; i < Aggregates.AUTHOR_CAPACITY * 3; i++) {
            aggregates.add(Payloads.comment("c" + i, "x", "once" + i, "Once " + i, 0, Payloads.START));
            if (i % 3 == 0) {
                aggregates.add(Payloads.comment("h" + i, "x", "heavy", "Heavy", 0, Payloads.START));
            }
        }

        assertThat(aggregates.authorsEstimated).isTrue();
        assertThat(aggregates.topAuthors(1)).singleElement()
                .satisfies(top -> assertThat(top.label()).isEqualTo("Heavy"));
        assertThat(aggregates.authors()).isLessThanOrEqualTo(Aggregates.AUTHOR_CAPACITY);
    }

    @Test
    void everyContentHasAReport() throws IOException {
        Author author = Author.builder().handle("zoe").displayName("Zoë").build();
        List<Item> items = List.of(
                Post.builder().platform("instagram").id("p1").author(author).title("A title").text("caption")
                        .likeCount(5L).viewCount(12_345_678_901L).createdAt(Payloads.START).build(),
                Profile.builder().platform("tiktok").id("u1").author(author).bio("bio <b>").followerCount(3L).build(),
                MediaItem.builder().platform("instagram").id("m1").postId("p1").index(0)
                        .media(Media.of(Media.Type.IMAGE, "https://cdn.example/1.jpg")).build());

        for (Item item : items) {
            String page = write(WriterOptions.ofDefaults(item.content()), List.of(item));
            List<JsonNode> rows = rows(page);
            JsonNode columns = MAPPER.readTree(between(page, "<script type=\"application/json\" id=\"columns\">", "</script>"));
            assertThat(rows).singleElement().satisfies(row -> assertThat(row.size()).isEqualTo(columns.size()));
            assertThat(page).contains("<dd>1 ");
        }
        assertThat(rows(write(WriterOptions.ofDefaults(Content.POSTS), List.of(items.get(0)))).get(0).get(6).asLong())
                .isEqualTo(12_345_678_901L);
    }

    @Test
    void anEmptyReportSaysWhyInsteadOfShowingEmptyCharts() throws IOException {
        String page = write(COMMENTS, List.of());

        assertThat(rows(page)).isEmpty();
        assertThat(section(page, "summary")).contains("<dd>0 comments</dd>", "<dt>Date range</dt><dd>–</dd>",
                "No comments were exported: the target has none, they are hidden, or none matched the export&#39;s filters.");
        assertThat(page).doesNotContain("id=\"charts\"");
    }

    @Test
    void otherItemTypesAndResumingAreRefused() throws IOException {
        RecordWriter writer = html.open(new ByteArrayOutputStream(), COMMENTS);
        Item profile = Profile.builder().platform("tiktok").id("u1").build();

        assertThatThrownBy(() -> writer.write(profile)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot show an item of PROFILE");
        assertThat(html.appendable()).isFalse();
        assertThatThrownBy(() -> html.open(new ByteArrayOutputStream(), COMMENTS.resuming(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot continue a partial file");
    }

    private String write(WriterOptions options, List<Item> items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RecordWriter writer = html.open(bytes, options)) {
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
        return between(page, "<section id=\"" + id + "\">", "</section>");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return text.substring(from + start.length(), text.indexOf(end, from));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
