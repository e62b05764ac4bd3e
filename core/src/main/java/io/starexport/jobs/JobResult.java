package io.starexport.jobs;

import io.starexport.api.ExportResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a succeeded job wrote.
 *
 * @param items        items written
 * @param pages        pages fetched by the last attempt
 * @param bytes        bytes written across all files
 * @param files        the output files, in the order the request gave them
 * @param completeness one sentence on how complete the export is, as {@link ExportResult#completeness()}
 */
public record JobResult(long items, long pages, long bytes, List<Path> files, String completeness) {

    public JobResult {
        files = List.copyOf(files);
        Objects.requireNonNull(completeness, "completeness");
    }

    static JobResult of(ExportResult result) {
        return new JobResult(result.items(), result.pages(), result.bytes(), result.files(), result.completeness());
    }
}
