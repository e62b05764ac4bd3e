package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code starexport serve} and {@code starexport tokens}: the server's command line over its directory. */
class ServeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void tokensCreatePrintsTheSecretOnceInTheDocumentedShapeAndListAndRevokeManageIt() throws Exception {
        Cli.Run created = Cli.run("tokens", "create", "laptop", "--dir", dir.toString(), "--json");
        assertThat(created.exitCode()).isZero();
        JsonNode document = created.json();
        assertThat(document.fieldNames()).toIterable().containsExactly("ok", "data");
        assertThat(document.get("data").fieldNames()).toIterable().containsExactly("token");
        String secret = document.get("data").get("token").asText();
        assertThat(secret).startsWith("se_live_");
        assertThat(Files.readString(dir.resolve("tokens.json"))).doesNotContain(secret);

        Cli.Run listed = Cli.run("tokens", "list", "--dir", dir.toString(), "--json");
        assertThat(listed.out()).doesNotContain(secret);
        JsonNode token = listed.json().get("data").get(0);
        assertThat(token.get("name").asText()).isEqualTo("laptop");
        assertThat(token.get("expired").asBoolean()).isFalse();
        assertThat(Instant.parse(token.get("expires_at").asText()))
                .isAfter(Instant.parse(token.get("created_at").asText()));

        String id = token.get("id").asText();
        Cli.Run revoked = Cli.run("tokens", "revoke", id, "--dir", dir.toString(), "--json");
        assertThat(revoked.exitCode()).isZero();
        assertThat(revoked.json().get("data").get("revoked").asText()).isEqualTo(id);
        assertThat(Cli.run("tokens", "list", "--dir", dir.toString(), "--json").json().get("data")).isEmpty();

        Cli.Run again = Cli.run("tokens", "revoke", id, "--dir", dir.toString(), "--json");
        assertThat(again.exitCode()).isEqualTo(5);
        assertThat(again.json().get("error_code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void tokensCreateWithoutJsonPrintsOnlyTheSecretOnStdout() {
        Cli.Run created = Cli.run("tokens", "create", "ci", "--dir", dir.toString());

        assertThat(created.exitCode()).isZero();
        assertThat(created.out().strip()).startsWith("se_live_").doesNotContain(" ");
        assertThat(created.err()).contains("cannot be shown again");
    }

    @Test
    void revokeOfSomethingThatIsNotAnIdIsAUsageError() {
        Cli.Run run = Cli.run("tokens", "revoke", "laptop", "--dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'laptop' is not an id");
    }

    @Test
    void serveAnswersPingForATokenMadeByTokensCreateUntilStopped() throws Exception {
        String secret = Cli.run("tokens", "create", "test", "--dir", dir.toString(), "--json")
                .json().get("data").get("token").asText();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exitCode.set(Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("XDG_CONFIG_HOME", Cli.NO_CONFIG),
                InputStream.nullInputStream(), "serve", "--sandbox", "--port", "0", "--dir", dir.toString(), "--json")));
        serving.start();
        try {
            JsonNode started = awaitDocument(out, serving);
            assertThat(started.get("ok").asBoolean()).as(err.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(started.get("data").get("tokens").asInt()).isEqualTo(1);
            URI ping = URI.create(started.get("data").get("url").asText() + "/api/v1/ping");
            HttpClient client = HttpClient.newHttpClient();

            HttpResponse<String> withToken = client.send(HttpRequest.newBuilder(ping).header("X-AUTH-TOKEN", secret)
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> without = client.send(HttpRequest.newBuilder(ping).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(withToken.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(withToken.body()).get("status").asText()).isEqualTo("ok");
            assertThat(without.statusCode()).isEqualTo(401);
        } finally {
            serving.interrupt();
            serving.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(serving.isAlive()).isFalse();
        assertThat(exitCode.get()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).as("one JSON document").endsWith("}");
        JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void serveOnAPortOutOfRangeIsAUsageError() {
        Cli.Run run = Cli.run("serve", "--port", "70000", "--dir", dir.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().get("error").asText()).contains("port must be between 0 and 65535");
    }

    /** The JSON document the server prints once it listens (or when it fails to start). */
    private static JsonNode awaitDocument(ByteArrayOutputStream out, Thread serving) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String printed = out.toString(StandardCharsets.UTF_8);
            try {
                if (!printed.isBlank()) {
                    return JSON.readTree(printed);
                }
            } catch (java.io.IOException incomplete) {
                // Still being written.
            }
            if (!serving.isAlive() && printed.isBlank()) {
                throw new AssertionError("serve ended without printing anything");
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve printed no document within 60 s: " + out.toString(StandardCharsets.UTF_8));
    }
}
