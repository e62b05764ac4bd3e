package io.starexport.examples;

import io.starexport.testing.StarExportExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The async batch example of docs/jobs.md runs 100 sandbox jobs and prints what the docs show. The test kit's
 * extension checks afterwards that it closed its job executor and engine: none of their threads still runs.
 */
@ExtendWith(StarExportExtension.class)
class AsyncBatchTest {
    @TempDir
    Path dir;

    @Test
    void runsOneHundredSandboxJobsAndPrintsTheStatistics() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            AsyncBatch.main(new String[] {dir.toString()});
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(printed.lines().filter(line -> line.startsWith("progress: "))).containsExactly(
                "progress: 10/100 jobs finished", "progress: 20/100 jobs finished", "progress: 30/100 jobs finished",
                "progress: 40/100 jobs finished", "progress: 50/100 jobs finished", "progress: 60/100 jobs finished",
                "progress: 70/100 jobs finished", "progress: 80/100 jobs finished", "progress: 90/100 jobs finished",
                "progress: 100/100 jobs finished");
        assertThat(printed).contains("jobs: 100 (succeeded 100, failed 0, cancelled 0)",
                "by platform: {", "reddit=50", "youtube=50", "items: 10000,", "success rate: 100.0%");
        int entries = 0;
        try (InputStream in = Files.newInputStream(dir.resolve("batch.zip")); ZipInputStream zip = new ZipInputStream(in)) {
            while (zip.getNextEntry() != null) {
                entries++;
            }
        }
        assertThat(entries).isEqualTo(100);
    }
}
