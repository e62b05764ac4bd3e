package io.starexport.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A request a {@link FakePlatform} or {@link RecordedResponseServer} received, for assertions.
 *
 * @param method   the HTTP method, for example {@code GET}
 * @param path     the path, still percent-encoded, for example {@code /v1/posts/p1/comments}
 * @param rawQuery the query string as sent, or null when there was none
 * @param query    the decoded query parameters in the order sent
 * @param headers  the headers, names compared case-insensitively
 * @param body     the body as UTF-8 text; empty when there was none
 */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> query,
                              Map<String, List<String>> headers, String body) {
    private static final Pattern SECRET = Pattern.compile(
            "(?i)^(key|api_?key|token|.*_token|client_secret|password|sessionid|signature|sig)$");

    /** The first value of a query parameter. */
    public Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a header, whatever the case of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Method, path and query, as in {@code GET /v1/posts/p1/comments?cursor=2}; headers and body left out, and
     * the values of secret-looking query parameters ({@code key}, {@code token}, {@code access_token}…) masked.
     */
    @Override
    public String toString() {
        if (rawQuery == null) {
            return method + " " + path;
        }
        StringJoiner shown = new StringJoiner("&", method + " " + path + "?", "");
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            shown.add(equals >= 0 && SECRET.matcher(name).find() ? name + "=***" : pair);
        }
        return shown.toString();
    }
}
