package io.starexport.core.internal;

import io.starexport.api.ExportEvent;
import io.starexport.api.ExportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Delivers events to listeners in order; a throwing listener is logged and skipped. */
public final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);
    private final List<ExportListener> listeners;

    public Events(List<ExportListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    public void emit(ExportEvent event) {
        for (ExportListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("Export listener {} threw {} on {}; ignored", listener.getClass().getName(), e,
                        event.getClass().getSimpleName());
                LOG.debug("Listener failure", e);
            }
        }
    }
}
