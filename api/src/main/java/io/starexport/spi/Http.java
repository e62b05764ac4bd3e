package io.starexport.spi;

/**
 * The engine's HTTP client as a plugin sees it. Requests wait for the platform's rate-limit bucket;
 * 429, 5xx and I/O failures of idempotent requests are retried with exponential backoff and full
 * jitter, honouring {@code Retry-After}. When retries run out the call throws
 * {@link io.starexport.api.ExportException} with {@code RATE_LIMITED} or {@code NETWORK}. Every other
 * response, success or not, is returned for the plugin to interpret (platforms put their error
 * reasons in the body).
 */
@FunctionalInterface
public interface Http {

    /**
     * Sends a request and reads the whole response.
     *
     * @throws io.starexport.api.ExportException {@code NETWORK}, {@code RATE_LIMITED} or {@code CANCELLED}
     */
    HttpResponse send(HttpRequest request);
}
