package io.starexport.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Serves recorded platform responses on the loopback interface, so a test runs a real platform plugin
 * against what the platform really answered, offline. Recordings use WireMock's file layout, which
 * WireMock's recorder writes ({@code --record-mappings}, or its {@code /__admin/recordings} API): a folder
 * with {@code mappings/*.json}, each a stub (or {@code {"mappings": [...]}}) such as
 *
 * <pre>{@code
 * {"request":  {"method": "GET", "url": "/youtube/v3/commentThreads?part=snippet&videoId=abc"},
 *  "response": {"status": 200, "bodyFileName": "commentThreads-1.json",
 *               "headers": {"Content-Type": "application/json"}}}
 * }</pre>
 *
 * and the bodies in {@code __files/}. A request is matched by method, path and query:
 *
 * <ul>
 *   <li>{@code url} (path and query exactly as sent, as in WireMock), {@code urlPath},
 *       {@code urlPathPattern} or {@code urlPattern} (regular expressions), {@code queryParameters} and
 *       {@code headers} with {@code equalTo}, {@code contains}, {@code matches}, {@code absent},
 *       {@code hasExactly} or {@code includes} (the recorder's query matchers), and {@code bodyPatterns} with
 *       those or {@code equalToJson} (with {@code ignoreExtraElements} and {@code ignoreArrayOrder});</li>
 *   <li>the response's {@code status}, {@code headers} (served as written, {@code Content-Encoding} included),
 *       {@code body}, {@code jsonBody}, {@code base64Body} or {@code bodyFileName}, and
 *       {@code fault: CONNECTION_RESET_BY_PEER};</li>
 *   <li>{@code priority} (lowest first, 5 when absent; then file name order) and scenarios
 *       ({@code scenarioName}, {@code requiredScenarioState}, {@code newScenarioState}), which the recorder
 *       writes for a request made more than once.</li>
 * </ul>
 *
 * A mapping using anything else (response templates through {@code transformers} included) is refused when
 * the folder is loaded, naming the file and the key. A request
 * no recording matches is answered {@code 404} and listed in {@link #unmatched()}; {@link StarExportExtension}
 * fails the test with that list. Point each of a platform's endpoints at {@link #baseUrl()} followed by the
 * endpoint's own path (for {@code https://www.googleapis.com/youtube/v3}, {@code baseUrl() + "/youtube/v3"}),
 * so recorded paths are the platform's real ones. Thread-safe.
 */
public final class RecordedResponseServer implements TestServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_LEVEL = Set.of("request", "response", "priority", "scenarioName",
            "requiredScenarioState", "newScenarioState", "id", "uuid", "name", "persistent", "insertionIndex", "metadata");
    private static final Set<String> REQUEST = Set.of("method", "url", "urlPath", "urlPathPattern", "urlPattern",
            "queryParameters", "headers", "bodyPatterns");
    private static final Set<String> RESPONSE = Set.of("status", "statusMessage", "headers", "body", "jsonBody",
            "base64Body", "bodyFileName", "fault", "transformers");

    private record Mapping(String source, int priority, Predicate<RecordedRequest> matcher, String scenario,
                           String requiredState, String newState, LoopbackHttp.Reply reply) {
    }

    private final List<Mapping> mappings;
    private final Map<String, String> scenarioStates = new HashMap<>();
    private final List<RecordedRequest> unmatched = new CopyOnWriteArrayList<>();
    private final LoopbackHttp server;

    private RecordedResponseServer(List<Mapping> mappings) {
        this.mappings = mappings;
        this.server = new LoopbackHttp("starexport-recorded", this::answer);
    }

    /**
     * Loads the recordings in a folder and starts serving them on a free loopback port.
     *
     * @throws IllegalArgumentException when the folder has no {@code mappings/} folder or a mapping cannot be used
     * @throws UncheckedIOException     when a file cannot be read
     */
    public static RecordedResponseServer start(Path folder) {
        return new RecordedResponseServer(load(folder));
    }

    /**
     * Loads the recordings in a class-path folder, such as {@code "recordings/video1"} under
     * {@code src/test/resources}, from a directory or a jar, and starts serving them.
     *
     * @throws IllegalArgumentException when the folder is not on the class path, or as {@link #start(Path)}
     */
    public static RecordedResponseServer startFromClasspath(String folder) {
        String name = folder.startsWith("/") ? folder.substring(1) : folder;
        ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                RecordedResponseServer.class.getClassLoader());
        URL url = loader.getResource(name + "/mappings");
        if (url == null) {
            throw new IllegalArgumentException("no class-path folder '" + name + "/mappings'; recordings go in "
                    + "src/test/resources/" + name + "/mappings/*.json and " + name + "/__files/");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return new RecordedResponseServer(load(jar.getPath("/" + name)));
                } catch (FileSystemAlreadyExistsException e) {
                    return new RecordedResponseServer(load(FileSystems.getFileSystem(uri).getPath("/" + name)));
                }
            }
            return new RecordedResponseServer(load(Path.of(uri).getParent()));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalArgumentException("cannot read the class-path folder '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Requests no recording matched, answered 404; empty when the recordings covered every request. */
    public List<RecordedRequest> unmatched() {
        return List.copyOf(unmatched);
    }

    @Override
    public URI baseUrl() {
        return server.baseUrl();
    }

    @Override
    public List<RecordedRequest> requests() {
        return server.requests();
    }

    @Override
    public int openConnections() {
        return server.openConnections();
    }

    LoopbackHttp loopback() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "RecordedResponseServer[" + baseUrl() + ", " + mappings.size() + " recordings]";
    }

    private LoopbackHttp.Reply answer(RecordedRequest request) {
        synchronized (scenarioStates) {
            for (Mapping mapping : mappings) {
                if (mapping.scenario() != null && mapping.requiredState() != null
                        && !mapping.requiredState().equals(scenarioStates.getOrDefault(mapping.scenario(), "Started"))) {
                    continue;
                }
                if (mapping.matcher().test(request)) {
                    if (mapping.scenario() != null && mapping.newState() != null) {
                        scenarioStates.put(mapping.scenario(), mapping.newState());
                    }
                    return mapping.reply();
                }
            }
        }
        unmatched.add(request);
        return LoopbackHttp.Reply.of(404, "text/plain; charset=utf-8",
                "starexport-testing: no recorded response for " + request);
    }

    // ---- loading ---------------------------------------------------------------------------------------------

    private static List<Mapping> load(Path folder) {
        Path mappingsFolder = folder.resolve("mappings");
        if (!Files.isDirectory(mappingsFolder)) {
            throw new IllegalArgumentException("no folder " + mappingsFolder + "; recordings go in mappings/*.json "
                    + "with bodies in __files/");
        }
        List<Mapping> mappings = new ArrayList<>();
        try (Stream<Path> files = Files.list(mappingsFolder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(Files.readAllBytes(file));
                String source = mappingsFolder.getFileName() + "/" + file.getFileName();
                if (root.has("mappings")) {
                    for (JsonNode stub : root.get("mappings")) {
                        mappings.add(mapping(stub, source, folder));
                    }
                } else {
                    mappings.add(mapping(root, source, folder));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recordings in " + folder + ": " + e.getMessage(), e);
        }
        mappings.sort(Comparator.comparingInt(Mapping::priority));
        return List.copyOf(mappings);
    }

    private static Mapping mapping(JsonNode stub, String source, Path folder) throws IOException {
        check(stub, TOP_LEVEL, source, "");
        JsonNode request = stub.path("request");
        JsonNode response = stub.path("response");
        check(request, REQUEST, source, "request.");
        check(response, RESPONSE, source, "response.");
        return new Mapping(source, stub.path("priority").asInt(5), matcher(request, source),
                stub.path("scenarioName").textValue(), stub.path("requiredScenarioState").textValue(),
                stub.path("newScenarioState").textValue(), reply(response, source, folder));
    }

    private static void check(JsonNode node, Set<String> known, String source, String prefix) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(source + ": '" + (prefix.isEmpty() ? "$" : prefix) + "' must be a JSON object");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(source + ": '" + prefix + name + "' is not supported by "
                        + "starexport-testing; supported: " + known.stream().sorted().toList());
            }
        });
    }

    private static Predicate<RecordedRequest> matcher(JsonNode request, String source) {
        List<Predicate<RecordedRequest>> all = new ArrayList<>();
        String method = request.path("method").asText("ANY");
        if (!method.equals("ANY")) {
            all.add(r -> r.method().equalsIgnoreCase(method));
        }
        if (request.has("url")) {
            String url = request.get("url").asText();
            all.add(r -> url.equals(r.path() + (r.rawQuery() == null ? "" : "?" + r.rawQuery())));
        } else if (request.has("urlPath")) {
            String path = request.get("urlPath").asText();
            all.add(r -> r.path().equals(path));
        } else if (request.has("urlPathPattern")) {
            Pattern path = Pattern.compile(request.get("urlPathPattern").asText());
            all.add(r -> path.matcher(r.path()).matches());
        } else if (request.has("urlPattern")) {
            Pattern url = Pattern.compile(request.get("urlPattern").asText());
            all.add(r -> url.matcher(r.path() + (r.rawQuery() == null ? "" : "?" + r.rawQuery())).matches());
        }
        request.path("queryParameters").properties().forEach(entry -> {
            Predicate<List<String>> values = values(entry.getValue(), source, "queryParameters." + entry.getKey());
            all.add(r -> values.test(r.query().getOrDefault(entry.getKey(), List.of())));
        });
        request.path("headers").properties().forEach(entry -> {
            Predicate<List<String>> values = values(entry.getValue(), source, "headers." + entry.getKey());
            all.add(r -> values.test(r.headers().getOrDefault(entry.getKey(), List.of())));
        });
        for (JsonNode pattern : request.path("bodyPatterns")) {
            Predicate<List<String>> body = values(pattern, source, "bodyPatterns");
            all.add(r -> body.test(List.of(r.body())));
        }
        return r -> all.stream().allMatch(p -> p.test(r));
    }

    /** A WireMock value matcher over the values a request has (none when the parameter or header is absent). */
    private static Predicate<List<String>> values(JsonNode matcher, String source, String where) {
        if (matcher.has("absent")) {
            boolean absent = matcher.get("absent").asBoolean();
            return values -> values.isEmpty() == absent;
        }
        for (String multi : List.of("hasExactly", "includes")) {
            if (matcher.has(multi)) {
                if (!matcher.get(multi).isArray()) {
                    throw new IllegalArgumentException(source + ": " + where + "." + multi + " must be a list of matchers");
                }
                List<Predicate<List<String>>> each = new ArrayList<>();
                matcher.get(multi).forEach(m -> each.add(values(m, source, where + "." + multi)));
                // as WireMock: every matcher matches some value, and hasExactly also wants as many values as matchers
                boolean exactly = multi.equals("hasExactly");
                return values -> (!exactly || values.size() == each.size()) && each.stream().allMatch(p -> p.test(values));
            }
        }
        if (matcher.has("equalTo")) {
            String expected = matcher.get("equalTo").asText();
            boolean caseInsensitive = matcher.path("caseInsensitive").asBoolean(false);
            return any(v -> caseInsensitive ? v.equalsIgnoreCase(expected) : v.equals(expected));
        }
        if (matcher.has("contains")) {
            String expected = matcher.get("contains").asText();
            return any(v -> v.contains(expected));
        }
        if (matcher.has("matches")) {
            Pattern expected = Pattern.compile(matcher.get("matches").asText());
            return any(v -> expected.matcher(v).matches());
        }
        if (matcher.has("equalToJson")) {
            JsonNode node = matcher.get("equalToJson");
            JsonNode expected;
            try {
                expected = node.isTextual() ? JSON.readTree(node.asText()) : node;
            } catch (IOException e) {
                throw new IllegalArgumentException(source + ": " + where + ".equalToJson is not JSON", e);
            }
            boolean extra = matcher.path("ignoreExtraElements").asBoolean(false);
            boolean arrayOrder = matcher.path("ignoreArrayOrder").asBoolean(false);
            return any(v -> {
                try {
                    return jsonMatches(expected, JSON.readTree(v), extra, arrayOrder);
                } catch (IOException e) {
                    return false;
                }
            });
        }
        throw new IllegalArgumentException(source + ": the matcher of " + where + " is not supported by "
                + "starexport-testing; use equalTo, contains, matches, absent, equalToJson, hasExactly or includes");
    }

    private static Predicate<List<String>> any(Predicate<String> value) {
        return values -> values.stream().anyMatch(value);
    }

    private static boolean jsonMatches(JsonNode expected, JsonNode actual, boolean ignoreExtra, boolean ignoreOrder) {
        if (expected == null || actual == null || expected.getNodeType() != actual.getNodeType()) {
            return false;
        }
        if (expected.isObject()) {
            if (!ignoreExtra && expected.size() != actual.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (!jsonMatches(field.getValue(), actual.get(field.getKey()), ignoreExtra, ignoreOrder)) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (expected.size() != actual.size() && !(ignoreExtra && expected.size() < actual.size())) {
                return false;
            }
            if (!ignoreOrder) {
                for (int i = 0; i < expected.size(); i++) {
                    if (!jsonMatches(expected.get(i), actual.get(i), ignoreExtra, false)) {
                        return false;
                    }
                }
                return true;
            }
            List<JsonNode> left = new ArrayList<>();
            actual.forEach(left::add);
            for (JsonNode element : expected) {
                int found = -1;
                for (int i = 0; i < left.size() && found < 0; i++) {
                    if (jsonMatches(element, left.get(i), ignoreExtra, true)) {
                        found = i;
                    }
                }
                if (found < 0) {
                    return false;
                }
                left.remove(found);
            }
            return true;
        }
        return expected.equals(actual);
    }

    private static LoopbackHttp.Reply reply(JsonNode response, String source, Path folder) throws IOException {
        if (response.has("fault")) {
            if (!response.get("fault").asText().equals("CONNECTION_RESET_BY_PEER")) {
                throw new IllegalArgumentException(source + ": response.fault " + response.get("fault")
                        + " is not supported by starexport-testing; only CONNECTION_RESET_BY_PEER is");
            }
            return LoopbackHttp.Reply.RESET;
        }
        JsonNode transformers = response.path("transformers");
        if (!transformers.isMissingNode() && !(transformers.isArray() && transformers.isEmpty())) {
            throw new IllegalArgumentException(source + ": response.transformers " + transformers + " is not supported by "
                    + "starexport-testing, which serves bodies as written and would not render a template; "
                    + "record the real response instead");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(header -> {
            List<String> values = new ArrayList<>();
            if (header.getValue().isArray()) {
                header.getValue().forEach(value -> values.add(value.asText()));
            } else {
                values.add(header.getValue().asText());
            }
            headers.put(header.getKey(), List.copyOf(values));
        });
        byte[] body;
        if (response.has("body")) {
            body = response.get("body").asText().getBytes(StandardCharsets.UTF_8);
        } else if (response.has("jsonBody")) {
            body = JSON.writeValueAsBytes(response.get("jsonBody"));
        } else if (response.has("base64Body")) {
            body = Base64.getDecoder().decode(response.get("base64Body").asText());
        } else if (response.has("bodyFileName")) {
            Path file = folder.resolve("__files").resolve(response.get("bodyFileName").asText()).normalize();
            if (!file.startsWith(folder.resolve("__files").normalize()) || !Files.isRegularFile(file)) {
                throw new IllegalArgumentException(source + ": response.bodyFileName " + response.get("bodyFileName")
                        + " is not a file in " + folder.resolve("__files"));
            }
            body = Files.readAllBytes(file);
        } else {
            body = new byte[0];
        }
        return new LoopbackHttp.Reply(response.path("status").asInt(200), Map.copyOf(headers), body);
    }
}
