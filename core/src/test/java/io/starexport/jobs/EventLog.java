package io.starexport.jobs;

import io.starexport.api.ExportEvent;
import io.starexport.api.ExportListener;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Records every event it hears, in arrival order; thread-safe. */
final class EventLog implements ExportListener {
    private final List<ExportEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(ExportEvent event) {
        events.add(event);
    }

    synchronized List<ExportEvent> of(UUID jobId) {
        return events.stream().filter(e -> e.exportId().equals(jobId)).toList();
    }

    synchronized <E extends ExportEvent> List<E> of(UUID jobId, Class<E> type) {
        return events.stream().filter(e -> e.exportId().equals(jobId)).filter(type::isInstance).map(type::cast).toList();
    }

    synchronized <E extends ExportEvent> List<E> all(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A job's events other than progress, by simple type name, in order: "Created", "Started", ... */
    synchronized List<String> transitions(UUID jobId) {
        return kinds(jobId).stream().filter(kind -> !kind.equals("ProgressMade")).toList();
    }

    /** The simple names of a job's event types, in order: "Created", "Started", ... */
    synchronized List<String> kinds(UUID jobId) {
        return of(jobId).stream().map(e -> e.getClass().getSimpleName()).toList();
    }
}
