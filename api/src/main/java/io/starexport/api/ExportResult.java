package io.starexport.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What a finished export did, and how complete it is.
 *
 * @param exportId       the export's id, as in its events
 * @param target         what was exported
 * @param content        which content
 * @param items          items delivered
 * @param pages          pages fetched
 * @param skipped        items left out because they could not be parsed
 * @param skippedSamples the first few skipped items, with the path that failed
 * @param duplicates     items dropped because an item with the same id was already delivered
 * @param outsideWindow  items dropped because they were created outside {@code since}/{@code until}
 * @param reportedTotal  the total the platform reported, when it reports one
 * @param stopReason     why the export stopped
 * @param files          the output files written, in the order they were given
 * @param bytes          bytes written across all files
 * @param notes          things the user should know, such as a sort the platform could not honour
 * @param elapsed        wall time of the export
 * @param media          what the media downloads did, when the export downloaded media
 */
public record ExportResult(UUID exportId, Target target, Content content, long items, long pages, long skipped,
                           List<Skipped> skippedSamples, long duplicates, long outsideWindow,
                           OptionalLong reportedTotal,
                           StopReason stopReason, List<Path> files, long bytes, List<String> notes,
                           Duration elapsed, Optional<MediaSummary> media) {

    /** Why an export stopped. */
    public enum StopReason {
        /** The platform had no more pages. */
        COMPLETE,
        /** The requested limit was reached. */
        LIMIT,
        /** Newest-first pages passed the {@code since} date, so older pages were not read. */
        DATE_WINDOW
    }

    public ExportResult {
        Objects.requireNonNull(exportId, "exportId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        skippedSamples = List.copyOf(skippedSamples);
        reportedTotal = Values.orEmpty(reportedTotal);
        Objects.requireNonNull(stopReason, "stopReason");
        files = List.copyOf(files);
        notes = List.copyOf(notes);
        Objects.requireNonNull(elapsed, "elapsed");
        media = Values.orEmpty(media);
    }

    /**
     * One sentence on how complete the export is: the items delivered against the platform's
     * total, and why they differ.
     */
    public String completeness() {
        StringBuilder text = new StringBuilder().append(items).append(' ')
                .append(content.name().toLowerCase(java.util.Locale.ROOT)).append(" exported");
        reportedTotal.ifPresent(total -> text.append(" of ").append(total).append(" reported by ").append(target.platform()));
        switch (stopReason) {
            case LIMIT -> text.append("; stopped at the requested limit");
            case DATE_WINDOW -> text.append("; older items are outside the requested date window");
            case COMPLETE -> {
                if (reportedTotal.isPresent() && reportedTotal.getAsLong() > items) {
                    text.append("; the platform counts items it does not return (deleted, hidden or filtered)");
                }
            }
        }
        if (skipped > 0) {
            text.append("; ").append(skipped).append(" skipped as unparseable");
        }
        if (outsideWindow > 0) {
            text.append("; ").append(outsideWindow).append(" outside the date window");
        }
        if (duplicates > 0) {
            text.append("; ").append(duplicates).append(" duplicates dropped");
        }
        return text.append('.').toString();
    }
}
