package io.starexport.testing.samples;

import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.testing.FakePlatform;
import io.starexport.testing.Failure;
import io.starexport.testing.StarExportExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** docs/testing.md's sample of engine settings through {@code @RegisterExtension}. */
class FastRetriesTest {
    @RegisterExtension
    static final StarExportExtension STAR_EXPORT = new StarExportExtension()
            .withEngine(builder -> builder.retryPolicy(RetryPolicy.ofDefaults()
                    .withMaxAttempts(3).withBackoff(Duration.ofMillis(1), Duration.ofMillis(10))));

    @Test
    void givesUpWithRateLimitedAfterThreeAttempts(StarExport star, FakePlatform fake) {
        fake.post("p1", 5).failPage("p1", 1,
                Failure.tooManyRequests(), Failure.tooManyRequests(), Failure.tooManyRequests());

        ExportException failure = catchThrowableOfType(ExportException.class,
                () -> star.export(fake.url("p1")).comments().stream().toList());

        assertThat(failure.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(fake.requests("p1")).hasSize(3);
    }

    @Test
    void failsAtOnceWhenRetryAfterIsLongerThanTheEngineWaits(StarExport star, FakePlatform fake) {
        fake.post("p1", 5).failPage("p1", 1, Failure.tooManyRequests(Duration.ofMinutes(10)));

        ExportException failure = catchThrowableOfType(ExportException.class,
                () -> star.export(fake.url("p1")).comments().stream().toList());

        assertThat(failure.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofMinutes(10));
    }
}
