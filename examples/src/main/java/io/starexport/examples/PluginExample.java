package io.starexport.examples;

import com.sun.net.httpserver.HttpServer;
import io.starexport.StarExport;
import io.starexport.api.ExportResult;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Exports a guestbook with the third-party {@link GuestbookPlatform} to Markdown with the custom
 * {@link MarkdownFormat}. Both plugins are found by ServiceLoader; the guestbook API is served on
 * loopback by this program and reached through an endpoint override.
 */
public final class PluginExample {
    private PluginExample() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "guestbook.md");
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/books/visitors/entries", exchange -> {
            String page = exchange.getRequestURI().getQuery().replace("page=", "");
            String body = page.equals("1")
                    ? "next: 2\n1|ada|2025-03-01T10:00:00Z|Lovely place!\n2|alan|2025-03-02T11:30:00Z|Would visit again | 10/10\n"
                    : "3|grace|2025-03-05T09:15:00Z|Thanks for the tea\n";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(bytes);
            }
        });
        api.start();
        try (StarExport star = StarExport.builder()
                .endpoint("guestbook", "api", "http://127.0.0.1:" + api.getAddress().getPort())
                .build()) {
            ExportResult result = star.export("https://guestbook.example/books/visitors").to(out).run();
            System.out.println(result.completeness() + " -> " + out);
        } finally {
            api.stop(0);
        }
    }
}
