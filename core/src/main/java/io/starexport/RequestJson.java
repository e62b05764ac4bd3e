package io.starexport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Checkpoint;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.api.Sort;
import io.starexport.media.MediaOptions;
import io.starexport.media.Quality;
import io.starexport.spi.RateLimit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one JSON form of an {@link ExportRequest} and of a {@link Checkpoint}, which carries its request. Job
 * stores, checkpoint files, the command line and schedules all use it, so a request written by one is read by
 * any other. Both documents carry a {@code version}; a reader refuses fields it does not know rather than drop
 * a choice, and reads the requests and checkpoints of earlier versions. Holds no secrets, because a request holds none.
 *
 * <pre>{@code
 * String json = RequestJson.write(request);
 * ExportRequest same = RequestJson.readRequest(json);   // same.equals(request)
 * }</pre>
 *
 * <p>Errors: reading a damaged, foreign or newer document throws an {@link ExportException} with
 * {@link ErrorCode#OUTPUT} whose message names the version found and what to do.
 */
public final class RequestJson {
    /**
     * The version of the request document this library writes; version 1 requests (before enrichers) are still read.
     */
    public static final int REQUEST_VERSION = 2;
    /** The version of the checkpoint document this library writes; version 1 checkpoints are still read. */
    public static final int CHECKPOINT_VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REQUEST_FIELDS = Set.of("version", "url", "content", "replies", "sort", "limit",
            "since", "until", "outputs", "media", "sandbox", "credentials", "proxy", "enrich");

    private RequestJson() {
    }

    /** The request as a JSON document. */
    public static String write(ExportRequest request) {
        return text(requestNode(request));
    }

    /** The checkpoint, with its request, as a JSON document. */
    public static String write(Checkpoint checkpoint) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", CHECKPOINT_VERSION);
        node.set("request", requestNode(checkpoint.request()));
        checkpoint.cursor().ifPresent(cursor -> node.put("cursor", cursor));
        node.put("items", checkpoint.items());
        ArrayNode outputs = node.putArray("outputs");
        for (Checkpoint.Output output : checkpoint.outputs()) {
            outputs.addObject().put("file", output.file().toString()).put("partialFile", output.partialFile().toString())
                    .put("format", output.format()).put("bytes", output.bytes());
        }
        node.put("savedAt", checkpoint.savedAt().toString());
        return text(node);
    }

    /**
     * Reads a request document.
     *
     * @throws ExportException {@code OUTPUT} when the document is damaged, of a newer version or has unknown fields
     */
    public static ExportRequest readRequest(String json) {
        return read(json, "request", RequestJson::request);
    }

    /**
     * Reads a checkpoint document, of this version or an earlier one.
     *
     * @throws ExportException {@code OUTPUT} when the document is damaged or of a newer version
     */
    public static Checkpoint readCheckpoint(String json) {
        return read(json, "checkpoint", node -> {
            int version = node.path("version").asInt(-1);
            if (version == 1) {
                return checkpointVersion1(node);
            }
            checkVersion(node, "checkpoint", CHECKPOINT_VERSION);
            return new Checkpoint(request(required(node, "request")), optional(node, "cursor"),
                    node.path("items").asLong(), checkpointOutputs(node), Instant.parse(string(node, "savedAt")));
        });
    }

    private static <T> T read(String json, String what, Function<JsonNode, T> reader) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "The " + what + " is not valid JSON (" + e.getOriginalMessage()
                    + "); start the export again without it.", e);
        }
        if (node == null || !node.isObject()) {
            throw ExportException.of(ErrorCode.OUTPUT, "The " + what + " is not a JSON object; start the export again "
                    + "without it.");
        }
        try {
            return reader.apply(node);
        } catch (ExportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "The " + what + " is damaged (" + e.getMessage()
                    + "); start the export again without it.", e);
        }
    }

    private static void checkVersion(JsonNode node, String what, int supported) {
        int version = node.path("version").asInt(-1);
        if (version != supported) {
            throw ExportException.of(ErrorCode.OUTPUT, "This " + what + " document has version "
                    + (node.has("version") ? node.get("version").toString() : "(none)") + ", but this Star Export "
                    + "reads version " + supported + (version > supported ? "; update Star Export to read it"
                    : "; it was not written by Star Export") + ", or start the export again without it.");
        }
    }

    private static ObjectNode requestNode(ExportRequest request) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", REQUEST_VERSION);
        node.put("url", request.url());
        request.content().ifPresent(content -> node.put("content", content.name()));
        if (request.replies()) {
            node.put("replies", true);
        }
        request.sort().ifPresent(sort -> node.put("sort", sort.name()));
        request.limit().ifPresent(limit -> node.put("limit", limit));
        request.since().ifPresent(since -> node.put("since", since.toString()));
        request.until().ifPresent(until -> node.put("until", until.toString()));
        if (!request.outputs().isEmpty()) {
            ArrayNode outputs = node.putArray("outputs");
            for (ExportRequest.Output output : request.outputs()) {
                ObjectNode o = outputs.addObject().put("file", output.file().toString());
                output.format().ifPresent(format -> o.put("format", format));
                if (!output.options().isEmpty()) {
                    ObjectNode options = o.putObject("options");
                    output.options().forEach(options::put);
                }
            }
        }
        request.media().ifPresent(media -> media(node.putObject("media"), media));
        if (request.sandbox()) {
            node.put("sandbox", true);
        }
        request.credentials().ifPresent(name -> node.put("credentials", name));
        request.proxy().ifPresent(name -> node.put("proxy", name));
        if (!request.enrichers().isEmpty()) {
            request.enrichers().forEach(node.putArray("enrich")::add);
        }
        return node;
    }

    /** Version 1 is version 2 without {@code enrich}, which the field check below refuses in it. */
    private static ExportRequest request(JsonNode node) {
        int version = node.path("version").asInt(-1);
        checkVersion(node, "request", version == 1 ? 1 : REQUEST_VERSION);
        if (version == 1 && node.has("enrich")) {
            throw ExportException.of(ErrorCode.OUTPUT, "The version 1 request has a field 'enrich', which only version "
                    + REQUEST_VERSION + " knows; it was not written by Star Export.");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!REQUEST_FIELDS.contains(name)) {
                throw ExportException.of(ErrorCode.OUTPUT, "The request has a field '" + name + "' this Star Export "
                        + "does not know; it was written by a newer version. Update Star Export to run it.");
            }
        }
        ExportRequest.Builder builder = ExportRequest.builder(string(node, "url"))
                .replies(node.path("replies").asBoolean(false)).sandbox(node.path("sandbox").asBoolean(false));
        optional(node, "content").map(Content::valueOf).ifPresent(builder::content);
        optional(node, "sort").map(Sort::valueOf).ifPresent(builder::sort);
        if (node.hasNonNull("limit")) {
            builder.limit(node.get("limit").asLong());
        }
        optional(node, "since").map(Instant::parse).ifPresent(builder::since);
        optional(node, "until").map(Instant::parse).ifPresent(builder::until);
        List<ExportRequest.Output> outputs = new ArrayList<>();
        for (JsonNode output : node.path("outputs")) {
            Map<String, String> options = new LinkedHashMap<>();
            output.path("options").fields().forEachRemaining(option -> options.put(option.getKey(),
                    option.getValue().asText()));
            outputs.add(new ExportRequest.Output(Path.of(string(output, "file")), optional(output, "format"), options));
        }
        builder.outputs(outputs);
        if (node.hasNonNull("media")) {
            builder.downloadMedia(media(node.get("media")));
        }
        optional(node, "credentials").ifPresent(builder::credentials);
        optional(node, "proxy").ifPresent(builder::proxy);
        JsonNode enrich = node.path("enrich");
        if (!enrich.isMissingNode() && !enrich.isArray()) {
            throw new IllegalArgumentException("'enrich' is not a list of enricher ids");
        }
        enrich.forEach(id -> builder.enrich(id.asText()));
        return builder.build();
    }

    private static void media(ObjectNode node, MediaOptions media) {
        node.put("directory", media.directory().toString());
        node.put("naming", media.naming());
        node.put("quality", media.quality().toString());
        node.put("concurrency", media.concurrency());
        node.put("ratePermits", media.rateLimit().permits());
        node.put("ratePeriod", media.rateLimit().period().toString());
        if (media.rateLimit().bursts()) {
            node.put("rateBursts", true);
        }
        node.put("maxFileSize", media.maxFileSize());
        media.contentTypes().forEach(node.putArray("contentTypes")::add);
        media.extraHosts().stream().sorted().forEach(node.putArray("extraHosts")::add);
    }

    private static MediaOptions media(JsonNode node) {
        List<String> contentTypes = new ArrayList<>();
        node.path("contentTypes").forEach(type -> contentTypes.add(type.asText()));
        Set<String> extraHosts = new TreeSet<>();
        node.path("extraHosts").forEach(host -> extraHosts.add(host.asText()));
        return MediaOptions.builder(Path.of(string(node, "directory"))).naming(string(node, "naming"))
                .quality(Quality.parse(string(node, "quality"))).concurrency(node.path("concurrency").asInt())
                .rateLimit(new RateLimit(node.path("ratePermits").asLong(), Duration.parse(string(node, "ratePeriod")),
                        node.path("rateBursts").asBoolean(false)))
                .maxFileSize(node.path("maxFileSize").asLong()).contentTypes(contentTypes).extraHosts(extraHosts)
                .build();
    }

    private static List<Checkpoint.Output> checkpointOutputs(JsonNode node) {
        List<Checkpoint.Output> outputs = new ArrayList<>();
        for (JsonNode output : node.path("outputs")) {
            outputs.add(new Checkpoint.Output(Path.of(string(output, "file")), Path.of(string(output, "partialFile")),
                    string(output, "format"), output.path("bytes").asLong()));
        }
        return outputs;
    }

    /**
     * Version 1 kept the request's fields flat beside the cursor and knew one format option, csv's formula
     * protection, for every output.
     */
    private static Checkpoint checkpointVersion1(JsonNode node) {
        List<Checkpoint.Output> outputs = checkpointOutputs(node);
        boolean formulaProtection = node.path("formulaProtection").asBoolean(true);
        ExportRequest.Builder builder = ExportRequest.builder(string(node, "url"))
                .content(Content.valueOf(string(node, "content"))).replies(node.path("replies").asBoolean())
                .sandbox(node.path("sandbox").asBoolean())
                .outputs(outputs.stream().map(output -> new ExportRequest.Output(output.file(),
                        Optional.of(output.format()), output.format().equals("csv") && !formulaProtection
                        ? Map.of("formulaProtection", "false") : Map.of())).toList());
        optional(node, "sort").map(Sort::valueOf).ifPresent(builder::sort);
        if (node.hasNonNull("limit")) {
            builder.limit(node.get("limit").asLong());
        }
        optional(node, "since").map(Instant::parse).ifPresent(builder::since);
        optional(node, "until").map(Instant::parse).ifPresent(builder::until);
        return new Checkpoint(builder.build(), optional(node, "cursor"), node.path("items").asLong(), outputs,
                Instant.parse(string(node, "savedAt")));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value;
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value.asText();
    }

    private static Optional<String> optional(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
