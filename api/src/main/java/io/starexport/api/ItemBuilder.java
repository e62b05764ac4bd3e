package io.starexport.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields every {@link Item} builder shares. Not thread-safe; build one item per builder.
 *
 * @param <B> the concrete builder, returned by every setter
 * @param <T> the item type built
 */
public abstract class ItemBuilder<B extends ItemBuilder<B, T>, T extends Item> {
    String platform;
    String id;
    String url;
    Instant createdAt;
    boolean createdAtApproximate;
    Author author;
    final Map<String, Object> extras = new LinkedHashMap<>();
    Enrichments enrichments = Enrichments.NONE;

    ItemBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Platform id; required. */
    public B platform(String platform) {
        this.platform = platform;
        return self();
    }

    /** The platform's id of the item; required. */
    public B id(String id) {
        this.id = id;
        return self();
    }

    /** Link to the item. */
    public B url(String url) {
        this.url = url;
        return self();
    }

    /** Exact creation time. */
    public B createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        this.createdAtApproximate = false;
        return self();
    }

    /** Creation time derived from a relative text such as "3 days ago"; the text is kept in extras. */
    public B createdAtApproximately(Instant createdAt, String rawText) {
        this.createdAt = createdAt;
        this.createdAtApproximate = true;
        this.extras.put("createdAtText", Objects.requireNonNull(rawText, "rawText"));
        return self();
    }

    /** The author. */
    public B author(Author author) {
        this.author = author;
        return self();
    }

    /** One platform-specific field; null values are left out. */
    public B extra(String name, Object value) {
        if (value != null) {
            extras.put(Objects.requireNonNull(name, "name"), value);
        }
        return self();
    }

    /** Several platform-specific fields. */
    public B extras(Map<String, ?> values) {
        values.forEach(this::extra);
        return self();
    }

    /** What enrichers found out about the item; {@link Enrichments#NONE} by default. */
    public B enrichments(Enrichments enrichments) {
        this.enrichments = Objects.requireNonNull(enrichments, "enrichments");
        return self();
    }

    /** Builds the item, checking required fields. */
    public abstract T build();

    Optional<String> urlValue() {
        return Optional.ofNullable(url);
    }

    Optional<Instant> createdAtValue() {
        return Optional.ofNullable(createdAt);
    }

    Optional<Author> authorValue() {
        return Optional.ofNullable(author);
    }
}
