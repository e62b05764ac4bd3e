package io.starexport.spi;

import java.time.Clock;

/**
 * What an {@link Enricher} may use during one export. Given by the engine, the same for every page of the export.
 */
public interface EnricherContext {

    /**
     * The engine's HTTP client for this export and enricher: its own rate-limit bucket (keyed by the enricher's id and
     * credentials), the engine's retries and proxy, and logs and error messages with the credentials redacted.
     */
    Http http();

    /**
     * The host's credentials for this enricher: set on the engine's builder with {@code credential(id, name, value)},
     * from a named credential set, or from the environment variables {@code STAREXPORT_<ID>_<NAME>}.
     */
    Credentials credentials();

    /** The engine's clock; use it instead of {@code Instant.now()} so tests can control time. */
    Clock clock();

    /** The text with every credential value of this enricher replaced by {@code ***}; for log and error messages. */
    String redact(String text);
}
