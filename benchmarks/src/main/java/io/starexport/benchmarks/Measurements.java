package io.starexport.benchmarks;

import java.util.List;

/** The measurements of issue 10, in the order of its list, then issue 22's sentiment throughput and issue 21's server load. */
final class Measurements {
    private Measurements() {
    }

    static List<Measurement> all() {
        return List.of(
                new ParseMeasurement(),
                new WritersMeasurement(),
                new EndToEndMeasurement(),
                new MemoryMeasurement(),
                new RateLimitMeasurement(),
                new ScheduleMeasurement(),
                new LatencyMeasurement(),
                new SentimentMeasurement(),
                new ServerMeasurement());
    }
}
