package io.starexport.cli;

import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportException;
import io.starexport.api.Progress;
import io.starexport.api.Target;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class BatchProgressTest {
    private static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    private static final String THREAD = "https://www.reddit.com/r/java/comments/t1000/";
    private static final Instant AT = Instant.parse("2026-11-22T12:00:00Z");

    private final StringWriter err = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();
    private final UUID video = UUID.randomUUID();
    private final UUID thread = UUID.randomUUID();

    private BatchProgress progress(boolean live) {
        BatchProgress progress = new BatchProgress(new PrintWriter(err), live, () -> 200, nanos::get, Map.of(
                VIDEO, new BatchProgress.Label(2, "youtube video dQw4w9WgXcQ", Content.COMMENTS),
                THREAD, new BatchProgress.Label(5, "reddit post t1000", Content.COMMENTS)), 3, 1);
        progress.onCreated(new ExportEvent.Created(video, AT, VIDEO,
                Target.of("youtube", Target.Kind.VIDEO, "dQw4w9WgXcQ", VIDEO), Content.COMMENTS));
        progress.name(thread, new BatchProgress.Label(5, "reddit post t1000", Content.COMMENTS));
        return progress;
    }

    private static Progress items(long count) {
        return new Progress(count, OptionalLong.of(4800), 3, 0, 400, Duration.ofSeconds(3));
    }

    @Test
    void withoutATerminalPrintsOneLinePerTransition() {
        BatchProgress progress = progress(false);

        progress.onStarted(new ExportEvent.Started(video, AT, 1, false));
        progress.onProgress(new ExportEvent.ProgressMade(video, AT, items(1200)));
        progress.onStarted(new ExportEvent.Started(thread, AT, 2, true));
        progress.onRequeued(new ExportEvent.Requeued(thread, AT, 3, Duration.ofSeconds(4),
                ExportException.of(ErrorCode.NETWORK, "Reddit answered 503.")));
        progress.onFailed(new ExportEvent.Failed(thread, AT, ExportException.of(ErrorCode.NOT_FOUND, "Gone."), items(0)));
        progress.onRequeued(new ExportEvent.Requeued(video, AT, 2, Duration.ZERO,
                ExportException.of(ErrorCode.CANCELLED, "The export was cancelled.")));

        assertThat(err.toString().lines()).containsExactly(
                "line 2 youtube video dQw4w9WgXcQ: started",
                "line 5 reddit post t1000: resumed from its checkpoint (attempt 2)",
                "line 5 reddit post t1000: [NETWORK] Reddit answered 503. — trying again in 4.0 s",
                "line 5 reddit post t1000: failed [NOT_FOUND] Gone.",
                "line 2 youtube video dQw4w9WgXcQ: stopped; its checkpoint is kept");
    }

    @Test
    void onATerminalRedrawsABlockWithOneLinePerRunningJob() {
        BatchProgress progress = progress(true);

        progress.onStarted(new ExportEvent.Started(video, AT, 1, false));
        progress.onStarted(new ExportEvent.Started(thread, AT, 1, false));
        nanos.addAndGet(Duration.ofSeconds(3).toNanos());
        progress.onProgress(new ExportEvent.ProgressMade(video, AT, items(1200)));

        assertThat(progress.block()).containsExactly(
                "jobs: 1/3 done · 2 running · 0 failed · 0 queued · 0:03 elapsed",
                "  line 2 youtube video dQw4w9WgXcQ  1,200 comments of 4,800 (25%) · 400/s · ETA 0:09 · 0:03 elapsed",
                "  line 5 reddit post t1000  starting…");
        String screen = err.toString();
        assertThat(screen).startsWith("line 2 youtube video dQw4w9WgXcQ: started\n")
                .contains("\u001b[2F\u001b[Jline 5 reddit post t1000: started\n")
                .endsWith("  line 5 reddit post t1000  starting…\n");
    }

    @Test
    void finishedJobsLeaveTheBlockAndFinishClearsIt() {
        BatchProgress progress = progress(true);
        progress.onStarted(new ExportEvent.Started(video, AT, 1, false));

        progress.onCancelled(new ExportEvent.Cancelled(video, AT, java.util.Optional.empty(), items(10)));
        progress.finish();

        assertThat(progress.block()).containsExactly("jobs: 1/3 done · 0 running · 0 failed · 2 queued · 0:00 elapsed");
        assertThat(err.toString()).contains("line 2 youtube video dQw4w9WgXcQ: cancelled; its checkpoint is kept\n")
                .endsWith("\u001b[1F\u001b[J");
    }

    @Test
    void liveLinesAreCutToTheTerminalWidth() {
        BatchProgress progress = new BatchProgress(new PrintWriter(err), true, () -> 40, nanos::get, Map.of(), 1, 0);
        progress.name(video, new BatchProgress.Label(2, "youtube video dQw4w9WgXcQ", Content.COMMENTS));
        progress.onStarted(new ExportEvent.Started(video, AT, 1, false));
        progress.onProgress(new ExportEvent.ProgressMade(video, AT, items(1200)));

        assertThat(progress.block()).allSatisfy(line -> assertThat(line).hasSizeLessThan(40))
                .element(1).asString().isEqualTo("  line 2 youtube video dQw4w9WgXcQ  1,…");
        assertThat(BatchProgress.width(Map.of("COLUMNS", "132"))).isEqualTo(132);
        assertThat(BatchProgress.width(Map.of())).isEqualTo(80);
    }

    @Test
    void liveLinesFollowAResizedTerminalWithinASecond() {
        AtomicInteger columns = new AtomicInteger(100);
        IntSupplier width = BatchProgress.terminalWidth(Map.of(), columns::get, nanos::get);
        BatchProgress progress = new BatchProgress(new PrintWriter(err), true, width, nanos::get, Map.of(), 1, 0);
        progress.name(video, new BatchProgress.Label(2, "youtube video dQw4w9WgXcQ", Content.COMMENTS));
        progress.onStarted(new ExportEvent.Started(video, AT, 1, false));
        progress.onProgress(new ExportEvent.ProgressMade(video, AT, items(1200)));
        assertThat(progress.block().get(1)).endsWith("· 0:03 elapsed");

        columns.set(50);
        nanos.addAndGet(BatchProgress.WIDTH_CHECK_INTERVAL.toNanos());

        assertThat(progress.block()).allSatisfy(line -> assertThat(line).hasSizeLessThan(50));
    }

    @Test
    void anUndetectedTerminalWidthFallsBackToColumns() {
        IntSupplier width = BatchProgress.terminalWidth(Map.of("COLUMNS", "132"), () -> 0, nanos::get);

        assertThat(width.getAsInt()).isEqualTo(132);
    }
}
