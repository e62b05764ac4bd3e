package io.starexport.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the measurements and writes {@code latest.json} and the table in {@code docs/performance.md}.
 *
 * <pre>
 * java -cp ... io.starexport.benchmarks.Main [--quick] [--only id,id] [--results FILE] [--doc FILE] [--note TEXT]
 * </pre>
 *
 * Normally started by {@code benchmarks/run.sh}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Set<String> only = Set.of();
        Path results = Path.of("benchmarks/results/latest.json");
        Path doc = Path.of("docs/performance.md");
        String note = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--results" -> results = Path.of(args[++i]);
                case "--doc" -> doc = Path.of(args[++i]);
                case "--note" -> note = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --quick, --only id,id, --results FILE, --doc FILE, --note TEXT");
            }
        }
        List<String> ids = Measurements.all().stream().map(Measurement::id).toList();
        if (!ids.containsAll(only)) {
            throw new IllegalArgumentException("--only takes ids among " + ids + " but was " + only);
        }
        Path scratch = Files.createTempDirectory("starexport-bench");
        Settings settings = new Settings(quick, scratch);
        Instant started = Instant.now();
        List<Row> rows = new ArrayList<>();
        try {
            for (Measurement measurement : Measurements.all()) {
                if (!only.isEmpty() && !only.contains(measurement.id())) {
                    continue;
                }
                long start = System.nanoTime();
                log("measuring " + measurement.id() + " ...");
                try {
                    rows.addAll(measurement.run(settings));
                } catch (Exception e) {
                    e.printStackTrace();
                    rows.add(Row.failed(measurement.id(), measurement.id(), e));
                }
                log("  " + measurement.id() + " took " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
            }
        } finally {
            delete(scratch);
        }
        Report report = Report.of(started, quick, note, rows);
        report.writeJson(results);
        report.updateDoc(doc);
        log("wrote " + results + " and the table in " + doc);
        System.out.println(report.table());
        if (rows.stream().anyMatch(row -> row.note().startsWith(Row.FAILED))) {
            System.exit(1);
        }
    }

    static void log(String message) {
        System.err.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + message);
    }

    private static void delete(Path directory) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
