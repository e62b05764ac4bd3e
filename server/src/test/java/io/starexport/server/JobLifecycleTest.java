package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live jobs against a loopback stand-in for YouTube that holds each request until the test lets it go, then answers
 * 404: {@code PATCH …/stop} on a queued job, a job that fails showing {@code error}, and {@code PATCH …/retry}
 * putting it back in the queue, as the seed's "Stop an Export Job" and "Retry an Export Job" describe.
 */
@Timeout(60)
class JobLifecycleTest {
    @TempDir
    Path directory;
    HttpServer youtube;
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger requests = new AtomicInteger();
    Fixture fixture;

    @BeforeEach
    void start() throws IOException {
        youtube = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        youtube.setExecutor(Executors.newCachedThreadPool());
        youtube.createContext("/", exchange -> {
            requests.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        youtube.start();
        String base = "http://127.0.0.1:" + youtube.getAddress().getPort();
        fixture = new Fixture(directory, engine -> engine.endpoint("youtube", "web", base)
                .endpoint("youtube", "api", base + "/youtube/v3"), server -> server.concurrency(1));
    }

    @AfterEach
    void stop() {
        release.countDown();
        fixture.close();
        youtube.stop(0);
    }

    @Test
    void aQueuedJobStopsAndAFailedJobIsRetried() throws InterruptedException {
        String running = fixture.post("/api/v3/job", "{\"url\": \"" + Fixture.VIDEO + "\"}").json().path("guid").asText();
        while (requests.get() == 0) {
            Thread.sleep(10);
        }
        String queued = fixture.post("/api/v3/job", "{\"url\": \"https://www.youtube.com/watch?v=9bZkp7q19f0\"}")
                .json().path("guid").asText();

        JsonNode inProgress = fixture.get("/api/v3/job/" + running).json();
        assertThat(inProgress.path("status").asText()).isEqualTo("progress");
        assertThat(inProgress.path("json_url").isNull()).isTrue();
        assertThat(inProgress.path("download_link").isNull()).isTrue();
        assertThat(fixture.get("/api/v3/job/" + running + "/download").json().path("error_code").asText())
                .isEqualTo("NOT_FOUND");

        Fixture.Response stopped = fixture.patch("/api/v3/job/" + queued + "/stop");
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json().path("status").asText()).isEqualTo("stopped");
        assertThat(fixture.patch("/api/v3/job/" + queued + "/retry").json().path("detail").asText())
                .contains("this one is stopped");

        release.countDown();
        JsonNode failed = fixture.awaitFinished(running);
        assertThat(failed.path("status").asText()).isEqualTo("error");
        assertThat(failed.path("error").asText()).isNotBlank();

        Fixture.Response retried = fixture.patch("/api/v3/job/" + running + "/retry");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("guid").asText()).isEqualTo(running);
        assertThat(retried.json().path("status").asText()).isIn("queueing", "progress", "error");
        assertThat(fixture.awaitFinished(running).path("status").asText()).isEqualTo("error");
    }
}
