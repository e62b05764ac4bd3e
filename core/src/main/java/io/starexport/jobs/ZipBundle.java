package io.starexport.jobs;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes the files of succeeded jobs into one ZIP, each under a flat, sanitised entry name. */
final class ZipBundle {
    private static final int MAX_NAME = 200;

    private ZipBundle() {
    }

    static void write(List<JobRecord> jobs, Path zip) {
        Path absolute = zip.toAbsolutePath();
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Set<String> used = new HashSet<>();
            try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream entries = new ZipOutputStream(out)) {
                for (JobRecord job : jobs) {
                    for (Path file : job.result().orElseThrow().files()) {
                        if (!Files.isRegularFile(file)) {
                            throw ExportException.of(ErrorCode.OUTPUT, "The output " + file + " of job " + job.id()
                                    + " no longer exists; it cannot be bundled.");
                        }
                        String name = entryName(file.getFileName() == null ? "" : file.getFileName().toString());
                        if (!used.add(name.toLowerCase(Locale.ROOT))) {
                            name = entryName(job.id().toString().substring(0, 8) + "-" + name);
                            used.add(name.toLowerCase(Locale.ROOT));
                        }
                        ZipEntry entry = new ZipEntry(name);
                        entry.setLastModifiedTime(Files.getLastModifiedTime(file));
                        entries.putNextEntry(entry);
                        Files.copy(file, entries);
                        entries.closeEntry();
                    }
                }
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw ExportException.of(ErrorCode.OUTPUT, "Could not write the bundle " + zip + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * A ZIP entry name that stays inside the folder it is unpacked to: one path segment of letters, digits,
     * {@code . _ -} and spaces, never starting with a dot (so never {@code ..}), no drive letters or
     * separators of any system, at most {@value #MAX_NAME} characters.
     */
    static String entryName(String name) {
        String last = name.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < last.length(); i++) {
            char c = last.charAt(i);
            boolean allowed = Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == ' ';
            safe.append(allowed ? c : '_');
        }
        // Keep the end, which holds the extension, then drop leading dots and spaces.
        int start = Math.max(0, safe.length() - MAX_NAME);
        while (start < safe.length() && (safe.charAt(start) == '.' || safe.charAt(start) == ' ')) {
            start++;
        }
        String result = safe.substring(start).strip();
        return result.isEmpty() ? "file" : result;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The original failure is the one to report.
        }
    }
}
