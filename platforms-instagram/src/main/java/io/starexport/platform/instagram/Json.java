package io.starexport.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.ExportException;
import io.starexport.spi.HttpResponse;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Tolerant readers for Instagram's JSON, where ids are numbers in older responses and strings in newer ones. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Graph API timestamps: {@code 2020-02-24T09:15:16+0000}. */
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private Json() {
    }

    /** The body as JSON, or null when it is not JSON. */
    static JsonNode parseOrNull(HttpResponse response) {
        try {
            JsonNode node = MAPPER.readTree(response.body());
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** The body as JSON, or {@code PLATFORM_CHANGED}. */
    static JsonNode parse(HttpResponse response, String what) {
        JsonNode node = parseOrNull(response);
        if (node == null || !node.isObject()) {
            throw ExportException.platformChanged(InstagramPlatform.ID, "$", what + " is not a JSON object");
        }
        return node;
    }

    /** A scalar as text (numbers included); null for null, missing, empty or container values. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText();
        return text.isEmpty() ? null : text;
    }

    /** A paging token as given: a string or number as text, an object (a JSON-encoded cursor) as its JSON. */
    static String token(JsonNode node) {
        if (node != null && node.isContainerNode()) {
            return node.isEmpty() ? null : node.toString();
        }
        return text(node);
    }

    /** A non-negative count, from a number or a numeric string; null otherwise. */
    static Long count(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.asLong() >= 0) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().matches("\\d{1,18}")) {
            return Long.parseLong(node.asText());
        }
        return null;
    }

    /** A positive int, or null. */
    static Integer size(JsonNode node) {
        Long value = count(node);
        return value == null || value == 0 || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    /** Epoch seconds as an instant, or null. */
    static Instant epochSeconds(JsonNode node) {
        Long seconds = count(node);
        return seconds == null || seconds == 0 ? null : Instant.ofEpochSecond(seconds);
    }

    /** A Graph API timestamp ({@code +0000} or ISO-8601 offsets), or null. */
    static Instant graphTime(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, GRAPH_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** True only for JSON {@code true}. */
    static boolean flag(JsonNode node) {
        return node != null && node.isBoolean() && node.asBoolean();
    }
}
