package io.starexport.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema validator given to the SDK, which uses it to check each tool's input schema when the server is
 * built. It checks the shape our schemas use (an object of typed properties, known required names) so a
 * mistake in a schema fails at start-up.
 *
 * <p>Why not the SDK's default validator: it loads {@code com.networknt:json-schema-validator} 2.x, and an
 * application that also has the 1.x line (WireMock brings it) gets that one and fails at start-up. Tool
 * arguments are checked by {@link Arguments}, whose messages name the parameter, so the SDK's own input
 * validation is off and {@link #validate} is never asked.
 */
final class SchemaCheck implements JsonSchemaValidator {
    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean", "null");

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        if (schema == null || !"object".equals(schema.get("type"))) {
            return ValidationResponse.asInvalid("a tool's input schema must have \"type\": \"object\"");
        }
        Object properties = schema.getOrDefault("properties", Map.of());
        if (!(properties instanceof Map<?, ?> byName)) {
            return ValidationResponse.asInvalid("\"properties\" must be an object");
        }
        for (Map.Entry<?, ?> property : byName.entrySet()) {
            if (!(property.getValue() instanceof Map<?, ?> definition) || !TYPES.contains(definition.get("type"))) {
                return ValidationResponse.asInvalid("property '" + property.getKey() + "' needs a \"type\" among " + TYPES);
            }
        }
        Object required = schema.getOrDefault("required", List.of());
        if (!(required instanceof List<?> names) || !byName.keySet().containsAll(names)) {
            return ValidationResponse.asInvalid("\"required\" must list declared properties but was " + required);
        }
        return ValidationResponse.asValid(null);
    }

    /** Never asked: the server turns the SDK's input validation off and declares no output schemas. */
    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object instance) {
        throw new UnsupportedOperationException("tool arguments are checked by each tool, not by the SDK");
    }
}
