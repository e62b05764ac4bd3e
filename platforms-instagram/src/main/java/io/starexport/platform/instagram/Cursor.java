package io.starexport.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.kit.CursorCodec;
import io.starexport.kit.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an export stands, written to checkpoints by the kit's {@link CursorCodec}: the id being paged (a media id,
 * a user id), the next page of the main list (a query parameter and its token; absent before the first
 * page), the other direction of the main list still to read once this one ends (the web comment list
 * pages both ways from its first page), whether the main list has ended, and the reply threads still to read. It never holds a secret:
 * Graph {@code paging.next} URLs carry the access token, so only their {@code after} token is kept.
 *
 * @param id      media or user id being paged
 * @param next    the main list's next page; null for its first page
 * @param then    where the main list continues once {@code next}'s direction ends; null for none
 * @param done    whether the main list has no more pages
 * @param threads reply threads still to read, in order
 */
record Cursor(String id, Next next, Next then, boolean done, List<Thread> threads) {
    private static final CursorCodec CODEC = CursorCodec.of(InstagramPlatform.ID, "list", 1);

    /** A page position: the query parameter to send ({@code after}, {@code min_id}, {@code max_id}) and its value. */
    record Next(String parameter, String token) {
    }

    /** A reply thread still to read: the parent comment and its next page (null for the first page). */
    record Thread(String commentId, Next next) {
    }

    Cursor {
        threads = List.copyOf(threads);
    }

    Cursor(String id, Next next, boolean done, List<Thread> threads) {
        this(id, next, null, done, threads);
    }

    static Cursor start(String id) {
        return new Cursor(id, null, false, List.of());
    }

    boolean finished() {
        return done && threads.isEmpty();
    }

    String encode() {
        ObjectNode node = CODEC.newState().put("id", id);
        putNext(node, next);
        if (then != null) {
            putNext(node.putObject("o"), then);
        }
        if (done) {
            node.put("done", true);
        }
        if (!threads.isEmpty()) {
            ArrayNode array = node.putArray("threads");
            for (Thread thread : threads) {
                putNext(array.addObject().put("c", thread.commentId()), thread.next());
            }
        }
        return CODEC.encode(node);
    }

    /** The position a cursor holds; {@code OUTPUT} for one this version did not write. */
    static Cursor decode(String cursor) {
        ObjectNode node = CODEC.decode(cursor);
        if (Json.text(node.get("id")) == null) {
            throw ExportException.of(ErrorCode.OUTPUT, "The Instagram cursor in this checkpoint names no list; start"
                    + " the export again without the checkpoint.");
        }
        List<Thread> threads = new ArrayList<>();
        for (JsonNode thread : node.path("threads")) {
            threads.add(new Thread(thread.path("c").asText(), next(thread)));
        }
        return new Cursor(node.get("id").asText(), next(node), next(node.path("o")), node.path("done").asBoolean(), threads);
    }

    private static void putNext(ObjectNode node, Next next) {
        if (next != null) {
            node.put("p", next.parameter()).put("t", next.token());
        }
    }

    private static Next next(JsonNode node) {
        return node.hasNonNull("p") ? new Next(node.get("p").asText(), node.path("t").asText()) : null;
    }
}
