package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ExportComments' official MCP server ({@code dist/mcp.js} of exportcomments-cli 1.0.2, MIT, unmodified; built as
 * {@link ExportCommentsCliTest} builds it) completing an export through this server, spoken to as an MCP client
 * would: newline-delimited JSON-RPC 2.0 over its stdio ({@code initialize}, {@code notifications/initialized},
 * {@code tools/list}, {@code tools/call}). Its client has no base-URL setting (it always calls
 * {@code https://exportcomments.com/api/v3}), so a Node preload ({@link #LOCAL_ORIGIN}, the one docs/server.md
 * shows) sends that origin's requests to this server. Skipped, with the reason, where {@code node} or the peer's
 * source is missing. The server runs every job in the sandbox.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ExportCommentsMcpTest {
    /** Rewrites the hosted service's origin in the peer's {@code fetch} calls to {@code EXPORTCOMMENTS_LOCAL_ORIGIN}. */
    static final String LOCAL_ORIGIN = """
            const hosted = 'https://exportcomments.com';
            const local = process.env.EXPORTCOMMENTS_LOCAL_ORIGIN;
            const fetch = globalThis.fetch;
            globalThis.fetch = (input, init) => fetch(
                typeof input === 'string' && input.startsWith(hosted + '/') ? local + input.slice(hosted.length) : input, init);
            """;

    @TempDir
    Path directory;
    private Fixture fixture;
    private Process mcp;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private int nextId = 1;

    @AfterEach
    void stop() throws InterruptedException {
        if (mcp != null) {
            mcp.destroy();
            if (!mcp.waitFor(5, TimeUnit.SECONDS)) {
                mcp.destroyForcibly();
            }
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theMcpServersExportToolCompletesAnExportThroughThisServer() throws Exception {
        Path built = ExportCommentsCliTest.buildPeer();
        fixture = new Fixture(directory.resolve("server"), engine -> { }, server -> server.sandbox(true));
        Path preload = Files.writeString(directory.resolve("local-origin.mjs"), LOCAL_ORIGIN);
        ProcessBuilder builder = new ProcessBuilder("node", "--import", preload.toUri().toString(),
                built.resolve("dist/mcp.js").toString()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("EXPORTCOMMENTS_API_TOKEN", fixture.token);
        builder.environment().put("EXPORTCOMMENTS_LOCAL_ORIGIN", fixture.base());
        mcp = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(mcp.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // the process ended; call() reports the missing answer
            }
        }, "mcp-stdout");
        reader.setDaemon(true);
        reader.start();

        ObjectNode init = Fixture.JSON.createObjectNode().put("protocolVersion", "2025-03-26");
        init.putObject("capabilities");
        init.putObject("clientInfo").put("name", "starexport-test").put("version", "1");
        JsonNode initialized = call("initialize", init);
        assertThat(initialized.path("serverInfo").path("name").asText()).isEqualTo("exportcomments");
        send(Fixture.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/initialized"));

        JsonNode tools = call("tools/list", Fixture.JSON.createObjectNode());
        assertThat(tools.path("tools")).extracting(t -> t.path("name").asText())
                .contains("export_comments", "check_export", "download_export");

        JsonNode created = tool("export_comments", Fixture.JSON.createObjectNode().put("url", Fixture.VIDEO).put("limit", 5));
        assertThat(created.path("ok").asBoolean()).as(created.toString()).isTrue();
        String guid = created.path("data").path("guid").asText();
        assertThat(guid).isNotBlank();

        JsonNode job;
        do {
            Thread.sleep(200);
            job = tool("check_export", Fixture.JSON.createObjectNode().put("guid", guid));
            assertThat(job.path("ok").asBoolean()).as(job.toString()).isTrue();
        } while (!job.path("data").path("status").asText().equals("done")
                && !job.path("data").path("status").asText().equals("error"));
        assertThat(job.path("data").path("status").asText()).as(job.toString()).isEqualTo("done");

        JsonNode records = tool("download_export", Fixture.JSON.createObjectNode().put("guid", guid));
        assertThat(records.path("ok").asBoolean()).as(records.toString()).isTrue();
        assertThat(records.path("data").isArray()).isTrue();
        assertThat(records.path("data").size()).isBetween(1, 5);
        assertThat(fixture.get("/api/v3/job/" + guid).json().path("status").asText())
                .as("the job the MCP server created is this server's").isEqualTo("done");
    }

    /** Calls a tool and reads the JSON its text content holds (the peer answers its client's CLIOutput). */
    private JsonNode tool(String name, ObjectNode arguments) throws Exception {
        ObjectNode params = Fixture.JSON.createObjectNode().put("name", name);
        params.set("arguments", arguments);
        JsonNode result = call("tools/call", params);
        return Fixture.JSON.readTree(result.path("content").get(0).path("text").asText());
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = nextId++;
        ObjectNode request = Fixture.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        request.set("params", params);
        send(request);
        while (true) {
            String line = lines.poll(30, TimeUnit.SECONDS);
            assertThat(line).as("an answer to " + method + " within 30 s (the MCP server " + (mcp.isAlive() ? "runs" : "ended") + ")")
                    .isNotNull();
            JsonNode message = Fixture.JSON.readTree(line);
            if (message.path("id").asInt(-1) == id) {
                assertThat(message.has("error")).as(method + ": " + message).isFalse();
                return message.path("result");
            }
        }
    }

    private void send(JsonNode message) throws Exception {
        OutputStream in = mcp.getOutputStream();
        in.write((Fixture.JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
