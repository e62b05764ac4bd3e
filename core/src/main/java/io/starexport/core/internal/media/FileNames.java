package io.starexport.core.internal.media;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes one path segment safe on Linux, Windows and macOS: no separators, no characters Windows reserves,
 * no control or bidirectional-override characters, no {@code .}/{@code ..}, no leading dot, no trailing
 * dot or space, no reserved device name ({@code con}, {@code nul}, {@code com1}…), and at most a given
 * number of UTF-8 bytes, cut between whole characters so emoji survive or go entirely.
 */
final class FileNames {
    /** Room under the usual 255-byte limit for the {@code .part} suffix and a {@code _99} clash suffix. */
    static final int MAX_SEGMENT_BYTES = 200;
    private static final Pattern UNSAFE = Pattern.compile(
            "[\\x00-\\x1f\\x7f-\\x9f<>:\"/\\\\|?*\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\ufeff]");
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "conin$", "conout$", "clock$");
    private static final Pattern RESERVED_NUMBERED = Pattern.compile("(com|lpt)[0-9\\u00b9\\u00b2\\u00b3]");

    private FileNames() {
    }

    /** A safe segment; never empty. */
    static String segment(String raw, int maxBytes) {
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = UNSAFE.matcher(name).replaceAll("_").strip();
        int dots = 0;
        while (dots < name.length() && name.charAt(dots) == '.') {
            dots++;
        }
        name = "_".repeat(dots) + name.substring(dots);
        name = name.replaceAll("[. ]+$", "");
        name = truncate(name, maxBytes);
        name = name.replaceAll("[. ]+$", "");
        if (name.isEmpty()) {
            return "_";
        }
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String lower = stem.strip().toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower) || RESERVED_NUMBERED.matcher(lower).matches()) {
            name = "_" + name;
        }
        return name;
    }

    /**
     * A safe file name that keeps its extension when the stem is shortened. {@code extension} must
     * already be safe (letters and digits).
     */
    static String fileName(String stem, String extension, int maxBytes) {
        String suffix = extension.isEmpty() ? "" : "." + extension;
        return segment(segment(stem, maxBytes - utf8(suffix)) + suffix, maxBytes);
    }

    /** At most {@code maxBytes} of UTF-8, cut at a character (grapheme) boundary. */
    static String truncate(String text, int maxBytes) {
        if (utf8(text) <= maxBytes) {
            return text;
        }
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int end = 0;
        for (int next = characters.next(); next != BreakIterator.DONE; next = characters.next()) {
            if (utf8(text.substring(0, next)) > maxBytes) {
                break;
            }
            end = next;
        }
        return text.substring(0, end);
    }

    static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
