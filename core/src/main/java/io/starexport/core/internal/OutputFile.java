package io.starexport.core.internal;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One output of an export: written under {@code <file>.partial}, moved to {@code <file>} when complete.
 * Counts the bytes that reached the file so a checkpoint can name a length that holds whole items.
 * Holds the file's {@link OutputLock} from {@link #open} to {@link #release}.
 */
final class OutputFile {
    private final Path file;
    private final Path partial;
    private final OutputFormat format;
    private final CountingStream stream;
    private final RecordWriter writer;
    private final OutputLock lock;

    private OutputFile(Path file, Path partial, OutputFormat format, CountingStream stream, RecordWriter writer,
                       OutputLock lock) {
        this.file = file;
        this.lock = lock;
        this.partial = partial;
        this.format = format;
        this.stream = stream;
        this.writer = writer;
    }

    static Path partialOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }

    /**
     * Locks {@code file} for this export, then opens a new partial file or continues one from {@code resumeBytes}
     * (bytes past it are dropped). Nothing is touched when another export holds the file.
     */
    static OutputFile open(Path file, OutputFormat format, WriterOptions options, Long resumeBytes) {
        Path partial = partialOf(file);
        if (Files.isDirectory(file)) {
            throw ExportException.of(ErrorCode.OUTPUT, file + " is a folder, not a file: name the file to write, such as "
                    + file.resolve("export." + format.extensions().get(0)) + ".");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw failure("open", partial, e);
        }
        OutputLock lock = OutputLock.acquire(file);
        try {
            CountingStream stream;
            if (resumeBytes != null) {
                if (!format.appendable()) {
                    throw ExportException.of(ErrorCode.OUTPUT, "The " + format.id() + " format cannot continue the "
                            + "partial file " + partial + "; start the export again.");
                }
                if (!Files.exists(partial) || Files.size(partial) < resumeBytes) {
                    throw ExportException.of(ErrorCode.OUTPUT, "The partial file " + partial + " is missing or shorter "
                            + "than its checkpoint says (" + resumeBytes + " bytes); it cannot be resumed. Start the "
                            + "export again.");
                }
                FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
                channel.truncate(resumeBytes);
                channel.position(resumeBytes);
                stream = new CountingStream(Channels.newOutputStream(channel), resumeBytes);
            } else {
                stream = new CountingStream(Files.newOutputStream(partial, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 0);
            }
            return new OutputFile(file, partial, format, stream, format.open(stream, options), lock);
        } catch (IOException e) {
            lock.close();
            throw failure("open", partial, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    Path partial() {
        return partial;
    }

    String format() {
        return format.id();
    }

    /** Whether an interrupted file of this format can be continued. */
    boolean resumable() {
        return format.appendable();
    }

    void write(Item item) {
        try {
            writer.write(item);
        } catch (IOException e) {
            throw failure("write to", partial, e);
        }
    }

    /** Flushes whole items to the file and returns its length. */
    long flush() {
        try {
            writer.flush();
            stream.flush();
            return stream.count;
        } catch (IOException e) {
            throw failure("write to", partial, e);
        }
    }

    long bytes() {
        return stream.count;
    }

    /** Leaves the partial document as it is, closing only the file. */
    void abandon() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // The checkpoint names the last length known good; resume truncates to it.
        }
    }

    /** Deletes a partial file that never received an item, or one that cannot be continued. */
    void discard() {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // Nothing of value is in it; a leftover empty partial file is harmless.
        }
    }

    /** Completes the document and moves it into place; returns its size. */
    long complete() {
        try {
            writer.close();
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.size(file);
        } catch (IOException e) {
            throw failure("finish", file, e);
        }
    }

    /** Lets other exports write the file again; called once the export has ended, whichever way. */
    void release() {
        lock.close();
    }

    private static ExportException failure(String action, Path path, IOException e) {
        return ExportException.of(ErrorCode.OUTPUT, "Could not " + action + " " + path + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + ". Check free space and permissions.", e);
    }

    /** Counts the bytes written through it. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out, long start) {
            super(out);
            this.count = start;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
