package io.starexport.benchmarks;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * (2) Writers, through JMH: {@link WriterBenchmark} in one forked JVM; every measurement iteration is a
 * run. The i-th iteration of a writer is divided by the i-th of its baseline for the ratio. xlsx is not
 * measured yet.
 */
final class WritersMeasurement implements Measurement {
    private static final List<String> FORMATS = List.of("csv", "jsonl", "json");

    @Override
    public String id() {
        return "write";
    }

    @Override
    public List<Row> run(Settings settings) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(WriterBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(settings.pick(3, 5))
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(settings.pick(5, 10))
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .verbosity(VerboseMode.SILENT);
        Map<String, List<Double>> scores = new HashMap<>();
        for (RunResult result : new Runner(options.build()).run()) {
            String benchmark = result.getParams().getBenchmark();
            List<Double> runs = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    runs.add(iteration.getPrimaryResult().getScore());
                }
            }
            scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), runs);
        }
        List<Row> rows = new ArrayList<>();
        for (String format : FORMATS) {
            List<Double> writer = scores.get(format + "Writer");
            List<Double> baseline = scores.get(format + "Baseline");
            Stats writerStats = Stats.of(writer);
            Stats ratio = Stats.ratios(writer, baseline);
            rows.add(new Row("Writer: " + format,
                    Map.of("write." + format + ".rows_per_s", writerStats.toJson(),
                            "write." + format + ".ratio_vs_baseline", ratio.toJson()),
                    writerStats.format() + " rows/s",
                    "hand-written writer: " + Stats.of(baseline).format() + " rows/s",
                    ratio.format(), "≥ 0.7", Row.Met.of(ratio.median() >= 0.7),
                    WriterBenchmark.ROWS + " sandbox YouTube comments to a discarding stream; JMH, 1 fork, "
                            + writer.size() + " × 1 s iterations"));
        }
        rows.add(Row.pending("Writer: xlsx", "reported (no target)", "writers/xlsx (being written)",
                "write.xlsx.rows_per_s", "write.xlsx.ratio_vs_baseline"));
        return rows;
    }
}
