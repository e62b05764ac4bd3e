package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsCommandTest {

    @Test
    void jsonListsCsvJsonAndJsonLines() {
        Cli.Run run = Cli.run("formats", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode data = run.json().get("data");
        assertThat(data).extracting(format -> format.get("id").asText()).contains("csv", "json", "jsonl");
        assertThat(data).allSatisfy(format -> {
            assertThat(format.get("extensions").isArray()).isTrue();
            assertThat(format.get("media_type").asText()).contains("/");
        });
    }

    @Test
    void tableListsExtensionsAndMediaTypes() {
        Cli.Run run = Cli.run("formats");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("ID").contains("MEDIA TYPE").contains("csv").contains("text/csv");
    }
}
