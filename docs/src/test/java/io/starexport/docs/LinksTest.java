package io.starexport.docs;

import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's links hold: every relative link in {@code docs/**}{@code /*.md}, the root {@code README.md} and
 * {@code examples/README.md} names a file or folder that exists, every {@code #anchor} names a heading of its
 * page (GitHub's anchor rules; {@code #L12} line anchors into other files are allowed), and every page of {@code docs/} is linked
 * from {@code docs/index.md}.
 */
class LinksTest {
    private final List<Markdown> pages = Markdown.guidePages().stream().map(Markdown::read).toList();
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Markdown page : pages) {
            for (Markdown.Link link : page.links()) {
                String target = link.target();
                if (target.isEmpty() || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // http:, https:, mailto: links are not checked offline
                }
                checked++;
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
                Path file = path.isEmpty() ? page.file()
                        : page.file().getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
                String where = page.name() + ":" + link.line() + ": " + target;
                if (!Files.exists(file)) {
                    broken.add(where + " (no such file)");
                } else if (anchor != null && file.toString().endsWith(".md")) {
                    if (!anchorsOf(file).contains(anchor)) {
                        broken.add(where + " (no such heading)");
                    }
                } else if (anchor != null && !anchor.matches("L\\d+(-L\\d+)?")) {
                    broken.add(where + " (anchor into a file that is not markdown)");
                }
            }
        }
        System.out.println("Checked " + checked + " relative links in " + pages.size() + " pages");
        assertThat(checked).as("relative links found").isPositive();
        assertThat(broken).as("broken links in the guide").isEmpty();
    }

    @Test
    void everyPageOfTheGuideIsLinkedFromTheIndex() {
        Path docs = Markdown.docsDirectory();
        Markdown index = Markdown.read(docs.resolve("index.md"));
        Set<Path> linked = index.links().stream()
                .map(link -> link.target().replaceFirst("#.*", ""))
                .filter(target -> !target.isEmpty() && !target.contains(":"))
                .map(target -> docs.resolve(target).normalize())
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Markdown page : pages) {
            Path file = page.file();
            if (file.startsWith(docs) && !file.equals(docs.resolve("index.md")) && !linked.contains(file)) {
                missing.add(docs.relativize(file).toString());
            }
        }
        assertThat(missing).as("pages of docs/ not linked from docs/index.md").isEmpty();
    }

    private Set<String> anchorsOf(Path file) {
        return anchors.computeIfAbsent(file, f -> Markdown.read(f).headings().stream().map(Markdown.Heading::anchor)
                .collect(Collectors.toSet()));
    }
}
