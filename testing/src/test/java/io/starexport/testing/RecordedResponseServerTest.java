package io.starexport.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recordings in WireMock's layout are matched by method, path, query and body, and refused when they use more. */
class RecordedResponseServerTest {
    @TempDir
    Path dir;

    /** A response as the test reads it. */
    private record Answer(int statusCode, String body, String source) {
    }

    private void mapping(String name, String json) throws IOException {
        Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(dir.resolve("mappings").resolve(name), json);
    }

    private static Answer get(RecordedResponseServer server, String pathAndQuery) throws IOException {
        return send(server, "GET", pathAndQuery, null);
    }

    private static Answer send(RecordedResponseServer server, String method, String pathAndQuery, String body)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(server.baseUrl() + pathAndQuery).toURL().openConnection();
        try {
            connection.setRequestMethod(method);
            if (body != null) {
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        connection.getHeaderField("X-Source"));
            }
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void matchesAUrlExactlyAsWireMockDoes() throws Exception {
        mapping("threads.json", """
                {"request": {"method": "GET", "url": "/youtube/v3/commentThreads?part=snippet&videoId=abc"},
                 "response": {"status": 200, "body": "page one", "headers": {"X-Source": ["recorded"]}}}""");
        try (RecordedResponseServer server = RecordedResponseServer.start(dir)) {
            Answer same = get(server, "/youtube/v3/commentThreads?part=snippet&videoId=abc");
            Answer reordered = get(server, "/youtube/v3/commentThreads?videoId=abc&part=snippet");

            assertThat(same.statusCode()).isEqualTo(200);
            assertThat(same.body()).isEqualTo("page one");
            assertThat(same.source()).isEqualTo("recorded");
            // WireMock's "url" is string equality on path and query: another order is another URL
            assertThat(reordered.statusCode()).isEqualTo(404);
            assertThat(reordered.body()).contains("no recorded response for GET /youtube/v3/commentThreads?videoId=abc");
            assertThat(server.unmatched()).extracting(RecordedRequest::toString)
                    .containsExactly("GET /youtube/v3/commentThreads?videoId=abc&part=snippet");
        }
    }

    /** The table was measured against WireMock 3.13.2 standalone with the same two stubs. */
    @Test
    void matchesMultiValueQueryParametersAsWireMockDoes() throws Exception {
        mapping("multi.json", """
                {"mappings": [
                  {"request": {"urlPath": "/exactly", "queryParameters": {"x": {"hasExactly": [{"equalTo": "1"}, {"matches": "[0-9]"}]}}},
                   "response": {"status": 200}},
                  {"request": {"urlPath": "/includes", "queryParameters": {"x": {"includes": [{"equalTo": "1"}]}}},
                   "response": {"status": 200}}
                ]}""");
        try (RecordedResponseServer server = RecordedResponseServer.start(dir)) {
            assertThat(get(server, "/exactly?x=1").statusCode()).isEqualTo(404);
            assertThat(get(server, "/exactly?x=2&x=1").statusCode()).isEqualTo(200);
            assertThat(get(server, "/exactly?x=1&x=a").statusCode()).isEqualTo(200);
            assertThat(get(server, "/exactly?x=1&x=2&x=3").statusCode()).isEqualTo(404);
            assertThat(get(server, "/includes?x=2&x=1").statusCode()).isEqualTo(200);
            assertThat(get(server, "/includes?x=2").statusCode()).isEqualTo(404);
        }
    }

    /** As the recorder writes them with {@code captureHeaders}; header names compare case-insensitively, as in WireMock. */
    @Test
    void matchesCapturedRequestHeaders() throws Exception {
        mapping("headers.json", """
                {"request": {"urlPath": "/h", "headers": {"accept": {"equalTo": "APPLICATION/JSON", "caseInsensitive": true},
                                                          "X-Api-Key": {"absent": true}}},
                 "response": {"status": 200, "body": "ok"}}""");
        try (RecordedResponseServer server = RecordedResponseServer.start(dir)) {
            HttpURLConnection json = (HttpURLConnection) URI.create(server.baseUrl() + "/h").toURL().openConnection();
            json.setRequestProperty("Accept", "application/json");
            HttpURLConnection keyed = (HttpURLConnection) URI.create(server.baseUrl() + "/h").toURL().openConnection();
            keyed.setRequestProperty("Accept", "application/json");
            keyed.setRequestProperty("X-Api-Key", "k");
            try {
                assertThat(json.getResponseCode()).isEqualTo(200);
                assertThat(keyed.getResponseCode()).isEqualTo(404);
                assertThat(get(server, "/h").statusCode()).isEqualTo(404);
            } finally {
                json.disconnect();
                keyed.disconnect();
            }
        }
    }

