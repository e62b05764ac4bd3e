package io.starexport.core.internal;

import io.starexport.RequestJson;
import io.starexport.api.Checkpoint;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes checkpoint files in {@link RequestJson}'s form. They hold no credentials. */
final class Checkpoints {
    /** Checkpoint files are never large; a bigger file is not one of ours. */
    private static final long MAX_BYTES = 1 << 20;

    private Checkpoints() {
    }

    static void write(Path path, Checkpoint checkpoint) {
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            OwnerOnlyFiles.create(temp);
            Files.writeString(temp, RequestJson.write(checkpoint), StandardCharsets.UTF_8);
            try {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "Could not write the checkpoint " + path + ": " + e.getMessage(), e);
        }
    }

    static Checkpoint read(Path path) {
        String json;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw ExportException.of(ErrorCode.OUTPUT, "The checkpoint " + path + " is larger than any checkpoint "
                        + "Star Export writes; start the export again without it.");
            }
            json = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "Could not read the checkpoint " + path + ": "
                    + (Files.exists(path) ? e.getMessage() : "no such file") + ".", e);
        }
        try {
            return RequestJson.readCheckpoint(json);
        } catch (ExportException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "Could not resume from " + path + ": " + e.getMessage(), e);
        }
    }
}
