package io.starexport.writer.html;

import io.starexport.spi.OutputFormat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class OutputFormatDiscoveryTest {

    @Test
    void serviceLoaderFindsHtmlAsANonAppendableFormat() {
        List<OutputFormat> formats = ServiceLoader.load(OutputFormat.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();

        assertThat(formats).singleElement().satisfies(format -> {
            assertThat(format.id()).isEqualTo("html");
            assertThat(format.extensions()).containsExactly("html", "htm");
            assertThat(format.mediaType()).isEqualTo("text/html");
            assertThat(format.appendable()).isFalse();
        });
    }
}
