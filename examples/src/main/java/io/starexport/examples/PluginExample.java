package io.starexport.examples;

import com.sun.net.httpserver.HttpServer;
import io.starexport.StarExport;
import io.starexport.api.ExportResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Exports a Hacker News thread to a Markdown table with two third-party plugins: the Hacker News
 * platform ({@code io.starexport.examples.hackernews}) and {@link MarkdownFormat}. Neither is named in
 * this code: the engine finds both through ServiceLoader, and picks the format from the {@code .md}
 * extension.
 *
 * <p>To run offline, the program serves a bundled item from the JDK's {@code HttpServer} on loopback, in
 * the shape of the HN Search API ({@code GET /api/v1/items/{id}}), and points the plugin's {@code api}
 * endpoint at it. Drop the {@code endpoint(...)} line to read the real API at {@code hn.algolia.com}.
 *
 * <p>Usage: {@code PluginExample [output.md]}; prints how complete the export is.
 */
public final class PluginExample {
    static final String ITEM_URL = "https://news.ycombinator.com/item?id=42000001";

    private PluginExample() {
    }

    /**
     * Runs the example.
     *
     * @param args the output file, {@code hackernews.md} by default
     * @throws IOException when the local server cannot start or the bundled item is missing
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "hackernews.md");
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/api/v1/items/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals("/api/v1/items/42000001");
            byte[] body;
            try (InputStream item = PluginExample.class.getResourceAsStream("hackernews-item.json")) {
                body = known && item != null ? item.readAllBytes()
                        : "{\"status\":404,\"error\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        api.start();
        try (StarExport star = StarExport.builder()
                .endpoint("hackernews", "api", "http://127.0.0.1:" + api.getAddress().getPort())
                .build()) {
            ExportResult result = star.export(ITEM_URL).comments().replies(true).to(out).run();
            System.out.println(result.completeness() + " -> " + out);
        } finally {
            api.stop(0);
        }
    }
}
