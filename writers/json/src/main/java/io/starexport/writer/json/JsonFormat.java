package io.starexport.writer.json;

import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * The {@code json} format: one UTF-8 JSON array holding one object per item, with the field names and
 * order of {@link io.starexport.api.ItemFields#toMap(io.starexport.api.Item)}.
 *
 * <p>Items are streamed, so memory stays constant whatever the export size. A new file starts with
 * {@code [}; {@link RecordWriter#close()} writes the closing {@code ]}. A writer opened with
 * {@link WriterOptions#resume()} continues a partial array: it writes no {@code [} and puts a comma
 * before its first item when the file already holds items. Stateless and thread-safe.
 */
public final class JsonFormat implements OutputFormat {

    /** Creates the format; {@link java.util.ServiceLoader} does this for you. */
    public JsonFormat() {
    }

    /** {@code "json"}. */
    @Override
    public String id() {
        return "json";
    }

    /** {@code ["json"]}. */
    @Override
    public List<String> extensions() {
        return List.of("json");
    }

    /** {@code application/json}. */
    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public RecordWriter open(OutputStream out, WriterOptions options) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        return JsonRecordWriter.array(out, options);
    }

    @Override
    public String toString() {
        return "JsonFormat[json]";
    }
}
