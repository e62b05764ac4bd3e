package io.starexport;

import io.starexport.api.ExportResult;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * An export started with {@link ExportSpec#start()}, running on the engine's executor.
 * Thread-safe.
 */
public interface RunningExport {

    /** The export's id, as in its events. */
    UUID id();

    /**
     * Asks the export to stop. It stops before the next page (waits for rate limits and retries end at
     * once), keeps its partial files and checkpoint, and completes {@link #result()} exceptionally with
     * an {@link io.starexport.api.ExportException} of code {@code CANCELLED}.
     */
    void cancel();

    /** Completes with the result, or exceptionally with an {@link io.starexport.api.ExportException}. */
    CompletableFuture<ExportResult> result();
}
