package io.starexport.jobs;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One JSON document per job in a directory, readable by its owner only, replaced atomically through a temporary file. */
final class FileJobStore implements JobStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileJobStore.class);
    private static final String SUFFIX = ".json";

    private final Path directory;

    FileJobStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public synchronized void save(JobRecord job) {
        Path file = directory.resolve(job.id() + SUFFIX);
        Path temp = directory.resolve(job.id() + SUFFIX + ".tmp");
        try {
            Files.createDirectories(directory);
            createOwnerOnly(temp);
            Files.write(temp, JobJson.write(job));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "Could not save job " + job.id() + " to " + file + ": "
                    + e.getMessage() + ". Check that the job store directory is writable.", e);
        }
    }

    /** Job records hold URLs and platform messages; other users of the machine must not read them (POSIX only). */
    private static void createOwnerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (Files.getFileAttributeView(file.toAbsolutePath().getParent(), PosixFileAttributeView.class) != null) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    @Override
    public synchronized List<JobRecord> loadAll() {
        List<JobRecord> jobs = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return jobs;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    jobs.add(JobJson.read(Files.readAllBytes(file)));
                } catch (IOException | RuntimeException e) {
                    // One damaged document must not hide every other job; the file stays for a person to inspect.
                    LOG.warn("Job document {} cannot be read and was skipped: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "Could not list the job store " + directory + ": "
                    + e.getMessage(), e);
        }
        return jobs;
    }

    @Override
    public String toString() {
        return "JobStore.directory[" + directory + "]";
    }
}
