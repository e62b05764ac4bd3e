package io.starexport.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateConverterTest {
    private final DateConverter converter = new DateConverter();

    @Test
    void aDateIsTheStartOfThatDayInUtc() {
        assertThat(converter.convert("2025-01-31")).isEqualTo(Instant.parse("2025-01-31T00:00:00Z"));
    }

    @Test
    void instantsMayHaveAnOffset() {
        assertThat(converter.convert("2025-01-31T12:00:00Z")).isEqualTo(Instant.parse("2025-01-31T12:00:00Z"));
        assertThat(converter.convert("2025-01-31T14:00:00+02:00")).isEqualTo(Instant.parse("2025-01-31T12:00:00Z"));
    }

    @Test
    void anythingElseIsRejectedWithAnExample() {
        assertThatThrownBy(() -> converter.convert("31/01/2025")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("2025-01-31T12:00:00Z");
    }
}
