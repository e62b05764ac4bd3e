package io.starexport.writer.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Debian Chromium driven over the Chrome DevTools Protocol with the JDK's own WebSocket client:
 * it records console errors, uncaught exceptions and every network request a page makes.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<JsonNode>> waiters = new CopyOnWriteArrayList<>();
    private final List<String> waitingFor = new CopyOnWriteArrayList<>();

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts a fresh browser (its own profile, no network services of its own) on a blank page. */
    static Chromium launch(Path profile) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1280,1800",
                "about:blank").redirectErrorStream(true).start();
        CompletableFuture<String> browserUrl = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Matcher matcher = DEVTOOLS.matcher(line);
                    if (matcher.find()) {
                        browserUrl.complete(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                browserUrl.completeExceptionally(e);
            }
            browserUrl.completeExceptionally(new IOException("chromium exited without a DevTools address"));
        }, "chromium-output");
        drain.setDaemon(true);
        drain.start();
        try {
            URI browser = URI.create(browserUrl.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            HttpClient http = HttpClient.newHttpClient();
            URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(list).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String pageUrl = null;
            for (JsonNode target : targets) {
                if (target.path("type").asText().equals("page")) {
                    pageUrl = target.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageUrl == null) {
                throw new IOException("chromium opened no page: " + targets);
            }
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), listener)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Chromium chromium = new Chromium(process, socket);
            listener.chromium = chromium;
            for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
                chromium.call(domain + ".enable", JSON.createObjectNode());
            }
            return chromium;
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("could not start chromium: " + e, e);
        }
    }

    /** Opens a page and waits until its load event; errors and requests are recorded afresh for it. */
    void open(Path file) throws Exception {
        events.clear();
        CompletableFuture<JsonNode> loaded = event("Page.loadEventFired");
        ObjectNode params = JSON.createObjectNode().put("url", file.toUri().toString());
        call("Page.navigate", params);
        loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Lays pages out as on a screen of this size, as a phone would. */
    void viewport(int width, int height) throws Exception {
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
    }

    /** Evaluates an expression in the page (awaiting a promise) and returns its JSON value. */
    JsonNode evaluate(String expression) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new AssertionError("the page threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Saves a PNG of the whole page. */
    void screenshot(Path png) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", false);
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText()));
    }

    /** Uncaught exceptions, console.error calls and browser log errors (CSP violations among them). */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (JsonNode event : events) {
            String method = event.path("method").asText();
            JsonNode params = event.path("params");
            if (method.equals("Runtime.exceptionThrown")) {
                errors.add("exception: " + params.path("exceptionDetails"));
            } else if (method.equals("Runtime.consoleAPICalled")
                    && List.of("error", "assert").contains(params.path("type").asText())) {
                errors.add("console." + params.path("type").asText() + ": " + params.path("args"));
            } else if (method.equals("Log.entryAdded") && params.path("entry").path("level").asText().equals("error")) {
                errors.add("log: " + params.path("entry"));
            }
        }
        return errors;
    }

    /** The URL of every request the page made that was not blocked, its own document included. */
    List<String> requests() {
        Map<String, String> blocked = blocked();
        List<String> urls = new ArrayList<>();
        for (JsonNode event : events) {
            JsonNode params = event.path("params");
            if (event.path("method").asText().equals("Network.requestWillBeSent")
                    && !blocked.containsKey(params.path("requestId").asText())) {
                urls.add(params.path("request").path("url").asText());
            }
        }
        return urls;
    }

    /** The URL and reason (such as {@code csp}) of every request the browser refused to make. */
    List<String> blockedRequests() {
        Map<String, String> blocked = blocked();
        List<String> urls = new ArrayList<>();
        for (JsonNode event : events) {
            JsonNode params = event.path("params");
            String reason = blocked.get(params.path("requestId").asText());
            if (event.path("method").asText().equals("Network.requestWillBeSent") && reason != null) {
                urls.add(params.path("request").path("url").asText() + " " + reason);
            }
        }
        return urls;
    }

    private Map<String, String> blocked() {
        Map<String, String> blocked = new HashMap<>();
        for (JsonNode event : events) {
            JsonNode params = event.path("params");
            if (event.path("method").asText().equals("Network.loadingFailed") && params.has("blockedReason")) {
                blocked.put(params.path("requestId").asText(), params.path("blockedReason").asText());
            }
        }
        return blocked;
    }

    private CompletableFuture<JsonNode> event(String method) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        waitingFor.add(method);
        waiters.add(future);
        return future;
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IOException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    private void receive(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("chromium sent invalid JSON", e);
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        events.add(message);
        String method = message.path("method").asText();
        for (int i = 0; i < waitingFor.size(); i++) {
            if (waitingFor.get(i).equals(method)) {
                waiters.get(i).complete(message);
            }
        }
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Puts fragmented WebSocket text messages back together. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();
        private volatile Chromium chromium;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                chromium.receive(text);
            }
            webSocket.request(1);
            return null;
        }
    }
}
