package io.starexport.benchmarks;

import io.starexport.sentiment.vader.VaderAnalyzer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 22: comments scored per second by {@link VaderAnalyzer} on one thread, with and without its
 * language check, over the 4,200 real tweets of
 * the VADER ground truth ({@code recordings/sentiment/tweets.txt}, see its {@code SOURCE.md}; 100 characters
 * on average). The baseline is the least any tokenising analyzer does to the same texts: lower-case them and
 * split them on spaces. Timed blocks, alternately, like the parsing figures, counted in the
 * measuring thread's CPU time.
 */
final class SentimentMeasurement implements Measurement {
    private static volatile double sink;

    @Override
    public String id() {
        return "sentiment";
    }

    @Override
    public List<Row> run(Settings settings) {
        List<String> texts = texts();
        VaderAnalyzer analyzer = VaderAnalyzer.ofDefaults();
        return List.of(
                measure(settings, texts, analyzer, "sentiment.vader", "Sentiment: VADER with its language check, one thread"),
                measure(settings, texts, analyzer.withoutLanguageCheck(), "sentiment.vader_only",
                        "Sentiment: VADER without the language check, one thread"));
    }

    private static Row measure(Settings settings, List<String> texts, VaderAnalyzer analyzer, String key, String name) {
        Runnable vader = () -> {
            double sum = 0;
            for (String text : texts) {
                sum += analyzer.score(text).compound();
            }
            sink = sum;
        };
        Runnable split = () -> {
            int words = 0;
            for (String text : texts) {
                words += text.toLowerCase(Locale.ROOT).split(" ").length;
            }
            sink = words;
        };
        long block = settings.pick(500L, 1_500L);
        int passes = settings.pick(200, 400);
        // Warm-up by passes, not by time: on a busy machine the JIT threads get little CPU, and a timed
        // warm-up would measure the interpreter.
        for (int pass = 0; pass < passes; pass++) {
            vader.run();
            split.run();
        }
        List<Double> scored = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int run = 0; run < settings.runs(); run++) {
            scored.add(operationsPerSecond(vader, block) * texts.size());
            baseline.add(operationsPerSecond(split, block) * texts.size());
        }
        Stats comments = Stats.of(scored);
        Stats ratio = Stats.ratios(scored, baseline);
        double averageLength = texts.stream().mapToInt(String::length).average().orElse(0);
        return new Row(name, Row.figures(
                key + ".comments_per_s", comments.toJson(),
                key + ".ratio_vs_split", ratio.toJson()),
                comments.format() + " comments/s",
                "lower-case and split the same texts: " + Stats.of(baseline).format() + " comments/s",
                ratio.format(), "≥ 100,000 comments/s", Row.Met.of(comments.median() >= 100_000),
                texts.size() + " real tweets of " + Math.round(averageLength) + " characters on average; "
                        + settings.runs() + " blocks of " + block + " ms per side after " + passes
                        + " passes of warm-up; per second of the thread's CPU time");
    }

    /**
     * Runs {@code operation} for about {@code millis} and gives operations per second of this thread's CPU
     * time: the figure is per core, and CPU time keeps it meaningful on a machine other processes share.
     */
    private static double operationsPerSecond(Runnable operation, long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + millis * 1_000_000;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long count = 0;
        do {
            operation.run();
            count++;
        } while (System.nanoTime() < end);
        return count / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }

    private static List<String> texts() {
        try (InputStream in = SentimentMeasurement.class.getResourceAsStream("/recordings/sentiment/tweets.txt")) {
            if (in == null) {
                throw new IllegalStateException("no recording sentiment/tweets.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
