package io.starexport.sentiment.vader;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The few Python 3 string and float behaviours the reference implementation leans on, reproduced
 * exactly: its scores depend on them, and agreement with the reference is the point of this module.
 */
final class PythonText {
    private PythonText() {
    }

    /** {@code str.isspace()} for one character: every such code point is in the BMP. */
    static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        if (c < '\u0085') {
            return false;
        }
        return c == '\u0085' || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
                || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    /** {@code str.strip()} without arguments. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Membership in {@code string.punctuation}: the ASCII punctuation characters. */
    static boolean isPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }

    /**
     * {@code str.isupper()}: at least one cased character and no lowercase or titlecase one. Java's
     * {@link Character#isLowerCase(int)} and {@link Character#isUpperCase(int)} use the same derived
     * Unicode properties (Lowercase, Uppercase) as CPython.
     */
    static boolean isUpper(String word) {
        boolean cased = false;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z') {
                    return false;
                }
                cased |= c >= 'A' && c <= 'Z';
            } else if (Character.isLowerCase(c) || Character.isTitleCase(c)) {
                return false;
            } else if (Character.isUpperCase(c)) {
                cased = true;
            }
        }
        return cased;
    }

    /** {@code str.lower()}: Java's root-locale mapping applies the same full Unicode case mapping. */
    static String lower(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                return word.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return word;
    }

    /**
     * {@code round(value, digits)} for a float: the decimal nearest to the exact binary value, ties
     * to even, then the double nearest to that decimal, keeping the sign of a zero. The product {@code value * 10^digits} is
     * computed in floating point, so when it lands close to a half the exact decimal decides.
     */
    static double round(double value, int digits) {
        double scale = digits == 3 ? 1e3 : Math.pow(10, digits);
        double scaled = value * scale;
        double floor = Math.floor(scaled);
        double fraction = scaled - floor;
        if (Math.abs(fraction - 0.5) > 1e-6) {
            return Math.copySign((fraction < 0.5 ? floor : floor + 1) / scale, value);
        }
        return Math.copySign(new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).doubleValue(), value);
    }
}
