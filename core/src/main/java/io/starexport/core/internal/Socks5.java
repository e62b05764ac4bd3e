package io.starexport.core.internal;

import io.starexport.ProxyConfig;
import okhttp3.Dns;

import javax.net.SocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SOCKS5 (RFC 1928) with user name and password (RFC 1929), per client rather than through the JDK's
 * process-wide {@code java.net.Authenticator}. Host names are resolved by the proxy, not locally: the
 * {@link #REMOTE_DNS} resolver hands OkHttp placeholder addresses that keep the name, and the socket
 * sends the name in its CONNECT request.
 */
final class Socks5 {
    private static final int VERSION = 5;
    private static final int NO_AUTH = 0;
    private static final int USER_PASSWORD = 2;
    private static final int NO_ACCEPTABLE_METHOD = 0xFF;
    private static final int CONNECT = 1;
    private static final int IPV4 = 1;
    private static final int DOMAIN = 3;
    private static final int IPV6 = 4;
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    /** Leaves resolution to the proxy: one placeholder address that carries the host name. */
    static final Dns REMOTE_DNS = host -> {
        try {
            return List.of(InetAddress.getByAddress(host, new byte[4]));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    };

    private Socks5() {
    }

    /** Sockets that connect through the proxy. */
    static SocketFactory socketFactory(ProxyConfig proxy) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new ProxiedSocket(proxy);
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                Socket socket = createSocket();
                socket.connect(InetSocketAddress.createUnresolved(host, port));
                return socket;
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return createSocket(host, port);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                Socket socket = createSocket();
                socket.connect(new InetSocketAddress(host, port));
                return socket;
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                return createSocket(address, port);
            }
        };
    }

    /** A socket whose {@code connect} opens the proxy and asks it for the target. */
    private static final class ProxiedSocket extends Socket {
        private final ProxyConfig proxy;

        ProxiedSocket(ProxyConfig proxy) {
            this.proxy = proxy;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress target)) {
                throw new SocketException("SOCKS needs an internet address, not " + endpoint);
            }
            super.connect(new InetSocketAddress(proxy.host(), proxy.port()), timeout);
            int previousTimeout = getSoTimeout();
            setSoTimeout(timeout > 0 ? timeout : HANDSHAKE_TIMEOUT_MILLIS);
            try {
                handshake(getInputStream(), getOutputStream(), target);
            } catch (IOException e) {
                close();
                throw e;
            }
            setSoTimeout(previousTimeout);
        }

        private void handshake(InputStream rawIn, OutputStream out, InetSocketAddress target) throws IOException {
            DataInputStream in = new DataInputStream(rawIn);
            boolean withPassword = proxy.username().isPresent();
            out.write(withPassword ? new byte[] {VERSION, 2, NO_AUTH, USER_PASSWORD} : new byte[] {VERSION, 1, NO_AUTH});
            out.flush();
            expectVersion(in.readUnsignedByte());
            int method = in.readUnsignedByte();
            if (method == USER_PASSWORD && withPassword) {
                authenticate(in, out);
            } else if (method != NO_AUTH) {
                throw new SocketException(method == NO_ACCEPTABLE_METHOD
                        ? "the SOCKS proxy " + where() + " accepts none of the offered authentication methods"
                        + (withPassword ? "" : "; it may need a user name and password")
                        : "the SOCKS proxy " + where() + " chose an unknown authentication method " + method);
            }
            out.write(connectRequest(target));
            out.flush();
            expectVersion(in.readUnsignedByte());
            int reply = in.readUnsignedByte();
            in.readUnsignedByte();
            skipBoundAddress(in);
            if (reply != 0) {
                throw new SocketException("the SOCKS proxy " + where() + " could not connect to " + target.getHostString()
                        + ":" + target.getPort() + " (" + replyText(reply) + ")");
            }
        }

        private void authenticate(DataInputStream in, OutputStream out) throws IOException {
            byte[] user = proxy.username().orElse("").getBytes(StandardCharsets.UTF_8);
            byte[] password = proxy.password().orElse("").getBytes(StandardCharsets.UTF_8);
            if (user.length > 255 || password.length > 255) {
                throw new SocketException("SOCKS user names and passwords are limited to 255 bytes");
            }
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(1);
            request.write(user.length);
            request.write(user, 0, user.length);
            request.write(password.length);
            request.write(password, 0, password.length);
            out.write(request.toByteArray());
            out.flush();
            in.readUnsignedByte();
            if (in.readUnsignedByte() != 0) {
                throw new SocketException("the SOCKS proxy " + where() + " rejected the user name or password");
            }
        }

        private static byte[] connectRequest(InetSocketAddress target) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(VERSION);
            request.write(CONNECT);
            request.write(0);
            InetAddress address = target.getAddress();
            boolean placeholder = address == null || address.isAnyLocalAddress();
            if (placeholder || !target.getHostString().equals(address.getHostAddress())) {
                byte[] name = target.getHostString().getBytes(StandardCharsets.US_ASCII);
                request.write(DOMAIN);
                request.write(name.length);
                request.write(name, 0, name.length);
            } else {
                byte[] bytes = address.getAddress();
                request.write(bytes.length == 4 ? IPV4 : IPV6);
                request.write(bytes, 0, bytes.length);
            }
            request.write(target.getPort() >> 8);
            request.write(target.getPort() & 0xFF);
            return request.toByteArray();
        }

        private static void skipBoundAddress(DataInputStream in) throws IOException {
            int type = in.readUnsignedByte();
            int length = switch (type) {
                case IPV4 -> 4;
                case IPV6 -> 16;
                case DOMAIN -> in.readUnsignedByte();
                default -> throw new SocketException("the SOCKS proxy answered with an unknown address type " + type);
            };
            in.readFully(new byte[length + 2]);
        }

        private void expectVersion(int version) throws SocketException {
            if (version != VERSION) {
                throw new SocketException(where() + " does not speak SOCKS5 (answered version " + version + ")");
            }
        }

        private String where() {
            return proxy.host() + ":" + proxy.port();
        }

        private static String replyText(int reply) {
            return switch (reply) {
                case 1 -> "general failure";
                case 2 -> "not allowed by its rules";
                case 3 -> "network unreachable";
                case 4 -> "host unreachable";
                case 5 -> "connection refused";
                case 6 -> "TTL expired";
                case 7 -> "command not supported";
                case 8 -> "address type not supported";
                default -> "reply " + reply;
            };
        }
    }
}
