package io.starexport.benchmarks;

import java.util.List;

/**
 * The measurements of issue 10, in the order of its list. A figure whose code is not built yet is a
 * {@link Pending} entry naming what it waits for; replace it with a real measurement when that lands.
 */
final class Measurements {
    private Measurements() {
    }

    static List<Measurement> all() {
        return List.of(
                new Pending("parse", List.of(
                        Row.pending("Parsing: youtube", "≥ 0.5 of readTree", "platforms-youtube",
                                "parse.youtube.items_per_s", "parse.youtube.ratio_vs_readtree"),
                        Row.pending("Parsing: reddit", "≥ 0.5 of readTree", "platforms-reddit",
                                "parse.reddit.items_per_s", "parse.reddit.ratio_vs_readtree"),
                        Row.pending("Parsing: instagram", "≥ 0.5 of readTree", "platforms-instagram",
                                "parse.instagram.items_per_s", "parse.instagram.ratio_vs_readtree"),
                        Row.pending("Parsing: tiktok", "≥ 0.5 of readTree", "platforms-tiktok",
                                "parse.tiktok.items_per_s", "parse.tiktok.ratio_vs_readtree"))),
                new WritersMeasurement(),
                new EndToEndMeasurement(),
                new MemoryMeasurement(),
                new RateLimitMeasurement(),
                new Pending("schedule", List.of(
                        Row.pending("Scheduling: 100 jobs, 4 platforms", "≤ 1.05 of ideal",
                                "the jobs package (job executor)", "schedule.makespan_over_ideal"))),
                new LatencyMeasurement());
    }

    /** Rows that cannot be measured yet; they say so in the table and in latest.json. */
    record Pending(String id, List<Row> rows) implements Measurement {
        @Override
        public List<Row> run(Settings settings) {
            return rows;
        }
    }
}
