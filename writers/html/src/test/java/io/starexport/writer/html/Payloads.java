package io.starexport.writer.html;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Comments a hostile user could write, and ordinary ones around them. */
final class Payloads {
    /** Would set the page title if it ever ran. */
    static final String SCRIPT = "<script>document.title='pwned-script'</script>";
    /** Breaks out of an attribute and runs an error handler. */
    static final String IMAGE = "\"><img src=x onerror=\"document.title='pwned-img'\">";
    /** Ends the JSON data element early and starts a script that creates an element. */
    static final String END_OF_DATA = "</script><script>document.body.appendChild(document.createElement('x-pwned'))</script>";
    /** A line separator, which older JavaScript parsers take for the end of a line. */
    static final String SEPARATOR = "before\u2028after\u2029end";
    /** An HTML comment opener, which changes how a script element is parsed. */
    static final String COMMENT_OPENER = "<!--<script>";
    static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    private Payloads() {
    }

    static List<Item> comments(int ordinary) {
        List<Item> items = new ArrayList<>();
        items.add(comment("xss-script", SCRIPT, "mallory", "Mallory", 900L, START));
        items.add(comment("xss-img", "look: " + IMAGE, "eve", IMAGE, 800L, START.plusSeconds(3_600)));
        items.add(Comment.builder().platform("youtube").id("xss-end").postId("v1").text(END_OF_DATA + " " + SEPARATOR)
                .url("javascript:document.title='pwned-link'").likeCount(850L).createdAt(START.plusSeconds(7_200))
                .author(Author.builder().handle("trudy").displayName("Trudy " + COMMENT_OPENER).build()).build());
        for (int i = 0; i < ordinary; i++) {
            items.add(comment("c" + i, "ordinary comment " + i + (i % 97 == 0 ? " needle" : ""), "user" + (i % 40),
                    "User " + (i % 40), (long) (i % 500), START.plusSeconds(60L * i)));
        }
        return items;
    }

    static Comment comment(String id, String text, String handle, String name, long likes, Instant at) {
        return Comment.builder().platform("youtube").id(id).url("https://www.youtube.com/watch?v=v1&lc=" + id)
                .postId("v1").text(text).likeCount(likes).createdAt(at)
                .author(Author.builder().id("UC" + handle).handle(handle).displayName(name)
                        .url("https://www.youtube.com/@" + handle).build())
                .build();
    }
}
