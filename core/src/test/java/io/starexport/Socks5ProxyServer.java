package io.starexport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal SOCKS5 proxy on loopback for tests (RFC 1928 CONNECT, RFC 1929 user/password). Every domain
 * it is asked for is reached at 127.0.0.1 on the requested port, so a test can name an unresolvable
 * host and still reach WireMock; the names asked for are recorded.
 */
final class Socks5ProxyServer implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String user;
    private final String password;
    private final int targetPort;
    final List<String> requestedHosts = new CopyOnWriteArrayList<>();

    Socks5ProxyServer(String user, String password, int targetPort) throws IOException {
        this.user = user;
        this.password = password;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            in.readUnsignedByte();
            byte[] methods = new byte[in.readUnsignedByte()];
            in.readFully(methods);
            boolean offered = new String(methods, StandardCharsets.ISO_8859_1).indexOf(2) >= 0;
            if (!offered) {
                out.write(new byte[] {5, (byte) 0xFF});
                return;
            }
            out.write(new byte[] {5, 2});
            in.readUnsignedByte();
            String givenUser = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
            String givenPassword = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
            boolean ok = givenUser.equals(user) && givenPassword.equals(password);
            out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
            if (!ok) {
                return;
            }
            in.readUnsignedByte();
            in.readUnsignedByte();
            in.readUnsignedByte();
            if (in.readUnsignedByte() != 3) {
                out.write(new byte[] {5, 8, 0, 1, 0, 0, 0, 0, 0, 0});
                return;
            }
            requestedHosts.add(new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII));
            in.readUnsignedShort();
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
                out.flush();
                threads.execute(() -> pipe(in, upstreamOut(upstream)));
                pipe(upstream.getInputStream(), out);
            }
        } catch (IOException ignored) {
            // The client went away; nothing to clean up beyond the sockets.
        }
    }

    private static OutputStream upstreamOut(Socket upstream) {
        try {
            return upstream.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pipe(InputStream from, OutputStream to) {
        try {
            from.transferTo(to);
        } catch (IOException ignored) {
            // One side closed the connection.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
