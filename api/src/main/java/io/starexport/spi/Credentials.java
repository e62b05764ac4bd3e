package io.starexport.spi;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Named secrets for one platform: API keys, tokens, client ids and secrets, session cookies. Names are
 * lower snake case ({@code api_key}); lookups ignore case and accept dashes for underscores.
 * {@link #toString()} shows names only, never values.
 */
public final class Credentials {

    /** No credentials. */
    public static final Credentials NONE = new Credentials(Map.of());

    private final Map<String, String> values;

    private Credentials(Map<String, String> values) {
        Map<String, String> copy = new TreeMap<>();
        values.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                copy.put(normalise(name), value);
            }
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    /** Credentials from a name-to-value map; empty values are left out. */
    public static Credentials of(Map<String, String> values) {
        return new Credentials(values);
    }

    /** The canonical form of a credential name: lower case, underscores. */
    public static String normalise(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** The value of a credential. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(normalise(name)));
    }

    /** Whether a credential is set. */
    public boolean has(String name) {
        return values.containsKey(normalise(name));
    }

    /** The names that are set. */
    public Set<String> names() {
        return values.keySet();
    }

    /** Whether no credential is set. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The values, for redaction; never print these. */
    public java.util.Collection<String> secretValues() {
        return values.values();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Credentials" + values.keySet() + " (values hidden)";
    }
}
