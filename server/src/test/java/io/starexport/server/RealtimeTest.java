package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Star Export API's progress events as a Socket.IO client receives them. The client here speaks the wire
 * protocol by hand, as socket.io-client 4 does over its WebSocket transport (engine.io-protocol v4: {@code 0} open,
 * {@code 2}/{@code 3} ping and pong, {@code 4} message; socket.io-protocol v5 inside it: {@code 0} CONNECT with
 * the auth payload, {@code 4} CONNECT_ERROR, {@code 2} EVENT as {@code ["name", data]}).
 */
@Timeout(60)
class RealtimeTest {
    @TempDir
    Path directory;

    @Test
    void anAuthenticatedSocketReceivesTheCompletionOfAnExport() throws Exception {
        try (Fixture fixture = new Fixture(directory)) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                    URI.create("ws://127.0.0.1:" + fixture.server.port() + "/socket.io/?EIO=4&transport=websocket"),
                    new Collector(received)).join();

            String open = received.take();
            assertThat(open).startsWith("0");
            assertThat(Fixture.JSON.readTree(open.substring(1)).path("pingInterval").asLong()).isPositive();

            socket.sendText("40{\"token\":\"se_live_wrong\"}", true).join();
            assertThat(received.take()).startsWith("44").contains("INVALID_TOKEN");

            socket.sendText("40{\"token\":\"" + fixture.token + "\"}", true).join();
            assertThat(received.take()).startsWith("40{\"sid\":");

            String jobId = fixture.send(fixture.request("/api/export/start").header("X-Sandbox", "true")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + Fixture.VIDEO + "\", "
                            + "\"options\": {\"maxRecords\": 3}}"))).json().path("data").path("jobId").asText();

            JsonNode complete;
            while (true) {
                String packet = received.take();
                if (packet.startsWith("42")) {
                    JsonNode event = Fixture.JSON.readTree(packet.substring(2));
                    if (event.get(0).asText().equals("export:complete")) {
                        complete = event.get(1);
                        break;
                    }
                    assertThat(event.get(0).asText()).isEqualTo("export:progress");
                    assertThat(event.get(1).path("jobId").asText()).isEqualTo(jobId);
                }
            }
            assertThat(complete.path("jobId").asText()).isEqualTo(jobId);
            assertThat(complete.path("platform").asText()).isEqualTo("youtube");
            assertThat(complete.path("downloadUrl").asText()).isEqualTo("/api/export/" + jobId + "/download");
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }

    private record Collector(BlockingQueue<String> received) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            received.add(data.toString());
            webSocket.request(1);
            return null;
        }
    }
}
