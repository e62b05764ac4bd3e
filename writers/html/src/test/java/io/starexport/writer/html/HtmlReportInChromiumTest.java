package io.starexport.writer.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens reports in headless Chromium (Debian's {@code chromium} package at {@code /usr/bin/chromium}),
 * as a reader would. Skipped, with the reason printed, when Chromium is not installed. Leaves a
 * screenshot at {@code target/report-screenshot.png}.
 */
class HtmlReportInChromiumTest {
    private static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");
    private static final String SKIP_REASON = Chromium.BINARY
            + " is missing; install Debian's chromium package (apt-get install -y chromium) to run it";
    /** What the table shows: its status line, the comment and likes cells of the page. */
    private static final String TABLE = "({status: document.querySelector('#table .status').textContent,"
            + " texts: Array.from(document.querySelectorAll('#table tbody tr'), tr => tr.cells[2].textContent),"
            + " likes: Array.from(document.querySelectorAll('#table tbody tr'), tr => tr.cells[3].textContent)})";

    @TempDir
    static Path directory;
    private static Chromium chromium;

    @BeforeAll
    static void startChromium() throws Exception {
        if (!Chromium.installed()) {
            System.out.println("HtmlReportInChromiumTest skipped: " + SKIP_REASON);
            return;
        }
        // A fresh profile under target/, so JUnit's temp-dir cleanup does not trip over Chromium's socket links.
        Files.createDirectories(Path.of("target"));
        chromium = Chromium.launch(Files.createTempDirectory(Path.of("target"), "chromium-profile"));
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
    void hostileTextIsShownAsTextAndNothingRuns() throws Exception {
        Path report = write("hostile.html", Payloads.comments(2_500));

        chromium.open(report);
        chromium.screenshot(SCREENSHOT);

        assertThat(chromium.evaluate("document.title").asText()).isEqualTo("Star Export: comments report");
        assertThat(chromium.evaluate("document.querySelectorAll('img, x-pwned, iframe, object, embed').length").asInt())
                .isZero();
        assertThat(chromium.evaluate("document.querySelectorAll('script').length").asInt())
                .as("the columns, three row blocks and the report's own script").isEqualTo(5);
        String mostLiked = chromium.evaluate("document.getElementById('liked').textContent").asText();
        assertThat(mostLiked).contains(Payloads.SCRIPT, Payloads.END_OF_DATA, Payloads.IMAGE,
                "Trudy " + Payloads.COMMENT_OPENER);

        JsonNode firstRow = chromium.evaluate(
                "Array.from(document.querySelectorAll('#table tbody tr:nth-child(-n+3)'), tr => tr.textContent)");
        assertThat(firstRow.get(0).asText()).contains(Payloads.SCRIPT);
        assertThat(firstRow.get(1).asText()).contains(Payloads.IMAGE);
        assertThat(firstRow.get(2).asText()).contains(Payloads.END_OF_DATA + " " + Payloads.SEPARATOR);
        assertThat(chromium.evaluate("[...new Set(Array.from(document.querySelectorAll('a'), a => a.protocol))]")
                .toString()).as("the javascript: link is not a link").isEqualTo("[\"https:\"]");

        assertThat(chromium.consoleErrors()).isEmpty();
        assertThat(chromium.requests()).containsOnly(report.toUri().toString());
        assertThat(chromium.blockedRequests()).isEmpty();
    }

    @Test
    void searchNarrowsTheTableAndSortOrdersIt() throws Exception {
        Path report = write("search.html", Payloads.comments(2_500));
        chromium.open(report);

        JsonNode found = chromium.evaluate(search("needle"));

        // Comments 0, 97, 194, ... 2425 carry the word: 26 of them.
        assertThat(found.path("status").asText()).isEqualTo("Rows 1–26 of 26 (filtered from 2,503)");
        assertThat(found.path("texts").size()).isEqualTo(26);
        found.path("texts").forEach(text -> assertThat(text.asText()).contains("needle"));

        JsonNode hostile = chromium.evaluate(search("<script>"));
        assertThat(hostile.path("status").asText()).isEqualTo("Rows 1–2 of 2 (filtered from 2,503)");
        assertThat(hostile.path("texts").get(0).asText()).isEqualTo(Payloads.SCRIPT);
        assertThat(hostile.path("texts").get(1).asText()).startsWith(Payloads.END_OF_DATA);

        JsonNode all = chromium.evaluate(search(""));
        assertThat(all.path("status").asText()).isEqualTo("Rows 1–100 of 2,503");
        JsonNode sorted = chromium.evaluate("document.querySelectorAll('#table th')[3].click();" + TABLE);
        assertThat(sorted.path("likes").get(0).asText()).isEqualTo("900");
        assertThat(sorted.path("likes").get(1).asText()).isEqualTo("850");
        assertThat(sorted.path("likes").get(2).asText()).isEqualTo("800");
        assertThat(sorted.path("likes").get(3).asText()).isEqualTo("499");

        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void aHundredThousandCommentsOpenOnePageAtATime() throws Exception {
        Path report = write("large.html", Payloads.comments(100_000));

        chromium.open(report);

        assertThat(chromium.evaluate("document.querySelectorAll('#table tbody tr').length").asInt()).isEqualTo(100);
        assertThat(chromium.evaluate("document.querySelector('#table .status').textContent").asText())
                .isEqualTo("Rows 1–100 of 100,003");
        JsonNode next = chromium.evaluate("document.querySelectorAll('#table button')[1].click();"
                + "document.querySelector('#table .status').textContent");
        assertThat(next.asText()).isEqualTo("Rows 101–200 of 100,003");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void thePagePolicyStopsAScriptEvenIfEscapingFailed() throws Exception {
        Path report = write("policy.html", Payloads.comments(10));
        String page = Files.readString(report);
        // Simulates an escaping bug: a platform's script tag lands in the page verbatim.
        Files.writeString(report, page.replace("<section id=\"summary\">",
                "<script>document.title='pwned-raw'</script><img src=\"https://tracker.example/p.gif\">"
                        + "<section id=\"summary\">"));

        chromium.open(report);

        assertThat(chromium.evaluate("document.title").asText()).isEqualTo("Star Export: comments report");
        assertThat(chromium.requests()).containsOnly(report.toUri().toString());
        assertThat(chromium.blockedRequests()).containsOnly("https://tracker.example/p.gif csp");
        assertThat(chromium.consoleErrors()).anySatisfy(error -> assertThat(error).contains("Content Security Policy"));
        assertThat(chromium.evaluate("document.querySelectorAll('#table tbody tr').length").asInt())
                .as("the report's own script still runs").isEqualTo(13);
    }

    /** Types into the search box and resolves, once the table has changed, with what it shows. */
    private static String search(String query) throws IOException {
        return "new Promise((resolve, reject) => {"
                + "const status = () => document.querySelector('#table .status').textContent;"
                + "const before = status();"
                + "const input = document.querySelector('#table input');"
                + "input.value = " + new ObjectMapper().writeValueAsString(query) + ";"
                + "input.dispatchEvent(new Event('input'));"
                + "const started = Date.now();"
                + "(function poll() {"
                + "  if (status() !== before) { resolve(" + TABLE + "); }"
                + "  else if (Date.now() - started > 10000) { reject(new Error('the table did not change')); }"
                + "  else { setTimeout(poll, 20); }"
                + "})();"
                + "})";
    }

    private static Path write(String name, List<Item> items) throws IOException {
        Path file = directory.resolve(name);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             RecordWriter writer = new HtmlFormat().open(out, WriterOptions.ofDefaults(Content.COMMENTS))) {
            for (Item item : items) {
                writer.write(item);
            }
        }
        return file;
    }
}
