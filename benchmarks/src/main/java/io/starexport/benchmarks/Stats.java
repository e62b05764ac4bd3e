package io.starexport.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The median, min and max of several runs of one figure.
 *
 * @param median the median (the mean of the two middle values for an even count)
 * @param min    the smallest run
 * @param max    the largest run
 * @param runs   how many runs
 */
record Stats(double median, double min, double max, int runs) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no runs to summarise");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** Each run's ratio of {@code numerators[i] / denominators[i]}: runs taken side by side share the machine's noise. */
    static Stats ratios(List<Double> numerators, List<Double> denominators) {
        if (numerators.size() != denominators.size()) {
            throw new IllegalArgumentException(numerators.size() + " runs against " + denominators.size());
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            ratios.add(numerators.get(i) / denominators.get(i));
        }
        return of(ratios);
    }

    /** The JSON form in latest.json. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("median", round(median));
        json.put("min", round(min));
        json.put("max", round(max));
        json.put("runs", runs);
        return json;
    }

    /** For the table: {@code 12,300 [11,900–12,800]}. */
    String format() {
        return number(median) + " [" + number(min) + "–" + number(max) + "]";
    }

    static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static double round(double value) {
        return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10_000) / 10_000.0;
    }
}
