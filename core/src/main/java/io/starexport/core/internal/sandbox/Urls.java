package io.starexport.core.internal.sandbox;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** URL pieces for the built-in platforms' {@code resolve}. */
final class Urls {
    private Urls() {
    }

    /** The decoded, non-empty path segments. */
    static List<String> segments(URI url) {
        List<String> segments = new ArrayList<>();
        String path = url.getPath();
        if (path != null) {
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(segment);
                }
            }
        }
        return segments;
    }

    /** The query parameters, decoded; the first value wins when a name repeats. */
    static Map<String, String> query(URI url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = url.getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    static boolean isWeb(URI url) {
        String scheme = url.getScheme();
        return url.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    }
}
