package io.starexport.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on a loopback socket, one thread per connection, with keep-alive. Written on plain
 * sockets rather than {@code com.sun.net.httpserver} because a test needs two things that server cannot do:
 * a real TCP reset (linger 0, then close) and a count of the connections still open.
 */
final class LoopbackHttp implements AutoCloseable {
    /** The handler's answer; {@link #RESET} aborts the connection instead of answering. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {
        static final Reply RESET = new Reply(-1, Map.of(), new byte[0]);

        static Reply of(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", List.of(contentType)), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final ServerSocket serverSocket;
    private final Function<RecordedRequest, Reply> handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    LoopbackHttp(String name, Function<RecordedRequest, Reply> handler) {
        this.handler = handler;
        try {
            serverSocket = new ServerSocket();
            serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("could not open a loopback server socket: " + e.getMessage(), e);
        }
        acceptor = new Thread(this::accept, name + "-accept-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI baseUrl() {
        return URI.create("http://" + serverSocket.getInetAddress().getHostAddress() + ":" + serverSocket.getLocalPort());
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    int openConnections() {
        return open.size();
    }

    /** Whether a thread is one of this server's, so a leak check can tell them from the code under test's. */
    boolean owns(Thread thread) {
        return thread == acceptor || threads.contains(thread);
    }

    static LoopbackHttp of(TestServer server) {
        return server instanceof FakePlatform fake ? fake.loopback() : ((RecordedResponseServer) server).loopback();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return;
            }
            open.add(socket);
            Thread thread = new Thread(() -> serve(socket),
                    acceptor.getName().replace("-accept-", "-connection-") + "-" + connections.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                RecordedRequest request = read(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Reply reply;
                try {
                    reply = handler.apply(request);
                } catch (RuntimeException e) {
                    reply = Reply.of(500, "text/plain; charset=utf-8", "starexport-testing failed to answer: " + e);
                }
                if (reply == Reply.RESET) {
                    socket.setSoLinger(true, 0);
                    return;
                }
                write(out, reply);
                if (request.header("Connection").map("close"::equalsIgnoreCase).orElse(false)) {
                    return;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the client went away, sent a malformed request, or the server is closing: this connection ends
        } finally {
            open.remove(socket);
            threads.remove(Thread.currentThread());
        }
    }

    /** Reads one request; null at a clean end of stream between requests. */
    private static RecordedRequest read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("bad request line: " + requestLine);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int headerBytes = 0;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            headerBytes += header.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new IOException("request headers too large");
            }
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(header.substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(header.substring(colon + 1).trim());
            }
        }
        byte[] body;
        String chunked = headers.getOrDefault("Transfer-Encoding", List.of("")).get(0);
        if (chunked.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else {
            int length = Integer.parseInt(headers.getOrDefault("Content-Length", List.of("0")).get(0));
            body = in.readNBytes(length);
        }
        String target = parts[1];
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String rawQuery = question < 0 ? null : target.substring(question + 1);
        Map<String, List<String>> readOnly = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> readOnly.put(name, List.copyOf(values)));
        return new RecordedRequest(parts[0], path, rawQuery, query(rawQuery), readOnly,
                new String(body, StandardCharsets.UTF_8));
    }

    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, List<String>> readOnly = new LinkedHashMap<>();
        query.forEach((name, values) -> readOnly.put(name, List.copyOf(values)));
        return readOnly;
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new IOException("chunked body ended early");
            }
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line(in);
        }
    }

    /** One CRLF-terminated ISO-8859-1 line without its terminator; null at end of stream before any byte. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
            if (line.length() > MAX_HEADER_BYTES) {
                throw new IOException("line too long");
            }
        }
        return line.length() == 0 ? null : line.toString();
    }

    private static void write(OutputStream out, Reply reply) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(reply.status()).append(' ')
                .append(reply.status() < 400 ? "OK" : "Error").append("\r\n");
        reply.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")
                    && !name.equalsIgnoreCase("Connection")) {
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
            }
        });
        head.append("Content-Length: ").append(reply.body().length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(reply.body());
        out.flush();
    }

    /** Stops accepting, closes every connection and waits briefly for the server's threads to end. */
    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        join(acceptor);
        threads.forEach(LoopbackHttp::join);
    }

    private static void join(Thread thread) {
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
