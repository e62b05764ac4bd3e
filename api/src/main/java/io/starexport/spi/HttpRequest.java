package io.starexport.spi;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An HTTP request a plugin asks the engine to send. {@link #toString()} never shows header values
 * or the values of secret-looking query parameters ({@code key}, {@code token}, {@code access_token},
 * {@code client_secret}, {@code password} and similar).
 *
 * @param method     the HTTP method
 * @param url        the absolute URL, query included
 * @param headers    header names to values
 * @param body       the request body; empty for none
 * @param idempotent whether the request may be retried safely after a 5xx or I/O failure: true for
 *                   {@link #get}, false for {@link #post} unless the builder says otherwise
 */
public record HttpRequest(String method, URI url, Map<String, List<String>> headers, byte[] body, boolean idempotent) {

    private static final Set<String> SECRET_PARAMETERS = Set.of("key", "api_key", "apikey", "token", "access_token",
            "refresh_token", "client_secret", "password", "sessionid", "signature", "sig", "x-bogus", "msToken");

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    /** The request body, copied. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** A GET builder for a base URL; add query parameters with {@link Builder#query}. */
    public static Builder get(URI url) {
        return new Builder("GET", url, null, true);
    }

    /** A POST builder with a body; not retried unless marked {@link Builder#idempotent(boolean) idempotent}. */
    public static Builder post(URI url, byte[] body, String contentType) {
        return new Builder("POST", url, body, false).header("Content-Type", contentType);
    }

    /** A POST builder with a form body ({@code application/x-www-form-urlencoded}). */
    public static Builder postForm(URI url, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(encode(name)).append('=').append(encode(value));
        });
        return post(url, body.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    /** The first value of a header, matched without regard to case, or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    /** The URL with secret-looking query parameter values replaced by {@code ***}. */
    public String redactedUrl() {
        return redact(url);
    }

    /** The URL with secret-looking query parameter values replaced by {@code ***}. */
    public static String redact(URI url) {
        String raw = url.getRawQuery();
        if (raw == null) {
            return url.toString();
        }
        StringBuilder query = new StringBuilder();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (query.length() > 0) {
                query.append('&');
            }
            boolean secret = SECRET_PARAMETERS.stream().anyMatch(s -> s.equalsIgnoreCase(name));
            query.append(secret && eq >= 0 ? name + "=***" : pair);
        }
        String text = url.toString();
        return text.substring(0, text.indexOf('?') + 1) + query;
    }

    @Override
    public String toString() {
        return method + " " + redactedUrl() + " headers=" + headers.keySet();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Builds an {@link HttpRequest}. */
    public static final class Builder {
        private final String method;
        private final URI base;
        private final StringBuilder query = new StringBuilder();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final byte[] body;
        private boolean idempotent;

        private Builder(String method, URI base, byte[] body, boolean idempotent) {
            this.method = method;
            this.base = Objects.requireNonNull(base, "url");
            this.body = body;
            this.idempotent = idempotent;
        }

        /** Appends a query parameter, URL-encoded; null values are left out. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.append(query.length() > 0 || base.getRawQuery() != null ? "&" : "")
                        .append(encode(name)).append('=').append(encode(String.valueOf(value)));
            }
            return this;
        }

        /** Adds a header value. */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(Objects.requireNonNull(name, "name"), n -> new ArrayList<>())
                    .add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Whether the request may be retried safely; POST to read-only query endpoints often may. */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        public HttpRequest build() {
            URI url = query.length() == 0 ? base : URI.create(base + (base.getRawQuery() == null ? "?" : "") + query);
            return new HttpRequest(method.toUpperCase(Locale.ROOT), url, headers, body, idempotent);
        }
    }
}
