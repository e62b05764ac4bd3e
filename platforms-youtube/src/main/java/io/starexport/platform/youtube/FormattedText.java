package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.kit.Json;

/** The text of a web client "formatted string": {@code simpleText}, or its {@code runs[].text} joined. */
final class FormattedText {
    private FormattedText() {
    }

    /** The text; null when the node holds none. */
    static String of(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        String simple = Json.text(node.path("simpleText"));
        if (simple != null) {
            return simple;
        }
        if (node.path("runs").isArray()) {
            StringBuilder text = new StringBuilder();
            node.path("runs").forEach(run -> text.append(run.path("text").asText("")));
            return text.length() == 0 ? null : text.toString();
        }
        return Json.text(node.path("content"));
    }
}
