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

/** The media part of the progress line. */
class MediaProgressLineTest {

    @Test
    void showsFilesBytesSpeedAndTimeLeft() {
        MediaProgress progress = new MediaProgress(10, 3, 1, 3 * 1024 * 1024, OptionalLong.of(8 * 1024 * 1024),
                1024 * 1024, Duration.ofSeconds(3));

        assertThat(ProgressRenderer.mediaLine(progress))
                .isEqualTo("media 3/10 files (1 failed) · 3.0 MB · 1.0 MB/s · ETA 0:05");
    }

    @Test
    void sizesUseBinaryUnits() {
        assertThat(ProgressRenderer.bytes(950)).isEqualTo("950 B");
        assertThat(ProgressRenderer.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(ProgressRenderer.bytes(5L << 30)).isEqualTo("5.0 GB");
    }

    @Test
    void itemsAndMediaShareOneLine() {
        StringWriter err = new StringWriter();
        AtomicLong nanos = new AtomicLong();
        ProgressRenderer renderer = new ProgressRenderer(new PrintWriter(err), nanos::get, () -> 200);
        renderer.onCreated(new ExportEvent.Created(UUID.randomUUID(), Instant.EPOCH, "u", null, Content.POSTS));
        renderer.onProgress(new ExportEvent.ProgressMade(UUID.randomUUID(), Instant.EPOCH,
                new Progress(4, OptionalLong.empty(), 1, 0, 2, Duration.ofSeconds(2))));
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        renderer.onMediaProgress(new ExportEvent.MediaProgressMade(UUID.randomUUID(), Instant.EPOCH,
                new MediaProgress(4, 1, 0, 2048, OptionalLong.empty(), 1024, Duration.ofSeconds(2))));

        assertThat(err.toString()).contains("\r4 posts · 2/s · 0:02 elapsed · media 1/4 files · 2.0 KB · 1.0 KB/s");
    }
}
