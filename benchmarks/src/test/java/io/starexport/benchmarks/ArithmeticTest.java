package io.starexport.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness's own arithmetic: medians, paired ratios and the busiest one-second window. */
class ArithmeticTest {

    @Test
    void statsGiveTheMedianOfAnOddAndOfAnEvenNumberOfRuns() {
        assertThat(Stats.of(List.of(5.0, 1.0, 3.0))).isEqualTo(new Stats(3.0, 1.0, 5.0, 3));
        assertThat(Stats.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Stats(2.5, 1.0, 4.0, 4));
    }

    @Test
    void ratiosPairEachRunWithItsNeighbouringBaselineRun() {
        // A machine that halves in speed for the second pair leaves the ratio alone.
        Stats ratio = Stats.ratios(List.of(80.0, 40.0), List.of(100.0, 50.0));
        assertThat(ratio.min()).isEqualTo(0.8);
        assertThat(ratio.max()).isEqualTo(0.8);
    }

    @Test
    void busiestSecondCountsArrivalsInAHalfOpenWindowStartingAtEachArrival() {
        long ms = 1_000_000L;
        // 0, 100, 999 fall in [0, 1000); 1000 starts a new window with 1999.
        List<Long> arrivals = List.of(0L, 100 * ms, 999 * ms, 1000 * ms, 1999 * ms, 3500 * ms);
        assertThat(RateLimitMeasurement.busiestSecond(arrivals)).isEqualTo(3);
        assertThat(RateLimitMeasurement.busiestSecond(List.of(0L))).isEqualTo(1);
    }
}
