package io.starexport.core.internal.media;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed naming template: folders and a file name made of literals and placeholders. Substituted values
 * are bounded and stripped of separators before each segment is sanitised as a whole, so no value can
 * add a folder or climb out of the media folder.
 */
public final class NamingTemplate {
    static final String DEFAULT_DATE = "yyyyMMdd_HHmmss";
    /** Bounds a placeholder's value, so a long author name cannot push the id out of the file name. */
    private static final int MAX_VALUE_BYTES = 64;
    /** The placeholder syntax of {@code io.starexport.media.NamingSyntax}, which checked the template. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)(?::([^}]*))?}");

    private final List<String> segments;
    private final Map<String, DateTimeFormatter> dates;

    private NamingTemplate(List<String> segments, Map<String, DateTimeFormatter> dates) {
        this.segments = segments;
        this.dates = dates;
    }

    /**
     * Parses a template that {@code MediaOptions} has checked (its {@code NamingSyntax} holds the rules and the
     * error messages); this side only splits it into folders and compiles its date patterns.
     */
    public static NamingTemplate parse(String template) {
        List<String> segments = List.of(template.split("/", -1));
        Map<String, DateTimeFormatter> dates = new HashMap<>();
        for (String segment : segments) {
            Matcher m = PLACEHOLDER.matcher(segment);
            while (m.find()) {
                if (m.group(1).equals("date")) {
                    String pattern = m.group(2) == null ? DEFAULT_DATE : m.group(2);
                    dates.put(m.group(), DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC));
                }
            }
        }
        return new NamingTemplate(segments, Map.copyOf(dates));
    }

    /** The values of one file. {@code createdAt} may be null (rendered as {@code undated}). */
    record Values(String platform, String author, Instant createdAt, String id, int index, String extension) {
    }

    /** The relative path, segment by segment, each sanitised; the last is the file name. */
    List<String> render(Values values) {
        List<String> rendered = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            String text = substitute(segments.get(i), values);
            if (last) {
                String extension = FileNames.segment(values.extension(), 16);
                String suffix = "." + extension;
                rendered.add(text.endsWith(suffix) && text.length() > suffix.length()
                        ? FileNames.fileName(text.substring(0, text.length() - suffix.length()), extension,
                        FileNames.MAX_SEGMENT_BYTES)
                        : FileNames.segment(text, FileNames.MAX_SEGMENT_BYTES));
            } else {
                rendered.add(FileNames.segment(text, FileNames.MAX_SEGMENT_BYTES));
            }
        }
        return rendered;
    }

    private String substitute(String segment, Values values) {
        Matcher m = PLACEHOLDER.matcher(segment);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "platform" -> values.platform();
                case "author" -> values.author();
                case "date" -> values.createdAt() == null ? "undated" : dates.get(m.group()).format(values.createdAt());
                case "id" -> values.id();
                case "index" -> Integer.toString(values.index());
                case "ext" -> values.extension();
                default -> throw new IllegalStateException("unchecked placeholder " + m.group());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(bounded(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A value with separators and unsafe characters replaced, cut to a bounded length. */
    private static String bounded(String value) {
        String safe = FileNames.truncate(value.replaceAll("[/\\\\]", "_"), MAX_VALUE_BYTES);
        return safe.isEmpty() ? "_" : safe;
    }
}
