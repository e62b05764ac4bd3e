package io.starexport.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the media downloads of a finished export did. A file that failed does not fail the export: it is
 * counted here, named in {@code failures} and recorded in the manifest, and the next run retries it.
 *
 * @param directory         the media folder
 * @param manifest          the JSONL manifest in that folder, one line per file state
 * @param files             distinct files the exported items reference
 * @param downloaded        files downloaded in this run
 * @param alreadyDownloaded files skipped because an earlier run had downloaded them
 * @param sameContent       files whose bytes equal a file already stored, so they were not stored again
 * @param failed            files that could not be downloaded or were refused
 * @param bytes             bytes received in this run
 * @param failures          the first few failures, as {@code url: reason}
 */
public record MediaSummary(Path directory, Path manifest, long files, long downloaded, long alreadyDownloaded,
                           long sameContent, long failed, long bytes, List<String> failures) {

    public MediaSummary {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(manifest, "manifest");
        failures = List.copyOf(failures);
    }
}
