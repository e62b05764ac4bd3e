package io.starexport.sentiment.vader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of both reference sets scores exactly what the reference Python implementation printed
 * for it (compound to 4 decimals, the shares to 3, as it rounds them).
 */
class ReferenceAgreementTest {
    private static final VaderAnalyzer ANALYZER = VaderAnalyzer.ofDefaults();

    static Stream<ReferenceSet.Line> lines() {
        return Arrays.stream(ReferenceSet.values()).flatMap(set -> set.lines().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void scoresEqualTheReferenceImplementation(ReferenceSet.Line line) {
        SentimentScore score = ANALYZER.score(line.text());

        assertThat(new double[] {score.compound(), score.positive(), score.neutral(), score.negative()})
                .as(line.text())
                .containsExactly(line.compound(), line.positive(), line.neutral(), line.negative());
    }
}
