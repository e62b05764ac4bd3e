package io.starexport.writer.xlsx;

import io.starexport.spi.OutputFormat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class OutputFormatDiscoveryTest {

    @Test
    void serviceLoaderFindsXlsxAsANonAppendableFormat() {
        List<OutputFormat> formats = ServiceLoader.load(OutputFormat.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();

        assertThat(formats).singleElement().satisfies(format -> {
            assertThat(format.id()).isEqualTo("xlsx");
            assertThat(format.extensions()).containsExactly("xlsx");
            assertThat(format.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(format.appendable()).isFalse();
        });
    }
}
