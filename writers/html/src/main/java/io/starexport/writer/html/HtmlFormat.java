package io.starexport.writer.html;

import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * The {@code html} format: one self-contained report page to open in a browser.
 *
 * <p>The page shows a summary (platform, target, counts, date range in UTC), a chart of items over time
 * and a chart of the top authors (inline SVG), the ten most-liked items, and the full table with search,
 * sort and pages of 100 rows, done by a small inline script. It loads nothing from the network: no
 * scripts, fonts or images, and a Content-Security-Policy that forbids every request and every script
 * and style but its own.
 *
 * <p>All platform text is shown as text: the report escapes it in HTML and in the JSON data the table
 * is built from, and the script only ever sets {@code textContent}. Links are kept only when they are
 * {@code http} or {@code https}.
 *
 * <p>Rows are streamed into the page as they come; the writer keeps only bounded aggregates (counts per
 * day, the most-liked ten, and the 10,000 most frequent authors — exact below 10,000 distinct authors,
 * the usual heavy-hitter estimate above). The summary and charts are written when the writer closes, so a
 * partial report cannot be continued: {@link #appendable()} is false and resuming an interrupted html
 * export fails with {@code OUTPUT}. Stateless and thread-safe.
 */
public final class HtmlFormat implements OutputFormat {

    /** Creates the format; {@link java.util.ServiceLoader} does this for you. */
    public HtmlFormat() {
    }

    /** {@code "html"}. */
    @Override
    public String id() {
        return "html";
    }

    /** {@code ["html", "htm"]}. */
    @Override
    public List<String> extensions() {
        return List.of("html", "htm");
    }

    /** {@code text/html}. */
    @Override
    public String mediaType() {
        return "text/html";
    }

    /** False: the summary is written last, from aggregates a new writer would not have. */
    @Override
    public boolean appendable() {
        return false;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The writer accepts only items of {@link WriterOptions#content()}, since that content fixes the
     * table's columns; another item type is refused with an {@link IllegalArgumentException}.
     *
     * @throws IllegalArgumentException when {@code options} asks to resume, which a report cannot do
     */
    @Override
    public RecordWriter open(OutputStream out, WriterOptions options) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        if (options.resume()) {
            throw new IllegalArgumentException("an html report cannot continue a partial file; start it again");
        }
        return HtmlRecordWriter.open(out, options.content(), options.target());
    }

    @Override
    public String toString() {
        return "HtmlFormat[html]";
    }
}
