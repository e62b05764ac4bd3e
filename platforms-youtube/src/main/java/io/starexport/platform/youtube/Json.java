package io.starexport.platform.youtube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.spi.HttpResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Jackson helpers shared by both backends: reading bodies, optional values and compact cursors. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The body as JSON, or null when it is not JSON (an HTML page, an empty body). */
    static JsonNode parseOrNull(HttpResponse response) {
        byte[] body = response.body();
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A text value, or null when missing, null or blank. */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.isValueNode() ? node.asText() : null;
        return text == null || text.isBlank() ? null : text;
    }

    /** The text of a YouTube "formatted string": {@code simpleText}, or the {@code runs[].text} joined. */
    static String formatted(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        String simple = text(node.path("simpleText"));
        if (simple != null) {
            return simple;
        }
        if (node.path("runs").isArray()) {
            StringBuilder text = new StringBuilder();
            node.path("runs").forEach(run -> text.append(run.path("text").asText("")));
            return text.length() == 0 ? null : text.toString();
        }
        return text(node.path("content"));
    }

    /** A number that YouTube sends as a string or a number; null when absent or not a number. */
    static Long number(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        try {
            return Long.parseLong(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A compact, restart-safe cursor: base64url of the JSON. */
    static String encodeCursor(ObjectNode state) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MAPPER.writeValueAsBytes(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The state of a cursor written by {@link #encodeCursor}. */
    static ObjectNode decodeCursor(String cursor, String expectedKind) {
        try {
            JsonNode node = MAPPER.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (node instanceof ObjectNode object && expectedKind.equals(object.path("kind").asText())) {
                return object;
            }
        } catch (IllegalArgumentException | IOException e) {
            // fall through to the error below
        }
        throw ExportException.of(ErrorCode.OUTPUT, "The cursor to resume from was not written by "
                + "this YouTube exporter for this content (" + expectedKind + "); start the export afresh.");
    }
}
