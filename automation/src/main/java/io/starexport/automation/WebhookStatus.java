package io.starexport.automation;

/** Whether a webhook receives deliveries; {@link #code()} is the seed API's numeric {@code status}. */
public enum WebhookStatus {
    /** Turned off by the host; nothing is delivered. */
    DISABLED(0),
    /** Deliveries are sent. */
    ENABLED(1),
    /** Turned off after {@value Webhooks#SUSPEND_AFTER} consecutive failed deliveries, until toggled back on. */
    SUSPENDED(2);

    private final int code;

    WebhookStatus(int code) {
        this.code = code;
    }

    /** 0 disabled, 1 enabled, 2 suspended. */
    public int code() {
        return code;
    }
}
