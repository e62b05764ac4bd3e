package io.starexport.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Checkpoint;
import io.starexport.RequestJson;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.api.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The job document of {@link FileJobStore}: JSON, version 2, whose request and checkpoint are in
 * {@link RequestJson}'s form. Version 1 documents, whose request fields were flat, are still read. Holds no
 * credentials because a job has none.
 */
final class JobJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 2;

    private JobJson() {
    }

    static byte[] write(JobRecord job) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", VERSION);
        node.put("id", job.id().toString());
        node.put("platform", job.platform());
        node.put("status", job.status().name());
        node.put("attempts", job.attempts());
        node.put("createdAt", job.createdAt().toString());
        node.put("startedAt", job.startedAt().map(Instant::toString).orElse(null));
        node.put("finishedAt", job.finishedAt().map(Instant::toString).orElse(null));
        node.put("priority", job.priority());
        node.set("request", JSON.readTree(RequestJson.write(job.request())));
        Progress progress = job.progress();
        ObjectNode p = node.putObject("progress").put("items", progress.items()).put("pages", progress.pages())
                .put("skipped", progress.skipped()).put("itemsPerSecond", progress.itemsPerSecond())
                .put("elapsed", progress.elapsed().toString());
        progress.total().ifPresent(total -> p.put("total", total));
        if (job.checkpoint().isPresent()) {
            node.set("checkpoint", JSON.readTree(RequestJson.write(job.checkpoint().get())));
        }
        job.result().ifPresent(result -> {
            ObjectNode r = node.putObject("result").put("items", result.items()).put("pages", result.pages())
                    .put("bytes", result.bytes()).put("completeness", result.completeness());
            ArrayNode files = r.putArray("files");
            result.files().forEach(file -> files.add(file.toString()));
        });
        job.error().ifPresent(error -> node.putObject("error").put("code", error.code().name())
                .put("message", error.message())
                .put("retryAfter", error.retryAfter().map(Duration::toString).orElse(null)));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    }

    static JobRecord read(byte[] document) throws IOException {
        JsonNode node = JSON.readTree(document);
        int version = node == null ? -1 : node.path("version").asInt(-1);
        if (version != VERSION && version != 1) {
            throw ExportException.of(ErrorCode.OUTPUT, "The job document has version "
                    + (node == null ? "(none)" : node.path("version")) + ", but this Star Export reads versions 1 and "
                    + VERSION + (version > VERSION ? "; update Star Export to read it." : "; it is not a job document."));
        }
        JsonNode p = node.path("progress");
        Progress progress = new Progress(p.path("items").asLong(), optionalLong(p, "total"), p.path("pages").asLong(),
                p.path("skipped").asLong(), p.path("itemsPerSecond").asDouble(),
                optional(p, "elapsed").map(Duration::parse).orElse(Duration.ZERO));
        Optional<JobResult> result = Optional.empty();
        if (node.hasNonNull("result")) {
            JsonNode r = node.get("result");
            List<Path> files = new ArrayList<>();
            r.path("files").forEach(file -> files.add(Path.of(file.asText())));
            result = Optional.of(new JobResult(r.path("items").asLong(), r.path("pages").asLong(),
                    r.path("bytes").asLong(), files, r.path("completeness").asText("")));
        }
        Optional<JobError> error = Optional.empty();
        if (node.hasNonNull("error")) {
            JsonNode e = node.get("error");
            error = Optional.of(new JobError(ErrorCode.valueOf(text(e, "code")), text(e, "message"),
                    optional(e, "retryAfter").map(Duration::parse)));
        }
        ExportRequest request = version == 1 ? requestVersion1(node.path("request"))
                : RequestJson.readRequest(node.path("request").toString());
        int priority = (version == 1 ? node.path("request") : node).path("priority").asInt(JobExecutor.DEFAULT_PRIORITY);
        Optional<Checkpoint> checkpoint = Optional.empty();
        if (node.hasNonNull("checkpoint")) {
            ObjectNode saved = (ObjectNode) node.get("checkpoint");
            if (version == 1) {
                saved.put("version", 1);
            }
            checkpoint = Optional.of(RequestJson.readCheckpoint(saved.toString()));
        }
        return new JobRecord(UUID.fromString(text(node, "id")), request, priority, text(node, "platform"), JobStatus.valueOf(text(node, "status")), node.path("attempts").asInt(),
                Instant.parse(text(node, "createdAt")), optional(node, "startedAt").map(Instant::parse),
                optional(node, "finishedAt").map(Instant::parse), progress, checkpoint, result, error);
    }

    /** Version 1 kept the request's fields flat, with csv's two switches applying to every output. */
    private static ExportRequest requestVersion1(JsonNode node) {
        ObjectNode request = JSON.createObjectNode().put("version", RequestJson.REQUEST_VERSION);
        for (String field : List.of("url", "content", "replies", "sort", "limit", "since", "until", "media")) {
            if (node.hasNonNull(field)) {
                request.set(field, node.get(field));
            }
        }
        ArrayNode outputs = request.putArray("outputs");
        for (JsonNode output : node.path("outputs")) {
            ObjectNode o = outputs.addObject().put("file", text(output, "file"));
            optional(output, "format").ifPresent(format -> o.put("format", format));
            boolean csv = optional(output, "format").map("csv"::equals)
                    .orElse(text(output, "file").toLowerCase(Locale.ROOT).endsWith(".csv"));
            if (csv) {
                ObjectNode options = JSON.createObjectNode();
                if (node.path("byteOrderMark").asBoolean(false)) {
                    options.put("byteOrderMark", "true");
                }
                if (!node.path("formulaProtection").asBoolean(true)) {
                    options.put("formulaProtection", "false");
                }
                if (!options.isEmpty()) {
                    o.set("options", options);
                }
            }
        }
        return RequestJson.readRequest(request.toString());
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

    private static OptionalLong optionalLong(JsonNode node, String field) {
        return node.hasNonNull(field) ? OptionalLong.of(node.get(field).asLong()) : OptionalLong.empty();
    }
}
