package io.starexport.automation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * One event sent (or tried) to one webhook, as its delivery log keeps it.
 *
 * @param messageId    the {@code message_id} of the payload; a resend keeps it, so receivers can deduplicate
 * @param webhookId    the webhook
 * @param event        what happened
 * @param at           when the first attempt started
 * @param responseCode the HTTP status of the last attempt; empty when it got no response
 * @param attempts     HTTP attempts made, resends included
 * @param duration     wall time of the attempts, backoff waits excluded
 * @param delivered    true when an attempt got a 2xx answer
 * @param error        what went wrong with the last attempt, when it failed without a response
 */
public record Delivery(String messageId, UUID webhookId, WebhookEvent event, Instant at, OptionalInt responseCode,
                       int attempts, Duration duration, boolean delivered, Optional<String> error) {
    public Delivery {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(responseCode, "responseCode");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(error, "error");
    }
}
