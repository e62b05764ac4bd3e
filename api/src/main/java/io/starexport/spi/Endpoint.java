package io.starexport.spi;

import java.net.URI;
import java.util.Objects;

/**
 * A named base URL a platform calls. The host may point it elsewhere, for a proxy, a mirror or a test
 * server, without the plugin knowing.
 *
 * @param name        a short stable name, for example {@code "api"}
 * @param defaultUrl  the platform's real base URL
 * @param description what the endpoint serves
 */
public record Endpoint(String name, URI defaultUrl, String description) {
    public Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultUrl, "defaultUrl");
        Objects.requireNonNull(description, "description");
    }

    /** An endpoint from a URL string. */
    public static Endpoint of(String name, String defaultUrl, String description) {
        return new Endpoint(name, URI.create(defaultUrl), description);
    }
}
