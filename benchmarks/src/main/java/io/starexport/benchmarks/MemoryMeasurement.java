package io.starexport.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * (4) Memory: one million sandbox comments (YouTube shape, replies included) exported to csv and to
 * jsonl by {@link MemoryChild} in a child JVM with {@code -Xmx64m}. Records whether it completed and the
 * child's peak resident set size ({@code VmHWM} in {@code /proc/<pid>/status}: heap, metaspace, code
 * cache, thread stacks and the JVM itself), as the child reports it at the end and as this process saw
 * it while polling, whichever is larger.
 */
final class MemoryMeasurement implements Measurement {
    static final long ITEMS = 1_000_000;
    private static final String HEAP = "-Xmx64m";

    @Override
    public String id() {
        return "memory";
    }

    @Override
    public List<Row> run(Settings settings) throws Exception {
        int runs = settings.pick(1, 3);
        long timeoutSeconds = settings.pick(200L, 600L);
        List<String> formats = List.of("csv", "jsonl");
        // The formats' children run side by side (each is mostly one busy thread), which halves the wall
        // time on two cores; RSS is per process, so the figure is unaffected.
        Map<String, List<Child>> children = new LinkedHashMap<>();
        ExecutorService waiters = Executors.newFixedThreadPool(formats.size());
        try {
            for (int run = 0; run < runs; run++) {
                Map<String, Future<Child>> running = new LinkedHashMap<>();
                for (String format : formats) {
                    Path file = settings.scratch().resolve("memory-" + run + "." + format);
                    running.put(format, waiters.submit(() -> runChild(format, file, timeoutSeconds)));
                }
                for (String format : formats) {
                    children.computeIfAbsent(format, f -> new ArrayList<>()).add(running.get(format).get());
                }
            }
        } finally {
            waiters.shutdownNow();
        }
        List<Double> peaks = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (String format : formats) {
            boolean ok = true;
            List<Double> seconds = new ArrayList<>();
            List<Double> formatPeaks = new ArrayList<>();
            String failure = "";
            for (Child child : children.get(format)) {
                if (child.peakKb() > 0) {
                    formatPeaks.add(child.peakKb() / 1024.0);
                }
                if (child.completed()) {
                    seconds.add(child.seconds());
                } else {
                    ok = false;
                    failure = child.output();
                }
            }
            peaks.addAll(formatPeaks);
            figures.put("memory.sandbox_1m." + format + "_ok", ok);
            String peak = formatPeaks.isEmpty() ? "peak RSS unknown" : "peak RSS " + Stats.of(formatPeaks).format() + " MB";
            String took = seconds.isEmpty() ? "" : " in " + Stats.of(seconds).format() + " s";
            rows.add(new Row("Memory: 1M sandbox comments to " + format + ", " + HEAP,
                    Map.of(), (ok ? "completed" : "failed") + took + ", " + peak, "—", "—", "completes",
                    Row.Met.of(ok), ok ? runs + " run(s) in a child JVM, csv and jsonl side by side; RSS is the whole"
                            + " process (heap, metaspace, code cache, threads), not just the heap"
                            : "child output: " + failure));
        }
        if (!peaks.isEmpty()) {
            figures.put("memory.sandbox_1m.peak_rss_mb", Stats.of(peaks).toJson());
        }
        // The keys belong to the first row, so latest.json lists them once.
        Row first = rows.get(0);
        rows.set(0, new Row(first.name(), figures, first.result(), first.baseline(), first.ratio(), first.target(),
                first.met(), first.note()));
        return rows;
    }

    /** How a child run went. */
    record Child(boolean completed, double seconds, long peakKb, String output) {
    }

    private static Child runChild(String format, Path file, long timeoutSeconds) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, HEAP, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), MemoryChild.class.getName(), format, file.toString(),
                Long.toString(ITEMS))
                .redirectErrorStream(true)
                .start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        long polledKb = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (process.isAlive() && System.nanoTime() < deadline) {
            polledKb = Math.max(polledKb, vmHwmKb(process.pid()));
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
            Files.deleteIfExists(file);
            return new Child(false, 0, polledKb, "timed out after " + timeoutSeconds + " s");
        }
        String text = output.get(10, TimeUnit.SECONDS);
        Files.deleteIfExists(file);
        Map<String, String> report = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(MemoryChild.REPORT)) {
                for (String pair : line.substring(MemoryChild.REPORT.length()).trim().split(" ")) {
                    String[] kv = pair.split("=", 2);
                    report.put(kv[0], kv[1]);
                }
            }
        }
        long reportedKb = Long.parseLong(report.getOrDefault("vmhwm_kb", "0"));
        boolean completed = process.exitValue() == 0 && Long.toString(ITEMS).equals(report.get("items"));
        double seconds = Double.parseDouble(report.getOrDefault("seconds", "0"));
        String tail = text.length() > 300 ? text.substring(text.length() - 300) : text;
        return new Child(completed, seconds, Math.max(polledKb, reportedKb), "exit " + process.exitValue() + ": " + tail.strip());
    }

    /** The peak resident set size of a process in kB, or 0 when it has gone. */
    static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between the liveness check and the read, or this is not Linux.
        }
        return 0;
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "could not read the child's output: " + e.getMessage();
        }
    }
}
