package io.starexport.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.starexport.api.Author;
import io.starexport.api.Comment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The baselines of the writer figures: what a person would write by hand to put the same comment fields
 * in the same files, reading each field straight from the record (no field map), with the same CSV
 * quoting and formula protection and the same JSON field names.
 */
final class BaselineWriters {
    private static final JsonFactory JSON = new JsonFactoryBuilder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();
    private static final String CSV_HEADER = "platform,id,url,createdAt,createdAtApproximate,author.id,author.handle,"
            + "author.displayName,author.url,author.verified,postId,parentId,depth,text,likeCount,replyCount,pinned,"
            + "edited,extras\r\n";

    private BaselineWriters() {
    }

    static void csv(List<Comment> comments, OutputStream out) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv.write(CSV_HEADER);
        for (Comment c : comments) {
            Optional<Author> author = c.author();
            text(csv, c.platform());
            csv.write(',');
            text(csv, c.id());
            csv.write(',');
            text(csv, c.url());
            csv.write(',');
            text(csv, c.createdAt().map(Object::toString));
            csv.write(',');
            csv.write(Boolean.toString(c.createdAtApproximate()));
            csv.write(',');
            text(csv, author.flatMap(Author::id));
            csv.write(',');
            text(csv, author.flatMap(Author::handle));
            csv.write(',');
            text(csv, author.flatMap(Author::displayName));
            csv.write(',');
            text(csv, author.flatMap(Author::url));
            csv.write(',');
            if (author.isPresent()) {
                csv.write(Boolean.toString(author.get().verified()));
            }
            csv.write(',');
            text(csv, c.postId());
            csv.write(',');
            text(csv, c.parentId());
            csv.write(',');
            csv.write(Integer.toString(c.depth()));
            csv.write(',');
            text(csv, c.text());
            csv.write(',');
            number(csv, c.likeCount());
            csv.write(',');
            number(csv, c.replyCount());
            csv.write(',');
            csv.write(Boolean.toString(c.pinned()));
            csv.write(',');
            csv.write(Boolean.toString(c.edited()));
            csv.write(',');
            if (!c.extras().isEmpty()) {
                StringWriter extras = new StringWriter();
                try (JsonGenerator json = JSON.createGenerator(extras)) {
                    map(json, c.extras());
                }
                text(csv, extras.toString());
            }
            csv.write("\r\n");
        }
        csv.flush();
    }

    static void jsonl(List<Comment> comments, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            for (Comment c : comments) {
                object(json, c);
                json.writeRaw('\n');
            }
        }
    }

    static void json(List<Comment> comments, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeRaw('[');
            json.setRootValueSeparator(null);
            boolean first = true;
            for (Comment c : comments) {
                json.writeRaw(first ? "\n" : ",\n");
                first = false;
                object(json, c);
            }
            json.writeRaw("\n]\n");
        }
    }

    private static void object(JsonGenerator json, Comment c) throws IOException {
        json.writeStartObject();
        json.writeStringField("platform", c.platform());
        json.writeStringField("id", c.id());
        if (c.url().isPresent()) {
            json.writeStringField("url", c.url().get());
        }
        if (c.createdAt().isPresent()) {
            json.writeStringField("createdAt", c.createdAt().get().toString());
        }
        json.writeBooleanField("createdAtApproximate", c.createdAtApproximate());
        if (c.author().isPresent()) {
            Author author = c.author().get();
            json.writeObjectFieldStart("author");
            optional(json, "id", author.id());
            optional(json, "handle", author.handle());
            optional(json, "displayName", author.displayName());
            optional(json, "url", author.url());
            json.writeBooleanField("verified", author.verified());
            json.writeEndObject();
        }
        json.writeStringField("postId", c.postId());
        optional(json, "parentId", c.parentId());
        json.writeNumberField("depth", c.depth());
        json.writeStringField("text", c.text());
        if (c.likeCount().isPresent()) {
            json.writeNumberField("likeCount", c.likeCount().getAsLong());
        }
        if (c.replyCount().isPresent()) {
            json.writeNumberField("replyCount", c.replyCount().getAsLong());
        }
        json.writeBooleanField("pinned", c.pinned());
        json.writeBooleanField("edited", c.edited());
        json.writeFieldName("extras");
        map(json, c.extras());
        json.writeEndObject();
    }

    private static void optional(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }

    /** Extras hold strings, numbers and booleans in the sandbox; anything else is written as its text. */
    static void map(JsonGenerator json, Map<String, Object> map) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            json.writeFieldName(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof Boolean flag) {
                json.writeBoolean(flag);
            } else if (value instanceof Long || value instanceof Integer) {
                json.writeNumber(((Number) value).longValue());
            } else if (value instanceof Double number) {
                json.writeNumber(number);
            } else {
                json.writeString(String.valueOf(value));
            }
        }
        json.writeEndObject();
    }

    private static void number(Writer csv, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            csv.write(Long.toString(value.getAsLong()));
        }
    }

    private static void text(Writer csv, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            text(csv, value.get());
        }
    }

    /**
     * RFC 4180 quoting as the csv format documents it. No formula protection: the comparison runs the csv format
     * with it off, since its rule (only cells a spreadsheet would evaluate) is not a few lines to write again.
     */
    private static void text(Writer csv, String text) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        char first = text.charAt(0);
        boolean quote = first == ' ' || first == '\t' || text.charAt(text.length() - 1) == ' '
                || text.charAt(text.length() - 1) == '\t';
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (quote) {
            csv.write('"');
            csv.write(text.replace("\"", "\"\""));
            csv.write('"');
        } else {
            csv.write(text);
        }
    }
}
