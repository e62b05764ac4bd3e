package io.starexport.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * Reading platform responses with Jackson.
 *
 * <ul>
 *   <li><b>Bodies:</b> {@link #parse(String, byte[], String)} reads a body that must be JSON, and fails with
 *       {@link ErrorCode#PLATFORM_CHANGED} when it is not; {@link #parseOrNull(byte[])} is for bodies that
 *       may be an HTML error page.</li>
 *   <li><b>Required values:</b> {@link #require(String, JsonNode, String)} and its typed forms follow a
 *       dotted path such as {@code data.items[0].id} and fail with {@code PLATFORM_CHANGED} naming that path
 *       and what was found, so a report says exactly where the platform's answer changed shape.</li>
 *   <li><b>Optional values:</b> {@link #text}, {@link #number}, {@link #count}, {@link #flag} and
 *       {@link #epochSeconds} tolerate the mixed shapes platforms send (numbers as strings, 0/1 as
 *       booleans) and return null, never throw, for a value that is absent or of another shape.</li>
 * </ul>
 *
 * Every method is thread-safe.
 */
public final class Json {
    /** Shared and never reconfigured, so it is safe to use from any thread. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** A new empty object, for request bodies and cursor states. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new empty array. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * A body that must be JSON.
     *
     * @param platform the platform id, named in the error
     * @param body     the body
     * @param source   what the body answers, named in the error as where the shape changed, for example
     *                 {@code "GET /api/comment/list/"}
     * @throws ExportException {@link ErrorCode#PLATFORM_CHANGED} for an empty body or one that is not JSON
     */
    public static JsonNode parse(String platform, byte[] body, String source) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(source, "source");
        JsonNode node = parseOrNull(body);
        if (node == null) {
            throw ExportException.platformChanged(platform, source, body.length == 0 ? "an empty body"
                    : "a body that is not JSON");
        }
        return node;
    }

    /** The same for a body already read as text (a JSON block cut out of an HTML page, say). */
    public static JsonNode parse(String platform, String body, String source) {
        return parse(platform, body.getBytes(StandardCharsets.UTF_8), source);
    }

    /** A body as JSON, or null when it is empty or not JSON (an HTML error page, say). */
    public static JsonNode parseOrNull(byte[] body) {
        if (Objects.requireNonNull(body, "body").length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** The same for text. */
    public static JsonNode parseOrNull(String body) {
        return parseOrNull(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The node at a dotted path below {@code root}: field names separated by dots, array elements as
     * {@code [i]}, for example {@code data.children[0].data}. A missing node when any step is absent; never null.
     */
    public static JsonNode at(JsonNode root, String path) {
        JsonNode node = root == null ? MissingNode.getInstance() : root;
        for (String step : Objects.requireNonNull(path, "path").split("\\.")) {
            int bracket = step.indexOf('[');
            node = bracket < 0 ? node.path(step) : bracket == 0 ? node : node.path(step.substring(0, bracket));
            while (bracket >= 0) {
                int close = step.indexOf(']', bracket);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in the path '" + path + "'");
                }
                node = node.path(Integer.parseInt(step.substring(bracket + 1, close)));
                bracket = step.indexOf('[', close);
            }
        }
        return node;
    }

    /**
     * The value at a path that must be present and not null.
     *
     * @param platform the platform id, named in the error
     * @throws ExportException {@link ErrorCode#PLATFORM_CHANGED} naming the path when it is absent or null
     */
    public static JsonNode require(String platform, JsonNode root, String path) {
        JsonNode node = at(root, path);
        if (node.isMissingNode() || node.isNull()) {
            throw ExportException.platformChanged(platform, path, node.isNull() ? "found null" : "it is missing");
        }
        return node;
    }

    /** The object at a path; {@code PLATFORM_CHANGED} naming the path when it is absent or not an object. */
    public static ObjectNode requireObject(String platform, JsonNode root, String path) {
        return (ObjectNode) requireType(platform, root, path, JsonNodeType.OBJECT);
    }

    /** The array at a path; {@code PLATFORM_CHANGED} naming the path when it is absent or not an array. */
    public static ArrayNode requireArray(String platform, JsonNode root, String path) {
        return (ArrayNode) requireType(platform, root, path, JsonNodeType.ARRAY);
    }

    /**
     * The non-empty text (or number, as its digits) at a path; {@code PLATFORM_CHANGED} naming the path when it
     * is absent, empty or an object or array.
     */
    public static String requireText(String platform, JsonNode root, String path) {
        JsonNode node = require(platform, root, path);
        String text = text(node);
        if (text == null) {
            throw ExportException.platformChanged(platform, path, "expected text but found " + describe(node));
        }
        return text;
    }

    private static JsonNode requireType(String platform, JsonNode root, String path, JsonNodeType type) {
        JsonNode node = require(platform, root, path);
        if (node.getNodeType() != type) {
            throw ExportException.platformChanged(platform, path, "expected " + (type == JsonNodeType.ARRAY
                    ? "an array" : "an object") + " but found " + describe(node));
        }
        return node;
    }

    /**
     * A scalar as text (a number as its digits, a boolean as {@code true}/{@code false}); null when the
     * node is null, missing, JSON null, an empty string, an object or an array.
     */
    public static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String text = node.asText();
        return text.isEmpty() ? null : text;
    }

    /** {@link #text(JsonNode)} of a field of an object; null when the object is null. */
    public static String text(JsonNode object, String field) {
        return object == null ? null : text(object.get(field));
    }

    /**
     * A whole number given as a JSON number (a fraction is cut off) or as a string of digits (spaces
     * around it allowed); null otherwise.
     */
    public static Long number(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.asLong() : null;
        }
        if (node.isNumber()) {
            return (long) node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** {@link #number(JsonNode)} of a field of an object; null when the object is null. */
    public static Long number(JsonNode object, String field) {
        return object == null ? null : number(object.get(field));
    }

    /** A count: a {@link #number} that is not negative; null otherwise. */
    public static Long count(JsonNode node) {
        Long number = number(node);
        return number == null || number < 0 ? null : number;
    }

    /** True for JSON {@code true}, a non-zero number, or the strings {@code "1"} and {@code "true"}; false otherwise. */
    public static boolean flag(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNumber()) {
            return node.asDouble() != 0;
        }
        return node.isTextual() && (node.asText().equals("1") || node.asText().equalsIgnoreCase("true"));
    }

    /** {@link #flag(JsonNode)} of a field of an object; false when the object is null. */
    public static boolean flag(JsonNode object, String field) {
        return object != null && flag(object.get(field));
    }

    /** Unix seconds (a number or a string of digits) as an instant; null when absent, zero or negative. */
    public static Instant epochSeconds(JsonNode node) {
        Long seconds = number(node);
        return seconds == null || seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> node.asText().isEmpty() ? "an empty string" : "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
