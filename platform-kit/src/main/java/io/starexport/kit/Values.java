package io.starexport.kit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers for the display values platforms send instead of data: rounded counts ({@code "1.2K"},
 * {@code "3,4 Mio"}), dates in the usual ISO-8601 shapes, and relative times ({@code "3 days ago"}). Where
 * reading loses precision the raw text is kept beside the value, so an export can show both (a count's
 * {@link Count#text()}; for times, pass the text to {@code Comment.Builder.createdAtApproximately}).
 *
 * <p>Relative times are English only; a web client should ask the platform for English ({@code hl=en}). Every
 * method is thread-safe and returns empty, never throws, for text it cannot read.
 */
public final class Values {
    private static final Pattern COUNT = Pattern.compile(
            "([0-9][0-9.,' \\u00a0]*)\\s*((?:mio|mrd|tsd|[kmb])(?!\\p{L})|)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGO = Pattern.compile(
            "(\\d+)\\s*(second|sec|minute|min|hour|hr|day|week|wk|month|mo|year|yr)s?\\s+ago", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOW = Pattern.compile("\\b(just now|now|today|yesterday)\\b", Pattern.CASE_INSENSITIVE);
    /** ISO-8601 with a basic offset, {@code 2020-02-24T09:15:16+0000}, as Facebook's Graph API writes it. */
    private static final DateTimeFormatter BASIC_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private Values() {
    }

    /**
     * A count read from its display text.
     *
     * @param value       the count, rounded as the platform rounded it
     * @param approximate whether the text was abbreviated ({@code "1.2K"}), so the value is not exact
     * @param text        the text it was read from, trimmed
     */
    public record Count(long value, boolean approximate, String text) {
        /** Checks the text is given. */
        public Count {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The count in a display text: {@code "67"}, {@code "1,234"}, {@code "1 234"}, {@code "19.924"} (a dot
     * between thousands), {@code "2.4k"}, {@code "1.2 M"}, {@code "1.5B"}, and German {@code "12 Tsd."},
     * {@code "3,4 Mio."}, {@code "1,2 Mrd."}. Words around the number are ignored ({@code "9.8K likes"}).
     * Empty when the text is null, blank or holds no number.
     */
    public static Optional<Count> count(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.replace('\u00a0', ' ').trim();
        Matcher matcher = COUNT.matcher(trimmed);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String digits = matcher.group(1).trim();
        String suffix = matcher.group(2).toLowerCase(Locale.ROOT);
        if (suffix.isEmpty()) {
            String plain = digits.replaceAll("[.,' ]", "");
            try {
                return Optional.of(new Count(Long.parseLong(plain), false, trimmed));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        double value;
        try {
            value = Double.parseDouble(digits.replace(',', '.').replaceAll("[' ]", ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long factor = switch (suffix) {
            case "k", "tsd" -> 1_000L;
            case "m", "mio" -> 1_000_000L;
            default -> 1_000_000_000L;
        };
        return Optional.of(new Count(Math.round(value * factor), true, trimmed));
    }

    /**
     * A date or time in one of the ISO-8601 shapes platforms write: an instant ({@code 2024-05-01T10:00:00Z},
     * fractions allowed), a time with an offset ({@code +02:00}, or {@code +0000} as the Graph API writes it),
     * or a date alone ({@code 2024-05-01}, read as its start in UTC). Empty for null or any other text.
     */
    public static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            if (trimmed.length() <= 10) {
                return Optional.of(LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(trimmed, BASIC_OFFSET).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    /**
     * The instant an English relative time points at, counted back from {@code now}: {@code "3 days ago"},
     * {@code "2 years ago (edited)"}, {@code "Streamed 5 hours ago"}, {@code "1 wk ago"}, {@code "yesterday"},
     * {@code "just now"}. Months count 30 days and years 365, so the result is approximate: keep the text
     * beside it ({@code createdAtApproximately(instant, text)}). Empty for null or text in another language.
     */
    public static Optional<Instant> ago(String text, Instant now) {
        Objects.requireNonNull(now, "now");
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = AGO.matcher(text);
        if (matcher.find()) {
            long amount = Long.parseLong(matcher.group(1));
            Duration step = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "second", "sec" -> Duration.ofSeconds(1);
                case "minute", "min" -> Duration.ofMinutes(1);
                case "hour", "hr" -> Duration.ofHours(1);
                case "day" -> Duration.ofDays(1);
                case "week", "wk" -> Duration.ofDays(7);
                case "month", "mo" -> Duration.ofDays(30);
                default -> Duration.ofDays(365);
            };
            return Optional.of(now.minus(step.multipliedBy(amount)));
        }
        Matcher today = NOW.matcher(text);
        if (today.find()) {
            return Optional.of(today.group(1).equalsIgnoreCase("yesterday") ? now.minus(Duration.ofDays(1)) : now);
        }
        return Optional.empty();
    }
}
