package io.starexport.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the enrichment stage found out about one item: its {@link Sentiment}, its {@link Language}, and named values
 * a host's own enricher adds. Every {@link Item} carries one; {@link #NONE} when the export ran no enricher or the
 * enrichers had nothing to say. Immutable.
 *
 * <pre>{@code
 * Enrichments found = Enrichments.NONE.withSentiment(Sentiment.of(0.62, "vader")).withLanguage(Language.of("en"));
 * }</pre>
 *
 * @param sentiment how the text feels, when an enricher judged it
 * @param language  the text's language, when an enricher detected it
 * @param custom    a host enricher's values by name, in the order given; values are JSON-like (strings, numbers,
 *                  booleans, lists and maps of them), as in {@link Item#extras()}
 */
public record Enrichments(Optional<Sentiment> sentiment, Optional<Language> language, Map<String, Object> custom) {
    /** Nothing found. */
    public static final Enrichments NONE = new Enrichments(Optional.empty(), Optional.empty(), Map.of());

    public Enrichments {
        sentiment = Values.orEmpty(sentiment);
        language = Values.orEmpty(language);
        custom = Values.extras(custom);
    }

    /** Whether nothing was found. */
    public boolean isEmpty() {
        return sentiment.isEmpty() && language.isEmpty() && custom.isEmpty();
    }

    /** A copy with this sentiment. */
    public Enrichments withSentiment(Sentiment sentiment) {
        return new Enrichments(Optional.of(Objects.requireNonNull(sentiment, "sentiment")), language, custom);
    }

    /** A copy with this language. */
    public Enrichments withLanguage(Language language) {
        return new Enrichments(sentiment, Optional.of(Objects.requireNonNull(language, "language")), custom);
    }

    /** A copy with one more custom value (replacing one of the same name). */
    public Enrichments withCustom(String name, Object value) {
        Map<String, Object> values = new LinkedHashMap<>(custom);
        values.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Enrichments(sentiment, language, values);
    }

    /**
     * These findings with a later enricher's on top: its sentiment and language win where it has them, and its
     * custom values are added, replacing ones of the same name.
     */
    public Enrichments merge(Enrichments later) {
        Objects.requireNonNull(later, "later");
        if (isEmpty()) {
            return later;
        }
        if (later.isEmpty()) {
            return this;
        }
        Map<String, Object> values = new LinkedHashMap<>(custom);
        values.putAll(later.custom);
        return new Enrichments(later.sentiment.or(() -> sentiment), later.language.or(() -> language), values);
    }
}
