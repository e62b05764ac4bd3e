package io.starexport.core.internal;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.spi.HttpRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns user input into an absolute http(s) URI with a lower-case host, or fails with {@code INVALID_URL}. */
public final class UrlParser {
    public static final int MAX_LENGTH = 2048;
    private static final Pattern BARE_HOST = Pattern.compile("^[a-z0-9-]+(\\.[a-z0-9-]+)+([/?#].*)?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private UrlParser() {
    }

    public static URI parse(String input) {
        if (input == null || input.isBlank()) {
            throw invalid("The URL is empty. Give the full address of a post, video or profile, such as "
                    + "https://www.youtube.com/watch?v=dQw4w9WgXcQ.");
        }
        String text = input.strip();
        if (text.length() > MAX_LENGTH) {
            throw invalid("The URL is " + text.length() + " characters long; the longest accepted is " + MAX_LENGTH + ".");
        }
        if (!text.contains("://") && BARE_HOST.matcher(text).matches()) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("'" + shown(text) + "' is not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            throw invalid("'" + shown(text) + "' is not a full URL; give one starting with https://.");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("Only http and https URLs can be exported, not '" + scheme + ":' URLs.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("'" + shown(text) + "' has no valid host name.");
        }
        try {
            return new URI(scheme, uri.getRawUserInfo() == null ? null : "redacted", uri.getHost().toLowerCase(Locale.ROOT),
                    uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
        } catch (URISyntaxException e) {
            throw invalid("'" + shown(text) + "' is not a valid URL: " + e.getReason() + ".");
        }
    }

    private static String shown(String text) {
        String redacted;
        try {
            redacted = HttpRequest.redact(URI.create(text));
        } catch (IllegalArgumentException e) {
            redacted = text.replaceAll("\\?.*", "?…");
        }
        return redacted.length() > 120 ? redacted.substring(0, 117) + "…" : redacted;
    }

    private static ExportException invalid(String message) {
        return ExportException.of(ErrorCode.INVALID_URL, message);
    }
}
