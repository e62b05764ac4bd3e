package io.starexport.spi;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response read whole. Header names are matched without regard to case.
 *
 * @param status  the HTTP status code
 * @param url     the URL that answered, after redirects
 * @param headers header names to values
 * @param body    the body bytes
 */
public record HttpResponse(int status, URI url, Map<String, List<String>> headers, byte[] body) {

    public HttpResponse {
        Objects.requireNonNull(url, "url");
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    /** The body bytes, copied. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** True for 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "HttpResponse[" + status + " " + HttpRequest.redact(url) + ", " + body.length + " bytes]";
    }
}
