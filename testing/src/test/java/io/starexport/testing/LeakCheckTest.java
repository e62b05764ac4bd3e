package io.starexport.testing;

import io.starexport.StarExport;
import io.starexport.api.ExportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The leak check catches threads and connections the code under test left behind, and passes when it cleaned up. */
@ResourceLock(LeakCheckTest.STANDALONE_CHECKS)
class LeakCheckTest {
    /** Held by tests that run {@link LeakCheck#start()} themselves, so no extension test runs alongside them. */
    static final String STANDALONE_CHECKS = "starexport-standalone-leak-checks";
    private static final Duration SHORT = Duration.ofMillis(200);

    @TempDir
    Path dir;

    @Test
    void namesAThreadLeftRunning() throws InterruptedException {
        LeakCheck leaks = LeakCheck.start().withGracePeriod(SHORT);
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "leaky-worker");
        worker.start();

        AssertionError leak = catchThrowableOfType(AssertionError.class, leaks::assertNoLeaks);

        release.countDown();
        worker.join();
        assertThat(leak).hasMessageContaining("1 thread started during the test is still running")
                .hasMessageContaining("'leaky-worker' (WAITING");
        assertThatCode(leaks::assertNoLeaks).doesNotThrowAnyException();
    }

    @Test
    void waitsTheGracePeriodForAThreadThatIsEnding() {
        LeakCheck leaks = LeakCheck.start();
        Thread ending = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ending-worker");
        ending.start();

        assertThatCode(leaks::assertNoLeaks).doesNotThrowAnyException();
    }

    @Test
    void ignoresThreadsWithAPrefixTheHostOwns() throws InterruptedException {
        LeakCheck leaks = LeakCheck.start().withGracePeriod(SHORT).ignoring("host-pool-");
        CountDownLatch release = new CountDownLatch(1);
        Thread pooled = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "host-pool-1");
        pooled.start();
        try {
            assertThatCode(leaks::assertNoLeaks).doesNotThrowAnyException();
        } finally {
            release.countDown();
            pooled.join();
        }
    }

    @Test
    void catchesAnEngineThatWasNotClosedAfterStart() {
        try (FakePlatform fake = FakePlatform.start().post("p1", 15)) {
            LeakCheck leaks = LeakCheck.start().withGracePeriod(SHORT);
            StarExport star = StarExport.builder().platform(fake).environment(Map.of()).build();
            ExportResult result = star.export(fake.url("p1")).comments().to(dir.resolve("p1.jsonl")).start().result().join();
            assertThat(result.items()).isEqualTo(15);

            AssertionError leak = catchThrowableOfType(AssertionError.class, () -> leaks.assertNoLeaks(fake));

            star.close();
            assertThat(leak).hasMessageContaining("'starexport-1'");
            assertThatCode(() -> leaks.withGracePeriod(Duration.ofSeconds(2)).assertNoLeaks(fake)).doesNotThrowAnyException();
        }
    }

    @Test
    void namesAConnectionLeftOpenToATestServer() throws IOException {
        try (FakePlatform fake = FakePlatform.start()) {
            LeakCheck leaks = LeakCheck.start().withGracePeriod(SHORT);
            AssertionError leak;
            try (Socket socket = new Socket(fake.baseUrl().getHost(), fake.baseUrl().getPort())) {
                assertThat(socket.isConnected()).isTrue();
                leak = catchThrowableOfType(AssertionError.class, () -> leaks.assertNoLeaks(fake));
            }

            assertThat(leak).hasMessageContaining("1 connection(s) to FakePlatform[" + fake.baseUrl() + "] still open");
            assertThat(leak.getMessage()).doesNotContain("thread");
            assertThatCode(() -> leaks.withGracePeriod(Duration.ofSeconds(2)).assertNoLeaks(fake)).doesNotThrowAnyException();
        }
    }

    @Test
    void leavesAThreadCreatedWhileAnotherTestRanToThatTest() throws InterruptedException {
        LeakCheck mine = LeakCheck.startWindow().withGracePeriod(SHORT);
        LeakCheck other = LeakCheck.startWindow();
        CountDownLatch release = new CountDownLatch(1);
        Thread othersThread = parked("others-worker", release);
        other.endWindow();
        Thread myThread = parked("my-worker", release);
        try {
            AssertionError leak = catchThrowableOfType(AssertionError.class, mine::assertNoLeaks);

            assertThat(leak).hasMessageContaining("1 thread started during the test is still running")
                    .hasMessageContaining("'my-worker'");
            assertThat(leak.getMessage()).doesNotContain("others-worker");
        } finally {
            mine.endWindow();
            release.countDown();
            othersThread.join();
            myThread.join();
        }
    }

    @Test
    void ignoresTheJdkHttpClientsThreads() throws ReflectiveOperationException {
        LeakCheck leaks = LeakCheck.start().withGracePeriod(SHORT);
        // HttpClient.newHttpClient() by reflection: the kit's module does not read java.net.http, its tests compile in it
        Object client = Class.forName("java.net.http.HttpClient").getMethod("newHttpClient").invoke(null);

        assertThat(client).isNotNull();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .anyMatch(name -> name.matches("HttpClient-\\d+-SelectorManager"));
        assertThatCode(leaks::assertNoLeaks).doesNotThrowAnyException();
    }

    private static Thread parked(String name, CountDownLatch release) {
        Thread thread = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.start();
        return thread;
    }
}
