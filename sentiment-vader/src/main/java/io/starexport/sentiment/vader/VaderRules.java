package io.starexport.sentiment.vader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The VADER rules as the reference implementation applies them (cjhutto/vaderSentiment,
 * {@code vaderSentiment.py} at commit 44fc044), including its quirks, because the scores must equal
 * the reference's. Comments name the quirks that look like slips but are kept on purpose.
 */
final class VaderRules {
    /** Mean intensity added by a booster word, and taken by a dampener. */
    private static final double BOOSTER_INCREMENT = 0.293;
    private static final double DAMPENER_DECREMENT = -0.293;
    /** Mean intensity added by writing a word in capitals among words that are not. */
    private static final double CAPS_INCREMENT = 0.733;
    /** What a negation multiplies a valence by. */
    private static final double NEGATION_SCALAR = -0.74;
    private static final double NORMALIZE_ALPHA = 15;

    private static final Set<String> NEGATIONS = Set.of(
            "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
            "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
            "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
            "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
            "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
            "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
            "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    private static final Map<String, Double> BOOSTERS = boosters();

    /** Two-word boosters: the only entries a pair of tokens can match. */
    private static final List<String[]> BOOSTER_PAIRS = List.of(
            new String[] {"just", "enough"}, new String[] {"kind", "of"}, new String[] {"sort", "of"});

    /** Idioms whose valence replaces the word's; the reference matches them only as whole tokens. */
    private static final List<Idiom> IDIOMS = List.of(
            new Idiom(3, "the", "shit"), new Idiom(3, "the", "bomb"), new Idiom(1.5, "bad", "ass"),
            new Idiom(0.0, "bus", "stop"), new Idiom(-2, "yeah", "right"), new Idiom(-1.5, "kiss", "of", "death"),
            new Idiom(3, "to", "die", "for"), new Idiom(3.1, "beating", "heart"), new Idiom(-2.9, "broken", "heart"));

    private final Lexicon lexicon;

    VaderRules(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Python's {@code polarity_scores(text)}, unrounded: {compound, pos, neu, neg}. */
    double[] polarityScores(String text) {
        String prepared = PythonText.strip(replaceEmoji(text));
        Tokens tokens = Tokens.of(prepared);
        int count = tokens.size();
        double[] sentiments = new double[count];
        for (int i = 0; i < count; i++) {
            String lower = tokens.lower(i);
            if (BOOSTERS.containsKey(lower)) {
                continue;
            }
            if (i < count - 1 && lower.equals("kind") && tokens.lower(i + 1).equals("of")) {
                continue;
            }
            sentiments[i] = valence(tokens, i);
        }
        butCheck(tokens, sentiments);
        return scoreValence(sentiments, prepared);
    }

    /** Emoji become their descriptions, with a space before unless one is there already. */
    private String replaceEmoji(String text) {
        StringBuilder out = null;
        boolean previousSpace = true;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            String description = lexicon.emojiDescription(codePoint);
            if (description != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 32).append(text, 0, i);
                }
                if (!previousSpace) {
                    out.append(' ');
                }
                out.append(description);
                previousSpace = false;
            } else {
                if (out != null) {
                    out.append(text, i, next);
                }
                previousSpace = codePoint == ' ';
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private double valence(Tokens tokens, int i) {
        String lower = tokens.lower(i);
        Double found = lexicon.valence(lower);
        if (found == null) {
            return 0;
        }
        double lexical = found;
        double valence = lexical;
        int last = tokens.size() - 1;
        // "no" before a lexicon word negates that word instead of counting itself.
        if (lower.equals("no") && i != last && lexicon.contains(tokens.lower(i + 1))) {
            valence = 0.0;
        }
        if ((i > 0 && tokens.lower(i - 1).equals("no"))
                || (i > 1 && tokens.lower(i - 2).equals("no"))
                || (i > 2 && tokens.lower(i - 3).equals("no") && isOrNor(tokens.lower(i - 1)))) {
            valence = lexical * NEGATION_SCALAR;
        }
        // Quirk kept: a zero valence in capitals is pushed down, as the reference's else-branch does.
        if (tokens.upper(i) && tokens.capsDifferential()) {
            valence += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
        }
        for (int distance = 0; distance < 3; distance++) {
            int before = i - (distance + 1);
            if (i > distance && !lexicon.contains(tokens.lower(before))) {
                double scalar = scalarIncDec(tokens, before, valence);
                if (distance == 1 && scalar != 0) {
                    scalar = scalar * 0.95;
                }
                if (distance == 2 && scalar != 0) {
                    scalar = scalar * 0.9;
                }
                valence = valence + scalar;
                valence = negationCheck(valence, tokens, distance, i);
                if (distance == 2) {
                    valence = specialIdiomsCheck(valence, tokens, i);
                }
            }
        }
        return leastCheck(valence, tokens, i);
    }

    private static boolean isOrNor(String lower) {
        return lower.equals("or") || lower.equals("nor");
    }

    private static double scalarIncDec(Tokens tokens, int index, double valence) {
        Double booster = BOOSTERS.get(tokens.lower(index));
        if (booster == null) {
            return 0.0;
        }
        double scalar = booster;
        if (valence < 0) {
            scalar *= -1;
        }
        if (tokens.upper(index) && tokens.capsDifferential()) {
            scalar += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
        }
        return scalar;
    }

    private static boolean negated(String lower) {
        return NEGATIONS.contains(lower) || lower.contains("n't");
    }

    private static boolean isSoOrThis(String lower) {
        return lower.equals("so") || lower.equals("this");
    }

    private static double negationCheck(double valence, Tokens tokens, int distance, int i) {
        if (distance == 0) {
            return negated(tokens.lower(i - 1)) ? valence * NEGATION_SCALAR : valence;
        }
        if (distance == 1) {
            if (tokens.lower(i - 2).equals("never") && isSoOrThis(tokens.lower(i - 1))) {
                return valence * 1.25;
            }
            if (tokens.lower(i - 2).equals("without") && tokens.lower(i - 1).equals("doubt")) {
                return valence;
            }
            return negated(tokens.lower(i - 2)) ? valence * NEGATION_SCALAR : valence;
        }
        // Quirk kept: the reference's operator precedence lets "so"/"this" just before the word
        // intensify it whatever the third word back is.
        if ((tokens.lower(i - 3).equals("never") && isSoOrThis(tokens.lower(i - 2))) || isSoOrThis(tokens.lower(i - 1))) {
            return valence * 1.25;
        }
        if (tokens.lower(i - 3).equals("without")
                && (tokens.lower(i - 2).equals("doubt") || tokens.lower(i - 1).equals("doubt"))) {
            return valence;
        }
        return negated(tokens.lower(i - 3)) ? valence * NEGATION_SCALAR : valence;
    }

    /** Called with {@code i > 2}. */
    private static double specialIdiomsCheck(double valence, Tokens tokens, int i) {
        int[][] before = {{i - 1, i}, {i - 2, i - 1, i}, {i - 2, i - 1}, {i - 3, i - 2, i - 1}, {i - 3, i - 2}};
        for (int[] sequence : before) {
            Idiom idiom = idiom(tokens, sequence);
            if (idiom != null) {
                valence = idiom.valence;
                break;
            }
        }
        int last = tokens.size() - 1;
        if (last > i) {
            Idiom idiom = idiom(tokens, new int[] {i, i + 1});
            if (idiom != null) {
                valence = idiom.valence;
            }
        }
        if (last > i + 1) {
            Idiom idiom = idiom(tokens, new int[] {i, i + 1, i + 2});
            if (idiom != null) {
                valence = idiom.valence;
            }
        }
        // Two-word boosters ("kind of", "sort of") two and three words back add to the valence
        // whatever its sign. (The reference also tries three words, which no booster has.)
        for (int[] pair : new int[][] {{i - 3, i - 2}, {i - 2, i - 1}}) {
            for (String[] words : BOOSTER_PAIRS) {
                if (tokens.lower(pair[0]).equals(words[0]) && tokens.lower(pair[1]).equals(words[1])) {
                    valence = valence + BOOSTERS.get(words[0] + " " + words[1]);
                }
            }
        }
        return valence;
    }

    private static Idiom idiom(Tokens tokens, int[] sequence) {
        for (Idiom idiom : IDIOMS) {
            if (idiom.words.length == sequence.length && idiom.matches(tokens, sequence)) {
                return idiom;
            }
        }
        return null;
    }

    private double leastCheck(double valence, Tokens tokens, int i) {
        if (i > 1 && !lexicon.contains(tokens.lower(i - 1)) && tokens.lower(i - 1).equals("least")) {
            String twoBack = tokens.lower(i - 2);
            if (!twoBack.equals("at") && !twoBack.equals("very")) {
                valence = valence * NEGATION_SCALAR;
            }
        } else if (i > 0 && !lexicon.contains(tokens.lower(i - 1)) && tokens.lower(i - 1).equals("least")) {
            valence = valence * NEGATION_SCALAR;
        }
        return valence;
    }

    /**
     * Words before the first "but" count half, words after it one and a half times. Quirk kept: the
     * reference finds each value's position with {@code list.index}, the first equal value, so a
     * repeated valence can be scaled at the earlier position, possibly twice, and the later one never.
     */
    private static void butCheck(Tokens tokens, double[] sentiments) {
        int but = tokens.indexOfLower("but");
        if (but < 0) {
            return;
        }
        for (int k = 0; k < sentiments.length; k++) {
            double sentiment = sentiments[k];
            int first = 0;
            while (sentiments[first] != sentiment) {
                first++;
            }
            if (first < but) {
                sentiments[first] = sentiment * 0.5;
            } else if (first > but) {
                sentiments[first] = sentiment * 1.5;
            }
        }
    }

    private static double[] scoreValence(double[] sentiments, String text) {
        if (sentiments.length == 0) {
            return new double[] {0.0, 0.0, 0.0, 0.0};
        }
        double sum = 0;
        for (double sentiment : sentiments) {
            sum += sentiment;
        }
        double emphasis = punctuationEmphasis(text);
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        double compound = normalize(sum);
        double positive = 0.0;
        double negative = 0.0;
        int neutral = 0;
        for (double sentiment : sentiments) {
            if (sentiment > 0) {
                positive += sentiment + 1; // compensates for neutral words, counted as 1
            }
            if (sentiment < 0) {
                negative += sentiment - 1;
            }
            if (sentiment == 0) {
                neutral++;
            }
        }
        if (positive > Math.abs(negative)) {
            positive += emphasis;
        } else if (positive < Math.abs(negative)) {
            negative -= emphasis;
        }
        double total = positive + Math.abs(negative) + neutral;
        return new double[] {compound, Math.abs(positive / total), Math.abs(neutral / total), Math.abs(negative / total)};
    }

    /** Up to four exclamation marks, and two or more question marks (capped at 0.96). */
    private static double punctuationEmphasis(String text) {
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!') {
                exclamations++;
            } else if (c == '?') {
                questions++;
            }
        }
        double emphasis = Math.min(exclamations, 4) * 0.292;
        double questionEmphasis = 0;
        if (questions > 1) {
            questionEmphasis = questions <= 3 ? questions * 0.18 : 0.96;
        }
        return emphasis + questionEmphasis;
    }

