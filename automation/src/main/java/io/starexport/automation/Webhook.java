package io.starexport.automation;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A registered webhook as it stands. Immutable; never holds the signing secret, which is shown once, by
 * {@link Webhooks#register} and {@link Webhooks#rotateSecret}.
 *
 * @param id                  the webhook's id
 * @param url                 where deliveries are POSTed
 * @param events              the events it receives
 * @param status              enabled, disabled, or suspended after repeated failures
 * @param consecutiveFailures failed deliveries since the last successful one (or since it was re-enabled)
 * @param eventsCount         deliveries that succeeded, in total
 * @param lastEventAt         when the last delivery was attempted
 * @param createdAt           when it was registered
 */
public record Webhook(UUID id, URI url, Set<WebhookEvent> events, WebhookStatus status, int consecutiveFailures,
                      long eventsCount, Optional<Instant> lastEventAt, Instant createdAt) {
    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        events = Set.copyOf(events);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** True when deliveries are sent. */
    public boolean enabled() {
        return status == WebhookStatus.ENABLED;
    }
}
