package io.starexport.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples run as documented and produce what the docs say they produce. */
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

    @Test
    void pluginExampleExportsTheGuestbookToMarkdown() throws Exception {
        Path md = dir.resolve("guestbook.md");
        String printed = captureOut(() -> PluginExample.main(new String[] {md.toString()}));
        assertThat(printed).startsWith("3 comments exported");
        assertThat(Files.readAllLines(md)).containsExactly(
                "| author | when | comment |",
                "|---|---|---|",
                "| ada | 2025-03-01T10:00:00Z | Lovely place! |",
                "| alan | 2025-03-02T11:30:00Z | Would visit again \\| 10/10 |",
                "| grace | 2025-03-05T09:15:00Z | Thanks for the tea |");
    }
}