    @Test
    void servesAGzippedBodyWithItsContentEncoding() throws Exception {
        java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new java.util.zip.GZIPOutputStream(gzipped)) {
            out.write("{\"hello\":\"gz\"}".getBytes(StandardCharsets.UTF_8));
        }
        mapping("gz.json", """
                {"request": {"urlPath": "/gz"},
                 "response": {"status": 200, "base64Body": "%s",
                              "headers": {"Content-Encoding": "gzip", "Content-Type": "application/json"}}}"""
                .formatted(java.util.Base64.getEncoder().encodeToString(gzipped.toByteArray())));
        try (RecordedResponseServer server = RecordedResponseServer.start(dir)) {
            HttpURLConnection connection = (HttpURLConnection) URI.create(server.baseUrl() + "/gz").toURL().openConnection();
            try (InputStream in = new java.util.zip.GZIPInputStream(connection.getInputStream())) {
                assertThat(connection.getContentEncoding()).isEqualTo("gzip");
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":\"gz\"}");
            } finally {
                connection.disconnect();
            }
        }
    }

    @Test
    void refusesResponseTemplatesRatherThanServingThemUnrendered() throws IOException {
        mapping("templated.json", """
                {"request": {"urlPath": "/t"},
                 "response": {"status": 200, "body": "path={{request.path}}", "transformers": ["response-template"]}}""");

        assertThatThrownBy(() -> RecordedResponseServer.start(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mappings/templated.json").hasMessageContaining("response.transformers")
                .hasMessageContaining("response-template");
    }

    @Test
    void matchesPostBodiesAsJsonIgnoringExtraElementsAndArrayOrder() throws Exception {
        mapping("next.json", """
                {"request": {"method": "POST", "urlPath": "/youtubei/v1/next",
                             "bodyPatterns": [{"equalToJson": {"videoId": "abc", "tags": ["a", "b"]},
                                               "ignoreExtraElements": true, "ignoreArrayOrder": true}]},
                 "response": {"status": 200, "jsonBody": {"contents": []}}}""");
        try (RecordedResponseServer server = RecordedResponseServer.start(dir)) {
            Answer matching = send(server, "POST", "/youtubei/v1/next",
                    "{\"context\":{\"client\":\"WEB\"},\"tags\":[\"b\",\"a\"],\"videoId\":\"abc\"}");
            Answer otherVideo = send(server, "POST", "/youtubei/v1/next", "{\"videoId\":\"xyz\",\"tags\":[\"a\",\"b\"]}");

            assertThat(matching.statusCode()).isEqualTo(200);
            assertThat(matching.body()).isEqualTo("{\"contents\":[]}");
            assertThat(otherVideo.statusCode()).isEqualTo(404);
            assertThat(server.requests()).extracting(RecordedRequest::body).first().asString().contains("\"videoId\":\"abc\"");
        }
    }

    @Test
    void playsScenariosInOrderAndPrefersTheLowestPriority() throws Exception {
        mapping("a.json", """
                {"mappings": [
                  {"priority": 9, "request": {"urlPathPattern": "/items/.*"}, "response": {"status": 200, "body": "any item"}},
                  {"scenarioName": "s", "requiredScenarioState": "Started", "newScenarioState": "second",
                   "request": {"urlPath": "/items/1"}, "response": {"status": 500}},
                  {"scenarioName": "s", "requiredScenarioState": "second",
                   "request": {"urlPath": "/items/1"}, "response": {"status": 200, "body": "item one"}}
                ]}""");
        try (RecordedResponseServer server = RecordedResponseServer.start(dir)) {
            assertThat(get(server, "/items/1").statusCode()).isEqualTo(500);
            assertThat(get(server, "/items/1").body()).isEqualTo("item one");
            assertThat(get(server, "/items/2").body()).isEqualTo("any item");
        }
    }

    @Test
    void servesBodyFilesFromTheFilesFolder() throws Exception {
        mapping("file.json", """
                {"request": {"method": "GET", "urlPath": "/page", "queryParameters": {"cursor": {"equalTo": "2"}}},
                 "response": {"status": 200, "bodyFileName": "page-2.json"}}""");
        Files.createDirectories(dir.resolve("__files"));
        Files.writeString(dir.resolve("__files/page-2.json"), "{\"page\":2}");
        try (RecordedResponseServer server = RecordedResponseServer.start(dir)) {
            assertThat(get(server, "/page?cursor=2").body()).isEqualTo("{\"page\":2}");
            assertThat(get(server, "/page?cursor=3").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void resetsTheConnectionForARecordedFault() throws Exception {
        mapping("reset.json", """
                {"request": {"urlPath": "/flaky"}, "response": {"fault": "CONNECTION_RESET_BY_PEER"}}""");
        try (RecordedResponseServer server = RecordedResponseServer.start(dir)) {
            assertThatThrownBy(() -> get(server, "/flaky")).isInstanceOf(IOException.class);
        }
    }

    @Test
    void refusesAMappingItCannotHonourNamingTheFileAndKey() throws IOException {
        mapping("templated.json", """
                {"request": {"urlPathTemplate": "/items/{id}"}, "response": {"status": 200}}""");

        assertThatThrownBy(() -> RecordedResponseServer.start(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mappings/templated.json").hasMessageContaining("'request.urlPathTemplate' is not supported");
    }

    @Test
    void loadsAClassPathFolderFromAJar() throws Exception {
        Path jar = dir.resolve("recordings.jar");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            for (String folder : List.of("recorded/", "recorded/api/", "recorded/api/mappings/", "recorded/api/__files/")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(folder));   // as the jar plugin writes them
            }
            zip.putNextEntry(new java.util.zip.ZipEntry("recorded/api/mappings/ping.json"));
            zip.write("{\"request\": {\"urlPath\": \"/ping\"}, \"response\": {\"bodyFileName\": \"pong.txt\"}}"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("recorded/api/__files/pong.txt"));
            zip.write("pong".getBytes(StandardCharsets.UTF_8));
        }
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            thread.setContextClassLoader(loader);
            try (RecordedResponseServer server = RecordedResponseServer.startFromClasspath("recorded/api")) {
                assertThat(get(server, "/ping").body()).isEqualTo("pong");
            }
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void refusesAFolderWithoutMappings() {
        assertThatThrownBy(() -> RecordedResponseServer.startFromClasspath("recordings/none"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordings/none/mappings");
    }
}
