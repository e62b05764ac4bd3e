package io.starexport.automation;

import java.util.Objects;

/**
 * A webhook just registered, with its signing secret. This is the only time the secret is shown: keep it
 * where the receiver can read it. {@link #toString()} masks it.
 *
 * @param webhook the webhook
 * @param secret  the HMAC-SHA256 key of its {@code X-Signature} header, {@code whsec_} and 43 characters
 */
public record WebhookRegistration(Webhook webhook, String secret) {
    public WebhookRegistration {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "WebhookRegistration[webhook=" + webhook + ", secret=whsec_***]";
    }
}
