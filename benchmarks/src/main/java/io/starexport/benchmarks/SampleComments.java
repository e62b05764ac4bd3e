package io.starexport.benchmarks;

import io.starexport.StarExport;
import io.starexport.api.Comment;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Realistic comments from the engine's sandbox: YouTube-shaped, with authors, counts, replies and extras. */
final class SampleComments {
    static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

    private SampleComments() {
    }

    private static List<Comment> cached = List.of();

    /** The first {@code count} comments of one sandbox video, replies included; kept for the next call. */
    static synchronized List<Comment> youtube(int count) {
        if (cached.size() == count) {
            return cached;
        }
        try (StarExport star = StarExport.builder().sandbox(true).environment(Map.of()).build();
             Stream<Comment> comments = star.export(VIDEO).comments().replies(true).limit(count).stream()) {
            cached = comments.toList();
            return cached;
        }
    }
}
