package io.starexport.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The memory of an only-new schedule: the newest creation time seen (the high-water mark) and the ids seen
 * lately. A run exports with {@code since} = mark − {@link #OVERLAP}, so late-indexed items and items sharing
 * the mark's second are fetched again, and the run's JSON Lines files are then rewritten without the ids
 * already seen. Ids older than the overlap window are forgotten (the {@code since} filter keeps them out),
 * and at most {@link #MAX_SEEN} are kept, oldest first out. Guarded by the scheduler's lock.
 */
final class Incremental {
    /** How far before the high-water mark each run looks again. */
    static final Duration OVERLAP = Duration.ofHours(1);
    /** Ids remembered at most. */
    static final int MAX_SEEN = 50_000;

    private Optional<Instant> highWater = Optional.empty();
    /** Id → creation time in epoch milliseconds, or null when the item had none; insertion order. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    static boolean isJsonLines(ExportRequest.Output output) {
        return output.format().map(f -> f.equalsIgnoreCase("jsonl"))
                .orElseGet(() -> output.file().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl"));
    }

    Optional<Instant> highWater() {
        return highWater;
    }

    /** The request of a run: its {@code since} moved up to the mark minus the overlap. */
    ExportRequest narrow(ExportRequest request) {
        if (highWater.isEmpty()) {
            return request;
        }
        Instant since = highWater.get().minus(OVERLAP);
        if (request.since().isPresent() && request.since().get().isAfter(since)) {
            return request;
        }
        return request.toBuilder().since(since).build();
    }

    /**
     * Rewrites each file of a successful run without the items seen before, then remembers the run's items.
     *
     * @return items kept (in each file; every output of a run holds the same items)
     * @throws ExportException {@code OUTPUT} when a file cannot be read or replaced
     */
    long filter(Iterable<Path> files) {
        Map<String, Long> fresh = new LinkedHashMap<>();
        long kept = -1;
        for (Path file : files) {
            long keptHere = 0;
            Path temp = file.resolveSibling("." + file.getFileName() + ".new");
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode item = Documents.JSON.readTree(line);
                    String id = item.path("id").asText(null);
                    if (id != null) {
                        fresh.put(id, createdAt(item));
                        if (seen.containsKey(id)) {
                            continue;
                        }
                    }
                    out.write(line);
                    out.write('\n');
                    keptHere++;
                }
            } catch (IOException e) {
                throw ExportException.of(ErrorCode.OUTPUT, "Cannot filter " + file + " to new items: " + e.getMessage());
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw ExportException.of(ErrorCode.OUTPUT, "Cannot replace " + file + ": " + e.getMessage());
            }
            kept = kept < 0 ? keptHere : kept;
        }
        remember(fresh);
        return Math.max(kept, 0);
    }

    private void remember(Map<String, Long> fresh) {
        for (Map.Entry<String, Long> entry : fresh.entrySet()) {
            seen.remove(entry.getKey());
            seen.put(entry.getKey(), entry.getValue());
            if (entry.getValue() != null) {
                Instant at = Instant.ofEpochMilli(entry.getValue());
                if (highWater.isEmpty() || at.isAfter(highWater.get())) {
                    highWater = Optional.of(at);
                }
            }
        }
        if (highWater.isPresent()) {
            long horizon = highWater.get().minus(OVERLAP).toEpochMilli();
            seen.values().removeIf(at -> at != null && at < horizon);
        }
        Iterator<String> oldest = seen.keySet().iterator();
        while (seen.size() > MAX_SEEN) {
            oldest.next();
            oldest.remove();
        }
    }

    private static Long createdAt(JsonNode item) {
        String text = item.path("createdAt").asText(null);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    ObjectNode write() {
        ObjectNode doc = Documents.JSON.createObjectNode();
        highWater.ifPresent(at -> doc.put("highWater", at.toString()));
        ArrayNode ids = doc.putArray("seen");
        seen.forEach((id, at) -> {
            ArrayNode pair = ids.addArray().add(id);
            if (at == null) {
                pair.addNull();
            } else {
                pair.add(at);
            }
        });
        return doc;
    }

    static Incremental read(JsonNode doc) {
        Incremental state = new Incremental();
        if (doc.hasNonNull("highWater")) {
            state.highWater = Optional.of(Instant.parse(doc.get("highWater").asText()));
        }
        for (JsonNode pair : doc.path("seen")) {
            state.seen.put(pair.get(0).asText(), pair.get(1).isNull() ? null : pair.get(1).asLong());
        }
        return state;
    }
}
