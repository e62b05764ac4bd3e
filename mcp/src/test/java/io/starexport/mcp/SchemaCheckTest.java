package io.starexport.mcp;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up check of the tools' input schemas. */
class SchemaCheckTest {
    private final SchemaCheck check = new SchemaCheck();

    @Test
    void acceptsAnObjectOfTypedPropertiesWithDeclaredRequiredNames() {
        assertThat(check.validateSchema(Map.of("type", "object", "properties",
                Map.of("url", Map.of("type", "string"), "wait", Map.of("type", "boolean")),
                "required", List.of("url"))).valid()).isTrue();
        assertThat(check.validateSchema(Map.of("type", "object", "properties", Map.of())).valid()).isTrue();
    }

    @Test
    void rejectsSchemasTheToolsCouldNotHaveMeant() {
        assertThat(check.validateSchema(Map.of("type", "string")).errorMessage()).contains("\"type\": \"object\"");
        assertThat(check.validateSchema(Map.of("type", "object", "properties",
                Map.of("limit", Map.of("type", "int")))).errorMessage()).contains("property 'limit'");
        assertThat(check.validateSchema(Map.of("type", "object", "properties", Map.of("url", Map.of("type", "string")),
                "required", List.of("uri"))).errorMessage()).contains("[uri]");
    }
}
