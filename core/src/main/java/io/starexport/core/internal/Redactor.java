package io.starexport.core.internal;

import io.starexport.spi.Credentials;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Replaces secret values in text with {@code ***}, longest first so overlapping secrets vanish whole. */
public final class Redactor {
    /** Values shorter than this are not treated as secrets (they would blank out ordinary words). */
    private static final int MIN_SECRET_LENGTH = 4;
    private final List<String> secrets;

    private Redactor(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s.length() >= MIN_SECRET_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static Redactor of(Credentials credentials) {
        return new Redactor(credentials.secretValues());
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }
}
