package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Author;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Post;
import io.starexport.api.Skipped;
import io.starexport.api.Target;
import io.starexport.kit.CursorCodec;
import io.starexport.kit.Json;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Videos from {@code POST /v2/research/video/query/}: a user's ({@code username EQ}), a hashtag's
 * ({@code hashtag_name EQ}) or one video ({@code video_id EQ}). The API needs a {@code start_date} and
 * {@code end_date} at most 30 days apart, so the export walks 30-day windows from the requested
 * {@code until} (default today) back to {@code since} (default 2016-09-01, when TikTok started), newest
 * window first, paging inside each window with {@code cursor} and {@code search_id}. Consecutive windows
 * share their boundary day; a video on that day belongs to the newer window only, so no video comes twice.
 * One video's window comes from its id, whose upper 32 bits are its creation time.
 *
 * <p>The cursor holds the window's end date, TikTok's cursor and search id. Each request costs one call of
 * the daily quota, also for an empty window: set {@code since} to bound a long history.
 */
final class ResearchVideos implements Extractor<Post> {
    private static final CursorCodec CURSOR = CursorCodec.of(TikTokPlatform.ID, "research-videos", 1);
    static final String FIELDS = "id,video_description,create_time,region_code,share_count,view_count,like_count,"
            + "comment_count,music_id,hashtag_names,username,effect_ids,playlist_id,voice_to_text,is_stem_verified,"
            + "favorites_count,video_duration";
    static final LocalDate TIKTOK_START = LocalDate.of(2016, 9, 1);
    private static final int WINDOW_DAYS = 30;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final ResearchApi api;
    private final WebApi web;
    private final ExportQuery query;
    private final Clock clock;

    ResearchVideos(ResearchApi api, WebApi web, ExportQuery query, Clock clock) {
        this.api = api;
        this.web = web;
        this.query = query;
        this.clock = clock;
    }

    @Override
    public Page<Post> fetch(PageRequest request) {
        ObjectNode state = request.cursor().map(CURSOR::decode).orElseGet(this::firstState);
        LocalDate end = LocalDate.parse(state.path("e").asText(), DATE);
        LocalDate floor = LocalDate.parse(state.path("f").asText(), DATE);
        LocalDate start = end.minusDays(WINDOW_DAYS - 1L).isBefore(floor) ? floor : end.minusDays(WINDOW_DAYS - 1L);
        // the window reaches up to (not into) its end day; the date sent is never in the future
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate endDate = end.isAfter(today) ? today : end;
        if (start.isAfter(endDate)) {
            return Page.of(List.of(), null);
        }
        ObjectNode body = Json.object();
        body.set("query", filter(state));
        body.put("start_date", start.format(DATE));
        body.put("end_date", endDate.format(DATE));
        body.put("max_count", api.pageSize());
        if (state.has("c")) {
            body.put("cursor", state.get("c").asLong());
            body.put("search_id", state.path("s").asText());
        }
        body.put("is_random", false);
        JsonNode data = api.query("/v2/research/video/query/", FIELDS, body);
        JsonNode list = data.get("videos");
        if (list != null && !list.isNull() && !list.isArray()) {
            throw ExportException.platformChanged(TikTokPlatform.ID, "data.videos", "found " + list.getNodeType());
        }
        Instant newerWindow = end.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Post> posts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int index = 0;
        for (JsonNode element : WebItems.iterable(list)) {
            try {
                Post post = post(element);
                if (post.createdAt().map(at -> at.isBefore(newerWindow)).orElse(true)) {
                    posts.add(post);
                }
            } catch (RuntimeException e) {
                skipped.add(new Skipped("data.videos[" + index + "]", e.getMessage()));
            }
            index++;
        }
        Long cursor = Json.number(data, "cursor");
        String searchId = Json.text(data, "search_id");
        ObjectNode next = null;
        long offset = state.path("c").asLong(0);
        if (Json.flag(data, "has_more") && cursor != null && cursor > offset) {
            next = state.deepCopy().put("c", cursor).put("s", searchId == null ? state.path("s").asText() : searchId);
        } else if (start.isAfter(floor)) {
            next = Json.object().put("e", start.format(DATE)).put("f", floor.format(DATE));
            next.set("q", state.get("q"));
        }
        return Page.of(posts, next == null ? null : CURSOR.encode(next)).withSkipped(skipped);
    }

