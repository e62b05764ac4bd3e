package io.starexport.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * (2) Writers, through JMH. JMH runs each benchmark's iterations back to back, so on a machine whose
 * load changes by the minute a writer and its baseline measured minutes apart are not comparable.
 * Instead this runs rounds: in each round every benchmark of {@link WriterBenchmark} gets a short JMH
 * run (in this JVM, after a discarded warm-up round), so a writer's run and its baseline's run sit
 * seconds apart; a round's ratio is writer over baseline, and the table gives the median of the rounds.
 */
final class WritersMeasurement implements Measurement {
    private static final List<String> FORMATS = List.of("csv", "jsonl", "json", "xlsx");

    @Override
    public String id() {
        return "write";
    }

    @Override
    public List<Row> run(Settings settings) throws Exception {
        int rounds = settings.pick(3, 10);
        TimeValue warmUp = TimeValue.seconds(settings.pick(2, 3));
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (int round = 0; round <= rounds; round++) {
            for (String format : FORMATS) {
                for (String side : List.of("Writer", "Baseline")) {
                    double score = score(format + side, round == 0 ? warmUp : TimeValue.milliseconds(500));
                    if (round > 0) { // round 0 warms up
                        scores.computeIfAbsent(format + side, name -> new ArrayList<>()).add(score);
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String format : FORMATS) {
            List<Double> writer = scores.get(format + "Writer");
            List<Double> baseline = scores.get(format + "Baseline");
            Stats writerStats = Stats.of(writer);
            Stats ratio = Stats.ratios(writer, baseline);
            // xlsx has no target in issue 10: its figure is reported, its baseline a minimal workbook.
            boolean xlsx = format.equals("xlsx");
            rows.add(new Row("Writer: " + format,
                    Row.figures("write." + format + ".rows_per_s", writerStats.toJson(),
                            "write." + format + ".ratio_vs_baseline", ratio.toJson()),
                    writerStats.format() + " rows/s",
                    (xlsx ? "minimal hand-written workbook: " : "hand-written writer: ")
                            + Stats.of(baseline).format() + " rows/s",
                    ratio.format(), xlsx ? "reported (no target)" : "≥ 0.7",
                    xlsx ? Row.Met.NOT_APPLICABLE : Row.Met.of(ratio.median() >= 0.7),
                    WriterBenchmark.ROWS + " sandbox YouTube comments per operation to a discarding stream; JMH, "
                            + rounds + " rounds of 1 s per side"
                            + (xlsx ? "; the baseline has no header style, frozen pane, autofilter, widths or links" : "")));
        }
        return rows;
    }

    /** One short JMH run of one benchmark in this JVM: rows per second. */
    private static double score(String benchmark, TimeValue warmup) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include(WriterBenchmark.class.getName() + "\\." + benchmark + "$")
                .forks(0)
                .warmupIterations(1)
                .warmupTime(warmup)
                .measurementIterations(1)
                .measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT);
        RunResult result = new Runner(options.build()).runSingle();
        return result.getPrimaryResult().getScore();
    }
}
