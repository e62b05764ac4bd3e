package io.starexport.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One JSON document per object in a folder, each written to a temporary file (owner read/write only where the
 * file system has POSIX permissions, since webhook documents hold signing secrets) and moved into place.
 */
final class Documents {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    Documents(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "Cannot create the automation folder " + folder + ": " + e.getMessage());
        }
    }

    Path folder() {
        return folder;
    }

    void save(String id, ObjectNode document) {
        Path target = folder.resolve(id + ".json");
        Path temp = folder.resolve("." + id + ".json.tmp");
        try {
            Files.deleteIfExists(temp);
            Files.createFile(temp);
            ownerOnly(temp);
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "Cannot save " + target + ": " + e.getMessage());
        }
    }

    void delete(String id) {
        try {
            Files.deleteIfExists(folder.resolve(id + ".json"));
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "Cannot delete " + folder.resolve(id + ".json") + ": " + e.getMessage());
        }
    }

    List<JsonNode> loadAll() {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                documents.add(JSON.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "Cannot read the automation folder " + folder + ": " + e.getMessage());
        }
        return documents;
    }

    static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
