package io.starexport.sentiment.vader;

import java.util.Objects;

/**
 * Scores the sentiment of short English texts, such as comments, by the VADER method (Hutto and
 * Gilbert, ICWSM 2014): a lexicon of about 7,500 rated words, emoticons and slang, adjusted by
 * boosters and dampeners ("very", "kind of"), negation ("not", "never", "no"), capitals, "!" and
 * "?", the contrastive "but", and emoji read as their English descriptions.
 *
 * <p>Scores equal those of the reference Python implementation ({@code vaderSentiment}) to the
 * decimals it reports. Works offline; the bundled lexicons are read once per class loader, on first
 * use. Instances are immutable and safe to share between threads.
 *
 * <pre>{@code
 * VaderAnalyzer analyzer = VaderAnalyzer.ofDefaults();
 * SentimentScore score = analyzer.score("The book was good.");   // compound 0.4404, POSITIVE
 * }</pre>
 */
public final class VaderAnalyzer {
    private static final VaderAnalyzer DEFAULTS = new VaderAnalyzer();

    private final VaderRules rules;

    private VaderAnalyzer() {
        this.rules = new VaderRules(Lexicon.bundled());
    }

    /**
     * The analyzer with the bundled lexicons.
     *
     * @return a shared, thread-safe analyzer
     */
    public static VaderAnalyzer ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Scores one text; a sentence or a comment works best.
     *
     * @param text the text, as written (capitals, punctuation and emoji carry meaning)
     * @return its scores, labelled {@link SentimentScore.Label#POSITIVE}, {@link SentimentScore.Label#NEUTRAL}
     *         or {@link SentimentScore.Label#NEGATIVE}
     * @throws NullPointerException if {@code text} is null
     */
    public SentimentScore score(String text) {
        Objects.requireNonNull(text, "text");
        double[] raw = rules.polarityScores(text);
        double compound = PythonText.round(raw[0], 4);
        return new SentimentScore(compound, PythonText.round(raw[1], 3), PythonText.round(raw[2], 3),
                PythonText.round(raw[3], 3), SentimentScore.Label.of(compound));
    }

    @Override
    public String toString() {
        return "VaderAnalyzer[lexicons of vaderSentiment at commit 44fc044]";
    }
}
