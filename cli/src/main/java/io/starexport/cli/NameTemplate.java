package io.starexport.cli;

import io.starexport.api.Content;
import io.starexport.api.Target;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An output file name template such as {@code {platform}-{id}-{content}}, expanded per export; the format's
 * extension is appended. Placeholders: {@code platform}, {@code kind}, {@code id}, {@code content},
 * {@code index} (position in the batch, from 1), {@code line} (line of the URL list) and {@code date} (the day
 * the command started, UTC, {@code 2025-01-31}). The result is made safe as one file name: characters other
 * than letters, digits, {@code . _ -} become {@code _}, a leading dot becomes {@code _}, at most 150 characters.
 */
final class NameTemplate {
    static final String DEFAULT = "{platform}-{id}-{content}";
    static final Set<String> PLACEHOLDERS = Set.of("platform", "kind", "id", "content", "index", "line", "date");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final int MAX_LENGTH = 150;

    private final String template;

    private NameTemplate(String template) {
        this.template = template;
    }

    /**
     * Checks and keeps a template.
     *
     * @throws IllegalArgumentException naming an unknown placeholder or an unmatched brace
     */
    static NameTemplate of(String template) {
        if (template.isBlank()) {
            throw new IllegalArgumentException("--name must not be empty; the default is " + DEFAULT);
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        List<String> unknown = new ArrayList<>();
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                unknown.add("{" + matcher.group(1) + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--name has unknown placeholder" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; known: " + String.join(", ", PLACEHOLDERS.stream().sorted()
                    .map(p -> "{" + p + "}").toList()));
        }
        if (matcher.replaceAll("").matches(".*[{}].*")) {
            throw new IllegalArgumentException("--name '" + template + "' has an unmatched { or }");
        }
        return new NameTemplate(template);
    }

    /** The file name for one export, without its extension. */
    String expand(Target target, Content content, int index, int line, LocalDate date) {
        Map<String, String> values = Map.of("platform", target.platform(),
                "kind", JsonOutput.lowerCase(target.kind()), "id", target.id(),
                "content", content == null ? "items" : JsonOutput.lowerCase(content),
                "index", Integer.toString(index), "line", Integer.toString(line), "date", date.toString());
        String name = PLACEHOLDER.matcher(template).replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))));
        return safe(name);
    }

    /** One safe file name: no separators, no leading dot, no control or shell-awkward characters. */
    static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.", "_");
        return safe.length() > MAX_LENGTH ? safe.substring(0, MAX_LENGTH) : safe;
    }

    @Override
    public String toString() {
        return template;
    }
}
