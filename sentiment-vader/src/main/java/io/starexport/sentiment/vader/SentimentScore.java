package io.starexport.sentiment.vader;

/**
 * The sentiment of one text, as VADER reports it.
 *
 * <p>{@code compound} is the normalised sum of the words' valences, from −1 (most negative) to +1
 * (most positive), rounded to 4 decimals; {@code positive}, {@code neutral} and {@code negative} are
 * the shares of the text that fall in each class, each rounded to 3 decimals, and add up to about 1
 * (all three are 0 for a text without words). The rounding is the reference implementation's. The
 * scores are VADER's for every text; for a text not in English they mean little, and the label says so.
 *
 * @param compound the normalised, weighted composite score in [−1, 1]
 * @param positive the share of positive sentiment in [0, 1]
 * @param neutral the share of neutral words in [0, 1]
 * @param negative the share of negative sentiment in [0, 1]
 * @param label the class the compound score falls in, or {@link Label#UNDETERMINED} for a text in
 *        another language than English
 * @param language the text's language as {@link LanguageDetector} tells it: an ISO 639-1 code such as
 *        {@code en} or {@code es}, or {@code und} when the text gives no evidence (then it is scored as
 *        English, as VADER handles emoticons, emoji and slang)
 */
public record SentimentScore(double compound, double positive, double neutral, double negative, Label label,
        String language) {

    /** The compound score from which a text is positive: {@value}. */
    public static final double POSITIVE_THRESHOLD = 0.05;
    /** The compound score up to which a text is negative: {@value}. */
    public static final double NEGATIVE_THRESHOLD = -0.05;

    /**
     * Checks the label and language are given.
     *
     * @throws NullPointerException if {@code label} or {@code language} is null
     */
    public SentimentScore {
        java.util.Objects.requireNonNull(label, "label");
        java.util.Objects.requireNonNull(language, "language");
    }

    /** The class of a text's sentiment. */
    public enum Label {
        /** Compound score at or above {@value SentimentScore#POSITIVE_THRESHOLD}. */
        POSITIVE,
        /** Compound score strictly between the two thresholds. */
        NEUTRAL,
        /** Compound score at or below {@value SentimentScore#NEGATIVE_THRESHOLD}. */
        NEGATIVE,
        /** The analyzer cannot judge the text, for instance because it is not in English. */
        UNDETERMINED;

        /**
         * The label of a compound score by VADER's usual thresholds.
         *
         * @param compound a compound score
         * @return {@link #POSITIVE}, {@link #NEGATIVE} or {@link #NEUTRAL}
         */
        public static Label of(double compound) {
            if (compound >= POSITIVE_THRESHOLD) {
                return POSITIVE;
            }
            return compound <= NEGATIVE_THRESHOLD ? NEGATIVE : NEUTRAL;
        }
    }
}
