package io.starexport.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the results table, with the keys it contributes to {@code latest.json}.
 *
 * @param name     what was measured, as the table shows it
 * @param figures  the {@code latest.json} keys and values (a {@link Stats} JSON object or a boolean)
 * @param result   the figure as the table shows it, with its unit
 * @param baseline the baseline and its figure, or a dash
 * @param ratio    the figure over its baseline, or a dash
 * @param target   the target from issue 10
 * @param met      whether the target was met
 * @param note     the cause of a miss or what limits the figure
 */
record Row(String name, Map<String, Object> figures, String result, String baseline, String ratio, String target,
           Met met, String note) {

    /** Whether a row met its target. */
    enum Met {
        YES("yes"), NO("**no**"), NOT_APPLICABLE("n/a");

        final String text;

        Met(String text) {
            this.text = text;
        }

        static Met of(boolean met) {
            return met ? YES : NO;
        }
    }

    /** How the note of a {@link #failed} row starts. */
    static final String FAILED = "the harness failed: ";

    Row {
        Objects.requireNonNull(name, "name");
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** Keys and values in the given order, for {@link #figures()}. */
    static Map<String, Object> figures(Object... keysAndValues) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            figures.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return figures;
    }

    /** A measurement that broke; its keys say so instead of holding a number. */
    static Row failed(String name, String measurement, Exception cause) {
        String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new Row(name, Map.of(measurement + ".error", message), "failed", "—", "—", "—", Met.NO,
                FAILED + message);
    }
}
