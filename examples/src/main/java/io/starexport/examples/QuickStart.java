package io.starexport.examples;

import io.starexport.StarExport;
import io.starexport.api.ExportResult;
import io.starexport.api.Sort;

import java.nio.file.Path;

/** The README's quick start: export sandbox comments of a YouTube video, with replies, to CSV. */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "comments.csv");
        try (StarExport star = StarExport.builder().sandbox(true).build()) {
            ExportResult result = star.export("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
                    .comments().replies(true).sort(Sort.NEWEST).limit(500)
                    .to(out).run();
            System.out.println(result.completeness() + " -> " + out);
        }
    }
}
