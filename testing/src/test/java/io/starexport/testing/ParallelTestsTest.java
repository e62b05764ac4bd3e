package io.starexport.testing;

import io.starexport.StarExport;
import io.starexport.api.ExportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With JUnit's parallel execution on, the extension's leak check does not blame a test for the engine threads,
 * fake servers and JUnit worker threads of the test running next to it. Both tests wait for each other, so
 * each one's check runs while the other's threads are alive. They do not run alongside the tests of
 * {@link LeakCheck#start()} itself, which would leave threads created during these tests to them.
 */
@Execution(ExecutionMode.CONCURRENT)
@ExtendWith(StarExportExtension.class)
class ParallelTestsTest {
    private static final CyclicBarrier BOTH = new CyclicBarrier(2);

    @TempDir
    Path dir;

    @Test
    @ResourceLock(value = LeakCheckTest.STANDALONE_CHECKS, mode = ResourceAccessMode.READ)
    void first(StarExport star, FakePlatform fake) throws Exception {
        exportWhileTheOtherTestRuns(star, fake);
    }

    @Test
    @ResourceLock(value = LeakCheckTest.STANDALONE_CHECKS, mode = ResourceAccessMode.READ)
    void second(StarExport star, FakePlatform fake) throws Exception {
        exportWhileTheOtherTestRuns(star, fake);
    }

    private void exportWhileTheOtherTestRuns(StarExport star, FakePlatform fake) throws Exception {
        fake.post("p1", 25);
        BOTH.await(20, TimeUnit.SECONDS);
        ExportResult result = star.export(fake.url("p1")).comments().to(dir.resolve("p1.jsonl")).start().result().join();
        BOTH.await(20, TimeUnit.SECONDS);

        assertThat(result.items()).isEqualTo(25);
    }
}
