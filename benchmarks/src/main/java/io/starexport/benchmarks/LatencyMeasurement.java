package io.starexport.benchmarks;

import io.starexport.RunningExport;
import io.starexport.StarExport;
import io.starexport.api.ExportResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * (7) Latency hiding, with {@value #DELAY_MS} ms added to every response. The engine pages one export
 * sequentially (each page's cursor comes from the previous page, and replies are fetched through the
 * same cursor), so within one export nothing is hidden. What the engine offers today is running several
 * exports at once on one engine: {@value #EXPORTS} exports started together with
 * {@code ExportSpec.start()}, against the same exports run one after another. Pairs of runs alternate.
 */
final class LatencyMeasurement implements Measurement {
    static final int DELAY_MS = 50;
    static final int EXPORTS = 4;

    @Override
    public String id() {
        return "latency";
    }

    @Override
    public List<Row> run(Settings settings) throws Exception {
        int pages = settings.pick(10, 20);
        long itemsPerExport = (long) pages * LoopbackServer.ITEMS_PER_PAGE;
        long items = itemsPerExport * EXPORTS;
        List<Double> parallel = new ArrayList<>();
        List<Double> sequential = new ArrayList<>();
        try (LoopbackServer server = LoopbackServer.start(pages, Duration.ofMillis(DELAY_MS));
             StarExport star = Engines.loopback(server)) {
            for (int run = -1; run < settings.runs(); run++) {
                Path dir = Files.createDirectories(settings.scratch().resolve("latency-" + (run + 1)));
                double sequentialRate = items / EndToEndMeasurement.seconds(() -> {
                    for (int i = 0; i < EXPORTS; i++) {
                        check(star.export(LoopbackPlatform.url("s" + i)).comments().to(dir.resolve("s" + i + ".jsonl")).run(),
                                itemsPerExport);
                    }
                });
                double parallelRate = items / EndToEndMeasurement.seconds(() -> {
                    List<RunningExport> running = new ArrayList<>();
                    for (int i = 0; i < EXPORTS; i++) {
                        running.add(star.export(LoopbackPlatform.url("p" + i)).comments()
                                .to(dir.resolve("p" + i + ".jsonl")).start());
                    }
                    for (RunningExport export : running) {
                        check(export.result().get(), itemsPerExport);
                    }
                });
                if (run >= 0) { // run -1 warms up
                    sequential.add(sequentialRate);
                    parallel.add(parallelRate);
                }
            }
        }
        Stats parallelStats = Stats.of(parallel);
        Stats sequentialStats = Stats.of(sequential);
        Stats ratio = Stats.ratios(parallel, sequential);
        double perExportCeiling = LoopbackServer.ITEMS_PER_PAGE * 1000.0 / DELAY_MS;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("latency.items_per_s", parallelStats.toJson());
        figures.put("latency.ratio_vs_sequential", ratio.toJson());
        figures.put("latency.within_one_export", "sequential: one cursor per export");
        return List.of(new Row("Latency hiding: " + DELAY_MS + " ms per response, " + EXPORTS + " exports at once",
                figures, parallelStats.format() + " items/s",
                "the same exports one after another: " + sequentialStats.format() + " items/s",
                ratio.format(), "reported (ideal " + EXPORTS + ".0)", Row.Met.NOT_APPLICABLE,
                "within one export pages are strictly sequential (each cursor comes from the previous page; replies"
                        + " share it), so one export is capped at " + Stats.number(perExportCeiling)
                        + " items/s here; reply threads are not fetched concurrently. The figure is the gain from"
                        + " running exports in parallel on one engine. " + EXPORTS + " × " + pages + " pages of "
                        + LoopbackServer.ITEMS_PER_PAGE));
    }

    private static void check(ExportResult result, long expected) {
        if (result.items() != expected) {
            throw new IllegalStateException("an export wrote " + result.items() + " items, expected " + expected);
        }
    }
}
