package io.starexport.examples;

import io.starexport.testing.StarExportExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples run as documented and produce what the docs say they produce. The test kit's extension checks
 * after each that the example closed its engine: no thread it started is still running.
 */
@ExtendWith(StarExportExtension.class)
class ExamplesTest {
    @TempDir
    Path dir;

    private static String captureOut(ThrowingRunnable program) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void quickStartWritesFiveHundredSandboxComments() throws Exception {
        Path csv = dir.resolve("comments.csv");
        String printed = captureOut(() -> QuickStart.main(new String[] {csv.toString()}));
        assertThat(printed).startsWith("500 comments exported");
        assertThat(Files.readString(csv)).startsWith("platform,id,url,createdAt");
    }

    @Test
    void streamingExamplePrintsTheTopAuthors() throws Exception {
        String printed = captureOut(() -> StreamingExample.main(new String[0]));
        assertThat(printed.lines()).hasSize(10).allMatch(line -> line.matches("\\d+\t\\S+"));
    }
}
