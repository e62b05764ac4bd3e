package io.starexport.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportListener;
import io.starexport.api.Progress;
import io.starexport.jobs.Job;
import io.starexport.jobs.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Star Export API's progress events ({@code export:progress}, {@code export:complete}, {@code export:failed})
 * for Socket.IO clients, as {@code 000_…} in the seeds shows them ({@code io(url, {auth: {token}})}). It speaks
 * Socket.IO 5 over Engine.IO 4 on the WebSocket transport only (no long-polling): the client connects to
 * {@code /socket.io/?EIO=4&transport=websocket}, sends its token in the CONNECT packet's auth, and then receives
 * every job's events. Protocol: socket.io-protocol v5 and engine.io-protocol v4 (github.com/socketio).
 */
final class Realtime implements ExportListener, AutoCloseable {
    static final String PATH = "/socket.io/";
    private static final Logger LOG = LoggerFactory.getLogger(Realtime.class);
    private static final long PING_INTERVAL_MS = 25_000;

    private final Tokens tokens;
    private final ObjectMapper json;
    /** Open Engine.IO sessions by id, and whether each has authenticated with its CONNECT packet. */
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "starexport-server-socket-pings");
        thread.setDaemon(true);
        return thread;
    });
    private volatile JobExecutor jobs;

    private static final class Session {
        final WsContext socket;
        volatile boolean connected;

        Session(WsContext socket) {
            this.socket = socket;
        }
    }

    Realtime(Tokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
        pings.scheduleAtFixedRate(() -> sessions.values().forEach(s -> send(s, "2")), PING_INTERVAL_MS,
                PING_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** The executor whose jobs' platforms the events name; set once it is built, before any job runs. */
    void jobs(JobExecutor jobs) {
        this.jobs = jobs;
    }

    void register(RoutesConfig routes) {
        routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                if (!"4".equals(ctx.queryParam("EIO")) || !"websocket".equals(ctx.queryParam("transport"))) {
                    ctx.closeSession(1003, "only Engine.IO 4 on the websocket transport is served");
                    return;
                }
                Session session = new Session(ctx);
                sessions.put(ctx.sessionId(), session);
                send(session, "0" + json.createObjectNode().put("sid", ctx.sessionId()).putPOJO("upgrades",
                        json.createArrayNode()).put("pingInterval", PING_INTERVAL_MS).put("pingTimeout", 20_000)
                        .put("maxPayload", 100_000));
            });
            ws.onMessage(ctx -> receive(ctx.sessionId(), ctx.message()));
            ws.onClose(ctx -> sessions.remove(ctx.sessionId()));
            ws.onError(ctx -> sessions.remove(ctx.sessionId()));
        });
    }

    private void receive(String id, String packet) {
        Session session = sessions.get(id);
        if (session == null || packet.isEmpty()) {
            return;
        }
        switch (packet.charAt(0)) {
            case '2' -> send(session, "3");
            case '4' -> message(session, packet.substring(1));
            case '1' -> session.socket.closeSession();
            default -> { } // "3" (pong) and upgrade probes need no answer
        }
    }

    /** A Socket.IO packet inside an Engine.IO message: only CONNECT and DISCONNECT of the main namespace matter. */
    private void message(Session session, String packet) {
        if (packet.startsWith("0")) {
            String token = null;
            try {
                JsonNode auth = packet.length() > 1 ? json.readTree(packet.substring(1)) : null;
                token = auth == null ? null : auth.path("token").asText(null);
            } catch (JsonProcessingException e) {
                // refused below
            }
            boolean valid = tokens.authenticate(token).filter(t -> !t.isExpiredAt(tokens.now())).isPresent();
            if (valid) {
                session.connected = true;
                send(session, "40" + json.createObjectNode().put("sid", UUID.randomUUID().toString()));
            } else {
                send(session, "44" + json.createObjectNode().put("message", "INVALID_TOKEN: missing, invalid or "
                        + "expired token in the connection's auth"));
            }
        } else if (packet.startsWith("1")) {
            session.connected = false;
        }
    }

    @Override
    public void onProgress(ExportEvent.ProgressMade event) {
        Progress progress = event.progress();
        ObjectNode data = data(event.exportId());
        if (progress.total().isPresent() && progress.total().getAsLong() > 0) {
            data.put("progress", Math.min(99, progress.items() * 100 / progress.total().getAsLong()));
            data.put("totalItems", progress.total().getAsLong());
        } else {
            data.putNull("progress").putNull("totalItems");
        }
        data.put("processedItems", progress.items());
        emit("export:progress", data);
    }

    @Override
    public void onFinished(ExportEvent.Finished event) {
        emit("export:complete", data(event.exportId()).put("downloadUrl", "/api/export/" + event.exportId()
                + "/download"));
    }

    @Override
    public void onFailed(ExportEvent.Failed event) {
        emit("export:failed", data(event.exportId()).put("error", event.error().getMessage()));
    }

    private ObjectNode data(UUID jobId) {
        JobExecutor executor = jobs;
        String platform = executor == null ? null : executor.job(jobId).map(Job::platform).orElse(null);
        return json.createObjectNode().put("jobId", jobId.toString()).put("platform", platform);
    }

    private void emit(String event, ObjectNode data) {
        if (sessions.isEmpty()) {
            return;
        }
        String packet = "42" + json.createArrayNode().add(event).add(data);
        sessions.values().stream().filter(s -> s.connected).forEach(s -> send(s, packet));
    }

    private static void send(Session session, String text) {
        synchronized (session) {
            try {
                session.socket.send(text);
            } catch (RuntimeException e) {
                LOG.debug("Could not send to socket {}: {}", session.socket.sessionId(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        pings.shutdownNow();
    }
}
