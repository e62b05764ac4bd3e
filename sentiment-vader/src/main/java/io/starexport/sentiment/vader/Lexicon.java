package io.starexport.sentiment.vader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bundled word and emoji lexicons, read once. Immutable after construction, so one instance
 * serves every analyzer and thread.
 */
final class Lexicon {
    private static final String FOLDER = "/io/starexport/sentiment/vader/";

    private final Map<String, Double> valences;
    private final int[] emojiCodePoints;
    private final String[] emojiDescriptions;

    private Lexicon(Map<String, Double> valences, int[] emojiCodePoints, String[] emojiDescriptions) {
        this.valences = valences;
        this.emojiCodePoints = emojiCodePoints;
        this.emojiDescriptions = emojiDescriptions;
    }

    /** The lexicons shipped in this jar. */
    static Lexicon bundled() {
        return Bundled.LEXICON;
    }

    /** The mean valence of a lower-case token, or {@code null} when it is not in the lexicon. */
    Double valence(String lowerCaseToken) {
        return valences.get(lowerCaseToken);
    }

    boolean contains(String lowerCaseToken) {
        return valences.containsKey(lowerCaseToken);
    }

    /** The description that replaces an emoji, or {@code null} when the code point is not one. */
    String emojiDescription(int codePoint) {
        if (codePoint < emojiCodePoints[0]) {
            return null;
        }
        int index = Arrays.binarySearch(emojiCodePoints, codePoint);
        return index < 0 ? null : emojiDescriptions[index];
    }

    private static Lexicon read() {
        Map<String, Double> valences = new HashMap<>(16_384);
        // Lines are "token TAB mean TAB deviation TAB ratings"; a later duplicate wins, as in the reference.
        for (String[] fields : lines("vader_lexicon.txt")) {
            valences.put(fields[0], Double.valueOf(fields[1]));
        }
        // Lines are "emoji TAB description". The reference replaces one code point at a time, so the
        // entries that are sequences of several code points (flags, skin tones, ZWJ) never apply.
        TreeMap<Integer, String> emoji = new TreeMap<>();
        for (String[] fields : lines("emoji_utf8_lexicon.txt")) {
            String key = fields[0];
            if (key.codePointCount(0, key.length()) == 1) {
                emoji.put(key.codePointAt(0), fields[1]);
            }
        }
        int[] codePoints = emoji.keySet().stream().mapToInt(Integer::intValue).toArray();
        String[] descriptions = emoji.values().toArray(String[]::new);
        return new Lexicon(Map.copyOf(valences), codePoints, descriptions);
    }

    private static Iterable<String[]> lines(String name) {
        try (InputStream in = Lexicon.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the starexport-sentiment-vader jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines()
                    .filter(line -> !line.isEmpty())
                    .map(line -> PythonText.strip(line).split("\t", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name + " from the starexport-sentiment-vader jar", e);
        }
    }

    /** Holder idiom: the files are read on first use, once, and safely published. */
    private static final class Bundled {
        static final Lexicon LEXICON = read();
    }
}
