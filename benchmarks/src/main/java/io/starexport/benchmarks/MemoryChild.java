package io.starexport.benchmarks;

import io.starexport.StarExport;
import io.starexport.api.ExportResult;

import java.nio.file.Path;
import java.util.Map;

/**
 * The child JVM of {@link MemoryMeasurement}: exports {@code items} sandbox comments to a file and prints
 * one report line with the item count, the time and its own peak RSS.
 *
 * <pre>java -Xmx64m -cp ... io.starexport.benchmarks.MemoryChild FORMAT FILE ITEMS</pre>
 */
public final class MemoryChild {
    static final String REPORT = "memory-child:";

    private MemoryChild() {
    }

    public static void main(String[] args) {
        String format = args[0];
        Path file = Path.of(args[1]);
        long items = Long.parseLong(args[2]);
        long start = System.nanoTime();
        ExportResult result;
        try (StarExport star = StarExport.builder().sandbox(true).environment(Map.of()).build()) {
            result = star.export(SampleComments.VIDEO).comments().replies(true).limit(items).to(file, format).run();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(REPORT + " items=" + result.items() + " seconds=" + String.format(java.util.Locale.ROOT, "%.1f", seconds)
                + " vmhwm_kb=" + MemoryMeasurement.vmHwmKb(ProcessHandle.current().pid()));
    }
}
