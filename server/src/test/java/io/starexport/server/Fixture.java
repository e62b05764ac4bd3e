package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.StarExport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A server on a loopback port over an engine with the installed test platforms (YouTube, Reddit) and formats
 * (json, csv, xlsx), a directory, and a first token; plus a small HTTP client for the tests.
 */
final class Fixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The seed's quick-start URL. */
    static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

    final StarExport engine;
    final Path directory;
    final StarExportServer server;
    final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Fixture(Path directory) {
        this(directory, engine -> { }, server -> { });
    }

    Fixture(Path directory, Consumer<StarExport.Builder> engineSettings, Consumer<StarExportServer.Builder> settings) {
        StarExport.Builder engineBuilder = StarExport.builder();
        engineSettings.accept(engineBuilder);
        this.engine = engineBuilder.build();
        this.directory = directory;
        this.token = Tokens.open(directory).create("tests").secret();
        StarExportServer.Builder builder = StarExportServer.builder().engine(engine).directory(directory).port(0);
        settings.accept(builder);
        this.server = builder.build().start();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response patch(String path) {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    Response patch(String path, String body) {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    Response put(String path, String body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base() + path))
                .timeout(Duration.ofSeconds(30)).header("X-AUTH-TOKEN", token).header("Content-Type", "application/json");
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls the job until it is no longer queueing or in progress; the tests' own timeout bounds the wait. */
    JsonNode awaitFinished(String guid) {
        while (true) {
            JsonNode job = get("/api/v3/job/" + guid).json();
            String status = job.path("status").asText();
            if (!status.equals("queueing") && !status.equals("progress")) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }

    record Response(HttpResponse<byte[]> raw) {
        int status() {
            return raw.statusCode();
        }

        byte[] bytes() {
            return raw.body();
        }

        String text() {
            return new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + text(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
