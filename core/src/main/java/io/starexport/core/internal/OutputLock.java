package io.starexport.core.internal;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.UUID;

/**
 * Keeps a second export from writing an output while another writes it: an exclusive lock on {@code <file>.lock}
 * beside the output, taken before the partial file is touched and held until the export ends. The lock is the
 * operating system's, so it goes with the process even after a crash; the file itself is deleted on release.
 */
final class OutputLock implements AutoCloseable {
    /** A holder that just released may have deleted the file this attempt locked; try the new file then. */
    private static final int ATTEMPTS = 3;

    private final Path path;
    private final FileChannel channel;

    private OutputLock(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    static Path lockOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /**
     * Locks {@code file} for this export.
     *
     * @throws ExportException {@code OUTPUT} when another export (of this process or another) is writing it
     */
    static OutputLock acquire(Path file) {
        Path path = lockOf(file);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            FileChannel channel = null;
            try {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                if (tryLock(channel) == null) {
                    break;
                }
                if (stillAt(path, channel)) {
                    return new OutputLock(path, channel);
                }
            } catch (IOException e) {
                closeQuietly(channel);
                throw ExportException.of(ErrorCode.OUTPUT, "Could not lock " + file + " for this export (" + path
                        + "): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + ". Check free space and permissions.", e);
            }
            closeQuietly(channel);
        }
        throw ExportException.of(ErrorCode.OUTPUT, "Cannot write " + file + ": another export is writing it (it holds "
                + path + "). Wait for it to finish, or write to another file.");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null; // another export of this JVM holds it: the same conflict
        }
    }

    /**
     * Whether the locked file is still the one at {@code path}: a holder deletes its file before it lets go, so a
     * lock won on a file that is already gone guards nothing. Each holder writes its own token and reads it back.
     */
    private static boolean stillAt(Path path, FileChannel channel) throws IOException {
        byte[] token = (ProcessHandle.current().pid() + " " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(token), 0);
        try {
            return Files.size(path) == token.length && Arrays.equals(Files.readAllBytes(path), token);
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    /** Deletes the lock file, then lets go of the lock. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A leftover lock file is harmless: the next export locks and reuses it.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing releases the lock; there is nothing more to do if the close itself fails.
            }
        }
    }
}
