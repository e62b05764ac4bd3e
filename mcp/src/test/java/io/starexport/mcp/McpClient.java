package io.starexport.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test MCP client: runs {@link StarExportMcpServer#serve} on its own thread over piped streams and speaks raw
 * JSON-RPC lines to it, as Claude Desktop does over a process's stdin and stdout. The timeouts only keep a broken
 * server from hanging the build; no test asserts on time.
 */
final class McpClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;

    private final OutputStream toServer;
    private final BlockingQueue<JsonNode> fromServer = new LinkedBlockingQueue<>();
    private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
    private final Thread serving;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private int nextId = 1;

    McpClient(StarExportMcpServer server) throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        this.toServer = new PipedOutputStream(serverIn);
        OutputStream serverOut = new LineSink();
        this.serving = new Thread(() -> {
            try {
                server.serve(serverIn, serverOut);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "test-mcp-serve");
        serving.start();
    }

    /** Sends {@code initialize} and {@code notifications/initialized}; returns the initialize result. */
    JsonNode initialize() {
        JsonNode result = request("initialize", JSON.createObjectNode().put("protocolVersion", "2025-06-18")
                .<ObjectNode>set("capabilities", JSON.createObjectNode())
                .set("clientInfo", JSON.createObjectNode().put("name", "test-client").put("version", "1.0")))
                .get("result");
        notify("notifications/initialized");
        return result;
    }

    /** Calls a tool; returns the whole JSON-RPC response. */
    JsonNode call(String tool, String argumentsJson) {
        try {
            ObjectNode params = JSON.createObjectNode().put("name", tool);
            params.set("arguments", JSON.readTree(argumentsJson));
            return request("tools/call", params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls a tool and returns the JSON document of its text content, checking it matches the structured one. */
    JsonNode callForDocument(String tool, String argumentsJson) {
        JsonNode result = call(tool, argumentsJson).get("result");
        try {
            JsonNode text = JSON.readTree(result.get("content").get(0).get("text").asText());
            if (!text.equals(result.get("structuredContent"))) {
                throw new AssertionError("text and structured content differ: " + result);
            }
            if (result.path("isError").asBoolean() == text.get("ok").asBoolean()) {
                throw new AssertionError("isError disagrees with ok: " + result);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode request(String method, JsonNode params) {
        int id = nextId++;
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        sendLine(message.toString());
        return response(id);
    }

    void notify(String method) {
        sendLine(JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method).toString());
    }

    void sendLine(String line) {
        try {
            toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next message from the server, whatever it is. */
    JsonNode next() {
        try {
            JsonNode message = fromServer.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message from the server; failure: " + failure.get()
                        + "; transcript: " + transcript);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private JsonNode response(int id) {
        while (true) {
            JsonNode message = next();
            if (message.path("id").asInt(-1) == id) {
                return message;
            }
        }
    }

    /** Every line the server wrote so far. */
    String transcript() {
        return String.join("\n", transcript);
    }

    /** Closes the server's input and waits for {@code serve} to return; true when it did. */
    boolean closeInput() throws InterruptedException {
        try {
            toServer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        serving.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        return !serving.isAlive();
    }

    Throwable failure() {
        return failure.get();
    }

    /** The server's output: each line is kept in the transcript and parsed into the queue. */
    private final class LineSink extends OutputStream {
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b != '\n') {
                line.write(b);
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            transcript.add(text);
            try {
                fromServer.add(JSON.readTree(text));
            } catch (IOException e) {
                failure.compareAndSet(null, new AssertionError("the server wrote a line that is not JSON: " + text, e));
            }
        }
    }
}
