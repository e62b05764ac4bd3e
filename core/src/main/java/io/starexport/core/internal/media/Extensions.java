package io.starexport.core.internal.media;

import io.starexport.api.Media;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** The file extension of a media file: from its MIME type, else its URL path, else its kind. */
final class Extensions {
    private static final Map<String, String> BY_MIME = Map.ofEntries(
            Map.entry("image/jpeg", "jpg"), Map.entry("image/jpg", "jpg"), Map.entry("image/png", "png"),
            Map.entry("image/gif", "gif"), Map.entry("image/webp", "webp"), Map.entry("image/heic", "heic"),
            Map.entry("image/avif", "avif"), Map.entry("video/mp4", "mp4"), Map.entry("video/webm", "webm"),
            Map.entry("video/quicktime", "mov"), Map.entry("audio/mp4", "m4a"), Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/ogg", "ogg"), Map.entry("audio/webm", "weba"), Map.entry("audio/aac", "aac"));

    private Extensions() {
    }

    static String of(Renditions.Choice choice, Media.Type type) {
        if (choice.mimeType().isPresent()) {
            String mime = choice.mimeType().get().toLowerCase(Locale.ROOT);
            int semicolon = mime.indexOf(';');
            String known = BY_MIME.get((semicolon < 0 ? mime : mime.substring(0, semicolon)).trim());
            if (known != null) {
                return known;
            }
        }
        String fromPath = fromUrl(choice.url());
        if (fromPath != null) {
            return fromPath;
        }
        return switch (type) {
            case IMAGE -> "jpg";
            case VIDEO -> "mp4";
            case AUDIO -> "m4a";
        };
    }

    private static String fromUrl(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null) {
            return null;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return extension.matches("[a-z0-9]{1,5}") ? extension : null;
    }
}
