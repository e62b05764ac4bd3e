package io.starexport.writer.json;

import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * The {@code jsonl} format (JSON Lines, also known as NDJSON): one UTF-8 JSON object per item, each on
 * its own line ended by {@code \n}, with the field names and order of
 * {@link io.starexport.api.ItemFields#toMap(io.starexport.api.Item)}. Newlines inside values are escaped,
 * so every line is one whole item.
 *
 * <p>Items are streamed, so memory stays constant whatever the export size. A partial file is continued
 * by appending lines; {@link WriterOptions#resume()} changes nothing. Stateless and thread-safe.
 */
public final class JsonLinesFormat implements OutputFormat {

    /** Creates the format; {@link java.util.ServiceLoader} does this for you. */
    public JsonLinesFormat() {
    }

    /** {@code "jsonl"}. */
    @Override
    public String id() {
        return "jsonl";
    }

    /** {@code ["jsonl", "ndjson"]}. */
    @Override
    public List<String> extensions() {
        return List.of("jsonl", "ndjson");
    }

    /** {@code application/x-ndjson}. */
    @Override
    public String mediaType() {
        return "application/x-ndjson";
    }

    @Override
    public RecordWriter open(OutputStream out, WriterOptions options) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        return JsonRecordWriter.lines(out);
    }

    @Override
    public String toString() {
        return "JsonLinesFormat[jsonl]";
    }
}
