package io.starexport.writer.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Enrichments;
import io.starexport.api.Item;
import io.starexport.api.ItemFields;
import io.starexport.api.Language;
import io.starexport.api.Sentiment;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BOM = "\uFEFF";
    private static final WriterOptions COMMENTS = WriterOptions.ofDefaults(Content.COMMENTS);

    private final OutputFormat csv = new CsvFormat();

    @TempDir
    Path directory;

    @Test
    void csvRoundTripsCommasQuotesNewlinesAndEmoji() throws IOException {
        for (Content content : Content.values()) {
            List<Item> items = SampleItems.mixed().stream().filter(item -> item.content() == content).toList();
            assertThat(items).as("sample items of %s", content).isNotEmpty();

            String text = write(WriterOptions.ofDefaults(content), items);

            List<List<String>> records = Rfc4180.parse(text);
            assertThat(records.get(0)).as("header of %s", content).isEqualTo(ItemFields.columns(content));
            assertRows(records.subList(1, records.size()), items, true);
        }
    }

    @Test
    void csvNeutralisesFormulaCellsButLeavesNegativeNumbersAlone() throws IOException {
        List<Item> items = formulas();

        List<List<String>> rows = rows(write(COMMENTS, items));

        assertThat(rows).extracting(row -> row.get(column(Content.COMMENTS, "text")))
                .containsExactly("'=SUM(A1)", "@cmd", "'-2+3", "+1", "\tindented", "\rreturn", "a=b");
        assertThat(rows.get(0).get(column(Content.COMMENTS, "likeCount"))).isEqualTo("-5");
        assertRows(rows, items, true);
    }

    @Test
    void csvFormulaProtectionCanBeSwitchedOff() throws IOException {
        List<Item> items = formulas();

        String text = write(COMMENTS.withFormatOptions(CsvFormat.options().formulaProtection(false).asMap()), items);

        assertThat(rows(text)).extracting(row -> row.get(column(Content.COMMENTS, "text")))
                .containsExactly("=SUM(A1)", "@cmd", "-2+3", "+1", "\tindented", "\rreturn", "a=b");
        assertThat(text).contains(",\"\tindented\",");
        assertRows(rows(text), items, false);
    }

    @Test
    void csvAddsTheEnrichmentColumnsWhenTheExportRunsEnrichersAndLeavesMissingOnesEmpty() throws IOException {
        Item scored = Comment.builder().platform("reddit").id("c1").postId("p1").text("great")
                .enrichments(Enrichments.NONE.withSentiment(Sentiment.of(0.6249, 0.804, 0.196, 0.0, "vader"))
                        .withLanguage(Language.of("en", 0.93)).withCustom("topic", "music")).build();
        Item unscored = Comment.builder().platform("reddit").id("c2").postId("p1").text("hallo").build();

        List<List<String>> records = Rfc4180.parse(write(COMMENTS.withEnrichers(List.of("vader")),
                List.of(scored, unscored)));

        List<String> header = records.get(0);
        assertThat(header).isEqualTo(ItemFields.columns(Content.COMMENTS, true));
        assertThat(header.subList(0, ItemFields.columns(Content.COMMENTS).size()))
                .isEqualTo(ItemFields.columns(Content.COMMENTS));
        assertThat(records.get(1).subList(header.indexOf("sentiment.label"), header.size())).containsExactly(
                "positive", "0.6249", "0.804", "0.196", "0.0", "vader", "en", "0.93", "{\"topic\":\"music\"}");
        assertThat(records.get(2).subList(header.indexOf("sentiment.label"), header.size())).containsOnly("");
    }

    @Test
    void csvWritesAbsentValuesAsEmptyCells() throws IOException {
        Item bare = Comment.builder().platform("reddit").id("c1").postId("p1").text("").build();

        List<String> row = rows(write(COMMENTS, List.of(bare))).get(0);

        for (String name : List.of("url", "createdAt", "author.id", "author.handle", "author.displayName",
                "author.url", "author.verified", "parentId", "text", "likeCount", "replyCount", "extras")) {
            assertThat(row.get(column(Content.COMMENTS, name))).as(name).isEmpty();
        }
        assertThat(row.get(column(Content.COMMENTS, "depth"))).isEqualTo("0");
        assertThat(row.get(column(Content.COMMENTS, "pinned"))).isEqualTo("false");
    }

    @Test
    void csvPrintsNumbersAsPlainDecimals() throws IOException {
        List<Item> items = List.of(
                mediaItem(Duration.ofMillis(12_500)),
                mediaItem(Duration.ofSeconds(90)),
                mediaItem(Duration.ofSeconds(20_000_000_000L)));

        List<List<String>> rows = rows(write(WriterOptions.ofDefaults(Content.MEDIA), items));

        assertThat(rows).extracting(row -> row.get(column(Content.MEDIA, "media.durationSeconds")))
                .containsExactly("12.5", "90.0", "20000000000");
        assertThat(rows.get(0).get(column(Content.MEDIA, "media.width"))).isEqualTo("1080");
    }

    @Test
    void csvWritesExtrasAndMediaAsCompactJsonText() throws IOException {
        Item post = Post.builder().platform("instagram").id("p1")
                .media(Media.of(Media.Type.IMAGE, "https://example.com/1.jpg").withSize(1080, 1350))
                .media(Media.of(Media.Type.VIDEO, "https://example.com/2.mp4").withDuration(Duration.ofMillis(1500)))
                .extra("tags", List.of("a,b", "👍🏽")).extra("location", Map.of("name", "Zürich"))
                .build();
        Item plain = Post.builder().platform("instagram").id("p2").build();

        List<List<String>> rows = rows(write(WriterOptions.ofDefaults(Content.POSTS), List.of(post, plain)));

        assertThat(rows.get(0).get(column(Content.POSTS, "media"))).isEqualTo(
                "[{\"type\":\"image\",\"url\":\"https://example.com/1.jpg\",\"width\":1080,\"height\":1350},"
                        + "{\"type\":\"video\",\"url\":\"https://example.com/2.mp4\",\"durationSeconds\":1.5}]");
        assertThat(rows.get(0).get(column(Content.POSTS, "extras")))
                .isEqualTo("{\"tags\":[\"a,b\",\"👍🏽\"],\"location\":{\"name\":\"Zürich\"}}");
        assertThat(rows.get(1).get(column(Content.POSTS, "media"))).isEmpty();
        assertThat(rows.get(1).get(column(Content.POSTS, "extras"))).isEmpty();
    }

    @Test
    void csvQuotesCellsWithLeadingOrTrailingSpaces() throws IOException {
        Item padded = Comment.builder().platform("reddit").id("c1").postId("p1").text(" padded ").build();

        String text = write(COMMENTS, List.of(padded));

        assertThat(text).contains(",\" padded \",");
        assertThat(rows(text).get(0).get(column(Content.COMMENTS, "text"))).isEqualTo(" padded ");
    }

    @Test
    void csvEndsEveryRecordWithCrlfAndKeepsNewlinesInsideCells() throws IOException {
        Item multiline = Comment.builder().platform("reddit").id("c1").postId("p1").text("one\ntwo\r\nthree").build();

        String text = write(COMMENTS, List.of(multiline));

        assertThat(text).isEqualTo(String.join(",", ItemFields.columns(Content.COMMENTS)) + "\r\n"
                + "reddit,c1,,,false,,,,,,p1,,0,\"one\ntwo\r\nthree\",,,false,false,\r\n");
    }

    @Test
    void csvWritesAByteOrderMarkOnlyWhenAsked() throws IOException {
        List<Item> items = SampleItems.comments("a", 1);

        assertThat(write(COMMENTS, items)).startsWith("platform,");
        String withMark = write(COMMENTS.withFormatOptions(CsvFormat.options().byteOrderMark(true).asMap()), items);
        assertThat(withMark).startsWith(BOM + "platform,");
        assertThat(withMark.indexOf(BOM, 1)).isEqualTo(-1);
    }

    @Test
    void csvResumesAPartialFileWithoutASecondHeaderOrByteOrderMark() throws IOException {
        WriterOptions options = COMMENTS.withFormatOptions(CsvFormat.options().byteOrderMark(true).asMap());
        List<Item> first = SampleItems.comments("a", 3);
        List<Item> second = SampleItems.comments("b", 2);
        Path file = directory.resolve("out.csv");

        writeAndFail(file, options, first);
        writeAndClose(file, options.resuming(first.size()), second);

        String text = strictUtf8(Files.readAllBytes(file));
        assertThat(text).startsWith(BOM);
        assertThat(text.indexOf(BOM, 1)).isEqualTo(-1);
        List<List<String>> records = Rfc4180.parse(text.substring(1));
        assertThat(records.get(0)).isEqualTo(ItemFields.columns(Content.COMMENTS));
        List<Item> all = new ArrayList<>(first);
        all.addAll(second);
        assertRows(records.subList(1, records.size()), all, true);
    }

    @Test
    void csvResumesAFileThatHoldsOnlyTheHeader() throws IOException {
        List<Item> items = SampleItems.comments("b", 2);
        Path file = directory.resolve("out.csv");

        writeAndFail(file, COMMENTS, List.of());
        writeAndClose(file, COMMENTS.resuming(0), items);

        List<List<String>> records = Rfc4180.parse(Files.readString(file));
        assertThat(records.get(0)).isEqualTo(ItemFields.columns(Content.COMMENTS));
        assertRows(records.subList(1, records.size()), items, true);
    }

    @Test
    void flushPushesWholeRowsToTheStreamWithoutClosingIt() throws IOException {
        RecordingStream out = new RecordingStream();
        RecordWriter writer = csv.open(out, COMMENTS);
        writer.write(SampleItems.comments("a", 1).get(0));
        writer.flush();

        assertThat(out.closed).isFalse();
        assertThat(Rfc4180.parse(out.bytes.toString(StandardCharsets.UTF_8))).hasSize(2);

        writer.close();
        writer.close();
        assertThat(out.closed).isTrue();
    }

    @Test
    void csvRefusesItemsOfAnotherContent() throws IOException {
        RecordWriter writer = csv.open(new ByteArrayOutputStream(), WriterOptions.ofDefaults(Content.POSTS));

        assertThatThrownBy(() -> writer.write(SampleItems.comments("a", 1).get(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POSTS").hasMessageContaining("COMMENTS");
    }

    @Test
    void ioExceptionsFromTheStreamPropagate() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() -> csv.open(broken, COMMENTS)).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThatThrownBy(() -> {
            RecordWriter writer = csv.open(broken, COMMENTS.resuming(1));
            writer.write(SampleItems.comments("a", 1).get(0));
            writer.flush();
        }).isInstanceOf(IOException.class).hasMessage("disk full");
    }

    private static List<Item> formulas() {
        List<Item> items = new ArrayList<>();
        items.add(Comment.builder().platform("reddit").id("c1").postId("p1").text("=SUM(A1)").likeCount(-5L).build());
        for (String text : List.of("@cmd", "-2+3", "+1", "\tindented", "\rreturn", "a=b")) {
            items.add(Comment.builder().platform("reddit").id("c" + items.size()).postId("p1").text(text).build());
        }
        return items;
    }

    private static MediaItem mediaItem(Duration duration) {
        return MediaItem.builder().platform("instagram").id("m").postId("p").index(0)
                .media(Media.of(Media.Type.VIDEO, "https://example.com/v.mp4").withSize(1080, 1920)
                        .withDuration(duration))
                .build();
    }

    private String write(WriterOptions options, List<Item> items) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter writer = csv.open(out, options)) {
            for (Item item : items) {
                writer.write(item);
            }
        }
        return strictUtf8(out.toByteArray());
    }

    /** What the engine does when an export fails: flush the writer, then close only the stream. */
    private void writeAndFail(Path file, WriterOptions options, List<Item> items) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            RecordWriter writer = csv.open(out, options);
            for (Item item : items) {
                writer.write(item);
            }
            writer.flush();
        }
    }

    private void writeAndClose(Path file, WriterOptions options, List<Item> items) throws IOException {
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND);
        try (RecordWriter writer = csv.open(out, options)) {
            for (Item item : items) {
                writer.write(item);
            }
        }
    }

    private static List<List<String>> rows(String text) {
        List<List<String>> records = Rfc4180.parse(text);
        return records.subList(1, records.size());
    }

    private static int column(Content content, String name) {
        int index = ItemFields.columns(content).indexOf(name);
        assertThat(index).as("column %s", name).isNotNegative();
        return index;
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Every cell equals what ItemFields.toRow gives, as CsvFormat documents it. */
    private static void assertRows(List<List<String>> rows, List<Item> items, boolean formulaProtection)
            throws IOException {
        assertThat(rows).hasSameSizeAs(items);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            List<String> columns = ItemFields.columns(item.content());
            Map<String, Object> row = ItemFields.toRow(item);
            assertThat(columns).containsAll(row.keySet());
            assertThat(rows.get(i)).as("cells of row %d", i).hasSameSizeAs(columns);
            for (int c = 0; c < columns.size(); c++) {
                assertCell(rows.get(i).get(c), row.get(columns.get(c)), formulaProtection,
                        "row " + i + ", column " + columns.get(c));
            }
        }
    }

    private static void assertCell(String cell, Object value, boolean formulaProtection, String where)
            throws IOException {
        if (value == null) {
            assertThat(cell).as(where).isEmpty();
        } else if (value instanceof String text) {
            assertThat(cell).as(where).isEqualTo(formulaProtection && Formulas.evaluates(text) ? "'" + text : text);
        } else if (value instanceof Double number) {
            assertThat(cell).as(where).doesNotContainIgnoringCase("e");
            assertThat(new BigDecimal(cell)).as(where).isEqualByComparingTo(BigDecimal.valueOf(number));
        } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
            boolean empty = value instanceof Map<?, ?> map ? map.isEmpty() : ((List<?>) value).isEmpty();
            if (empty) {
                assertThat(cell).as(where).isEmpty();
            } else {
                assertThat(normalized(MAPPER.readValue(cell, Object.class))).as(where).isEqualTo(normalized(value));
            }
        } else {
            assertThat(cell).as(where).isEqualTo(value.toString());
        }
    }

    /** JSON-comparable form: numbers as exact decimals, unknown values as their text. */
    private static Object normalized(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> copy.put(String.valueOf(key), normalized(inner)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CsvFormatTest::normalized).toList();
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }

    /** Records whether the writer closed the stream. */
    private static final class RecordingStream extends FilterOutputStream {
        final ByteArrayOutputStream bytes;
        boolean closed;

        RecordingStream() {
            this(new ByteArrayOutputStream());
        }

        private RecordingStream(ByteArrayOutputStream bytes) {
            super(bytes);
            this.bytes = bytes;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
