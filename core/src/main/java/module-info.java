/**
 * The Star Export engine: {@link io.starexport.StarExport} and its export runs, the platform and
 * format registry, rate-limited retrying HTTP on OkHttp, checkpoints, media downloads,
 * the job executor ({@code io.starexport.jobs}) and the sandbox.
 */
module io.starexport.core {
    requires transitive io.starexport.api;
    requires okhttp3;
    requires kotlin.stdlib;
    requires com.fasterxml.jackson.databind;
    requires com.github.benmanes.caffeine;
    requires io.github.bucket4j.core;
    requires org.slf4j;

    exports io.starexport;
    exports io.starexport.jobs;

    uses io.starexport.spi.Platform;
    uses io.starexport.spi.OutputFormat;
    uses io.starexport.spi.Enricher;
}
