package io.starexport.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Normalisation shared by the model's compact constructors: null becomes absent, collections become immutable. */
final class Values {
    private Values() {
    }

    static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    static OptionalLong orEmpty(OptionalLong value) {
        return value == null ? OptionalLong.empty() : value;
    }

    static OptionalInt orEmpty(OptionalInt value) {
        return value == null ? OptionalInt.empty() : value;
    }

    static OptionalLong count(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    static Map<String, Object> extras(Map<String, Object> extras) {
        if (extras == null || extras.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        extras.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "extras key"),
                Objects.requireNonNull(value, () -> "extras value of " + key)));
        return Collections.unmodifiableMap(copy);
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
