package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Author;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.kit.Json;
import io.starexport.kit.Values;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A video's metadata and formats through the keyless {@code /youtubei/v1/player} call, read the way yt-dlp
 * ({@code _extract_formats_and_subtitles}) and NewPipe ({@code YoutubeStreamExtractor}) read it:
 * {@code playabilityStatus}, {@code videoDetails}, {@code microformat.playerMicroformatRenderer} and
 * {@code streamingData.formats[]} / {@code adaptiveFormats[]}. POSTS gives the video as one post; MEDIA gives
 * its thumbnail, the video, and one item per format with itag, MIME type, quality, bit rate and size. A
 * format has a direct URL only when YouTube sends one; formats with a {@code signatureCipher} need the
 * player's JavaScript to unlock, which this client does not run, so they point at the watch page and say so.
 */
final class WebVideo implements Extractor<Item> {
    private final WebClient client;
    private final ExportQuery query;

    WebVideo(WebClient client, ExportQuery query) {
        this.client = client;
        this.query = query;
    }

    @Override
    public Page<Item> fetch(PageRequest request) {
        String videoId = query.target().id();
        JsonNode player = client.player(videoId);
        JsonNode details = player.path("videoDetails");
        if (!details.isObject() || Json.text(details.path("videoId")) == null) {
            throw playability(player, videoId);
        }
        Post post = post(details, player.path("microformat").path("playerMicroformatRenderer"),
                directVariants(player.path("streamingData")));
        if (query.content() == io.starexport.api.Content.POSTS) {
            return Page.of(List.of(post), null);
        }
        List<Item> items = new ArrayList<>(DataApiItems.videoMedia(post));
        JsonNode streaming = player.path("streamingData");
        for (String list : new String[]{"formats", "adaptiveFormats"}) {
            for (JsonNode format : streaming.path(list)) {
                MediaItem item = format(post, format, items.size(), list.equals("adaptiveFormats"));
                if (item != null) {
                    items.add(item);
                }
            }
        }
        return Page.of(items, null);
    }

    /** The formats YouTube gives a direct URL for, as renditions of the video. */
    private static List<Media.Variant> directVariants(JsonNode streaming) {
        List<Media.Variant> variants = new ArrayList<>();
        for (String list : new String[]{"formats", "adaptiveFormats"}) {
            for (JsonNode format : streaming.path(list)) {
                String url = Json.text(format.path("url"));
                if (url != null) {
                    variants.add(new Media.Variant(url, integer(format.path("width")), integer(format.path("height")),
                            Optional.ofNullable(Json.text(format.path("mimeType")))));
                }
            }
        }
        return variants;
    }

    private static Post post(JsonNode details, JsonNode microformat, List<Media.Variant> formats) {
        String id = details.path("videoId").asText();
        Long seconds = Json.number(details.path("lengthSeconds"));
        Duration duration = seconds == null ? null : Duration.ofSeconds(seconds);
        String channelId = Json.text(details.path("channelId"));
        Post.Builder builder = Post.builder().platform(YouTubeUrls.PLATFORM).id(id).url(YouTubeUrls.WEB + "/watch?v=" + id)
                .title(Json.text(details.path("title"))).text(Json.text(details.path("shortDescription")))
                .viewCount(Json.number(details.path("viewCount")))
                .author(Author.builder().id(channelId).displayName(Json.text(details.path("author")))
                        .url(channelId == null ? null : YouTubeUrls.WEB + "/channel/" + channelId).build());
        Instant published = date(Json.text(microformat.path("publishDate")));
        if (published == null) {
            published = date(Json.text(microformat.path("uploadDate")));
        }
        if (published != null) {
            builder.createdAt(published);
        }
        JsonNode thumbnails = details.path("thumbnail").path("thumbnails");
        List<Media.Variant> variants = new ArrayList<>();
        for (int i = thumbnails.size() - 1; i >= 0; i--) {
            JsonNode thumbnail = thumbnails.get(i);
            String url = Json.text(thumbnail.path("url"));
            if (url != null) {
                variants.add(new Media.Variant(url, integer(thumbnail.path("width")), integer(thumbnail.path("height")),
                        Optional.empty()));
            }
        }
        if (!variants.isEmpty()) {
            Media.Variant best = variants.get(0);
            Media image = Media.of(Media.Type.IMAGE, best.url()).withVariants(variants);
            builder.media(best.width().isPresent() && best.height().isPresent()
                    ? image.withSize(best.width().getAsInt(), best.height().getAsInt()) : image);
        }
        Media video = Media.of(Media.Type.VIDEO, YouTubeUrls.WEB + "/watch?v=" + id).withVariants(formats);
        builder.media(duration == null ? video : video.withDuration(duration));
        List<String> keywords = new ArrayList<>();
        details.path("keywords").forEach(keyword -> keywords.add(keyword.asText()));
        return builder.extra("duration", duration == null ? null : duration.toString())
                .extra("tags", keywords.isEmpty() ? null : List.copyOf(keywords))
                .extra("category", Json.text(microformat.path("category")))
                .extra("is_live_content", details.path("isLiveContent").isBoolean()
                        ? details.path("isLiveContent").asBoolean() : null)
                .extra("is_family_safe", microformat.path("isFamilySafe").isBoolean()
                        ? microformat.path("isFamilySafe").asBoolean() : null)
                .build();
    }

