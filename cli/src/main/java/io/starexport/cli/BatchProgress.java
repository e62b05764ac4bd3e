package io.starexport.cli;

import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportListener;
import io.starexport.api.Progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The progress of a batch on stderr. On a terminal: a live block, redrawn in place at most every
 * {@link ProgressRenderer#REDRAW_INTERVAL}, with a header (done, running, failed, queued, elapsed) and one
 * line per running job, while each job's end is printed above it as a permanent line. Elsewhere (a pipe, a
 * log file): one plain line per transition (started, resumed, retrying, done, failed, cancelled), no redraws.
 * Thread-safe: events arrive on the jobs' threads.
 */
final class BatchProgress implements ExportListener {
    /** Running jobs shown at most in the live block; the header counts all. */
    static final int MAX_LIVE_LINES = 8;
    /** How often the terminal's width is asked again, to follow a resized window. */
    static final Duration WIDTH_CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final String UP_AND_CLEAR = "\u001b[%dF\u001b[J";

    /** How a job is named in progress lines: its line in the URL list and its target. */
    record Label(int line, String target, Content content) {
        @Override
        public String toString() {
            return "line " + line + " " + target;
        }
    }

    private final PrintWriter err;
    private final boolean live;
    private final IntSupplier width;
    private final LongSupplier nanoTime;
    private final long startedAt;
    private final int total;
    private final Map<UUID, Label> labels = new ConcurrentHashMap<>();
    private final Map<String, Label> byUrl;
    private final Map<UUID, Progress> running = new LinkedHashMap<>();
    private int done;
    private int failed;
    private int drawnLines;
    private long lastDrawn;

    /**
     * @param width  the terminal's width, asked at each redraw: live lines are cut to fit, as a wrapped line
     *               would break the redraw
     * @param byUrl  the label of each job by its canonical URL, to name jobs announced by {@code Created}
     * @param total  jobs in the batch, earlier runs' finished ones included
     * @param done   jobs that finished in an earlier run
     */
    BatchProgress(PrintWriter err, boolean live, IntSupplier width, LongSupplier nanoTime, Map<String, Label> byUrl, int total,
                  int done) {
        this.err = err;
        this.live = live;
        this.width = width;
        this.nanoTime = nanoTime;
        this.startedAt = nanoTime.getAsLong();
        this.byUrl = Map.copyOf(byUrl);
        this.total = total;
        this.done = done;
    }

    /** Names a job that will not announce itself with {@code Created}: one resumed or retried from the store. */
    void name(UUID job, Label label) {
        labels.put(job, label);
    }

    @Override
    public void onCreated(ExportEvent.Created event) {
        Label label = byUrl.get(event.url());
        if (label != null) {
            labels.put(event.exportId(), label);
        }
    }

    @Override
    public synchronized void onStarted(ExportEvent.Started event) {
        running.put(event.exportId(), null);
        transition(event.exportId(), event.resumed() ? "resumed from its checkpoint" + attempt(event.attempt())
                : "started" + attempt(event.attempt()));
    }

    @Override
    public synchronized void onProgress(ExportEvent.ProgressMade event) {
        if (running.containsKey(event.exportId())) {
            running.put(event.exportId(), event.progress());
        }
        if (live && nanoTime.getAsLong() - lastDrawn >= ProgressRenderer.REDRAW_INTERVAL.toNanos()) {
            redraw(List.of());
        }
    }

    @Override
    public synchronized void onFinished(ExportEvent.Finished event) {
        running.remove(event.exportId());
        done++;
        transition(event.exportId(), String.format(Locale.ROOT, "done, %,d %s", event.result().items(),
                Nouns.of(event.result().content(), event.result().items())));
    }

    @Override
    public synchronized void onFailed(ExportEvent.Failed event) {
        running.remove(event.exportId());
        failed++;
        transition(event.exportId(), "failed [" + event.error().code() + "] " + event.error().getMessage());
    }

