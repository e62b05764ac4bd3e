package io.starexport.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner may read: checkpoints, which hold URLs and platform messages a user
 * may not want others on the machine to see. Where the file system has no POSIX permissions (Windows) the
 * file is created as usual, with the folder's access rules.
 */
final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {
    }

    /** Replaces {@code file} with an empty file readable and writable by its owner only, to be written next. */
    static void create(Path file) throws IOException {
        Files.deleteIfExists(file);
        Path folder = file.toAbsolutePath().getParent();
        if (Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }
}
