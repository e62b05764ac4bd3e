package io.starexport.sentiment.vader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One of the reference sets in {@code src/test/resources/vader-reference} (sources in its SOURCE.md). */
enum ReferenceSet {
    TWEETS("tweets.tsv"),
    MOVIE_REVIEW_SNIPPETS("movieReviewSnippets.tsv");

    private final String file;

    ReferenceSet(String file) {
        this.file = file;
    }

    /** One line: the human mean rating and the reference implementation's printed scores. */
    record Line(String set, String id, double humanMean, double negative, double neutral, double positive,
            double compound, String text) {
        @Override
        public String toString() {
            return set + " #" + id;
        }
    }

    List<Line> lines() {
        try (InputStream in = ReferenceSet.class.getResourceAsStream("/vader-reference/" + file)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().skip(1).map(this::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Line parse(String line) {
        String[] f = line.split("\t", 7);
        return new Line(file, f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), Double.parseDouble(f[5]), f[6]);
    }
}
