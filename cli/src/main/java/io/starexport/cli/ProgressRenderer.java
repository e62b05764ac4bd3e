package io.starexport.cli;

import io.starexport.api.Content;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportListener;
import io.starexport.api.Progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A live one-line progress display on a terminal's stderr, redrawn in place with {@code \r} at most every
 * {@link #REDRAW_INTERVAL}: items, percent of the platform's total when known, rate and time left.
 * Thread-safe: events arrive on the exporting thread, {@link #finish()} comes from the command.
 */
final class ProgressRenderer implements ExportListener {
    static final Duration REDRAW_INTERVAL = Duration.ofMillis(200);

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private Content content;
    private long lastDrawn;
    private int lastLength;
    private boolean drawn;

    ProgressRenderer(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void onCreated(ExportEvent.Created event) {
        content = event.content();
    }

    @Override
    public synchronized void onProgress(ExportEvent.ProgressMade event) {
        long now = nanoTime.getAsLong();
        if (drawn && now - lastDrawn < REDRAW_INTERVAL.toNanos()) {
            return;
        }
        lastDrawn = now;
        draw(line(event.progress(), content));
    }

    /** Clears the progress line, so the summary or an error starts on a clean line. */
    synchronized void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            drawn = false;
        }
    }

    private void draw(String line) {
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
        drawn = true;
    }

    static String line(Progress progress, Content content) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,d %s", progress.items(),
                Nouns.of(content, progress.items())));
        progress.total().ifPresent(total -> line.append(String.format(Locale.ROOT, " of %,d", total)));
        progress.percent().ifPresent(percent -> line.append(String.format(Locale.ROOT, " (%.0f%%)", percent)));
        line.append(String.format(Locale.ROOT, " · %,.0f/s", progress.itemsPerSecond()));
        progress.eta().ifPresent(eta -> line.append(" · ETA ").append(clock(eta)));
        line.append(" · ").append(clock(progress.elapsed())).append(" elapsed");
        return line.toString();
    }

    /** A duration as {@code 1:05} or {@code 1:02:05}. */
    static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        long hours = TimeUnit.SECONDS.toHours(seconds);
        long minutes = TimeUnit.SECONDS.toMinutes(seconds) % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", minutes, seconds % 60);
    }
}
