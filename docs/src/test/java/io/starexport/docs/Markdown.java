package io.starexport.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One markdown page of the guide, read the way GitHub renders it, as far as these checks need: fenced code
 * blocks, headings with their anchors, links, and tables under a heading.
 */
final class Markdown {
    private static final Pattern FENCE = Pattern.compile("^( {0,3})(```+|~~~+)\\s*([^`]*)$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1");
    /** {@code [text](target)} and {@code ![alt](target)}, with an optional title after the target. */
    private static final Pattern LINK = Pattern.compile("!?\\[((?:[^\\[\\]]|\\[[^\\]]*\\])*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(\\s.*)?$");

    private final Path file;
    private final List<String> lines;
    private final List<CodeBlock> codeBlocks = new ArrayList<>();
    private final List<Heading> headings = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();

    /** A fenced code block: its info string (language and markers) and body; {@code line} is its first body line. */
    record CodeBlock(Path file, int line, String info, String body) {
        String language() {
            String[] words = info.trim().split("\\s+");
            return words[0].toLowerCase(Locale.ROOT);
        }

        boolean hasMarker(String marker) {
            return List.of(info.trim().split("\\s+")).contains(marker);
        }
    }

    /** A heading: level 1 to 6, its text as written, and its GitHub anchor. */
    record Heading(int line, int level, String text, String anchor) {
    }

    /** A link or image target outside code, as written, with its 1-based line. */
    record Link(int line, String target) {
    }

    private Markdown(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
        parse();
    }

    static Markdown read(Path file) {
        try {
            return new Markdown(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The guide's pages: every {@code .md} under the docs module (not its build output), the root README and
     * the examples' README.
     */
    static List<Path> guidePages() {
        Path docs = docsDirectory();
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(docs)) {
            walk.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !docs.relativize(p).startsWith("src") && !docs.relativize(p).startsWith("target"))
                    .sorted()
                    .forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages.add(docs.getParent().resolve("README.md"));
        pages.add(docs.getParent().resolve("examples/README.md"));
        return pages;
    }

    /** The docs module's directory, where the guide's markdown lives. */
    static Path docsDirectory() {
        Path directory = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        if (!Files.isRegularFile(directory.resolve("index.md"))) {
            throw new IllegalStateException("run from the docs module: no index.md in " + directory);
        }
        return directory;
    }

    Path file() {
        return file;
    }

    List<CodeBlock> codeBlocks() {
        return codeBlocks;
    }

    List<Heading> headings() {
        return headings;
    }

    List<Link> links() {
        return links;
    }

    /** The page's name relative to the repository root, for messages. */
    String name() {
        return docsDirectory().getParent().relativize(file).toString();
    }

    /**
     * The table rows under a heading, up to the next heading of the same or a higher level: for each row its
     * 1-based line and its cells (trimmed, header and separator rows left out).
     */
    List<Row> rowsUnder(Heading heading) {
        List<Row> rows = new ArrayList<>();
        int end = end(heading);
        boolean header = true;
        for (int i = heading.line(); i < end; i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("|")) {
                header = true;
                continue;
            }
            if (header) {
                header = false; // the header row; the separator row follows
                continue;
            }
            if (line.matches("\\|[\\s:|-]+\\|?")) {
                continue;
            }
            rows.add(new Row(i + 1, cells(line)));
        }
        return rows;
    }

    /** The text under a heading, up to the next heading of the same or a higher level. */
    String textUnder(Heading heading) {
        return String.join("\n", lines.subList(heading.line(), end(heading)));
    }

    private int end(Heading heading) {
        for (Heading next : headings) {
            if (next.line() > heading.line() && next.level() <= heading.level()) {
                return next.line() - 1;
            }
        }
        return lines.size();
    }

    /** A table row: its 1-based line and cells. */
    record Row(int line, List<String> cells) {
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean code = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '`') {
                code = !code;
                cell.append(c);
            } else if (c == '|' && !code) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    private void parse() {
        Map<String, Integer> anchorCounts = new HashMap<>();
        String fence = null;
        int fenceIndent = 0;
        String info = null;
        int blockStart = 0;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fenceMatch = FENCE.matcher(line);
            if (fence == null) {
                if (fenceMatch.matches()) {
                    fence = fenceMatch.group(2);
                    fenceIndent = fenceMatch.group(1).length();
                    info = fenceMatch.group(3);
                    blockStart = i + 2;
                    body.setLength(0);
                    continue;
                }
            } else {
                if (fenceMatch.matches() && fenceMatch.group(2).startsWith(fence) && fenceMatch.group(3).isBlank()) {
                    codeBlocks.add(new CodeBlock(file, blockStart, info, body.toString()));
                    fence = null;
                } else {
                    body.append(line.length() >= fenceIndent && line.substring(0, fenceIndent).isBlank()
                            ? line.substring(fenceIndent) : line.stripLeading()).append('\n');
                }
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String anchor = anchor(heading.group(2));
                int seen = anchorCounts.merge(anchor, 1, Integer::sum);
                headings.add(new Heading(i + 1, heading.group(1).length(), heading.group(2),
                        seen == 1 ? anchor : anchor + "-" + (seen - 1)));
            }
            String prose = INLINE_CODE.matcher(line).replaceAll("");
            Matcher link = LINK.matcher(prose);
            while (link.find()) {
                links.add(new Link(i + 1, link.group(2)));
            }
            Matcher reference = REFERENCE.matcher(prose);
            if (reference.matches()) {
                links.add(new Link(i + 1, reference.group(1)));
            }
        }
        if (fence != null) {
            throw new IllegalStateException(file + ":" + (blockStart - 1) + ": code block is never closed");
        }
    }

    /**
     * GitHub's heading anchor: the rendered text (inline code and link text kept, markup dropped), lower
     * case, with every character that is not a letter, digit, space, hyphen or underscore removed and each
     * space turned into a hyphen. Repeats get {@code -1}, {@code -2}… (done by the caller).
     */
    static String anchor(String headingText) {
        String text = LINK.matcher(headingText).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        text = text.replaceAll("<[^>]+>", "").replace("`", "").replace("*", "");
        StringBuilder anchor = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                anchor.appendCodePoint(c);
            } else if (c == ' ') {
                anchor.append('-');
            }
        });
        return anchor.toString();
    }
}
