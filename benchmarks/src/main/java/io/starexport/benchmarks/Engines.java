package io.starexport.benchmarks;

import io.starexport.StarExport;
import io.starexport.spi.RateLimit;
import io.starexport.writer.csv.CsvFormat;
import io.starexport.writer.json.JsonFormat;
import io.starexport.writer.json.JsonLinesFormat;

import java.util.Map;

/** Engines as the measurements use them: plugins registered explicitly, nothing read from the environment. */
final class Engines {
    private Engines() {
    }

    /** An engine exporting from the loopback server, at the platform's (effectively unlimited) default rate. */
    static StarExport loopback(LoopbackServer server) {
        return builder(server).build();
    }

    /** An engine exporting from the loopback server with every export sharing one bucket of this rate. */
    static StarExport loopback(LoopbackServer server, RateLimit rateLimit) {
        return builder(server).rateLimit(LoopbackPlatform.ID, rateLimit).build();
    }

    private static StarExport.Builder builder(LoopbackServer server) {
        return StarExport.builder()
                .discovery(false)
                .platform(new LoopbackPlatform())
                .format(new CsvFormat()).format(new JsonLinesFormat()).format(new JsonFormat())
                .endpoint(LoopbackPlatform.ID, "api", server.baseUrl())
                .environment(Map.of());
    }
}
