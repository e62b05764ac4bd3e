package io.starexport.writer.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.Target;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report on a 400 px wide screen in headless Chromium, as {@link HtmlReportInChromiumTest} opens it (skipped
 * when {@code /usr/bin/chromium} is missing): nothing is wider than the screen, no chart label overlaps another,
 * leaves its chart or is covered, replies sit under their parents and Reddit Markdown is formatted.
 */
class HtmlLayoutInChromiumTest {
    private static final Path SCREENSHOT = Path.of("target", "report-400px.png");
    private static final String SKIP_REASON = Chromium.BINARY
            + " is missing; install Debian's chromium package (apt-get install -y chromium) to run it";
    /** Every chart label: overlapping another, outside its figure, or not the element on top at its centre. */
    private static final String LABEL_PROBLEMS = """
            (() => {
              const problems = [];
              for (const figure of document.querySelectorAll('#charts figure')) {
                const box = figure.getBoundingClientRect();
                const labels = Array.from(figure.querySelectorAll('figcaption, .label'));
                const rects = labels.map(l => l.getBoundingClientRect());
                rects.forEach((r, i) => {
                  const name = labels[i].textContent;
                  if (r.width === 0 || r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom) {
                    problems.push('outside its chart: ' + name);
                  }
                  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                  if (!labels[i].contains(top)) { problems.push('covered: ' + name + ' by ' + (top && top.outerHTML)); }
                  rects.forEach((o, j) => {
                    if (j > i && !labels[j].contains(labels[i]) && !labels[i].contains(labels[j])
                        && r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom) {
                      problems.push('overlap: ' + name + ' / ' + labels[j].textContent);
                    }
                  });
                  if (labels[i].scrollWidth > labels[i].clientWidth + 1 && !labels[i].classList.contains('name')) {
                    problems.push('cut: ' + name);
                  }
                });
              }
              return problems;
            })()""";

    @TempDir
    static Path directory;
    private static Chromium chromium;

    @BeforeAll
    static void startChromium() throws Exception {
        if (!Chromium.installed()) {
            System.out.println("HtmlLayoutInChromiumTest skipped: " + SKIP_REASON);
            return;
        }
        Files.createDirectories(Path.of("target"));
        chromium = Chromium.launch(Files.createTempDirectory(Path.of("target"), "chromium-profile"));
        chromium.viewport(400, 900);
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(chromium != null, SKIP_REASON);
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void at400PixelsNothingIsWiderThanTheScreenAndNoLabelIsCovered() throws Exception {
        Path report = write(threadWithLongNames());

        chromium.open(report);
        chromium.screenshot(SCREENSHOT);

        assertThat(chromium.evaluate("window.innerWidth").asInt()).isEqualTo(400);
        assertThat(chromium.evaluate("document.documentElement.scrollWidth").asInt()).as("page width").isLessThanOrEqualTo(400);
        assertThat(chromium.evaluate("document.querySelectorAll('#charts .label').length").asInt())
                .as("scale, first and last day, ten names and ten counts").isEqualTo(23);
        assertThat(chromium.evaluate(LABEL_PROBLEMS)).isEmpty();
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void repliesAreShownIndentedUnderTheirParentsAndMarkdownIsFormatted() throws Exception {
        chromium.open(write(threadWithLongNames()));

        JsonNode shown = chromium.evaluate("Array.from(document.querySelectorAll('#table tbody tr'),"
                + " tr => tr.cells[2].className + '|' + tr.cells[2].textContent.trim())");
        List<String> cells = new ArrayList<>();
        shown.forEach(cell -> cells.add(cell.asText()));
        assertThat(cells.subList(0, 5)).containsExactly("long_text markdown|top 0 is bold",
                "long_text markdown depth-1|reply to 0", "long_text markdown depth-2|reply to the reply",
                "long_text markdown|top 1 is bold", "long_text markdown|top 2 is bold");
        assertThat(chromium.evaluate("document.querySelector('#table tbody td.markdown strong').textContent").asText())
                .isEqualTo("bold");
        JsonNode indents = chromium.evaluate("Array.from(document.querySelectorAll('#table tbody tr'), tr =>"
                + " tr.cells[2].getBoundingClientRect().left + parseFloat(getComputedStyle(tr.cells[2]).paddingLeft))"
                + ".slice(0, 3)");
        assertThat(indents.get(1).asDouble()).isGreaterThan(indents.get(0).asDouble());
        assertThat(indents.get(2).asDouble()).isGreaterThan(indents.get(1).asDouble());
    }

    /** Ten authors with long names over 60 days, and a two-level reply thread whose replies arrive last. */
    private static List<Item> threadWithLongNames() {
        List<Item> items = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        for (int i = 0; i < 120; i++) {
            String name = "Commenter number " + (i % 10) + " with a display name far too long for a phone screen";
            items.add(Comment.builder().platform("reddit").id("t" + i).postId("p1").text("top " + i + " is **bold**")
                    .likeCount((long) (1000 - i)).createdAt(start.plus(Duration.ofHours(12L * i)))
                    .author(Author.builder().id("u" + (i % 10)).displayName(name).build()).build());
        }
        items.add(Comment.builder().platform("reddit").id("r1").postId("p1").parentId("t0").depth(1).text("reply to 0")
                .createdAt(start).build());
        items.add(Comment.builder().platform("reddit").id("r2").postId("p1").parentId("r1").depth(2)
                .text("reply to the reply").createdAt(start).build());
        return items;
    }

    private static Path write(List<Item> items) throws Exception {
        Path file = Files.createTempFile(directory, "report", ".html");
        WriterOptions options = WriterOptions.ofDefaults(Content.COMMENTS).withTarget(Target.of("reddit",
                Target.Kind.POST, "p1", "https://www.reddit.com/r/java/comments/p1/"));
        try (OutputStream out = Files.newOutputStream(file); RecordWriter writer = new HtmlFormat().open(out, options)) {
            for (Item item : items) {
                writer.write(item);
            }
        }
        return file;
    }
}
