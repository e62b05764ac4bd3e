package io.starexport.spi;

import io.starexport.api.Item;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes items to one output, in constant memory. Used by one thread.
 *
 * <p>{@link #close()} completes the document (a closing bracket, a workbook's directory) and closes
 * the stream. When an export fails, the engine closes the stream itself without {@code close()},
 * leaving a partial document; on resume it truncates the file to the length recorded after the last
 * {@link #flush()} and a writer opened with {@link WriterOptions#resume()} continues it.
 */
public interface RecordWriter extends Closeable {

    /** Writes one item. */
    void write(Item item) throws IOException;

    /** Pushes everything written so far to the stream, so the checkpoint's byte count covers whole items. */
    void flush() throws IOException;

    /** Completes the document and closes the stream. */
    @Override
    void close() throws IOException;
}
