package io.starexport.writer.csv;

import io.starexport.api.ItemFields;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** Turns one value of {@code ItemFields.toRow} into the text of one CSV cell, quoted as RFC 4180 needs. */
final class CsvCells {
    private final boolean formulaProtection;

    CsvCells(boolean formulaProtection) {
        this.formulaProtection = formulaProtection;
    }

    String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text(text);
        }
        if (value instanceof Boolean flag) {
            return flag.toString();
        }
        if (value instanceof Number number) {
            String plain = plainNumber(number);
            // Numbers are written unprotected: a score of -5 must stay a number. Only odd values
            // (NaN, infinities, unknown Number types) go the text way.
            return plain != null ? plain : text(number.toString());
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "" : text(ItemFields.toJson(map));
        }
        if (value instanceof Iterable<?> values) {
            return values.iterator().hasNext() ? text(ItemFields.toJson(values)) : "";
        }
        return text(value.toString());
    }

    /** A text cell: formula-protected when asked, then quoted when needed. */
    String text(String text) {
        String safe = formulaProtection && Formulas.evaluates(text) ? "'" + text : text;
        return needsQuotes(safe) ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean needsQuotes(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (isSpace(text.charAt(0)) || isSpace(text.charAt(text.length() - 1))) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Plain decimal digits, never an exponent; null for values that are not a finite number. */
    private static String plainNumber(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger) {
            return number.toString();
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            // Via the shortest decimal text of the value, so 12.5 prints as 12.5 and 1.0E10 as 10000000000.
            return Double.isFinite(value) ? new BigDecimal(number.toString()).toPlainString() : null;
        }
        return null;
    }
}
