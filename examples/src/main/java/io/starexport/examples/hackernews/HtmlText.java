package io.starexport.examples.hackernews;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hacker News comment HTML as plain text. HN writes a small, fixed subset: {@code <p>} between
 * paragraphs (usually unclosed), {@code <i>}, {@code <a href rel="nofollow">} whose text is the URL,
 * shortened with {@code ...} when long, {@code <pre><code>} for code, and entities such as
 * {@code &#x27;}, {@code &#x2F;}, {@code &quot;}, {@code &gt;} and {@code &amp;}.
 *
 * <p>Paragraphs become blank lines, links their full URL (or {@code text (url)} when the text is not
 * the URL), code keeps its line breaks and indentation, other tags are dropped and entities decoded.
 */
final class HtmlText {
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ");

    private final StringBuilder out = new StringBuilder();
    private int pendingBreaks;
    private boolean pre;
    private StringBuilder link;
    private String href;

    private HtmlText() {
    }

    /** The plain text of an HN HTML fragment; empty for null or empty input. */
    static String toPlainText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        HtmlText text = new HtmlText();
        text.read(html);
        return text.out.toString().strip();
    }

    private void read(String html) {
        int i = 0;
        while (i < html.length()) {
            int close = html.charAt(i) == '<' ? html.indexOf('>', i) : -1;
            if (close > 0) {
                tag(html.substring(i + 1, close));
                i = close + 1;
                continue;
            }
            int next = html.indexOf('<', i + 1);
            int end = next < 0 ? html.length() : next;
            text(decode(html.substring(i, end)));
            i = end;
        }
        if (link != null) {
            endLink(); // an unclosed link still shows its text
        }
    }

    private void tag(String tag) {
        String name = tag.strip().split("[\\s/]", 2)[0].toLowerCase(Locale.ROOT);
        boolean closing = tag.startsWith("/");
        if (closing) {
            name = tag.substring(1).strip().toLowerCase(Locale.ROOT);
        }
        switch (name) {
            case "p" -> paragraph();
            case "br" -> pendingBreaks = Math.max(pendingBreaks, 1);
            case "pre" -> {
                paragraph();
                pre = !closing;
                if (closing) {
                    while (!out.isEmpty() && out.charAt(out.length() - 1) == '\n') {
                        out.setLength(out.length() - 1);
                    }
                }
            }
            case "a" -> {
                if (closing) {
                    endLink();
                } else {
                    Matcher matcher = HREF.matcher(tag);
                    href = matcher.find() ? decode(matcher.group(1) != null ? matcher.group(1) : matcher.group(2)) : "";
                    link = new StringBuilder();
                }
            }
            default -> {
                // <i>, <b>, <code> and anything else: formatting plain text cannot show
            }
        }
    }

    private void paragraph() {
        pendingBreaks = 2;
    }

    private void endLink() {
        String text = link.toString().strip();
        String url = href;
        link = null;
        href = null;
        if (url.isEmpty() || url.equals(text)) {
            text(text);
        } else if (text.isEmpty() || (text.endsWith("...") && url.startsWith(text.substring(0, text.length() - 3)))) {
            text(url);
        } else {
            text(text + " (" + url + ")");
        }
    }

    private void text(String text) {
        if (link != null) {
            link.append(pre ? text : text.replaceAll("\\s+", " "));
            return;
        }
        String value = pre ? text : text.replaceAll("\\s+", " ");
        if (value.isBlank() && (out.isEmpty() || pendingBreaks > 0) && !pre) {
            return;
        }
        if (out.isEmpty()) {
            value = pre ? value : value.stripLeading();
        } else if (pendingBreaks > 0) {
            while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
            out.append("\n".repeat(pendingBreaks));
            value = pre ? value : value.stripLeading();
        }
        pendingBreaks = 0;
        out.append(value);
    }

    /** Decodes numeric entities and the named ones HN uses; others are left as they are. */
    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (matcher.find()) {
            String entity = matcher.group(1);
            String replacement;
            if (entity.startsWith("#")) {
                boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
                int codePoint = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
                replacement = Character.isValidCodePoint(codePoint) && codePoint != 0
                        ? new String(Character.toChars(codePoint)) : matcher.group();
            } else {
                replacement = NAMED.getOrDefault(entity.toLowerCase(Locale.ROOT), matcher.group());
            }
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(decoded);
        return decoded.toString();
    }
}
