package io.starexport.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The documented field names and order every writer uses, so JSON, CSV and other formats agree.
 *
 * <p>{@link #toMap(Item)} gives the nested form (JSON, JSONL): absent values are left out, times are
 * ISO-8601 UTC strings, the author and a media item's file are nested objects, {@code extras} is an
 * object. {@link #toRow(Item)} and {@link #columns(Content)} give the flat form (CSV, XLSX): nested
 * objects become dotted columns such as {@code author.handle}; {@code extras} and a post's
 * {@code media} list stay single values for the writer to encode (as JSON text).
 *
 * <p>Enrichments come last: {@code sentiment} ({@code label}, {@code compound}, {@code positive},
 * {@code neutral}, {@code negative}, {@code provider}), {@code language} ({@code code}, {@code confidence}) and
 * {@code enrichments} (a host enricher's own values, one object or cell like {@code extras}). The nested form has
 * them when an item carries them; the flat form has their columns when the export runs enrichers
 * ({@link #columns(Content, boolean)}), empty where an item has no value.
 */
public final class ItemFields {
    private static final List<String> COMMON = List.of("platform", "id", "url", "createdAt", "createdAtApproximate",
            "author.id", "author.handle", "author.displayName", "author.url", "author.verified");
    private static final Map<Content, List<String>> COLUMNS = Map.of(
            Content.COMMENTS, columns("postId", "parentId", "depth", "text", "likeCount", "replyCount", "pinned", "edited"),
            Content.POSTS, columns("title", "text", "likeCount", "commentCount", "viewCount", "shareCount", "media"),
            Content.PROFILE, columns("bio", "followerCount", "followingCount", "postCount"),
            Content.MEDIA, columns("postId", "index", "media.type", "media.url", "media.width", "media.height",
                    "media.durationSeconds", "media.mimeType"));

    private static final List<String> ENRICHMENT_COLUMNS = List.of("sentiment.label", "sentiment.compound",
            "sentiment.positive", "sentiment.neutral", "sentiment.negative", "sentiment.provider", "language.code",
            "language.confidence", "enrichments");

    private ItemFields() {
    }

    private static List<String> columns(String... specific) {
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(List.of(specific));
        all.add("extras");
        return List.copyOf(all);
    }

    /** The flat column names, in order, for items of one content, without enrichment columns. */
    public static List<String> columns(Content content) {
        return COLUMNS.get(content);
    }

    /**
     * The flat column names, in order, for items of one content; with {@code enriched}, the enrichment columns
     * follow the others. Writers pass whether the export runs enrichers ({@code WriterOptions.enrichers()}).
     */
    public static List<String> columns(Content content, boolean enriched) {
        if (!enriched) {
            return columns(content);
        }
        List<String> all = new ArrayList<>(columns(content));
        all.addAll(ENRICHMENT_COLUMNS);
        return List.copyOf(all);
    }

    /** The item as an ordered, nested map of JSON-like values; absent values are left out. */
    public static Map<String, Object> toMap(Item item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("platform", item.platform());
        map.put("id", item.id());
        put(map, "url", item.url());
        item.createdAt().ifPresent(at -> map.put("createdAt", at.toString()));
        map.put("createdAtApproximate", item.createdAtApproximate());
        item.author().ifPresent(author -> map.put("author", author(author)));
        if (item instanceof Comment c) {
            map.put("postId", c.postId());
            put(map, "parentId", c.parentId());
            map.put("depth", c.depth());
            map.put("text", c.text());
            put(map, "likeCount", c.likeCount());
            put(map, "replyCount", c.replyCount());
            map.put("pinned", c.pinned());
            map.put("edited", c.edited());
        } else if (item instanceof Post p) {
            put(map, "title", p.title());
            put(map, "text", p.text());
            put(map, "likeCount", p.likeCount());
            put(map, "commentCount", p.commentCount());
            put(map, "viewCount", p.viewCount());
            put(map, "shareCount", p.shareCount());
            List<Object> media = new ArrayList<>();
            p.media().forEach(m -> media.add(media(m)));
            map.put("media", media);
        } else if (item instanceof Profile p) {
            put(map, "bio", p.bio());
            put(map, "followerCount", p.followerCount());
            put(map, "followingCount", p.followingCount());
            put(map, "postCount", p.postCount());
        } else if (item instanceof MediaItem m) {
            put(map, "postId", m.postId());
            map.put("index", m.index());
            map.put("media", media(m.media()));
        }
        map.put("extras", item.extras());
        Enrichments enrichments = item.enrichments();
        enrichments.sentiment().ifPresent(sentiment -> map.put("sentiment", sentiment(sentiment)));
        enrichments.language().ifPresent(language -> map.put("language", language(language)));
        if (!enrichments.custom().isEmpty()) {
            map.put("enrichments", enrichments.custom());
        }
        return map;
    }

    /**
     * The item as a flat map keyed by {@link #columns(Content)}; absent values are left out.
     * Values are strings, numbers, booleans, or (for {@code extras}, {@code enrichments} and a post's {@code media})
     * a map or list.
     */
    public static Map<String, Object> toRow(Item item) {
        Map<String, Object> row = new LinkedHashMap<>();
        toMap(item).forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested && !name.equals("extras") && !name.equals("enrichments")) {
                nested.forEach((key, inner) -> row.put(name + "." + key, inner));
            } else {
                row.put(name, value);
            }
        });
        return row;
    }

    /**
     * The JSON text of a value from {@link #toMap} or {@link #toRow}, for formats that keep a nested value
     * ({@code extras}, a post's {@code media}) in one cell. Strings, booleans, numbers, maps and lists map to
     * their JSON forms; a number that is not finite is {@code null}; anything else (an {@code Instant}, an
     * enum a platform kept in extras) is its text.
     */
    public static String toJson(Object value) {
        StringBuilder json = new StringBuilder();
        appendJson(json, value);
        return json.toString();
    }

    private static void appendJson(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof java.math.BigInteger) {
            json.append(value);
        } else if (value instanceof java.math.BigDecimal decimal) {
            json.append(decimal.toPlainString());
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            json.append(Double.isFinite(number) ? value.toString() : "null");
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.append(separator);
                appendString(json, String.valueOf(entry.getKey()));
                json.append(':');
                appendJson(json, entry.getValue());
                separator = ",";
            }
            json.append('}');
        } else if (value instanceof Iterable<?> values) {
            json.append('[');
            String separator = "";
            for (Object element : values) {
                json.append(separator);
                appendJson(json, element);
                separator = ",";
            }
            json.append(']');
        } else {
            appendString(json, value.toString());
        }
    }

    /** A JSON string as RFC 8259 requires: quotes, backslashes and control characters escaped. */
    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static Map<String, Object> author(Author author) {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "id", author.id());
        put(map, "handle", author.handle());
        put(map, "displayName", author.displayName());
        put(map, "url", author.url());
        map.put("verified", author.verified());
        return map;
    }

    private static Map<String, Object> sentiment(Sentiment sentiment) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("label", sentiment.label().name().toLowerCase(java.util.Locale.ROOT));
        put(map, "compound", sentiment.compound());
        put(map, "positive", sentiment.positive());
        put(map, "neutral", sentiment.neutral());
        put(map, "negative", sentiment.negative());
        map.put("provider", sentiment.provider());
        return map;
    }

    private static Map<String, Object> language(Language language) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("code", language.code());
        put(map, "confidence", language.confidence());
        return map;
    }

    private static Map<String, Object> media(Media media) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", media.type().name().toLowerCase(java.util.Locale.ROOT));
        map.put("url", media.url());
        put(map, "width", media.width());
        put(map, "height", media.height());
        media.duration().ifPresent(d -> map.put("durationSeconds", d.toMillis() / 1000.0));
        put(map, "mimeType", media.mimeType());
        return map;
    }

    private static void put(Map<String, Object> map, String name, Optional<?> value) {
        value.ifPresent(v -> map.put(name, v));
    }

    private static void put(Map<String, Object> map, String name, OptionalLong value) {
        value.ifPresent(v -> map.put(name, v));
    }

    private static void put(Map<String, Object> map, String name, OptionalDouble value) {
        value.ifPresent(v -> map.put(name, v));
    }

    private static void put(Map<String, Object> map, String name, OptionalInt value) {
        value.ifPresent(v -> map.put(name, v));
    }
}
