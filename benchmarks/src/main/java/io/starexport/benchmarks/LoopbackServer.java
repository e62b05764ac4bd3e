package io.starexport.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A comments API on 127.0.0.1, answering {@code GET /v1/comments?post=ID&cursor=N} with page {@code N} of
 * {@code pages} (cursor absent for the first), {@value #ITEMS_PER_PAGE} comments a page, in the shape
 * {@link LoopbackPlatform} reads: {@code {"data": {"items": [...], "next": "N+1" | null}}}.
 *
 * <p>Bodies are rendered once up front (ids carry the page, so every export sees unique ids), so the
 * server costs almost nothing next to the client. Each request's arrival is logged with
 * {@link System#nanoTime()} for rate measurements; an optional delay is added before every response.
 */
final class LoopbackServer implements AutoCloseable {
    static final int ITEMS_PER_PAGE = 100;
    private static final Instant NEWEST = Instant.parse("2026-06-01T12:00:00Z");

    static {
        // Without TCP_NODELAY the headers and the body go out as two segments and the second waits for the
        // client's delayed ACK: about 40 ms per response, which would swamp everything measured here.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<byte[]> bodies;
    private final Duration delay;
    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();

    private LoopbackServer(int pages, Duration delay) throws IOException {
        this.bodies = new ArrayList<>(pages);
        for (int page = 0; page < pages; page++) {
            bodies.add(body(page, page + 1 < pages ? String.valueOf(page + 1) : null));
        }
        this.delay = delay;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.threads = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "loopback-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/v1/comments", this::handle);
        server.start();
    }

    /** A server whose every post has {@code pages} pages, answering each request after {@code delay}. */
    static LoopbackServer start(int pages, Duration delay) throws IOException {
        return new LoopbackServer(pages, delay);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Arrival times of the requests since the last {@link #clearArrivals()}, in nanoTime, sorted. */
    List<Long> arrivals() {
        List<Long> sorted = new ArrayList<>(arrivals);
        sorted.sort(null);
        return sorted;
    }

    void clearArrivals() {
        arrivals.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        arrivals.add(System.nanoTime());
        try (exchange) {
            int page = page(exchange.getRequestURI().getRawQuery());
            if (page < 0 || page >= bodies.size()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = bodies.get(page);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static int page(String query) {
        if (query == null) {
            return 0;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("cursor=")) {
                try {
                    return Integer.parseInt(URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return 0;
    }

    /** Realistic comment texts: some plain, some with commas, quotes, line breaks and emoji. */
    private static byte[] body(int page, String next) {
        StringBuilder json = new StringBuilder(32 * 1024).append("{\"data\":{\"items\":[");
        for (int i = 0; i < ITEMS_PER_PAGE; i++) {
            int n = page * ITEMS_PER_PAGE + i;
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"id\":\"c").append(n)
                    .append("\",\"text\":\"").append(text(n))
                    .append("\",\"created\":\"").append(NEWEST.minusSeconds(60L * n))
                    .append("\",\"author\":\"user_").append(n % 977)
                    .append("\",\"likes\":").append((n * 37) % 1000);
            if (n % 5 == 4) {
                json.append(",\"parent\":\"c").append(n - 1).append('"');
            }
            json.append('}');
        }
        json.append("],\"next\":").append(next == null ? "null" : "\"" + next + "\"").append("}}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(int n) {
        return switch (n % 4) {
            case 0 -> "Great video, thanks! I have been waiting for this explanation for a long time.";
            case 1 -> "Agree with the above, but the part at 3:14 needs a correction: it is \\\"O(n log n)\\\", not O(n).";
            case 2 -> "First line\\nSecond line with an emoji \uD83D\uDE00 and some more words to make it a typical length.";
            default -> "=SUM(A1:A3) looks like a formula, which a spreadsheet would run";
        };
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
