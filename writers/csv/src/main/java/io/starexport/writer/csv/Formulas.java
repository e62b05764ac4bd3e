package io.starexport.writer.csv;

import java.util.regex.Pattern;

/**
 * Decides whether a spreadsheet would evaluate a text cell as a formula, so that formula protection rewrites
 * only those cells (OWASP CSV injection) and leaves "@HappyNoodle94", "-- great video" or "+1 agree" as written.
 *
 * <p>Leading spaces, tabs, CR and LF are skipped first (some programs trim them before they evaluate). Then:
 * <ul>
 *   <li>{@code =} is a formula when an operand follows: a letter, a digit or a quote; {@code =)} or {@code ==}
 *       cannot compute anything.</li>
 *   <li>{@code +} and {@code -} are a formula when a function call ({@code NAME(}) or a DDE link ({@code |})
 *       follows anywhere, or what follows is a cell reference ({@code A1}, {@code $B$2}, {@code Sheet1!C3}) or
 *       arithmetic ({@code 1+1}). A lone signed number such as {@code -1} stays: spreadsheets read it as that
 *       number anyway.</li>
 *   <li>{@code @} is a formula when a function call starts right after it (Lotus-style {@code @SUM(1,1)}, no space before
 *       the bracket) or
 *       a DDE link follows; {@code @lea1993} is a handle, not a cell.</li>
 * </ul>
 */
final class Formulas {
    private static final Pattern FUNCTION_CALL = Pattern.compile("[\\p{L}_\\\\][\\p{L}\\p{N}_.]*\\s*\\(");
    private static final Pattern LOTUS_CALL = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.]*\\(");
    private static final String NUMBER = "\\d+(?:[.,]\\d+)*%?";
    private static final String CELL = "\\$?[A-Za-z]{1,3}\\$?\\d{1,7}";
    private static final String REFERENCE = "(?:(?:[\\p{L}_][\\p{L}\\p{N}_.]*|'[^']+')!)?" + CELL + "(?::" + CELL + ")?";
    private static final String OPERAND = "(?:" + NUMBER + "|" + REFERENCE + "|\"[^\"]*\")";
    private static final String OPERATOR = "(?:<=|>=|<>|[-+*/^&=<>:])";
    private static final Pattern ARITHMETIC = Pattern.compile(
            "[-+\\s]*" + OPERAND + "(?:\\s*" + OPERATOR + "[-+\\s]*" + OPERAND + ")+\\s*");
    private static final Pattern SIGNED_REFERENCE = Pattern.compile("[-+\\s]*" + REFERENCE + "\\s*");

    private Formulas() {
    }

    /** Whether a spreadsheet opening the text as a cell would run it as a formula. */
    static boolean evaluates(String text) {
        int start = 0;
        while (start < text.length() && " \t\r\n".indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        if (start == text.length()) {
            return false;
        }
        char first = text.charAt(start);
        String rest = text.substring(start + 1);
        if (first == '=') {
            return rest.chars().anyMatch(c -> Character.isLetterOrDigit(c) || c == '"');
        }
        if (first != '+' && first != '-' && first != '@') {
            return false;
        }
        if (rest.indexOf('|') >= 0) {
            return true;
        }
        if (first == '@') {
            // Lotus-style: only @NAME( starts a formula; "@A1" or "@lea1993" is text, as handles are.
            return LOTUS_CALL.matcher(rest).lookingAt();
        }
        if (FUNCTION_CALL.matcher(rest).find()) {
            return true;
        }
        String bare = rest.replace("(", "").replace(")", "");
        return ARITHMETIC.matcher(bare).matches() || SIGNED_REFERENCE.matcher(bare).matches();
    }
}
