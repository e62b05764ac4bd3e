package io.starexport.sentiment.vader;

import java.util.Objects;

/**
 * Scores the sentiment of short English texts, such as comments, by the VADER method (Hutto and
 * Gilbert, ICWSM 2014): a lexicon of about 7,500 rated words, emoticons and slang, adjusted by
 * boosters and dampeners ("very", "kind of"), negation ("not", "never", "no"), capitals, "!" and
 * "?", the contrastive "but", and emoji read as their English descriptions.
 *
 * <p>Scores equal those of the reference Python implementation ({@code vaderSentiment}) to the
 * decimals it reports. VADER reads English only: by default a text {@link LanguageDetector} finds in
 * another language is labelled {@link SentimentScore.Label#UNDETERMINED} rather than neutral. Works offline; the bundled lexicons are read once per class loader, on first
 * use. Instances are immutable and safe to share between threads.
 *
 * <pre>{@code
 * VaderAnalyzer analyzer = VaderAnalyzer.ofDefaults();
 * SentimentScore score = analyzer.score("The book was good.");   // compound 0.4404, POSITIVE, "en"
 * }</pre>
 */
public final class VaderAnalyzer {
    private static final VaderAnalyzer DEFAULTS = new VaderAnalyzer(true);
    private static final VaderAnalyzer EVERY_TEXT_ENGLISH = new VaderAnalyzer(false);

    private final VaderRules rules;
    private final boolean checksLanguage;

    private VaderAnalyzer(boolean checksLanguage) {
        this.rules = new VaderRules(Lexicon.bundled());
        this.checksLanguage = checksLanguage;
    }

    /**
     * The analyzer with the bundled lexicons, which labels a text that {@link LanguageDetector} finds
     * in another language {@link SentimentScore.Label#UNDETERMINED}.
     *
     * @return a shared, thread-safe analyzer
     */
    public static VaderAnalyzer ofDefaults() {
        return DEFAULTS;
    }

    /**
     * This analyzer without the language check: every text is labelled by its compound score, as the
     * reference implementation would, and its language is reported as {@code en}.
     *
     * @return a shared, thread-safe analyzer
     */
    public VaderAnalyzer withoutLanguageCheck() {
        return EVERY_TEXT_ENGLISH;
    }

    /**
     * Scores one text; a sentence or a comment works best.
     *
     * @param text the text, as written (capitals, punctuation and emoji carry meaning)
     * @return its scores and language, labelled {@link SentimentScore.Label#POSITIVE},
     *         {@link SentimentScore.Label#NEUTRAL} or {@link SentimentScore.Label#NEGATIVE} by the compound
     *         score, or {@link SentimentScore.Label#UNDETERMINED} when the text is in another language
     * @throws NullPointerException if {@code text} is null
     */
    public SentimentScore score(String text) {
        Objects.requireNonNull(text, "text");
        String language = checksLanguage ? LanguageDetector.ofDefaults().detect(text) : LanguageDetector.ENGLISH;
        double[] raw = rules.polarityScores(text);
        double compound = PythonText.round(raw[0], 4);
        boolean judged = language.equals(LanguageDetector.ENGLISH) || language.equals(LanguageDetector.UNDETERMINED);
        return new SentimentScore(compound, PythonText.round(raw[1], 3), PythonText.round(raw[2], 3),
                PythonText.round(raw[3], 3), judged ? SentimentScore.Label.of(compound) : SentimentScore.Label.UNDETERMINED,
                language);
    }

    @Override
    public String toString() {
        return "VaderAnalyzer[lexicons of vaderSentiment at commit 44fc044, "
                + (checksLanguage ? "language checked" : "every text taken as English") + "]";
    }
}
