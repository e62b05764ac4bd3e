package io.starexport.spi;

import io.starexport.api.Enrichments;
import io.starexport.api.Item;

import java.util.List;

/**
 * A step of the enrichment stage, which runs between the extractor and the writers: it looks at each page of items
 * an export delivers and says what it finds out about each one (a {@link io.starexport.api.Sentiment}, a
 * {@link io.starexport.api.Language}, or the host's own values in {@link Enrichments#custom()}).
 *
 * <p>An export runs the enrichers its request names ({@code ExportRequest.Builder.enrich(id)}), in that order, on
 * every page; a later enricher's findings win where both say something. Enrichers are found with
 * {@link java.util.ServiceLoader} or registered on the engine's builder ({@code StarExport.Builder.enricher}), which
 * wins over a discovered one with the same id.
 *
 * <p>One instance serves every export of an engine, possibly from several threads at once: keep no per-export state
 * in fields. Call remote services through {@link EnricherContext#http()} so they get the engine's rate limit,
 * retries and redaction.
 *
 * <p>Errors: throw an {@link io.starexport.api.ExportException} with the code that fits (the context's HTTP client
 * already does for HTTP failures); any other exception fails the export as
 * {@link io.starexport.api.ErrorCode#INTERNAL}. Either way the page is not written, and a resumed export scores it
 * again.
 */
public interface Enricher {

    /** The id a request names, lower case, such as {@code vader}; also the key of its credentials and rate limit. */
    String id();

    /**
     * What this enricher finds out about each item of one page.
     *
     * @param items   the page's items, after the export's filters and duplicate removal; never empty
     * @param context the engine's services for this export
     * @return one {@link Enrichments} per item, in the same order ({@link Enrichments#NONE} for an item it has
     * nothing to say about)
     */
    List<Enrichments> enrich(List<Item> items, EnricherContext context);

    /** The credential names this enricher reads, for documentation and checks; none by default. */
    default List<String> credentialNames() {
        return List.of();
    }

    /**
     * How fast {@link EnricherContext#http()} may send requests, per engine and credentials, unless the host sets
     * {@code rateLimit(id, …)} on the engine's builder. A generous 100 a second by default; a cloud service's
     * enricher should state its provider's limit.
     */
    default RateLimit defaultRateLimit(Credentials credentials) {
        return RateLimit.perSecond(100);
    }
}
