package io.starexport.api;

/**
 * Receives the events of exports. Every method has a no-op default, so a listener overrides only
 * what it needs. A listener that throws is logged and ignored: it never breaks the export or other
 * listeners. Calls come from the exporting thread; keep them quick.
 */
public interface ExportListener {

    /** A listener that ignores everything. */
    ExportListener NONE = new ExportListener() {
    };

    default void onCreated(ExportEvent.Created event) {
    }

    default void onStarted(ExportEvent.Started event) {
    }

    default void onProgress(ExportEvent.ProgressMade event) {
    }

    default void onMediaProgress(ExportEvent.MediaProgressMade event) {
    }

    default void onFinished(ExportEvent.Finished event) {
    }

    default void onFailed(ExportEvent.Failed event) {
    }

    default void onCancelled(ExportEvent.Cancelled event) {
    }

    default void onRequeued(ExportEvent.Requeued event) {
    }

    default void onWaiting(ExportEvent.Waiting event) {
    }

    /**
     * Calls the method matching the event's type. Override to see every event in one place.
     */
    default void onEvent(ExportEvent event) {
        if (event instanceof ExportEvent.Created e) {
            onCreated(e);
        } else if (event instanceof ExportEvent.Started e) {
            onStarted(e);
        } else if (event instanceof ExportEvent.ProgressMade e) {
            onProgress(e);
        } else if (event instanceof ExportEvent.MediaProgressMade e) {
            onMediaProgress(e);
        } else if (event instanceof ExportEvent.Finished e) {
            onFinished(e);
        } else if (event instanceof ExportEvent.Failed e) {
            onFailed(e);
        } else if (event instanceof ExportEvent.Cancelled e) {
            onCancelled(e);
        } else if (event instanceof ExportEvent.Requeued e) {
            onRequeued(e);
        } else if (event instanceof ExportEvent.Waiting e) {
            onWaiting(e);
        }
    }
}
