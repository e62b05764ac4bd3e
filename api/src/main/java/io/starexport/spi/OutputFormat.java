package io.starexport.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * An output format such as {@code csv} or {@code jsonl}. Found with {@link java.util.ServiceLoader}
 * or registered on the engine's builder. Implementations are stateless and thread-safe.
 */
public interface OutputFormat {

    /** Stable lower-case id, for example {@code "csv"}; chosen by {@code --format}. */
    String id();

    /** File extensions without the dot, first the preferred one; an output file's extension picks the format. */
    List<String> extensions();

    /** The MIME type of the output, for example {@code text/csv}. */
    String mediaType();

    /**
     * Whether a partial file can be continued by a writer opened with {@link WriterOptions#resume()}.
     * Resuming an export into a format that cannot (a zipped workbook, say) fails with {@code OUTPUT}.
     */
    default boolean appendable() {
        return true;
    }

    /**
     * The names of the format's own options ({@link WriterOptions#option(String)}), such as csv's byte order
     * mark; none by default. An export that sets another name fails when it is planned.
     */
    default Set<String> optionNames() {
        return Set.of();
    }

    /**
     * Opens a writer on a stream. The writer does not close the stream before {@link RecordWriter#close()}.
     *
     * @throws IOException when the first bytes (a header, a BOM) cannot be written
     */
    RecordWriter open(OutputStream out, WriterOptions options) throws IOException;
}
