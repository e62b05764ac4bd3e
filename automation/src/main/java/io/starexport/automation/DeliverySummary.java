package io.starexport.automation;

/**
 * Totals over every webhook's delivery log.
 *
 * @param totalWebhooks        webhooks registered
 * @param activeWebhooks       webhooks enabled (not disabled, not suspended)
 * @param totalEvents          deliveries in the logs
 * @param successfulDeliveries deliveries that got a 2xx answer
 * @param failedDeliveries     deliveries that did not, after every attempt
 */
public record DeliverySummary(int totalWebhooks, int activeWebhooks, long totalEvents, long successfulDeliveries,
                              long failedDeliveries) {
}
