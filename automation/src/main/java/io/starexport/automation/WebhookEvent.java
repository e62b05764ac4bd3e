package io.starexport.automation;

import java.util.Locale;

/** What a webhook can be told about; {@link #wireName()} is the {@code event} field of the delivery. */
public enum WebhookEvent {
    /** A job was submitted ({@code export.created}). */
    EXPORT_CREATED("export.created"),
    /** A job succeeded ({@code export.finished}). */
    EXPORT_FINISHED("export.finished"),
    /** A job failed for good ({@code export.failed}). */
    EXPORT_FAILED("export.failed"),
    /** A failed attempt was queued to be tried again ({@code export.requeued}). */
    EXPORT_REQUEUED("export.requeued"),
    /** A job was cancelled ({@code export.stopped}). */
    EXPORT_STOPPED("export.stopped"),
    /** A schedule's run ended, successfully or not ({@code schedule.run}). */
    SCHEDULE_RUN("schedule.run"),
    /** A workflow's run ended ({@code workflow.finished}). */
    WORKFLOW_FINISHED("workflow.finished");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    /** The event's name in deliveries, such as {@code export.finished}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The event with this wire name.
     *
     * @throws IllegalArgumentException when no event has it
     */
    public static WebhookEvent fromWireName(String name) {
        for (WebhookEvent event : values()) {
            if (event.wireName.equals(name.toLowerCase(Locale.ROOT))) {
                return event;
            }
        }
        throw new IllegalArgumentException("Unknown webhook event '" + name + "'; known: export.created, "
                + "export.finished, export.failed, export.requeued, export.stopped, schedule.run, workflow.finished");
    }
}
