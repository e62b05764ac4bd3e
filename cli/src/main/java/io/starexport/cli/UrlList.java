package io.starexport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The URL list of a batch export: one URL per line, UTF-8; blank lines and lines starting with {@code #} are
 * skipped, surrounding white space is ignored. Read from a file, or from standard input for {@code -}.
 */
final class UrlList {

    /** A URL and the 1-based line it was on. */
    record Line(int number, String url) {
    }

    private UrlList() {
    }

    /**
     * Reads the list.
     *
     * @throws IllegalArgumentException when the file is missing, unreadable or not UTF-8 text
     */
    static List<Line> read(String source, InputStream stdin) {
        String name = source.equals("-") ? "standard input" : source;
        try {
            if (source.equals("-")) {
                return parse(stdin, name);
            }
            try (InputStream in = Files.newInputStream(Path.of(source))) {
                return parse(in, name);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("URL list not found: " + source);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the URL list " + name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the URL list " + name + ": " + e.getMessage());
        }
    }

    private static List<Line> parse(InputStream in, String name) throws IOException {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (String text : UserFiles.readLines(in, "the URL list " + name)) {
            number++;
            String url = (number == 1 ? text.replaceFirst("^\uFEFF", "") : text).strip();
            if (!url.isEmpty() && !url.startsWith("#")) {
                lines.add(new Line(number, url));
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the URL list " + name + " holds no URLs (one per line; blank lines and "
                    + "# comments are skipped)");
        }
        return lines;
    }
}
