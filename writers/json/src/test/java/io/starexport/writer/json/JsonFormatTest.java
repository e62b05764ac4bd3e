package io.starexport.writer.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Enrichments;
import io.starexport.api.Item;
import io.starexport.api.ItemFields;
import io.starexport.api.Language;
import io.starexport.api.Sentiment;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final WriterOptions OPTIONS = WriterOptions.ofDefaults(Content.COMMENTS);

    private final OutputFormat json = new JsonFormat();
    private final OutputFormat jsonl = new JsonLinesFormat();

    @TempDir
    Path directory;

    @Test
    void jsonRoundTripsEveryFieldWithEmojiAndNewlines() throws IOException {
        List<Item> items = SampleItems.mixed();

        String text = strictUtf8(write(json, OPTIONS, items));

        assertThat(text).contains("👍🏽 ok").startsWith("[").endsWith("]\n");
        assertMatches(MAPPER.readValue(text, new TypeReference<List<Map<String, Object>>>() { }), items);
    }

    @Test
    void jsonWritesAnEmptyArrayWhenThereAreNoItems() throws IOException {
        String text = strictUtf8(write(json, OPTIONS, List.of()));

        JsonNode array = MAPPER.readTree(text);
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isZero();
    }

    @Test
    void jsonlRoundTripsOneItemPerLine() throws IOException {
        List<Item> items = SampleItems.mixed();

        String text = strictUtf8(write(jsonl, OPTIONS, items));

        assertThat(text).contains("👍🏽 ok").endsWith("}\n");
        String[] lines = text.split("\n", -1);
        assertThat(lines).hasSize(items.size() + 1);
        assertThat(lines[items.size()]).isEmpty();
        List<Map<String, Object>> parsed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            parsed.add(MAPPER.readValue(lines[i], new TypeReference<Map<String, Object>>() { }));
        }
        assertMatches(parsed, items);
    }

    @Test
    void jsonlWritesEnrichmentsAsNestedObjectsAfterTheExtras() throws IOException {
        Item scored = Comment.builder().platform("reddit").id("c1").postId("p1").text("great")
                .enrichments(Enrichments.NONE.withSentiment(Sentiment.of(0.6249, 0.804, 0.196, 0.0, "vader"))
                        .withLanguage(Language.of("en", 0.93)).withCustom("topic", "music")).build();

        JsonNode line = MAPPER.readTree(strictUtf8(write(jsonl, OPTIONS.withEnrichers(List.of("vader")), List.of(scored))));

        List<String> names = new ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        assertThat(names).endsWith("extras", "sentiment", "language", "enrichments");
        assertThat(line.path("sentiment").toString()).isEqualTo("{\"label\":\"positive\",\"compound\":0.6249,"
                + "\"positive\":0.804,\"neutral\":0.196,\"negative\":0.0,\"provider\":\"vader\"}");
        assertThat(line.path("language").toString()).isEqualTo("{\"code\":\"en\",\"confidence\":0.93}");
        assertThat(line.path("enrichments").toString()).isEqualTo("{\"topic\":\"music\"}");
    }

    @Test
    void jsonWritesValuesItDoesNotKnowAsTheirText() throws IOException {
        List<Item> items = SampleItems.mixed();

        List<Map<String, Object>> parsed = MAPPER.readValue(write(json, OPTIONS, items), new TypeReference<>() { });

        assertThat(parsed.get(2).get("extras")).isEqualTo(Map.of("createdAtText", "3 days ago",
                "when", "1970-01-01T00:00:00Z", "kind", "VIDEO"));
    }

    @Test
    void jsonResumesAPartialArrayWithoutASecondBracketOrAMissingComma() throws IOException {
        List<Item> first = SampleItems.comments("a", 3);
        List<Item> second = SampleItems.comments("b", 2);
        Path file = directory.resolve("out.json");

        writeAndFail(json, file, OPTIONS, first);
        writeAndClose(json, file, OPTIONS.resuming(first.size()), second);

        List<Map<String, Object>> parsed = MAPPER.readValue(file.toFile(), new TypeReference<>() { });
        assertMatches(parsed, concat(first, second));
    }

    @Test
    void jsonResumesAFileThatHoldsOnlyTheOpeningBracket() throws IOException {
        List<Item> items = SampleItems.comments("b", 2);
        Path file = directory.resolve("out.json");

        writeAndFail(json, file, OPTIONS, List.of());
        assertThat(Files.readString(file)).isEqualTo("[");
        writeAndClose(json, file, OPTIONS.resuming(0), items);

        assertMatches(MAPPER.readValue(file.toFile(), new TypeReference<>() { }), items);
    }

    @Test
    void jsonlResumesAPartialFileByAppendingLines() throws IOException {
        List<Item> first = SampleItems.comments("a", 3);
        List<Item> second = SampleItems.comments("b", 2);
        Path file = directory.resolve("out.jsonl");

        writeAndFail(jsonl, file, OPTIONS, first);
        writeAndClose(jsonl, file, OPTIONS.resuming(first.size()), second);

        List<Map<String, Object>> parsed = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            parsed.add(MAPPER.readValue(line, new TypeReference<Map<String, Object>>() { }));
        }
        assertMatches(parsed, concat(first, second));
    }

    @Test
    void flushPushesWholeItemsToTheStreamWithoutClosingIt() throws IOException {
        for (OutputFormat format : List.of(json, jsonl)) {
            RecordingStream out = new RecordingStream();
            RecordWriter writer = format.open(out, OPTIONS);
            List<Item> items = SampleItems.comments("a", 2);
            for (Item item : items) {
                writer.write(item);
            }
            writer.flush();

            String flushed = out.bytes.toString(StandardCharsets.UTF_8);
            assertThat(out.closed).as(format.id()).isFalse();
            List<?> parsed = format == json
                    ? MAPPER.readValue(flushed + "]", List.class)
                    : MAPPER.readerFor(Map.class).readValues(flushed).readAll();
            assertThat(parsed).as(format.id()).hasSize(items.size());

            writer.close();
            assertThat(out.closed).as(format.id()).isTrue();
        }
    }

    @Test
    void closingTwiceWritesTheClosingBracketOnce() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter writer = json.open(out, OPTIONS);
        writer.write(SampleItems.comments("a", 1).get(0));
        writer.close();
        writer.close();

        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("}\n]\n");
        assertThatThrownBy(() -> writer.write(SampleItems.comments("b", 1).get(0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ioExceptionsFromTheStreamPropagate() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() -> json.open(broken, OPTIONS)).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThatThrownBy(() -> {
            RecordWriter writer = jsonl.open(broken, OPTIONS);
            writer.write(SampleItems.comments("a", 1).get(0));
            writer.flush();
        }).isInstanceOf(IOException.class).hasMessage("disk full");
    }

    private static byte[] write(OutputFormat format, WriterOptions options, List<Item> items) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter writer = format.open(out, options)) {
            for (Item item : items) {
                writer.write(item);
            }
        }
        return out.toByteArray();
    }

    /** What the engine does when an export fails: flush the writer, then close only the stream. */
    private static void writeAndFail(OutputFormat format, Path file, WriterOptions options, List<Item> items)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            RecordWriter writer = format.open(out, options);
            for (Item item : items) {
                writer.write(item);
            }
            writer.flush();
        }
    }

    private static void writeAndClose(OutputFormat format, Path file, WriterOptions options, List<Item> items)
            throws IOException {
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND);
        try (RecordWriter writer = format.open(out, options)) {
            for (Item item : items) {
                writer.write(item);
            }
        }
    }

    private static List<Item> concat(List<Item> first, List<Item> second) {
        List<Item> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static void assertMatches(List<Map<String, Object>> parsed, List<Item> items) {
        assertThat(parsed).hasSameSizeAs(items);
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> expected = ItemFields.toMap(items.get(i));
            assertThat(parsed.get(i).keySet()).as("field order of item %d", i)
                    .containsExactlyElementsOf(expected.keySet());
            assertThat(normalized(parsed.get(i))).as("item %d", i).isEqualTo(normalized(expected));
        }
    }

    /** Numbers as exact decimals, so 42 (Integer after parsing) equals 42L and 12.5 equals 12.5. */
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
            return list.stream().map(JsonFormatTest::normalized).toList();
        }
        if (value instanceof Enum<?> || value instanceof java.time.Instant) {
            return value.toString();
        }
        return value;
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