    private static MediaItem format(Post post, JsonNode format, int index, boolean adaptive) {
        Long itag = Json.number(format.path("itag"));
        String mime = Json.text(format.path("mimeType"));
        if (itag == null) {
            return null;
        }
        String direct = Json.text(format.path("url"));
        boolean ciphered = direct == null && (format.has("signatureCipher") || format.has("cipher"));
        Media.Type type = mime != null && mime.toLowerCase(Locale.ROOT).startsWith("audio/")
                ? Media.Type.AUDIO : Media.Type.VIDEO;
        Media media = Media.of(type, direct != null ? direct : post.url().orElseThrow());
        OptionalInt width = integer(format.path("width"));
        OptionalInt height = integer(format.path("height"));
        if (width.isPresent() && height.isPresent()) {
            media = media.withSize(width.getAsInt(), height.getAsInt());
        }
        if (mime != null) {
            media = media.withMimeType(mime);
        }
        Long durationMs = Json.number(format.path("approxDurationMs"));
        if (durationMs != null) {
            media = media.withDuration(Duration.ofMillis(durationMs));
        }
        MediaItem.Builder item = MediaItem.builder().platform(YouTubeUrls.PLATFORM).id(post.id() + ":" + itag)
                .postId(post.id()).index(index).media(media).url(post.url().orElse(null))
                .extra("itag", itag)
                .extra("quality", Json.text(format.path("quality")))
                .extra("quality_label", Json.text(format.path("qualityLabel")))
                .extra("bitrate", Json.number(format.path("bitrate")))
                .extra("average_bitrate", Json.number(format.path("averageBitrate")))
                .extra("content_length", Json.number(format.path("contentLength")))
                .extra("fps", Json.number(format.path("fps")))
                .extra("audio_quality", Json.text(format.path("audioQuality")))
                .extra("audio_sample_rate", Json.number(format.path("audioSampleRate")))
                .extra("adaptive", adaptive)
                .extra("direct_url", direct != null)
                .extra("signature_ciphered", ciphered ? Boolean.TRUE : null);
        post.createdAt().ifPresent(item::createdAt);
        post.author().ifPresent(item::author);
        return item.build();
    }

    /** The error for a player answer without video details [YTDLP-V playability handling]. */
    private static ExportException playability(JsonNode player, String videoId) {
        JsonNode status = player.path("playabilityStatus");
        String state = status.path("status").asText("");
        String reason = Json.text(status.path("reason"));
        if (reason == null) {
            reason = FormattedText.of(status.path("errorScreen").path("playerErrorMessageRenderer").path("reason"));
        }
        String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        String said = reason == null ? "" : ": " + reason;
        if (lower.contains("private")) {
            return ExportException.of(ErrorCode.PRIVATE_CONTENT, "Video " + videoId + " is private" + said);
        }
        if (state.equals("LOGIN_REQUIRED") || lower.contains("confirm your age")) {
            return ExportException.of(ErrorCode.AUTH_REQUIRED, "YouTube requires signing in to see video " + videoId
                    + said + ". The keyless client cannot sign in; configure an api_key to use the Data API.");
        }
        if (state.isEmpty()) {
            return ExportException.platformChanged(YouTubeUrls.PLATFORM, "videoDetails", "no video details and no "
                    + "playabilityStatus");
        }
        return ExportException.of(ErrorCode.NOT_FOUND, "Video " + videoId + " is unavailable (" + state + ")" + said);
    }

    private static Instant date(String text) {
        return Values.instant(text).orElse(null);
    }

    private static OptionalInt integer(JsonNode node) {
        return node.isInt() ? OptionalInt.of(node.asInt()) : OptionalInt.empty();
    }
}