    @Override
    public synchronized void onRequeued(ExportEvent.Requeued event) {
        running.remove(event.exportId());
        if (event.cause().code() == ErrorCode.CANCELLED) {
            // The executor was closed (Ctrl-C): the job goes back to the store, to resume on the next run.
            transition(event.exportId(), "stopped; its checkpoint is kept");
            return;
        }
        transition(event.exportId(), "[" + event.cause().code() + "] " + event.cause().getMessage() + " — trying again"
                + (event.delay().isZero() ? "" : " in " + ExportCommand.seconds(event.delay())));
    }

    @Override
    public synchronized void onCancelled(ExportEvent.Cancelled event) {
        running.remove(event.exportId());
        transition(event.exportId(), "cancelled; its checkpoint is kept");
    }

    /** Clears the live block, so the summary starts on a clean line. */
    synchronized void finish() {
        if (live && drawnLines > 0) {
            err.print(String.format(Locale.ROOT, UP_AND_CLEAR, drawnLines));
            err.flush();
            drawnLines = 0;
        }
    }

    private static String attempt(int attempt) {
        return attempt > 1 ? " (attempt " + attempt + ")" : "";
    }

    private void transition(UUID job, String what) {
        String line = labels.getOrDefault(job, new Label(0, "job " + job.toString().substring(0, 8), null)) + ": " + what;
        if (live) {
            redraw(List.of(line));
        } else {
            err.println(line);
            err.flush();
        }
    }

    /** Prints the permanent lines above the live block and draws the block again. */
    private void redraw(List<String> permanent) {
        StringBuilder screen = new StringBuilder();
        if (drawnLines > 0) {
            screen.append(String.format(Locale.ROOT, UP_AND_CLEAR, drawnLines));
        }
        permanent.forEach(line -> screen.append(line).append('\n'));
        List<String> block = block();
        block.forEach(line -> screen.append(line).append('\n'));
        err.print(screen);
        err.flush();
        drawnLines = block.size();
        lastDrawn = nanoTime.getAsLong();
    }

    /** The columns of a terminal: {@code COLUMNS} when the shell exports it, else 80. */
    static int width(Map<String, String> environment) {
        try {
            return Math.max(20, Integer.parseInt(environment.getOrDefault("COLUMNS", "80").strip()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /**
     * The columns of the terminal the process runs in ({@link Terminal#columns()}), asked again at most every
     * {@link #WIDTH_CHECK_INTERVAL} so the block follows a resized window; {@link #width(Map)} when undetected.
     */
    static IntSupplier terminalWidth(Map<String, String> environment, IntSupplier columns, LongSupplier nanoTime) {
        int fallback = width(environment);
        return new IntSupplier() {
            private long checkedAt;
            private int width;

            @Override
            public synchronized int getAsInt() {
                long now = nanoTime.getAsLong();
                if (width == 0 || now - checkedAt >= WIDTH_CHECK_INTERVAL.toNanos()) {
                    int detected = columns.getAsInt();
                    width = detected > 0 ? Math.max(20, detected) : fallback;
                    checkedAt = now;
                }
                return width;
            }
        };
    }

    /** The header and one line per running job, each cut to the terminal's width. */
    List<String> block() {
        List<String> lines = new ArrayList<>();
        int queued = Math.max(0, total - done - failed - running.size());
        lines.add(String.format(Locale.ROOT, "jobs: %d/%d done · %d running · %d failed · %d queued · %s elapsed", done,
                total, running.size(), failed, queued, ProgressRenderer.clock(Duration.ofNanos(nanoTime.getAsLong()
                        - startedAt))));
        int shown = 0;
        for (Map.Entry<UUID, Progress> job : running.entrySet()) {
            if (shown++ == MAX_LIVE_LINES) {
                lines.add("  … and " + (running.size() - MAX_LIVE_LINES) + " more running");
                break;
            }
            Label label = labels.get(job.getKey());
            String name = label == null ? "job " + job.getKey().toString().substring(0, 8) : label.toString();
            lines.add("  " + name + "  " + (job.getValue() == null ? "starting…"
                    : ProgressRenderer.line(job.getValue(), label == null ? null : label.content())));
        }
        int columns = width.getAsInt();
        return lines.stream().map(line -> line.length() < columns ? line : line.substring(0, columns - 2) + "…")
                .toList();
    }
}
