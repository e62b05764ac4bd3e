package io.starexport.testing;

import io.starexport.StarExport;
import io.starexport.api.ExportResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine the host shares between tests keeps its threads after each test; {@code ignoringThreads} tells the
 * extension's leak check so (without it, the check after the test names {@code 'starexport-1'}).
 */
class SharedEngineTest {
    @RegisterExtension
    static final StarExportExtension STAR_EXPORT = new StarExportExtension().ignoringThreads("starexport-");

    private static StarExport shared;

    @BeforeAll
    static void openTheSharedEngine() {
        shared = StarExport.builder().sandbox(true).environment(Map.of()).build();
    }

    @AfterAll
    static void closeTheSharedEngine() {
        shared.close();
    }

    @Test
    void startsAnExportOnTheSharedEngine(@TempDir Path dir) {
        ExportResult result = shared.export("https://www.youtube.com/watch?v=dQw4w9WgXcQ").comments().limit(10)
                .to(dir.resolve("comments.jsonl")).start().result().join();

        assertThat(result.items()).isEqualTo(10);
    }
}
