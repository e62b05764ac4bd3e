package io.starexport.benchmarks;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import io.starexport.writer.csv.CsvFormat;
import io.starexport.writer.json.JsonFormat;
import io.starexport.writer.json.JsonLinesFormat;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer figures compare like with like only if each baseline writes what the real format writes:
 * same fields, same quoting, same bytes.
 */
class BaselineWritersTest {
    private static final List<Comment> COMMENTS = comments();

    private static List<Comment> comments() {
        List<Comment> comments = new ArrayList<>(SampleComments.youtube(500));
        // Cells that exercise quoting and formula protection, and extras of every scalar kind.
        String[] texts = {"=1+2", "-5 points", " leading blank", "trailing tab\t", "\tformula tab", "say \"hi\", ok",
                "two\nlines", "emoji \uD83D\uDE00", ""};
        for (int i = 0; i < texts.length; i++) {
            comments.add(Comment.builder().platform("youtube").id("edge" + i).postId("v1").text(texts[i])
                    .createdAt(Instant.parse("2026-01-02T03:04:05Z"))
                    .author(Author.builder().handle("@a,b").displayName("\"Q\"").build())
                    .likeCount(-3L).extra("score", 12.5).extra("count", 7L).extra("flag", true).extra("note", "x,y")
                    .build());
        }
        return comments;
    }

    @Test
    void csvBaselineWritesTheSameBytesAsTheCsvFormat() throws IOException {
        // The baseline does no formula protection, so the csv format runs without it on both sides.
        assertThat(baseline(BaselineWriters::csv)).isEqualTo(real(new CsvFormat(),
                CsvFormat.options().formulaProtection(false).asMap()));
    }

    @Test
    void jsonlBaselineWritesTheSameBytesAsTheJsonlFormat() throws IOException {
        assertThat(baseline(BaselineWriters::jsonl)).isEqualTo(real(new JsonLinesFormat()));
    }

    @Test
    void jsonBaselineWritesTheSameBytesAsTheJsonFormat() throws IOException {
        assertThat(baseline(BaselineWriters::json)).isEqualTo(real(new JsonFormat()));
    }

    private static String real(OutputFormat format) throws IOException {
        return real(format, java.util.Map.of());
    }

    private static String real(OutputFormat format, java.util.Map<String, String> options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter writer = format.open(out, WriterOptions.ofDefaults(Content.COMMENTS).withFormatOptions(options))) {
            for (Comment comment : COMMENTS) {
                writer.write(comment);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String baseline(Baseline baseline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        baseline.write(COMMENTS, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface Baseline {
        void write(List<Comment> comments, OutputStream out) throws IOException;
    }
}
