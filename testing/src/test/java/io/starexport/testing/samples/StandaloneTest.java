package io.starexport.testing.samples;

import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.ExportException;
import io.starexport.testing.FakePlatform;
import io.starexport.testing.Failure;
import io.starexport.testing.LeakCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** docs/testing.md's samples without the extension: the fake platform, a resumed export and the leak check. */
@ResourceLock("starexport-standalone-leak-checks")   // LeakCheckTest.STANDALONE_CHECKS
class StandaloneTest {
    @TempDir
    Path dir;

    @Test
    void resumesAFailedExportFromItsCheckpoint() throws Exception {
        LeakCheck leaks = LeakCheck.start();
        try (FakePlatform fake = FakePlatform.start()) {
            fake.post("p1", 25).failPage("p1", 3, Failure.status(503));
            Path out = dir.resolve("p1.jsonl");
            try (StarExport star = StarExport.builder().platform(fake).environment(Map.of())
                    .retryPolicy(RetryPolicy.none()).build()) {
                ExportException failure = catchThrowableOfType(ExportException.class,
                        () -> star.export(fake.url("p1")).comments().to(out).run());

                star.resume(failure.checkpoint().orElseThrow()).run();
            }
            assertThat(Files.readAllLines(out)).hasSize(25);
            leaks.assertNoLeaks(fake);
        }
    }

    @Test
    void streamsFromAFakeWithoutTheExtension() {
        try (FakePlatform fake = FakePlatform.start().post("p1", 3);
             StarExport star = StarExport.builder().platform(fake).environment(Map.of()).build()) {
            List<Comment> comments = star.export(fake.url("p1")).comments().stream().toList();

            assertThat(comments).extracting(Comment::text)
                    .containsExactly("Comment 1 on p1", "Comment 2 on p1", "Comment 3 on p1");
        }
    }

    @Test
    void catchesAnEngineLeftOpen(@TempDir Path out) {
        try (FakePlatform fake = FakePlatform.start().post("p1", 15)) {
            LeakCheck leaks = LeakCheck.start().withGracePeriod(Duration.ofMillis(200));
            StarExport star = StarExport.builder().platform(fake).environment(Map.of()).build();
            star.export(fake.url("p1")).comments().to(out.resolve("p1.jsonl")).start().result().join();

            assertThatThrownBy(() -> leaks.assertNoLeaks(fake))
                    .hasMessageContaining("'starexport-1'");   // the engine's executor thread, idle but alive

            star.close();
            leaks.withGracePeriod(Duration.ofSeconds(2)).assertNoLeaks(fake);
        }
    }
}
