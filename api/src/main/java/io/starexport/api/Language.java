package io.starexport.api;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The language an enricher detected in an item's text.
 *
 * @param code       the ISO 639-1 code, lower case, such as {@code en} or {@code de}
 * @param confidence how sure the detector is, 0..1, when it says
 */
public record Language(String code, OptionalDouble confidence) {

    public Language {
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("a language code must not be blank");
        }
        code = code.toLowerCase(Locale.ROOT);
        confidence = confidence == null ? OptionalDouble.empty() : confidence;
        if (confidence.isPresent() && !(confidence.getAsDouble() >= 0 && confidence.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1 but was " + confidence.getAsDouble());
        }
    }

    /** A language without a confidence. */
    public static Language of(String code) {
        return new Language(code, OptionalDouble.empty());
    }

    /** A language with the detector's confidence, 0..1. */
    public static Language of(String code, double confidence) {
        return new Language(code, OptionalDouble.of(confidence));
    }
}
