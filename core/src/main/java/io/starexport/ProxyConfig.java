package io.starexport;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A proxy the engine sends requests through: HTTP (Basic credentials) or SOCKS5 (user name and password,
 * host names resolved by the proxy). Credentials apply to this proxy only, never process-wide.
 * {@link #toString()} never shows the password.
 *
 * @param type     HTTP or SOCKS
 * @param host     proxy host
 * @param port     proxy port
 * @param username user name, when the proxy needs one
 * @param password password, when the proxy needs one
 */
public record ProxyConfig(Type type, String host, int port, Optional<String> username, Optional<String> password) {

    /** Proxy protocol. */
    public enum Type {
        HTTP, SOCKS
    }

    public ProxyConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port must be 1-65535 but was " + port);
        }
        username = username == null ? Optional.empty() : username;
        password = password == null ? Optional.empty() : password;
    }

    /**
     * Parses {@code http://[user:password@]host:port} or {@code socks5://[user:password@]host:port}
     * ({@code socks://} too). User and password may be percent-encoded.
     *
     * @throws IllegalArgumentException naming what is wrong, without echoing the password
     */
    public static ProxyConfig parse(String url) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(url, "url").trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("proxy URL is not a valid URL; expected http://host:port or socks5://host:port");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Type type = switch (scheme) {
            case "http" -> Type.HTTP;
            case "socks", "socks5" -> Type.SOCKS;
            default -> throw new IllegalArgumentException(
                    "proxy URL must start with http:// or socks5:// (TLS to the proxy itself is not supported) but was '"
                            + scheme + "://…'");
        };
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("proxy URL needs a host and a port, like http://proxy.example:8080");
        }
        Optional<String> user = Optional.empty();
        Optional<String> pass = Optional.empty();
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon)));
            pass = colon < 0 ? Optional.empty() : Optional.of(decode(info.substring(colon + 1)));
        }
        return new ProxyConfig(type, uri.getHost(), uri.getPort(), user, pass);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(Locale.ROOT) + "://" + username.map(u -> u + ":***@").orElse("") + host + ":" + port;
    }
}
