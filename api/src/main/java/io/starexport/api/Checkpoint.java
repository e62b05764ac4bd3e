package io.starexport.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an interrupted export stands: enough to resume it with no duplicates and no gaps. Holds no
 * credentials; a resumed export takes them from the engine again.
 *
 * @param request the export's request, with the target's canonical URL, the content that was chosen and each
 *                output's format resolved
 * @param cursor  the platform cursor of the next page; absent when the next page is the first
 * @param items   items delivered before this point
 * @param outputs partial output files and how far each is known to be complete, in the request's output order
 * @param savedAt when the checkpoint was taken
 */
public record Checkpoint(ExportRequest request, Optional<String> cursor, long items, List<Output> outputs,
                         Instant savedAt) {

    /**
     * One output file of a checkpointed export.
     *
     * @param file        the final file name the export will move the partial file to
     * @param partialFile the file holding the items written so far
     * @param format      the output format id
     * @param bytes       the length of the partial file at the checkpoint; bytes after it are discarded on resume
     */
    public record Output(Path file, Path partialFile, String format, long bytes) {
        public Output {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(partialFile, "partialFile");
            Objects.requireNonNull(format, "format");
        }
    }

    public Checkpoint {
        Objects.requireNonNull(request, "request");
        cursor = Values.orEmpty(cursor);
        outputs = Values.list(outputs);
        Objects.requireNonNull(savedAt, "savedAt");
    }

    /**
     * The file an export keeps its checkpoint in, {@code <output>.checkpoint.json} beside its first output:
     * written while it runs, kept when it stops early, deleted when it completes.
     */
    public static Path fileFor(Path output) {
        return output.resolveSibling(output.getFileName() + ".checkpoint.json");
    }
}
