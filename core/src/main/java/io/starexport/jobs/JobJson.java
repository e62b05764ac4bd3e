package io.starexport.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Checkpoint;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.Progress;
import io.starexport.api.Sort;
import io.starexport.media.MediaOptions;
import io.starexport.media.Quality;
import io.starexport.spi.RateLimit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The job document of {@link FileJobStore}: JSON, version 1. Holds no credentials because a job has none. */
final class JobJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

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
        writeRequest(node.putObject("request"), job.request());
        Progress progress = job.progress();
        ObjectNode p = node.putObject("progress").put("items", progress.items()).put("pages", progress.pages())
                .put("skipped", progress.skipped()).put("itemsPerSecond", progress.itemsPerSecond())
                .put("elapsed", progress.elapsed().toString());
        progress.total().ifPresent(total -> p.put("total", total));
        job.checkpoint().ifPresent(checkpoint -> writeCheckpoint(node.putObject("checkpoint"), checkpoint));
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
        if (node == null || node.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("version " + (node == null ? "?" : node.path("version"))
                    + " is not supported");
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
        return new JobRecord(UUID.fromString(text(node, "id")), readRequest(node.path("request")),
                text(node, "platform"), JobStatus.valueOf(text(node, "status")), node.path("attempts").asInt(),
                Instant.parse(text(node, "createdAt")), optional(node, "startedAt").map(Instant::parse),
                optional(node, "finishedAt").map(Instant::parse), progress,
                node.hasNonNull("checkpoint") ? Optional.of(readCheckpoint(node.get("checkpoint"))) : Optional.empty(),
                result, error);
    }

    private static void writeRequest(ObjectNode node, JobRequest request) {
        node.put("url", request.url());
        node.put("content", request.content().map(Enum::name).orElse(null));
        node.put("replies", request.replies());
        node.put("sort", request.sort().map(Enum::name).orElse(null));
        request.limit().ifPresent(limit -> node.put("limit", limit));
        node.put("since", request.since().map(Instant::toString).orElse(null));
        node.put("until", request.until().map(Instant::toString).orElse(null));
        ArrayNode outputs = node.putArray("outputs");
        request.outputs().forEach(output -> outputs.addObject().put("file", output.file().toString())
                .put("format", output.format().orElse(null)));
        node.put("byteOrderMark", request.byteOrderMark());
        node.put("formulaProtection", request.formulaProtection());
        request.media().ifPresent(media -> writeMedia(node.putObject("media"), media));
        node.put("priority", request.priority());
    }

    private static void writeMedia(ObjectNode node, MediaOptions media) {
        node.put("directory", media.directory().toString());
        node.put("naming", media.naming());
        node.put("quality", media.quality().toString());
        node.put("concurrency", media.concurrency());
        node.put("ratePermits", media.rateLimit().permits());
        node.put("ratePeriod", media.rateLimit().period().toString());
        node.put("maxFileSize", media.maxFileSize());
        media.contentTypes().forEach(node.putArray("contentTypes")::add);
        media.extraHosts().stream().sorted().forEach(node.putArray("extraHosts")::add);
    }

    private static MediaOptions readMedia(JsonNode node) {
        List<String> contentTypes = new ArrayList<>();
        node.path("contentTypes").forEach(type -> contentTypes.add(type.asText()));
        Set<String> extraHosts = new TreeSet<>();
        node.path("extraHosts").forEach(host -> extraHosts.add(host.asText()));
        return MediaOptions.builder(Path.of(text(node, "directory"))).naming(text(node, "naming"))
                .quality(Quality.parse(text(node, "quality"))).concurrency(node.path("concurrency").asInt())
                .rateLimit(new RateLimit(node.path("ratePermits").asLong(), Duration.parse(text(node, "ratePeriod"))))
                .maxFileSize(node.path("maxFileSize").asLong()).contentTypes(contentTypes).extraHosts(extraHosts)
                .build();
    }

    private static JobRequest readRequest(JsonNode node) {
        List<JobRequest.Output> outputs = new ArrayList<>();
        node.path("outputs").forEach(output -> outputs.add(new JobRequest.Output(Path.of(text(output, "file")),
                optional(output, "format"))));
        return new JobRequest(text(node, "url"), optional(node, "content").map(Content::valueOf),
                node.path("replies").asBoolean(), optional(node, "sort").map(Sort::valueOf), optionalLong(node, "limit"),
                optional(node, "since").map(Instant::parse), optional(node, "until").map(Instant::parse), outputs,
                // Absent in documents written before these switches existed: the defaults those jobs ran with.
                node.path("byteOrderMark").asBoolean(false), node.path("formulaProtection").asBoolean(true),
                node.hasNonNull("media") ? Optional.of(readMedia(node.get("media"))) : Optional.empty(),
                node.path("priority").asInt(JobRequest.DEFAULT_PRIORITY));
    }

    private static void writeCheckpoint(ObjectNode node, Checkpoint checkpoint) {
        node.put("url", checkpoint.url());
        node.put("content", checkpoint.content().name());
        node.put("replies", checkpoint.replies());
        node.put("sort", checkpoint.sort().map(Enum::name).orElse(null));
        checkpoint.limit().ifPresent(limit -> node.put("limit", limit));
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
    }

    private static Checkpoint readCheckpoint(JsonNode node) {
        List<Checkpoint.Output> outputs = new ArrayList<>();
        for (JsonNode output : node.path("outputs")) {
            outputs.add(new Checkpoint.Output(Path.of(text(output, "file")), Path.of(text(output, "partialFile")),
                    text(output, "format"), output.path("bytes").asLong()));
        }
        return new Checkpoint(text(node, "url"), Content.valueOf(text(node, "content")), node.path("replies").asBoolean(),
                optional(node, "sort").map(Sort::valueOf), optionalLong(node, "limit"),
                optional(node, "since").map(Instant::parse), optional(node, "until").map(Instant::parse),
                node.path("sandbox").asBoolean(), node.path("formulaProtection").asBoolean(true),
                optional(node, "cursor"), node.path("items").asLong(), outputs, Instant.parse(text(node, "savedAt")));
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
