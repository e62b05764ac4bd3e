package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code starexport mcp}: the command runs the MCP server on the process's stdin and stdout. Each test feeds
 * stdin a whole client session (JSON-RPC lines, then the end of input, once the answers it waits for are out)
 * and reads the responses the command printed. Live exports go to {@link MediaPlatform} on WireMock.
 */
class McpCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    @Test
    void servesTheToolsOnStdinAndStdoutUntilStdinEnds() {
        Cli.Run run = session(List.of(INITIALIZE, INITIALIZED,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                call(3, "export_comments", "{\"url\":\"" + VIDEO + "\",\"sandbox\":true,\"limit\":5,\"wait\":true}")),
                3, "mcp", "--dir", dir.toString());

        assertThat(run.exitCode()).as(run.everything()).isZero();
        Map<Integer, JsonNode> responses = responses(run.out());
        assertThat(responses).containsOnlyKeys(1, 2, 3);
        assertThat(responses.get(1).get("result").get("serverInfo").get("name").asText()).isEqualTo("starexport");
        assertThat(responses.get(2).get("result").get("tools")).extracting(t -> t.get("name").asText())
                .containsExactlyInAnyOrder("export_comments", "check_export", "list_exports", "download_export",
                        "detect_platform", "list_platforms", "create_schedule", "list_schedules");
        JsonNode export = document(responses.get(3)).get("data");
        assertThat(export.get("status").asText()).isEqualTo("succeeded");
        assertThat(export.get("result").get("items").asLong()).isEqualTo(5);
        assertThat(Path.of(export.get("result").get("files").get(0).get("path").asText())).startsWith(dir).exists();
    }

    @Test
    void sandboxMakesTheSandboxTheDefaultOfEveryCall() {
        Cli.Run run = session(List.of(INITIALIZE, INITIALIZED,
                call(2, "export_comments", "{\"url\":\"" + VIDEO + "\",\"limit\":3,\"wait\":true}")),
                2, "mcp", "--sandbox", "--dir", dir.toString());

        JsonNode export = document(responses(run.out()).get(2)).get("data");
        assertThat(export.get("sandbox").asBoolean()).isTrue();
        assertThat(export.get("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void connectionOptionsReachTheLiveEngineAndCredentialsAreNeverPrinted() {
        server.stubFor(get(urlPathEqualTo("/v1/posts")).willReturn(okJson("""
                {"posts": [{"id": "123456789", "created": "2025-10-12T14:15:23Z", "author": "alice", "media": []}]}
                """)));

        Cli.Run run = session(List.of(INITIALIZE, INITIALIZED,
                call(2, "export_comments", "{\"url\":\"https://clitest.example/u/alice\",\"sandbox\":false,"
                        + "\"format\":\"jsonl\",\"wait\":true}")),
                2, "mcp", "--dir", dir.toString(), "--endpoint", "clitest.api=" + server.baseUrl(),
                "--credential", "clitest.token=S3cr3t-T0ken-Value");

        JsonNode export = document(responses(run.out()).get(2)).get("data");
        assertThat(export.get("sandbox").asBoolean()).isFalse();
        assertThat(export.get("status").asText()).as(run.everything()).isEqualTo("succeeded");
        assertThat(export.get("result").get("items").asLong()).isEqualTo(1);
        assertThat(server.getAllServeEvents()).isNotEmpty();
        assertThat(run.everything()).doesNotContain("S3cr3t-T0ken-Value");
    }

    @Test
    void aBadConnectionOptionFailsBeforeServingWithNothingOnStdout() {
        Cli.Run run = mcp(List.of(INITIALIZE), "mcp", "--dir", dir.toString(), "--endpoint", "youtube-api");

        assertThat(run.exitCode()).as(run.everything()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--endpoint expects PLATFORM.NAME=VALUE");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMaxWaitOutOfRangeIsRefusedInSeconds() {
        Cli.Run run = mcp(List.of(INITIALIZE), "mcp", "--dir", dir.toString(), "--max-wait", "3600");

        assertThat(run.exitCode()).as(run.everything()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--max-wait must be from 0 to 1800 seconds but was 3600");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpDescribesTheCommandAndItsOptions() {
        Cli.Run run = Cli.run("mcp", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Model Context Protocol", "--sandbox", "--dir", "--max-wait", "--proxy",
                "--endpoint", "--credential");
    }

    /** Runs the command with stdin holding these lines and then its end. */
    private static Cli.Run mcp(List<String> stdin, String... args) {
        return Cli.run(Map.of("XDG_CONFIG_HOME", Cli.NO_CONFIG), String.join("\n", stdin) + "\n", args);
    }

    /**
     * Runs the command as an assistant does: sends these lines, keeps stdin open until the response to request
     * {@code lastId} is on stdout (closing stdin ends the waits of calls in flight), then closes it.
     */
    private static Cli.Run session(List<String> lines, int lastId, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        InputStream requests = new ByteArrayInputStream((String.join("\n", lines) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        InputStream stdin = new InputStream() {
            @Override
            public int read() throws IOException {
                int b = requests.read();
                return b >= 0 ? b : endOnceAnswered();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = requests.read(buffer, offset, length);
                return n >= 0 ? n : endOnceAnswered();
            }

            private int endOnceAnswered() throws IOException {
                // Bounds a broken server's hang; no test asserts on time.
                String answered = "\"id\":" + lastId + ",";
                for (int i = 0; i < 6_000 && !out.toString(StandardCharsets.UTF_8).contains(answered); i++) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
                return -1;
            }
        };
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        PrintStream logStream = new PrintStream(logs, true, StandardCharsets.UTF_8);
        System.setOut(logStream);
        System.setErr(logStream);
        int exitCode;
        try {
            exitCode = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("XDG_CONFIG_HOME", Cli.NO_CONFIG),
                    stdin, args);
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
        return new Cli.Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                logs.toString(StandardCharsets.UTF_8));
    }

    private static String call(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    /** The responses on stdout by id; every line must be a JSON-RPC message. */
    private static Map<Integer, JsonNode> responses(String out) {
        Map<Integer, JsonNode> responses = new HashMap<>();
        List<String> lines = new ArrayList<>(out.lines().toList());
        for (String line : lines) {
            JsonNode message = read(line);
            assertThat(message.get("jsonrpc").asText()).as(line).isEqualTo("2.0");
            if (message.has("id")) {
                responses.put(message.get("id").asInt(), message);
            }
        }
        return responses;
    }

    /** The JSON document a tool call answered with. */
    private static JsonNode document(JsonNode response) {
        return read(response.get("result").get("content").get(0).get("text").asText());
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
