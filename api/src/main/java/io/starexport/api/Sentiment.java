package io.starexport.api;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How an item's text feels, as one enricher judged it.
 *
 * <p>{@code compound} is a normalised score from −1 (most negative) to 1 (most positive); it is absent only when the
 * label is {@link Label#UNDETERMINED}, which an enricher gives to text it cannot judge (another language, no words)
 * instead of calling it neutral. {@code positive}, {@code neutral} and {@code negative} are the shares of the text
 * of each tone, from 0 to 1, for enrichers that report them (VADER does; most cloud services do not).
 *
 * @param label    the class of the text
 * @param compound the score, −1..1; absent for {@link Label#UNDETERMINED}
 * @param positive the positive share, 0..1, when the enricher reports it
 * @param neutral  the neutral share, 0..1, when the enricher reports it
 * @param negative the negative share, 0..1, when the enricher reports it
 * @param provider the id of the enricher that judged, such as {@code vader}
 */
public record Sentiment(Label label, OptionalDouble compound, OptionalDouble positive, OptionalDouble neutral,
                        OptionalDouble negative, String provider) {

    /** The class of a text. */
    public enum Label {
        POSITIVE, NEGATIVE, NEUTRAL,
        /** The enricher could not judge the text (not a language it reads, or no words); not the same as neutral. */
        UNDETERMINED;

        /**
         * The label of a compound score by the usual thresholds: positive at 0.05 or more, negative at −0.05 or
         * less, neutral between.
         */
        public static Label of(double compound) {
            return compound >= 0.05 ? POSITIVE : compound <= -0.05 ? NEGATIVE : NEUTRAL;
        }
    }

    public Sentiment {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(provider, "provider");
        compound = compound == null ? OptionalDouble.empty() : compound;
        positive = share(positive, "positive");
        neutral = share(neutral, "neutral");
        negative = share(negative, "negative");
        if (label == Label.UNDETERMINED && compound.isPresent()) {
            throw new IllegalArgumentException("an UNDETERMINED sentiment has no compound score but was given "
                    + compound.getAsDouble());
        }
        if (label != Label.UNDETERMINED) {
            double score = compound.orElseThrow(() -> new IllegalArgumentException("a " + label
                    + " sentiment needs a compound score"));
            if (!(score >= -1 && score <= 1)) {
                throw new IllegalArgumentException("compound must be within -1..1 but was " + score);
            }
        }
    }

    /** A judgement with a compound score and its label by {@link Label#of(double)}, without the shares. */
    public static Sentiment of(double compound, String provider) {
        return new Sentiment(Label.of(compound), OptionalDouble.of(compound), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), provider);
    }

    /** A judgement with the compound score, its label by {@link Label#of(double)}, and the three shares. */
    public static Sentiment of(double compound, double positive, double neutral, double negative, String provider) {
        return new Sentiment(Label.of(compound), OptionalDouble.of(compound), OptionalDouble.of(positive),
                OptionalDouble.of(neutral), OptionalDouble.of(negative), provider);
    }

    /** The enricher could not judge this text. */
    public static Sentiment undetermined(String provider) {
        return new Sentiment(Label.UNDETERMINED, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), provider);
    }

    private static OptionalDouble share(OptionalDouble value, String name) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (value.isPresent() && !(value.getAsDouble() >= 0 && value.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1 but was " + value.getAsDouble());
        }
        return value;
    }
}
