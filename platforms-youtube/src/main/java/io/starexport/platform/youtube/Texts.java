package io.starexport.platform.youtube;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the display strings of the web client: counts such as {@code "1.2K"} and relative times such
 * as {@code "2 years ago (edited)"}. English only: the web client asks for {@code hl=en}, as yt-dlp
 * recommends ({@code _parse_time_text}).
 */
final class Texts {
    private static final Pattern COUNT = Pattern.compile("([0-9][0-9.,' \\u00a0]*)\\s*([KMB](?!\\p{L})|)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AGO = Pattern.compile(
            "(\\d+)\\s*(second|sec|minute|min|hour|hr|day|week|wk|month|mo|year|yr)s?\\s+ago", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOW = Pattern.compile("\\b(just now|now|today|yesterday)\\b", Pattern.CASE_INSENSITIVE);

    private Texts() {
    }

    /** A parsed count; {@code approximate} when the text was abbreviated ("1.2K"). */
    record Count(long value, boolean approximate) {
    }

    /**
     * A count from its display text: {@code "67"}, {@code "2.4k"}, {@code "1,234"}, {@code "1.2M"}, and a
     * blank string for zero (how the web client shows no likes). Null when the text holds no number.
     */
    static Count count(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.replace('\u00a0', ' ').trim();
        if (trimmed.isEmpty()) {
            return new Count(0, false);
        }
        Matcher matcher = COUNT.matcher(trimmed);
        if (!matcher.find()) {
            return null;
        }
        String digits = matcher.group(1).trim();
        String suffix = matcher.group(2).toUpperCase(Locale.ROOT);
        if (suffix.isEmpty()) {
            String plain = digits.replaceAll("[.,' ]", "");
            return plain.isEmpty() ? null : new Count(Long.parseLong(plain), false);
        }
        double value = Double.parseDouble(digits.replace(',', '.').replaceAll("[' ]", ""));
        long factor = switch (suffix) {
            case "K" -> 1_000L;
            case "M" -> 1_000_000L;
            default -> 1_000_000_000L;
        };
        return new Count(Math.round(value * factor), true);
    }

    /** Whether a relative time text marks an edited comment ("3 days ago (edited)"). */
    static boolean edited(String text) {
        return text != null && text.contains("(");
    }

    /**
     * The instant a relative text such as {@code "3 days ago"} points at, counted back from {@code now};
     * months are 30 days and years 365. Null when the text is not an English relative time.
     */
    static Instant ago(String text, Instant now) {
        if (text == null) {
            return null;
        }
        Matcher matcher = AGO.matcher(text);
        if (matcher.find()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2).toLowerCase(Locale.ROOT);
            Duration step = switch (unit) {
                case "second", "sec" -> Duration.ofSeconds(1);
                case "minute", "min" -> Duration.ofMinutes(1);
                case "hour", "hr" -> Duration.ofHours(1);
                case "day" -> Duration.ofDays(1);
                case "week", "wk" -> Duration.ofDays(7);
                case "month", "mo" -> Duration.ofDays(30);
                default -> Duration.ofDays(365);
            };
            return now.minus(step.multipliedBy(amount));
        }
        Matcher today = NOW.matcher(text);
        if (today.find()) {
            return today.group(1).equalsIgnoreCase("yesterday") ? now.minus(Duration.ofDays(1)) : now;
        }
        return null;
    }
}
