package io.starexport.mcp;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client on a pair of streams: the MCP stdio transport (newline-delimited JSON-RPC) under the SDK's server
 * session.
 *
 * <p>Why not the SDK's {@code StdioServerTransportProvider}: it reads and writes on threads of its own, drops
 * responses still queued when the input ends, and its tool calls run on Reactor's shared scheduler, whose
 * threads outlive the session. Here the serving thread reads, lifecycle messages are answered in order on it,
 * tool calls run on a pool this class owns (so a {@code wait} does not block pings or other calls), responses
 * are written at once under a lock, and at the end of input the calls in flight, their waits cut short, answer
 * before everything stops.
 */
final class Session implements McpServerTransportProvider {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    /** Time that calls in flight, their waits ended, get to answer once the input has ended. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final McpJsonMapper json;
    private final OutputStream out;
    private final List<String> toolNames;
    private final Object writeLock = new Object();
    private McpServerSession session;
    private volatile boolean outputBroken;
    /** Whether the client sent {@code notifications/initialized}; read and written by the reading thread only. */
    private boolean initialized;

    private Session(McpJsonMapper json, OutputStream out, List<String> toolNames) {
        this.json = json;
        this.out = out;
        this.toolNames = toolNames;
    }

    /** Serves until {@code in} ends, then waits for calls in flight and closes the protocol server. */
    static void serve(Exports exports, String version, InputStream in, OutputStream out) throws IOException {
        // Non-ASCII characters go out as JSON escapes, so the messages survive a stdout whose encoding is not
        // UTF-8 (Java 17 on Windows writes System.out in the ANSI code page).
        McpJsonMapper json = new JacksonMcpJsonMapper(
                JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build());
        List<SyncToolSpecification> tools = new Tools(exports, json).specifications();
        Session transport = new Session(json, out, tools.stream().map(tool -> tool.tool().name()).toList());
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("starexport", version)
                .instructions(Tools.INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(json)
                .jsonSchemaValidator(new SchemaCheck())
                // Arguments are checked by the tools, with messages that name the parameter and its rule.
                .validateToolInputs(false)
                // Handlers run on the thread that handles the message: ours, never a Reactor scheduler.
                .immediateExecution(true)
                .tools(tools)
                .build();
        ExecutorService calls = Executors.newCachedThreadPool(new CallThreads());
        try {
            transport.read(in, calls);
        } finally {
            // The client has gone: waiting calls answer now rather than hold the process up to the longest wait.
            exports.stopWaiting();
            drain(calls, DRAIN_TIMEOUT);
            server.close();
        }
    }

    private void read(InputStream in, ExecutorService calls) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JSONRPCMessage message = parse(line);
            if (message == null) {
                continue;
            }
            if (message instanceof JSONRPCRequest request && !initialized
                    && !McpSchema.METHOD_INITIALIZE.equals(request.method())) {
                answerBeforeInitialized(request);
            } else if (message instanceof JSONRPCRequest request
                    && McpSchema.METHOD_TOOLS_CALL.equals(request.method())) {
                if (!answeredUnknownTool(request)) {
                    calls.execute(() -> handle(message));
                }
            } else {
                handle(message); // initialize, notifications, ping, tools/list: quick, and in order
                if (message instanceof JSONRPCNotification notification
                        && McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(notification.method())) {
                    initialized = true;
                }
            }
        }
        LOG.debug("MCP input ended");
    }

    /**
     * The SDK's session holds every request but {@code initialize} until {@code notifications/initialized}
     * arrives, with no end (java-sdk issue 275). So before it, a ping is answered here, as the protocol allows
     * at any time, and any other request gets an error saying what the client must send first.
     */
    private void answerBeforeInitialized(JSONRPCRequest request) {
        if (McpSchema.METHOD_PING.equals(request.method())) {
            Map<String, Object> pong = new LinkedHashMap<>();
            pong.put("jsonrpc", McpSchema.JSONRPC_VERSION);
            pong.put("id", request.id());
            pong.put("result", Map.of());
            write(pong);
        } else {
            writeError(request.id(), McpSchema.ErrorCodes.INVALID_REQUEST, "Server not initialized: send initialize, "
                    + "then the notifications/initialized notification, before " + request.method());
        }
    }

    /**
     * Answers a call to a tool this server does not have, naming the tools: the SDK's own answer says
     * "Unknown tool: invalid_tool_name", which reads as if that were the name called.
     */
    private boolean answeredUnknownTool(JSONRPCRequest request) {
        if (!(request.params() instanceof Map<?, ?> params) || !(params.get("name") instanceof String name)
                || toolNames.contains(name)) {
            return false;
        }
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        writeError(request.id(), McpSchema.ErrorCodes.INVALID_PARAMS, "unknown tool '" + shown + "'; the tools are "
                + String.join(", ", toolNames));
        return true;
    }

    /** The message on a line, or null after answering a line that is not one. */
    private JSONRPCMessage parse(String line) {
        try {
            json.readValue(line, Object.class);
        } catch (IOException e) {
            LOG.warn("Ignoring a line that is not JSON");
            writeError(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: each line must be one JSON-RPC message");
            return null;
        }
        try {
            return McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring a JSON line that is not a JSON-RPC message: {}", e.getMessage());
            writeError(null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Invalid request: expected a JSON-RPC 2.0 request, response or notification object");
            return null;
        }
    }

    /** An error response; the id is null for a line whose request id cannot be known, as JSON-RPC says. */
    private void writeError(Object id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        error.put("id", id);
        error.put("error", Map.of("code", code, "message", message));
        write(error);
    }

    private void handle(JSONRPCMessage message) {
        try {
            session.handle(message).block();
        } catch (RuntimeException e) {
            LOG.warn("Handling an MCP message failed", e);
        }
    }

    private static void drain(ExecutorService calls, Duration timeout) {
        calls.shutdown();
        try {
            if (!calls.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Tool calls still running {} after the input ended; interrupting them", timeout);
                calls.shutdownNow();
                calls.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            calls.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Writes one message as one line. After the client stops reading, messages are dropped. */
    private void write(Object message) {
        if (outputBroken) {
            return;
        }
        try {
            // Jackson escapes control characters in strings, so the message is one line.
            byte[] bytes = json.writeValueAsBytes(message);
            synchronized (writeLock) {
                out.write(bytes);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            outputBroken = true;
            LOG.warn("Cannot write to the MCP client, which may have gone: {}", e.toString());
        }
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        this.session = sessionFactory.create(new Transport());
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return session == null ? Mono.empty() : session.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return session == null ? Mono.empty() : session.closeGracefully();
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }

    /** The session's side of the streams. */
    private final class Transport implements McpServerTransport {
        @Override
        public Mono<Void> sendMessage(JSONRPCMessage message) {
            return Mono.fromRunnable(() -> write(message));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return json.convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }

        @Override
        public void close() {
            // The streams belong to the caller of serve().
        }
    }

    /** Daemon threads named after the server, so a host's thread dump says whose they are. */
    private static final class CallThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "starexport-mcp-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
