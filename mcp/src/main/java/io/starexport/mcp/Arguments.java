package io.starexport.mcp;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The arguments of one tool call, read with checks whose messages name the parameter, the rule and the value
 * given, so an assistant can correct its call.
 */
final class Arguments {
    private final Map<String, Object> values;

    private Arguments(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * The arguments of a call to a tool taking {@code allowed}.
     *
     * @throws Invalid for an argument the tool does not take
     */
    static Arguments of(Map<String, Object> values, List<String> allowed) {
        Map<String, Object> given = values == null ? Map.of() : values;
        Set<String> unknown = new TreeSet<>(given.keySet());
        allowed.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            String name = unknown.iterator().next();
            throw new Invalid(name, "unknown argument '" + name + "'; " + (allowed.isEmpty()
                    ? "this tool takes no arguments" : "this tool takes " + String.join(", ", allowed)));
        }
        return new Arguments(given);
    }

    /** A required non-blank string. */
    String requiredString(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new Invalid(name, "'" + name + "' is required");
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new Invalid(name, "'" + name + "' must be a non-empty string but was " + shown(value));
        }
        return text.trim();
    }

    Optional<String> string(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new Invalid(name, "'" + name + "' must be a non-empty string but was " + shown(value));
        }
        return Optional.of(text.trim());
    }

    Optional<Boolean> bool(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean flag)) {
            throw new Invalid(name, "'" + name + "' must be true or false but was " + shown(value));
        }
        return Optional.of(flag);
    }

    /** A whole number from {@code min} to {@code max}. */
    Optional<Long> integer(String name, long min, long max) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        long number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            number = ((Number) value).longValue();
        } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e15) {
            number = (long) n.doubleValue();
        } else {
            throw new Invalid(name, "'" + name + "' must be a whole number " + range(min, max) + ", but was "
                    + shown(value));
        }
        if (number < min || number > max) {
            throw new Invalid(name, "'" + name + "' must be " + range(min, max) + " but was " + number);
        }
        return Optional.of(number);
    }

    private static String range(long min, long max) {
        return max >= Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
    }

    /** One of {@code allowed}, case-insensitive, returned in lower case. */
    Optional<String> choice(String name, List<String> allowed) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return text;
        }
        String lower = text.get().toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw new Invalid(name, "'" + name + "' must be one of " + String.join(", ", allowed) + " but was "
                    + shown(text.get()));
        }
        return Optional.of(lower);
    }

    /**
     * A date: {@code 2025-01-31} or an instant such as {@code 2025-01-31T12:00:00Z}. A plain date means the start
     * of that day in UTC, or with {@code endOfDay} the start of the next day (so the day is included).
     */
    Optional<Instant> date(String name, boolean endOfDay) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return Optional.of((endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException e) {
            throw new Invalid(name, "'" + name + "' must be an ISO 8601 date such as 2025-01-31 or a time such as "
                    + "2025-01-31T12:00:00Z but was " + shown(value));
        }
    }

    /** An export id: the UUID that {@code export_comments} returned. */
    UUID exportId(String name) {
        String text = requiredString(name);
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new Invalid(name, "'" + name + "' must be an export id such as 3f2b8c1e-…, as export_comments and "
                + "list_exports return it, but was " + shown(text));
    }

    private static String shown(Object value) {
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    /** A bad argument; its message names the parameter and says what it must be. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String parameter;

        Invalid(String parameter, String message) {
            super(message, null, false, false);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }
}
