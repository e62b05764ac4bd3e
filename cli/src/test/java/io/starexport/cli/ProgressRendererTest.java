package io.starexport.cli;

import io.starexport.api.Content;
import io.starexport.api.ExportEvent;
import io.starexport.api.MediaProgress;
import io.starexport.api.Progress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressRendererTest {
    private final StringWriter err = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();
    private final ProgressRenderer renderer = new ProgressRenderer(new PrintWriter(err), nanos::get, () -> 100);

    @Test
    void showsItemsPercentRateAndTimeLeftWhenTheTotalIsKnown() {
        Progress progress = new Progress(1200, OptionalLong.of(4800), 12, 0, 400, Duration.ofSeconds(3));

        assertThat(ProgressRenderer.line(progress, Content.COMMENTS))
                .isEqualTo("1,200 comments of 4,800 (25%) · 400/s · ETA 0:09 · 0:03 elapsed");
    }

    @Test
    void showsItemsAndRateWhenTheTotalIsUnknown() {
        Progress progress = new Progress(1, OptionalLong.empty(), 1, 0, 0.4, Duration.ofSeconds(65));

        assertThat(ProgressRenderer.line(progress, Content.POSTS)).isEqualTo("1 post · 0/s · 1:05 elapsed");
    }

    @Test
    void redrawsInPlaceAtMostEveryTwoHundredMilliseconds() {
        renderer.onCreated(new ExportEvent.Created(UUID.randomUUID(), Instant.EPOCH, "u", null, Content.COMMENTS));
        renderer.onProgress(event(10));
        nanos.addAndGet(Duration.ofMillis(50).toNanos());
        renderer.onProgress(event(20));
        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        renderer.onProgress(event(30));
        renderer.finish();

        String drawn = err.toString();
        assertThat(drawn).startsWith("\r10 comments").contains("\r30 comments").doesNotContain("20 comments")
                .endsWith("elapsed\u001b[K\r\u001b[K");
    }

    @Test
    void cutsTheLineToTheTerminalWidthSoItNeverWraps() {
        ProgressRenderer narrow = new ProgressRenderer(new PrintWriter(err), nanos::get, () -> 40);
        narrow.onCreated(new ExportEvent.Created(UUID.randomUUID(), Instant.EPOCH, "u", null, Content.COMMENTS));
        narrow.onProgress(event(1200));

        assertThat(err.toString()).isEqualTo("\r1,200 comments · 10/s · 0:01 elapsed\u001b[K");
        narrow.onMediaProgress(new ExportEvent.MediaProgressMade(UUID.randomUUID(), Instant.EPOCH,
                new MediaProgress(10, 3, 0, 1_258_291, OptionalLong.empty(), 819_200, Duration.ofSeconds(2))));
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        narrow.onProgress(event(1300));

        String last = err.toString().substring(err.toString().lastIndexOf('\r') + 1).replace("\u001b[K", "");
        assertThat(last).isEqualTo("1,300 comments · 10/s · 0:01 elapsed ·…");
    }

    @Test
    void showsAWaitForThePlatformsRateLimit() {
        renderer.onWaiting(new ExportEvent.Waiting(UUID.randomUUID(), Instant.EPOCH, "Reddit", Duration.ofSeconds(42)));

        assertThat(err.toString()).isEqualTo("\rwaiting 42 s for Reddit's rate limit\u001b[K");
    }

    private static ExportEvent.ProgressMade event(long items) {
        return new ExportEvent.ProgressMade(UUID.randomUUID(), Instant.EPOCH,
                new Progress(items, OptionalLong.empty(), 1, 0, 10, Duration.ofSeconds(1)));
    }
}
