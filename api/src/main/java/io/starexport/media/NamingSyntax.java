package io.starexport.media;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a naming template, checked when {@link MediaOptions} are built: a relative path of non-empty
 * folder names, known placeholders, and date patterns that parse. The media stage renders only templates
 * that passed, with the same placeholder syntax.
 */
final class NamingSyntax {
    /** A placeholder: {@code {name}} or {@code {name:argument}}; the media stage's renderer reads the same form. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)(?::([^}]*))?}");
    private static final List<String> NAMES = List.of("platform", "author", "date", "id", "index", "ext");

    private NamingSyntax() {
    }

    /**
     * @throws IllegalArgumentException for an unknown placeholder, a bad date pattern, an absolute path or
     *                                  an empty segment
     */
    static void check(String template) {
        if (template.isBlank()) {
            throw new IllegalArgumentException("the naming template is empty");
        }
        if (template.startsWith("/") || template.startsWith("\\") || template.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("the naming template must be a relative path, but was '" + template
                    + "'");
        }
        for (String segment : template.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("the naming template has an empty folder name: '" + template + "'");
            }
            if (PLACEHOLDER.matcher(segment).replaceAll("").matches(".*[{}].*")) {
                throw new IllegalArgumentException("unbalanced brace in the naming template: '" + template
                        + "'; placeholders look like {author} or {date:yyyyMMdd}, and a date pattern has no /");
            }
            Matcher m = PLACEHOLDER.matcher(segment);
            while (m.find()) {
                if (!NAMES.contains(m.group(1))) {
                    throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in the naming template; "
                            + "use " + NAMES.stream().map(n -> "{" + n + "}").toList());
                }
                if (m.group(2) != null && !m.group(1).equals("date")) {
                    throw new IllegalArgumentException("only {date} takes a pattern, but the template has " + m.group());
                }
                if (m.group(2) != null) {
                    try {
                        DateTimeFormatter.ofPattern(m.group(2), Locale.ROOT);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("bad date pattern '" + m.group(2)
                                + "' in the naming template: " + e.getMessage(), e);
                    }
                }
            }
        }
    }
}
