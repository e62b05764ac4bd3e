package io.starexport.api;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One exported record. Every item names its platform and id, and keeps the platform-specific
 * fields that the common model has no place for in {@link #extras()} instead of dropping them.
 *
 * <p>{@code createdAt} is exact unless {@link #createdAtApproximate()} says the platform only gave a
 * relative time such as "3 days ago"; the raw text is then kept in {@code extras} under
 * {@code createdAtText}.
 *
 * <p>{@link #enrichments()} holds what the export's enrichment stage added (sentiment, language); platforms leave it
 * empty.
 */
public sealed interface Item permits Comment, Post, Profile, MediaItem {

    /** Platform id, for example {@code "reddit"}. */
    String platform();

    /** The platform's id of this item, unique within the platform and content. */
    String id();

    /** A link to the item on the platform, when it has one. */
    Optional<String> url();

    /** When the item was created. */
    Optional<Instant> createdAt();

    /** True when {@link #createdAt()} was derived from a relative time and is approximate. */
    boolean createdAtApproximate();

    /** Who wrote or owns the item. */
    Optional<Author> author();

    /** Platform-specific fields, in the order the platform gave them; values are JSON-like. */
    Map<String, Object> extras();

    /** The content this item belongs to. */
    Content content();

    /**
     * What the export's enrichers found out about this item (sentiment, language, a host's own values);
     * {@link Enrichments#NONE} when the export ran none.
     */
    Enrichments enrichments();

    /** A copy of this item carrying these enrichments instead of its own. */
    Item withEnrichments(Enrichments enrichments);
}
