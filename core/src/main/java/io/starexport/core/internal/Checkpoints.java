package io.starexport.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Checkpoint;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Sort;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads and writes checkpoint files (JSON, version 1). They hold no credentials. */
final class Checkpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    private Checkpoints() {
    }

    static Path fileFor(Path output) {
        return output.resolveSibling(output.getFileName() + ".checkpoint.json");
    }

    static void write(Path path, Checkpoint checkpoint) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", VERSION);
        node.put("url", checkpoint.url());
        node.put("content", checkpoint.content().name());
        node.put("replies", checkpoint.replies());
        node.put("sort", checkpoint.sort().map(Enum::name).orElse(null));
        if (checkpoint.limit().isPresent()) {
            node.put("limit", checkpoint.limit().getAsLong());
        }
        node.put("since", checkpoint.since().map(Instant::toString).orElse(null));
        node.put("until", checkpoint.until().map(Instant::toString).orElse(null));
        node.put("sandbox", checkpoint.sandbox());
        node.put("formulaProtection", checkpoint.formulaProtection());
        node.put("cursor", checkpoint.cursor().orElse(null));
        node.put("items", checkpoint.items());
        ArrayNode outputs = node.putArray("outputs");
        for (Checkpoint.Output output : checkpoint.outputs()) {
            outputs.addObject().put("file", output.file().toString()).put("partialFile", output.partialFile().toString())
                    .put("format", output.format()).put("bytes", output.bytes());
        }
        node.put("savedAt", checkpoint.savedAt().toString());
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            OwnerOnlyFiles.create(temp);
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), node);
            try {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "Could not write the checkpoint " + path + ": " + e.getMessage(), e);
        }
    }

    static Checkpoint read(Path path) {
        JsonNode node;
        try {
            node = JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "Could not read the checkpoint " + path + ": "
                    + (Files.exists(path) ? "it is not valid JSON" : "no such file") + ".", e);
        }
        try {
            if (node.path("version").asInt() != VERSION) {
                throw new IllegalArgumentException("version " + node.path("version") + " is not supported");
            }
            List<Checkpoint.Output> outputs = new ArrayList<>();
            for (JsonNode output : node.path("outputs")) {
                outputs.add(new Checkpoint.Output(Path.of(text(output, "file")), Path.of(text(output, "partialFile")),
                        text(output, "format"), output.path("bytes").asLong()));
            }
            return new Checkpoint(text(node, "url"), Content.valueOf(text(node, "content")),
                    node.path("replies").asBoolean(), optional(node, "sort").map(Sort::valueOf),
                    node.hasNonNull("limit") ? OptionalLong.of(node.get("limit").asLong()) : OptionalLong.empty(),
                    optional(node, "since").map(Instant::parse), optional(node, "until").map(Instant::parse),
                    node.path("sandbox").asBoolean(), node.path("formulaProtection").asBoolean(true),
                    optional(node, "cursor"), node.path("items").asLong(), outputs,
                    Instant.parse(text(node, "savedAt")));
        } catch (RuntimeException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "The checkpoint " + path + " is damaged (" + e.getMessage()
                    + "); start the export again.", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value.asText();
    }

    private static Optional<String> optional(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
