package io.starexport.writer.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.starexport.api.Item;
import io.starexport.api.ItemFields;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Streams items as JSON objects, either inside one array ({@code json}) or one per line ({@code jsonl}).
 *
 * <p>Every item is its own root-level value for the generator; the array's brackets and commas are
 * written raw. That way a resumed writer can continue an array that an earlier writer opened, which
 * the generator's own array context could not do.
 */
final class JsonRecordWriter implements RecordWriter {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            // close() closes the stream itself, also when completing the document fails.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Separators between items are ours; Jackson would put a space between root values.
            .rootValueSeparator((String) null)
            .build();

    private final Writer writer;
    private final JsonGenerator generator;
    private final boolean array;
    private long itemsInDocument;
    private boolean closed;

    private JsonRecordWriter(OutputStream out, boolean array, long itemsInDocument) throws IOException {
        // A character writer (not Jackson's UTF-8 byte generator) so emoji come out as 4-byte UTF-8
        // instead of escaped surrogate pairs; the generator buffers, so no BufferedWriter is needed.
        this.writer = new OutputStreamWriter(Objects.requireNonNull(out, "out"), StandardCharsets.UTF_8);
        this.generator = FACTORY.createGenerator(writer);
        this.array = array;
        this.itemsInDocument = itemsInDocument;
    }

    /** A writer of one JSON array: {@code [} on a new file, {@code ]} on close. */
    static JsonRecordWriter array(OutputStream out, WriterOptions options) throws IOException {
        JsonRecordWriter writer = new JsonRecordWriter(out, true, options.resume() ? options.itemsAlreadyWritten() : 0);
        if (!options.resume()) {
            writer.generator.writeRaw('[');
            // The opening bracket reaches the file at once, so even a file with no items yet can be resumed.
            writer.generator.flush();
        }
        return writer;
    }

    /** A writer of newline-delimited JSON; a partial file needs nothing special to continue. */
    static JsonRecordWriter lines(OutputStream out) throws IOException {
        return new JsonRecordWriter(out, false, 0);
    }

    @Override
    public void write(Item item) throws IOException {
        Objects.requireNonNull(item, "item");
        ensureOpen();
        if (array) {
            generator.writeRaw(itemsInDocument > 0 ? ",\n" : "\n");
        }
        JsonValues.write(generator, ItemFields.toMap(item));
        if (!array) {
            generator.writeRaw('\n');
        }
        itemsInDocument++;
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        // Passes through the OutputStreamWriter to the stream (FLUSH_PASSED_TO_STREAM is on).
        generator.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        // Closed in reverse order: the generator flushes into the writer, then the writer closes the stream,
        // even when writing the closing bracket failed.
        try (writer; generator) {
            if (array) {
                generator.writeRaw("\n]\n");
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
    }
}
