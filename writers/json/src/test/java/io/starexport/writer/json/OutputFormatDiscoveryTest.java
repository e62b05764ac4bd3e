package io.starexport.writer.json;

import io.starexport.spi.OutputFormat;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class OutputFormatDiscoveryTest {

    @Test
    void serviceLoaderFindsJsonAndJsonLinesWithTheirExtensions() {
        Map<String, OutputFormat> formats = ServiceLoader.load(OutputFormat.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(OutputFormat::id, Function.identity()));

        assertThat(formats).containsOnlyKeys("json", "jsonl");
        assertThat(formats.get("json").extensions()).containsExactly("json");
        assertThat(formats.get("json").mediaType()).isEqualTo("application/json");
        assertThat(formats.get("jsonl").extensions()).containsExactly("jsonl", "ndjson");
        assertThat(formats.get("jsonl").mediaType()).isEqualTo("application/x-ndjson");
        assertThat(formats.values()).allMatch(OutputFormat::appendable);
    }
}
