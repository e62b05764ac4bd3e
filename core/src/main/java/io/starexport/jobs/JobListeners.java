package io.starexport.jobs;

import io.starexport.api.ExportEvent;
import io.starexport.api.ExportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** The executor's listeners: each event goes to every one in order; a listener that throws is logged and skipped. */
final class JobListeners {
    private static final Logger LOG = LoggerFactory.getLogger(JobListeners.class);
    private final List<ExportListener> listeners;

    JobListeners(List<ExportListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void emit(ExportEvent event) {
        for (ExportListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("Job listener {} threw {} on {}; ignored", listener.getClass().getName(), e,
                        event.getClass().getSimpleName());
                LOG.debug("Listener failure", e);
            }
        }
    }
}
