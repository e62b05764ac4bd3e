package io.starexport.core.internal.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The media folder's {@code manifest.jsonl}: one JSON line per change of a file's state, appended and
 * flushed at once, so a crash loses at most the line being written. The last line of a URL hash wins.
 * The file stays locked while an export uses the folder, so two exports never interleave their lines.
 */
final class Manifest implements AutoCloseable {
    static final String FILE_NAME = "manifest.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(Manifest.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file's state. */
    enum Status {
        /** Found and queued; an interrupted run left it unfinished. */
        PENDING,
        /** Stored at {@code path}. */
        DOWNLOADED,
        /** Its bytes equal a file already stored, at {@code path}; not stored again. */
        DUPLICATE,
        /** Could not be downloaded or was refused; {@code error} says why. */
        FAILED;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status of(String id) {
            for (Status status : values()) {
                if (status.id().equals(id)) {
                    return status;
                }
            }
            return null;
        }
    }

    /**
     * One line of the manifest; {@code path} is relative to the media folder with {@code /} separators.
     * Absent values are null and left out of the line.
     */
    record Entry(String url, String urlHash, String path, Long size, String sha256, String contentType, Status status,
                 int attempts, String error, String platform, String itemId, String at) {

        String toJson() {
            ObjectNode line = JSON.createObjectNode();
            line.put("url", url);
            line.put("url_hash", urlHash);
            putIfPresent(line, "path", path);
            if (size != null) {
                line.put("size", size);
            }
            putIfPresent(line, "sha256", sha256);
            putIfPresent(line, "content_type", contentType);
            line.put("status", status.id());
            line.put("attempts", attempts);
            putIfPresent(line, "error", error);
            putIfPresent(line, "platform", platform);
            putIfPresent(line, "item_id", itemId);
            putIfPresent(line, "at", at);
            return line.toString();
        }

        static Entry fromJson(JsonNode line) {
            return new Entry(text(line, "url"), text(line, "url_hash"), text(line, "path"),
                    line.path("size").isIntegralNumber() ? line.get("size").asLong() : null, text(line, "sha256"),
                    text(line, "content_type"), Status.of(line.path("status").asText("")),
                    line.path("attempts").asInt(0), text(line, "error"), text(line, "platform"),
                    text(line, "item_id"), text(line, "at"));
        }

        private static void putIfPresent(ObjectNode line, String name, String value) {
            if (value != null) {
                line.put(name, value);
            }
        }

        private static String text(JsonNode line, String name) {
            JsonNode value = line.get(name);
            return value != null && value.isTextual() ? value.asText() : null;
        }

        Entry with(Status status, Long size, String sha256, String contentType, int attempts, String error,
                   String path, Instant at) {
            return new Entry(url, urlHash, path, size, sha256, contentType, status, attempts, error, platform, itemId,
                    at.toString());
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<String, Entry> latest;

    private Manifest(Path file, FileChannel channel, FileLock lock, Map<String, Entry> latest) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.latest = latest;
    }

    /** Reads the manifest of a media folder (created when missing) and locks it. */
    static Manifest open(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw ExportException.of(ErrorCode.OUTPUT, "The media folder " + directory + " is in use by another "
                        + "export; give each running export its own media folder, or wait for the other to end.");
            }
            return new Manifest(file, channel, lock, read(file));
        } catch (IOException e) {
            closeQuietly(channel);
            throw ExportException.of(ErrorCode.OUTPUT, "Could not open the media manifest " + file + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static Map<String, Entry> read(Path file) throws IOException {
        Map<String, Entry> latest = new LinkedHashMap<>();
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Entry entry = Entry.fromJson(JSON.readTree(line));
                    if (entry.urlHash() != null && entry.url() != null && entry.status() != null) {
                        latest.remove(entry.urlHash());
                        latest.put(entry.urlHash(), entry);
                        continue;
                    }
                } catch (IOException unreadable) {
                    // Reported below: a crash can cut the last line short.
                }
                LOG.warn("Ignoring unreadable line {} of the media manifest {}", lineNumber, file);
            }
        }
        return latest;
    }

    Path file() {
        return file;
    }

    /** The latest state of every URL hash, in the order last written. */
    synchronized Map<String, Entry> entries() {
        return Map.copyOf(latest);
    }

    synchronized Entry get(String urlHash) {
        return latest.get(urlHash);
    }

    /** Appends a line and flushes it to the operating system. */
    synchronized void append(Entry entry) {
        try {
            ByteBuffer line = ByteBuffer.wrap((entry.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "Could not write the media manifest " + file + ": "
                    + e.getMessage(), e);
        }
        latest.remove(entry.urlHash());
        latest.put(entry.urlHash(), entry);
    }

    @Override
    public synchronized void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // Closing the channel releases it too.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more to write.
        }
    }
}
