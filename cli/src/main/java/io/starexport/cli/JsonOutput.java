package io.starexport.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;

/**
 * Writes the one JSON document a {@code --json} run prints on stdout: {@code {"ok": true, "data": …}} on
 * success, {@code {"ok": false, "error", "error_code", "detail"}} on failure.
 */
final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** An array of the lower-case names of enum constants, such as {@code ["comments", "posts"]}. */
    static ArrayNode names(Collection<? extends Enum<?>> values) {
        ArrayNode array = array();
        values.stream().sorted().forEach(value -> array.add(lowerCase(value)));
        return array;
    }

    static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static void success(PrintWriter out, JsonNode data) {
        ObjectNode document = object();
        document.put("ok", true);
        document.set("data", data);
        print(out, document);
    }

    static void failure(PrintWriter out, String message, String code, JsonNode detail) {
        print(out, failureDocument(message, code, detail));
    }

    /**
     * A failure that still has results, such as a batch in which some jobs failed: the failure document with
     * {@code data} beside it.
     */
    static void failure(PrintWriter out, String message, String code, JsonNode detail, JsonNode data) {
        ObjectNode document = failureDocument(message, code, detail);
        document.set("data", data);
        print(out, document);
    }

    private static ObjectNode failureDocument(String message, String code, JsonNode detail) {
        ObjectNode document = object();
        document.put("ok", false);
        document.put("error", message);
        document.put("error_code", code);
        document.set("detail", detail == null ? NullNode.getInstance() : detail);
        return document;
    }

    private static void print(PrintWriter out, JsonNode document) {
        try {
            out.println(MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
