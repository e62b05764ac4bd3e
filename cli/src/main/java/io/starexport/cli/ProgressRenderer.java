package io.starexport.cli;

import io.starexport.api.Content;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportListener;
import io.starexport.api.MediaProgress;
import io.starexport.api.Progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * A live one-line progress display on a terminal's stderr, redrawn in place with {@code \r} at most every
 * {@link #REDRAW_INTERVAL}: items, percent of the platform's total when known, rate and time left. The line is
 * cut to the terminal's width (a wrapped line could not be redrawn in place) and cleared to the end of the row.
 * Thread-safe: events arrive on the exporting thread, {@link #finish()} comes from the command.
 */
final class ProgressRenderer implements ExportListener {
    static final Duration REDRAW_INTERVAL = Duration.ofMillis(200);
    private static final String CLEAR_TO_END = "\u001b[K";

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final IntSupplier width;
    private Content content;
    private MediaProgress media;
    private Progress items;
    private long lastDrawn;
    private boolean drawn;

    /** @param width the terminal's columns, asked at each redraw */
    ProgressRenderer(PrintWriter err, LongSupplier nanoTime, IntSupplier width) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.width = width;
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
        items = event.progress();
        redraw();
    }

    @Override
    public synchronized void onMediaProgress(ExportEvent.MediaProgressMade event) {
        media = event.progress();
        long now = nanoTime.getAsLong();
        if (drawn && now - lastDrawn < REDRAW_INTERVAL.toNanos()) {
            return;
        }
        lastDrawn = now;
        redraw();
    }

    /** A long wait the platform asked for replaces the line until the next progress. */
    @Override
    public synchronized void onWaiting(ExportEvent.Waiting event) {
        lastDrawn = nanoTime.getAsLong();
        draw(waiting(event));
    }

    /** {@code waiting 42 s for Reddit's rate limit}. */
    static String waiting(ExportEvent.Waiting event) {
        long seconds = (event.duration().toMillis() + 999) / 1000;
        return String.format(Locale.ROOT, "waiting %,d s for %s's rate limit", seconds, event.platform());
    }

    /** Without a live line: each long wait on a line of its own. */
    static ExportListener waitingLines(PrintWriter err) {
        return new ExportListener() {
            @Override
            public void onWaiting(ExportEvent.Waiting event) {
                err.println(waiting(event));
                err.flush();
            }
        };
    }

    private void redraw() {
        String mediaPart = media == null ? "" : mediaLine(media);
        draw(items == null ? mediaPart : line(items, content) + (mediaPart.isEmpty() ? "" : " · " + mediaPart));
    }

    /** Clears the progress line, so the summary or an error starts on a clean line. */
    synchronized void finish() {
        if (drawn) {
            err.print("\r" + CLEAR_TO_END);
            err.flush();
            drawn = false;
        }
    }

    private void draw(String line) {
        int columns = width.getAsInt();
        err.print("\r" + (line.length() < columns ? line : line.substring(0, columns - 2) + "…") + CLEAR_TO_END);
        err.flush();
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

    /** {@code media 3/10 files · 1.2 MB · 800 KB/s · ETA 0:05}. */
    static String mediaLine(MediaProgress progress) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "media %,d/%,d files", progress.finished(),
                progress.files()));
        if (progress.failed() > 0) {
            line.append(String.format(Locale.ROOT, " (%,d failed)", progress.failed()));
        }
        line.append(" · ").append(bytes(progress.bytes())).append(" · ").append(bytes((long) progress.bytesPerSecond()))
                .append("/s");
        progress.eta().ifPresent(eta -> line.append(" · ETA ").append(clock(eta)));
        return line.toString();
    }

    /** {@code 950 B}, {@code 1.2 KB}, {@code 3.4 MB}, {@code 1.1 GB} (powers of 1024). */
    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
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