    private static double normalize(double score) {
        double normalized = score / Math.sqrt(score * score + NORMALIZE_ALPHA);
        return Math.max(-1.0, Math.min(1.0, normalized));
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> boosters = new java.util.HashMap<>();
        for (String word : List.of("absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
                "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional",
                "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking",
                "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging",
                "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly",
                "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
                "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably", "unusually",
                "utter", "utterly", "very")) {
            boosters.put(word, BOOSTER_INCREMENT);
        }
        for (String word : List.of("almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof",
                "kind-of", "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
                "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of")) {
            boosters.put(word, DAMPENER_DECREMENT);
        }
        return Map.copyOf(boosters);
    }

    private static final class Idiom {
        final double valence;
        final String[] words;

        Idiom(double valence, String... words) {
            this.valence = valence;
            this.words = words;
        }

        boolean matches(Tokens tokens, int[] sequence) {
            for (int k = 0; k < sequence.length; k++) {
                if (!tokens.lower(sequence[k]).equals(words[k])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The text split as the reference splits it, each token with its lower case and capitals flag. */
    private static final class Tokens {
        private final List<String> lowers;
        private final boolean[] upper;
        private final boolean capsDifferential;

        private Tokens(List<String> lowers, boolean[] upper, boolean capsDifferential) {
            this.lowers = lowers;
            this.upper = upper;
            this.capsDifferential = capsDifferential;
        }

        /**
         * Splits on Python whitespace, then strips ASCII punctuation from both ends of each token
         * unless that leaves two code points or fewer (emoticons such as ":)" and words such as
         * "ok." stay as written).
         */
        static Tokens of(String text) {
            List<String> words = new ArrayList<>();
            int length = text.length();
            int i = 0;
            while (i < length) {
                while (i < length && PythonText.isSpace(text.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < length && !PythonText.isSpace(text.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    words.add(stripPunctuation(text, start, i));
                }
            }
            List<String> lowers = new ArrayList<>(words.size());
            boolean[] upper = new boolean[words.size()];
            int capitals = 0;
            for (int k = 0; k < words.size(); k++) {
                String word = words.get(k);
                lowers.add(PythonText.lower(word));
                upper[k] = PythonText.isUpper(word);
                if (upper[k]) {
                    capitals++;
                }
            }
            int notCapitals = words.size() - capitals;
            return new Tokens(lowers, upper, notCapitals > 0 && notCapitals < words.size());
        }

        private static String stripPunctuation(String text, int start, int end) {
            int from = start;
            int to = end;
            while (from < to && PythonText.isPunctuation(text.charAt(from))) {
                from++;
            }
            while (to > from && PythonText.isPunctuation(text.charAt(to - 1))) {
                to--;
            }
            int kept = to - from;
            if (kept <= 2 || (kept <= 4 && text.codePointCount(from, to) <= 2)) {
                return text.substring(start, end);
            }
            return text.substring(from, to);
        }

        int size() {
            return lowers.size();
        }

        String lower(int index) {
            return lowers.get(index);
        }

        boolean upper(int index) {
            return upper[index];
        }

        /** Some tokens, but not all, are in capitals. */
        boolean capsDifferential() {
            return capsDifferential;
        }

        int indexOfLower(String word) {
            return lowers.indexOf(word);
        }
    }
}
