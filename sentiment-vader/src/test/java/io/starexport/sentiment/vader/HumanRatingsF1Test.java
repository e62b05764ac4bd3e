package io.starexport.sentiment.vader;

import static org.assertj.core.api.Assertions.assertThat;

import io.starexport.sentiment.vader.SentimentScore.Label;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How the analyzer's labels compare with the human ratings of each reference set, both classified by
 * the same thresholds (positive at 0.05 and above, negative at −0.05 and below). Prints the F1 per
 * class and overall; the figures asserted here are the ones docs/sentiment.md reports. The labels are
 * VADER's by the compound score: the language check is measured in {@link LanguageDetectorTest}.
 */
class HumanRatingsF1Test {
    private static final VaderAnalyzer ANALYZER = VaderAnalyzer.ofDefaults();
    private static final List<Label> CLASSES = List.of(Label.POSITIVE, Label.NEGATIVE, Label.NEUTRAL);

    @ParameterizedTest
    @EnumSource(ReferenceSet.class)
    void classificationAgainstHumanRatingsIsWhatTheDocsReport(ReferenceSet set) {
        List<ReferenceSet.Line> lines = set.lines();
        int[][] confusion = new int[3][3]; // [human][analyzer]
        for (ReferenceSet.Line line : lines) {
            Label human = Label.of(line.humanMean());
            Label analyzer = Label.of(ANALYZER.score(line.text()).compound()); // VADER's own call, whatever the language

            confusion[CLASSES.indexOf(human)][CLASSES.indexOf(analyzer)]++;
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%s, %d texts:%n", set, lines.size()));
        double macro = 0;
        double weighted = 0;
        int correct = 0;
        for (int c = 0; c < 3; c++) {
            int truePositives = confusion[c][c];
            int predicted = confusion[0][c] + confusion[1][c] + confusion[2][c];
            int actual = confusion[c][0] + confusion[c][1] + confusion[c][2];
            double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
            double recall = actual == 0 ? 0 : (double) truePositives / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            macro += f1 / 3;
            weighted += f1 * actual / lines.size();
            correct += truePositives;
            report.append(String.format(Locale.ROOT, "  %-9s precision %.3f recall %.3f F1 %.3f (%d rated so)%n",
                    CLASSES.get(c), precision, recall, f1, actual));
        }
        double accuracy = (double) correct / lines.size();
        report.append(String.format(Locale.ROOT, "  F1 weighted by class %.3f, macro %.3f, accuracy %.3f", weighted, macro,
                accuracy));
        System.out.println(report);

        double[] documented = switch (set) {
            case TWEETS -> new double[] {0.945, 0.703, 0.926};
            case MOVIE_REVIEW_SNIPPETS -> new double[] {0.589, 0.399, 0.556};
        };
        assertThat(new double[] {round(weighted), round(macro), round(accuracy)}).containsExactly(documented);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
