package io.starexport.writer.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.Post;
import io.starexport.api.Target;
import io.starexport.spi.RecordWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams the page: the head, then the rows as JSON blocks of {@link #ROWS_PER_BLOCK}, then (on close)
 * the summary, charts and most-liked list from the aggregates, and the script that builds the table.
 */
final class HtmlRecordWriter implements RecordWriter {
    static final int ROWS_PER_BLOCK = 1_000;
    private static final String SCRIPT = resource("report.js");
    private static final String STYLE = resource("report.css");
    /** Nothing may be fetched, and only the report's own script and style apply, even if escaping ever failed. */
    private static final String POLICY = "default-src 'none'; script-src 'sha256-" + sha256(SCRIPT)
            + "'; style-src 'sha256-" + sha256(STYLE) + "'; img-src data:; base-uri 'none'; form-action 'none'";
    private static final JsonFactory JSON = new JsonFactoryBuilder()
            .characterEscapes(new ScriptSafeEscapes()).disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final Writer writer;
    private final JsonGenerator json;
    private final Content content;
    private final String contentName;
    private final Optional<Target> target;
    private final Instant exportedAt = Instant.now();
    private final Aggregates aggregates = new Aggregates();
    private Optional<String> title;
    private int rowsInBlock;
    private boolean closed;

    private HtmlRecordWriter(OutputStream out, Content content, Optional<Target> target) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.json = JSON.createGenerator(writer);
        this.content = content;
        this.target = target;
        this.title = target.map(t -> t.attributes().get("title")).filter(text -> !text.isBlank());
        this.contentName = content == Content.PROFILE ? "profiles" : content.name().toLowerCase(Locale.ROOT);
    }

    static HtmlRecordWriter open(OutputStream out, Content content, Optional<Target> target) throws IOException {
        HtmlRecordWriter html = new HtmlRecordWriter(out, content, target);
        html.writeHead();
        return html;
    }

    private void writeHead() throws IOException {
        writer.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"Star Export\">\n"
                + "<title>Star Export: " + contentName + " report</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n");
        writer.write("<script type=\"application/json\" id=\"columns\">");
        json.writeStartArray();
        for (TableColumns.Column column : TableColumns.of(content)) {
            json.writeStartObject();
            json.writeStringField("label", column.label());
            json.writeStringField("type", column.type().name().toLowerCase(Locale.ROOT));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.flush();
        writer.write("</script>\n");
        writer.flush();
    }

    @Override
    public void write(Item item) throws IOException {
        Objects.requireNonNull(item, "item");
        ensureOpen();
        if (item.content() != content) {
            // The table's columns are fixed by the content; another item type would lose its fields.
            throw new IllegalArgumentException("a " + content + " report cannot show an item of "
                    + item.content() + " (" + item.getClass().getSimpleName() + ")");
        }
        aggregates.add(item);
        if (title.isEmpty()) {
            title = titleFrom(item);
        }
        if (rowsInBlock == 0) {
            json.flush();
            writer.write("<script type=\"application/json\" class=\"rows\">");
            json.writeStartArray();
        }
        TableColumns.writeRow(json, item);
        if (++rowsInBlock == ROWS_PER_BLOCK) {
            endBlock();
        }
    }

    /**
     * The exported post's or video's title, when an item tells it: the post itself, or a Reddit comment's
     * {@code link_title}. A target's {@code title} attribute, when its platform sets one, comes first.
     */
    private Optional<String> titleFrom(Item item) {
        boolean onePost = target.map(t -> t.kind() == Target.Kind.POST || t.kind() == Target.Kind.VIDEO).orElse(false);
        if (!onePost) {
            return Optional.empty();
        }
        if (item instanceof Post post && post.id().equals(target.get().id())) {
            return post.title().filter(text -> !text.isBlank());
        }
        if (item instanceof Comment comment && comment.extras().get("link_title") instanceof String text
                && !text.isBlank()) {
            return Optional.of(text);
        }
        return Optional.empty();
    }

    private void endBlock() throws IOException {
        json.writeEndArray();
        json.flush();
        writer.write("</script>\n");
        rowsInBlock = 0;
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        json.flush();
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (Writer page = writer) {
            if (rowsInBlock > 0) {
                endBlock();
            }
            json.close();
            page.write(Html.summary(contentName, target, title, exportedAt, aggregates));
            page.write(Html.charts(contentName, aggregates));
            page.write(Html.mostLiked(aggregates));
            page.write("<section id=\"table\"><h2>All " + contentName + "</h2>"
                    + "<noscript><p>The table needs JavaScript.</p></noscript></section>\n");
            page.write("<script>" + SCRIPT + "</script>\n</body>\n</html>\n");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlRecordWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the html writer's " + name + " is missing from its jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * JSON that is also safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} as
     * {@code \}{@code u} escapes, so neither {@code </script>} nor {@code <!--} can end or bend the element, and
     * U+2028/U+2029 escaped for older JavaScript parsers.
     */
    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
        private final int[] ascii;

        ScriptSafeEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? LINE_SEPARATOR : ch == 0x2029 ? PARAGRAPH_SEPARATOR : null;
        }
    }
}
