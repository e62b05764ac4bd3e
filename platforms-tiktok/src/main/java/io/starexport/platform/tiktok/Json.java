package io.starexport.platform.tiktok;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** JSON reading that tolerates TikTok's mixed shapes (numbers as strings, 0/1 as booleans). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Parses a response body; a body that is not JSON means the platform changed. */
    static JsonNode parse(String body, String what) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ExportException.platformChanged(TikTokPlatform.ID, what, "an empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ExportException.platformChanged(TikTokPlatform.ID, what, "a body that is not JSON");
        }
    }

    /** A non-empty string value (numbers as their digits), or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    /** A whole number given as a number or a numeric string, or null. */
    static Long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return (long) value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** True for {@code true}, {@code 1} or {@code "1"}/{@code "true"}. */
    static boolean flag(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        return value.isBoolean() ? value.asBoolean() : value.isNumber() ? value.asLong() != 0
                : "1".equals(value.asText()) || "true".equalsIgnoreCase(value.asText());
    }

    /** Unix seconds as an instant, or null. */
    static Instant seconds(JsonNode node, String field) {
        Long seconds = number(node, field);
        return seconds == null || seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }

    /** The string values of an array (or the given field of each object element); empty when absent. */
    static List<String> strings(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode element : array) {
                String value = field == null ? (element.isValueNode() ? element.asText() : null) : text(element, field);
                if (value != null && !value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** The first string of a {@code url_list} (app style), {@code urlList} or {@code UrlList} (web) array, or null. */
    static String firstUrl(JsonNode image) {
        if (image == null || image.isNull()) {
            return null;
        }
        for (String name : new String[] {"url_list", "urlList", "UrlList"}) {
            List<String> urls = strings(image.get(name), null);
            if (!urls.isEmpty()) {
                return urls.get(0);
            }
        }
        return null;
    }

    /** A cursor as compact base64url JSON; checkpoints keep it, so it holds ids and offsets only. */
    static String encodeCursor(ObjectNode state) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(state.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor written by {@link #encodeCursor}; a damaged one is an output problem the user can see. */
    static ObjectNode decodeCursor(String cursor) {
        try {
            JsonNode node = MAPPER.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IllegalArgumentException | JsonProcessingException e) {
            // reported below
        }
        throw ExportException.of(ErrorCode.OUTPUT, "The TikTok cursor in this checkpoint is damaged; "
                + "start the export again without resuming.");
    }
}
