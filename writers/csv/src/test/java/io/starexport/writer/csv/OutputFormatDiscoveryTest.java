package io.starexport.writer.csv;

import io.starexport.spi.OutputFormat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class OutputFormatDiscoveryTest {

    @Test
    void serviceLoaderFindsCsvWithItsExtension() {
        List<OutputFormat> formats = ServiceLoader.load(OutputFormat.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();

        assertThat(formats).singleElement().satisfies(format -> {
            assertThat(format.id()).isEqualTo("csv");
            assertThat(format.extensions()).containsExactly("csv");
            assertThat(format.mediaType()).isEqualTo("text/csv");
            assertThat(format.appendable()).isTrue();
        });
    }
}