    /** The query's one condition, kept in the cursor as {@code [field, value]}. */
    private static ObjectNode filter(ObjectNode state) {
        JsonNode condition = state.path("q");
        ObjectNode filter = Json.object();
        ObjectNode clause = filter.putArray("and").addObject();
        clause.put("operation", "EQ").put("field_name", condition.path(0).asText());
        clause.putArray("field_values").add(condition.path(1).asText());
        return filter;
    }

    private ObjectNode firstState() {
        Target target = query.target();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate floor = query.since().map(s -> s.atZone(ZoneOffset.UTC).toLocalDate()).orElse(TIKTOK_START);
        LocalDate end = query.until().map(u -> u.atZone(ZoneOffset.UTC).toLocalDate()).orElse(today).plusDays(1);
        ArrayNode condition = Json.array();
        switch (target.kind()) {
            case PROFILE -> condition.add("username").add(target.id());
            case HASHTAG -> condition.add("hashtag_name").add(target.id());
            default -> {
                String id = target.attributes().containsKey("short") ? web.followShortLink(target).id() : target.id();
                LocalDate created = creationDate(id);
                condition.add("video_id").add(id);
                floor = created.minusDays(1);
                end = created.plusDays(1);
            }
        }
        if (floor.isAfter(end)) {
            floor = end;
        }
        ObjectNode state = Json.object().put("e", end.format(DATE)).put("f", floor.format(DATE));
        state.set("q", condition);
        return state;
    }

    /** A video id's upper 32 bits are its creation time in Unix seconds. */
    private LocalDate creationDate(String id) {
        long seconds = new BigInteger(id).shiftRight(32).longValue();
        LocalDate date = Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC).toLocalDate();
        if (date.isBefore(TIKTOK_START.minusYears(1)) || date.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))) {
            throw ExportException.of(ErrorCode.NOT_FOUND, "Cannot tell when the TikTok video " + id + " was posted "
                    + "from its id, which the Research API query needs; check the URL.");
        }
        return date;
    }

    static Post post(JsonNode v) {
        String id = Json.text(v, "id") != null ? Json.text(v, "id") : WebItems.require(v, "video_id");
        String username = Json.text(v, "username");
        Post.Builder builder = Post.builder().platform(TikTokPlatform.ID).id(id)
                .url(TikTokUrls.canonicalVideoUrl(username, id, false))
                .text(Json.text(v, "video_description"))
                .createdAt(Json.epochSeconds(v.path("create_time")))
                .viewCount(Json.number(v, "view_count"))
                .likeCount(Json.number(v, "like_count"))
                .commentCount(Json.number(v, "comment_count"))
                .shareCount(Json.number(v, "share_count"))
                .author(username == null ? null : Author.builder().handle(username).url(TikTokUrls.WEB + "/@" + username)
                        .build())
                .extra("save_count", Json.number(v, "favorites_count"))
                .extra("duration_seconds", Json.number(v, "video_duration"))
                .extra("region_code", Json.text(v, "region_code"))
                .extra("music_id", Json.text(v, "music_id"))
                .extra("playlist_id", Json.text(v, "playlist_id"))
                .extra("voice_to_text", Json.text(v, "voice_to_text"))
                .extra("stem_verified", v.has("is_stem_verified") ? Json.flag(v, "is_stem_verified") : null);
        List<String> hashtags = WebItems.strings(v.get("hashtag_names"), null);
        if (!hashtags.isEmpty()) {
            builder.extra("hashtags", hashtags);
        }
        List<String> effects = WebItems.strings(v.get("effect_ids"), null);
        effects.removeIf("0"::equals);
        if (!effects.isEmpty()) {
            builder.extra("effect_ids", effects);
        }
        return builder.build();
    }
}
