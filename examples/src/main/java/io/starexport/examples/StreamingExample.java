package io.starexport.examples;

import io.starexport.StarExport;
import io.starexport.api.Comment;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Streams comments into the host's own code instead of writing files: the ten most active authors. */
public final class StreamingExample {
    private StreamingExample() {
    }

    public static void main(String[] args) {
        try (StarExport star = StarExport.builder().sandbox(true).build();
             Stream<Comment> comments = star.export("https://www.reddit.com/r/java/comments/1abc2d/")
                     .comments().replies(true).limit(1_000).stream()) {
            Map<String, Long> byAuthor = comments
                    .filter(c -> c.author().flatMap(a -> a.handle()).isPresent())
                    .collect(Collectors.groupingBy(c -> c.author().get().handle().get(), Collectors.counting()));
            byAuthor.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(10)
                    .forEach(e -> System.out.println(e.getValue() + "\t" + e.getKey()));
        }
    }
}
