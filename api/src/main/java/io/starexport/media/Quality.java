package io.starexport.media;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Which rendition to download when the platform offers a media file in several (sizes, bit rates):
 * {@link #BEST} (the largest), {@link #WORST} (the smallest) or {@link #maxHeight(int)} (the largest
 * no taller than a height, else the smallest). Renditions are ranked by pixel height, then width; when
 * no rendition has a known size, the one the platform shows by default is taken. Immutable.
 */
public final class Quality {
    /** The largest rendition; the default. */
    public static final Quality BEST = new Quality("best", OptionalInt.empty());
    /** The smallest rendition. */
    public static final Quality WORST = new Quality("worst", OptionalInt.empty());

    private final String name;
    private final OptionalInt maxHeight;

    private Quality(String name, OptionalInt maxHeight) {
        this.name = name;
        this.maxHeight = maxHeight;
    }

    /** The largest rendition at most {@code pixels} tall; the smallest when every rendition is taller. */
    public static Quality maxHeight(int pixels) {
        if (pixels < 1) {
            throw new IllegalArgumentException("maxHeight must be >= 1 but was " + pixels);
        }
        return new Quality(pixels + "p", OptionalInt.of(pixels));
    }

    /**
     * Parses {@code best}, {@code worst}, {@code 720} or {@code 720p}, ignoring case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Quality parse(String text) {
        String value = Objects.requireNonNull(text, "text").trim().toLowerCase(Locale.ROOT);
        if (value.equals("best")) {
            return BEST;
        }
        if (value.equals("worst")) {
            return WORST;
        }
        String digits = value.endsWith("p") ? value.substring(0, value.length() - 1) : value;
        if (!digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(Character::isDigit)) {
            return maxHeight(Integer.parseInt(digits));
        }
        throw new IllegalArgumentException("quality must be best, worst or a maximum height such as 720p, but was '"
                + text + "'");
    }

    /** The height limit of {@link #maxHeight(int)}; empty for {@link #BEST} and {@link #WORST}. */
    public OptionalInt maxHeight() {
        return maxHeight;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Quality that && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** {@code best}, {@code worst} or {@code 720p}: the form {@link #parse} reads. */
    @Override
    public String toString() {
        return name;
    }
}
