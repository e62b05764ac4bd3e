package io.starexport;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one backoff shape the engine's requests, media downloads and job retries share. */
class RetryPolicyTest {
    /** Always draws the largest value it may. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only bounded draws are expected");
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };
    /** Always draws zero. */
    private static final RandomGenerator LOWEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only bounded draws are expected");
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };

    @Test
    void theCeilingDoublesFromTheInitialBackoffUntilTheMaximum() {
        RetryPolicy policy = RetryPolicy.ofDefaults();

        assertThat(policy.backoffCeiling(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffCeiling(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffCeiling(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffCeiling(6)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.backoffCeiling(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoffCeiling(1_000)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoffCeiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theWaitIsFullJitterFromZeroToTheCeilingBothIncluded() {
        RetryPolicy policy = RetryPolicy.ofDefaults();

        assertThat(policy.backoff(3, HIGHEST)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(3, LOWEST)).isZero();
        Random seeded = new Random(42);
        for (int retry = 1; retry <= 10; retry++) {
            Duration ceiling = policy.backoffCeiling(retry);
            for (int draw = 0; draw < 100; draw++) {
                assertThat(policy.backoff(retry, seeded)).isBetween(Duration.ZERO, ceiling);
            }
        }
    }

    @Test
    void aPolicyWithoutBackoffNeverWaits() {
        assertThat(RetryPolicy.none().backoff(1, HIGHEST)).isZero();
        assertThat(RetryPolicy.ofDefaults().withBackoff(Duration.ZERO, Duration.ZERO).backoff(50, HIGHEST)).isZero();
    }

    @Test
    void hugeBoundsNeitherOverflowNorThrow() {
        Duration longest = Duration.ofSeconds(Long.MAX_VALUE);
        RetryPolicy policy = RetryPolicy.ofDefaults().withBackoff(Duration.ofDays(1), longest);

        assertThat(policy.backoffCeiling(Integer.MAX_VALUE)).isEqualTo(longest);
        assertThat(policy.backoff(Integer.MAX_VALUE, HIGHEST)).isEqualTo(Duration.ofNanos(Long.MAX_VALUE - 1));
    }

    @Test
    void retriesCountFromOneAndBackoffsAreNotNegative() {
        assertThatThrownBy(() -> RetryPolicy.ofDefaults().backoffCeiling(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("retry must be >= 1 but was 0");
        assertThatThrownBy(() -> RetryPolicy.ofDefaults().withBackoff(Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initialBackoff must not be negative but was PT-0.001S");
    }
}
